package dev.cachet.cli;

import dev.cachet.ca.CaDirectory;
import dev.cachet.consistency.ConsistencyCheck;
import dev.cachet.consistency.ConsistencyProblem;
import dev.cachet.consistency.ConsistencyReport;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.crypto.PemDocument;
import dev.cachet.server.CachetConfig;
import dev.cachet.server.Storage;
import dev.cachet.store.jdbc.JdbcConsistencySource;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bouncycastle.cert.X509CertificateHolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cachet db check}: one line per problem in the database, then a summary line; exit 0 when
 * clean, 1 when a problem was found. Safe while {@code cachet serve} runs: it only reads.
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Check the database: unique serials; every recorded serial stored with the certificate",
            "that was linted, signed by this CA, or marked never issued; ACME orders consistent with their",
            "certificates and not stuck processing; e-mail requests not stuck issuing; CRL entries revoked.",
            "Prints one line per problem and a summary; exits 0 when clean, 1 otherwise."},
        footer = {"", "Examples:", "  cachet db check --data cachet-data",
            "  cachet db check --data cachet-data --db jdbc:postgresql://db/cachet --db-user cachet "
                + "--db-password-file pw"})
final class DbCheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Mixin
    ServerOptions server;

    @Option(names = "--db-user", paramLabel = "USER", description = "The database user (with --db).")
    String user;

    @Option(names = "--db-password-file", paramLabel = "FILE",
            description = "A file whose first line is the database password (with --db).")
    String passwordFile;

    @Option(names = "--grace-seconds", paramLabel = "N", description = "An issuance, order or e-mail request younger"
            + " than this is in flight, not a problem (default: recovery.graceSeconds, 300).")
    Integer graceSeconds;

    @Override
    public Integer call() {
        Map<String, String> overrides = new LinkedHashMap<>();
        if (user != null) {
            overrides.put("database.user", user);
        }
        if (passwordFile != null) {
            overrides.put("database.passwordFile", passwordFile);
        }
        CachetConfig config = server.load(overrides);
        List<X509CertificateHolder> issuers = issuers(Path.of(config.data()).resolve("ca"));
        Duration grace = Duration.ofSeconds(graceSeconds != null ? graceSeconds : config.recovery().graceSeconds());
        ConsistencyReport report;
        try (Storage storage = Storage.open(config, Clock.systemUTC())) {
            report = new ConsistencyCheck(new JdbcConsistencySource(storage.database().dataSource()),
                    storage.crls(), issuers, Clock.systemUTC(), grace).run();
        }
        PrintWriter out = spec.commandLine().getOut();
        for (ConsistencyProblem problem : report.problems()) {
            out.println(problem);
        }
        out.println(report.summary());
        out.flush();
        return report.clean() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    /** The CA certificates of the data folder: certificates are checked against them. */
    private static List<X509CertificateHolder> issuers(Path caDir) {
        Path chain = new CaDirectory(caDir).chain();
        if (!Files.isRegularFile(chain)) {
            throw new CachetException(ErrorType.NOT_FOUND, caDir + ": no CA here; give the data folder of the"
                    + " instance with --data, its CA certificates are needed to check signatures");
        }
        return PemDocument.read(chain).certificates();
    }
}
