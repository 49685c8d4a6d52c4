package dev.cachet.inspect;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The inspect core knows nothing of the command line. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.cachet.inspect");

    @Test
    void inspectDoesNotDependOnTheCommandLine() {
        noClasses().that().resideInAPackage("dev.cachet.inspect..")
                .should().dependOnClassesThat().resideInAnyPackage("picocli..", "dev.cachet.cli..")
                .check(CLASSES);
    }

    @Test
    void inspectDoesNotPrint() {
        noClasses().that().resideInAPackage("dev.cachet.inspect..")
                .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .check(CLASSES);
    }
}
