package dev.cachet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Package rules of docs/ARCHITECTURE.md: no cycles, and a core that knows nothing of its edges. */
class ArchitectureTest {
    private static final String[] EDGES = {"dev.cachet.cli..", "dev.cachet.server.."};
    private static final String[] JDBC_USERS = {"dev.cachet.cli..", "dev.cachet.server..", "dev.cachet.store.jdbc.."};
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.cachet");
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("dev.cachet.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void coreKnowsNothingOfCommandLineOrHttp() {
        noClasses().that().resideOutsideOfPackages(EDGES)
                .should().dependOnClassesThat().resideInAnyPackage("picocli..", "io.javalin..", "org.eclipse.jetty..")
                .check(classes);
    }

    @Test
    void onlyTheJdbcStoreAndTheEdgesUseJdbc() {
        noClasses().that().resideOutsideOfPackages(JDBC_USERS)
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "com.zaxxer..",
                        "org.flywaydb..", "org.h2..", "org.postgresql..")
                .check(classes);
    }

    @Test
    void nothingDependsOnTheEdges() {
        noClasses().that().resideOutsideOfPackages(EDGES)
                .should().dependOnClassesThat().resideInAnyPackage(EDGES)
                .check(classes);
    }

    @Test
    void onlyTheCommandLineWritesToTheConsole() {
        noClasses().that().resideOutsideOfPackage("dev.cachet.cli..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .check(classes);
    }
}
