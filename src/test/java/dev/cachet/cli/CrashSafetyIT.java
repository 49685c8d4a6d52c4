package dev.cachet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.server.CachetConfig;
import dev.cachet.server.ConfigLoader;
import dev.cachet.server.Storage;
import dev.cachet.store.AuditEvent;
import dev.cachet.store.CertificateQuery;
import dev.cachet.store.CertificateRecord;
import dev.cachet.store.CertificateStatus;
import dev.cachet.testing.AcmeTestServer;
import dev.cachet.testing.Http01Responder;
import dev.cachet.testing.PostgresServer;
import dev.cachet.testing.RunningServer;
import dev.cachet.testing.TestDnsServer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.Status;

/**
 * {@code cachet serve} killed with SIGKILL at random moments under a REST and ACME issuance load,
 * {@value #KILLS} times per database and restarted on the same data each time. Afterwards every
 * certificate a client received is in the database, byte for byte; no serial was received twice;
 * no order is left processing; and {@code cachet db check} finds nothing wrong. The seed of the
 * kill moments is printed; {@code -Dcrash.seed=N} replays it.
 */
class CrashSafetyIT {
    private static final int KILLS = 20;
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration SETTLE = Duration.ofSeconds(30);
    /** How long a restarted server may take to issue again before it is killed anyway. */
    private static final Duration ISSUANCE = Duration.ofSeconds(20);
    /** Kills land at a random moment this long after the first progress of a cycle. */
    private static final int KILL_WINDOW_MILLIS = 1000;
    /** Recovery settles leftovers quickly here, so that the test can wait for it. */
    private static final int GRACE_SECONDS = 2;

    @TempDir
    Path dir;

    @Test
    void h2() throws Exception {
        crashRepeatedly("h2", List.of());
    }

    @Test
    void postgresql() throws Exception {
        PostgresServer postgres = PostgresServer.shared();
        Map<String, String> database = RunningServer.postgres(postgres,
                postgres.newDatabase("crash_" + System.nanoTime()), dir);
        crashRepeatedly("postgresql", List.of("database:", "  url: " + database.get("database.url"),
                "  user: " + database.get("database.user"),
                "  passwordFile: " + database.get("database.passwordFile")));
    }

    private void crashRepeatedly(String name, List<String> database) throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        System.out.println("CrashSafetyIT[" + name + "] seed " + seed + " (replay with -Dcrash.seed=" + seed + ")");
        Random random = new Random(seed);
        int http01Port = AcmeTestServer.freePort();
        try (TestDnsServer dns = TestDnsServer.start(); Http01Responder http01 = Http01Responder.start(http01Port)) {
            Path config = config(dns, http01Port, database);
            String httpsUrl = "https://" + load(config).listen();
            ServeProcess serve = serve(config);
            CrashLoad load = CrashLoad.start(httpsUrl, dir.resolve("data/ca/root.pem"), token(config), dns, http01);
            try {
                for (int kill = 0; kill < KILLS; kill++) {
                    if (kill > 0) {
                        serve = serve(config);
                    }
                    // Every other cycle waits for an ACME finalization, so that some kills hit orders processing.
                    IntSupplier progress = kill % 2 == 0 ? load::receivedCount : load::finalizationCount;
                    awaitProgress(progress);
                    // The kill moment itself is what is random, not a wait for something.
                    Thread.sleep(random.nextInt(KILL_WINDOW_MILLIS));
                    serve.kill();
                }
                serve = serve(config);
            } finally {
                load.close();
            }
            try (ServeProcess last = serve) {
                awaitSettled(config, load);
                last.terminate();
                last.awaitExit(START);
            }
            report(name, config, load, CliRunner.run("db", "check", "--config", config.toString()));
        }
    }

    /** Waits until the restarted server makes progress (bounded), so that each kill lands under load. */
    private static void awaitProgress(IntSupplier progress) throws InterruptedException {
        int before = progress.getAsInt();
        long deadline = System.nanoTime() + ISSUANCE.toNanos();
        while (progress.getAsInt() == before && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private ServeProcess serve(Path config) throws Exception {
        ServeProcess serve = ServeProcess.start(dir, "serve", "--config", config.toString());
        serve.awaitLine("ready ", START);
        return serve;
    }

    /** Orders left processing and reservations left unstored are settled by the restarted server. */
    private static void awaitSettled(Path config, CrashLoad load) throws Exception {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        List<Order> processing = load.orders();
        List<CertificateRecord> reserved = List.of();
        while (System.nanoTime() < deadline) {
            processing = new ArrayList<>();
            for (Order order : load.orders()) {
                order.fetch();
                if (order.getStatus() == Status.PROCESSING) {
                    processing.add(order);
                }
            }
            try (Storage storage = Storage.open(load(config), Clock.systemUTC())) {
                reserved = storage.certificates().search(new CertificateQuery(Optional.of(CertificateStatus.RESERVED),
                        Optional.empty(), Optional.empty(), Optional.empty(), CertificateQuery.MAX_LIMIT));
            }
            if (processing.isEmpty() && reserved.isEmpty()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not settled within " + SETTLE + ": orders processing " + processing
                + ", reserved serials " + reserved.stream().map(r -> r.serial().toString(16)).toList());
    }

    private void report(String name, Path config, CrashLoad load, CliRunner.Result check) {
        try (Storage storage = Storage.open(load(config), Clock.systemUTC())) {
            Map<BigInteger, byte[]> received = load.received();
            List<String> missing = new ArrayList<>();
            received.forEach((serial, der) -> {
                Optional<byte[]> stored = storage.certificates().find(serial).flatMap(CertificateRecord::certificate);
                if (stored.isEmpty() || !java.util.Arrays.equals(stored.get(), der)) {
                    missing.add(serial.toString(16));
                }
            });
            List<CertificateRecord> all = all(storage);
            Map<CertificateStatus, Long> byStatus = all.stream().collect(Collectors.groupingBy(
                    CertificateRecord::status, Collectors.counting()));
            List<AuditEvent> recovered = storage.audit().recent(100_000).stream()
                    .filter(e -> e.action().equals("order.recovered")).toList();
            System.out.println("CrashSafetyIT[" + name + "] kills " + KILLS + ", certificates received "
                    + load.receivedSummary() + ", recorded " + all.size() + " " + byStatus + ", never issued "
                    + byStatus.getOrDefault(CertificateStatus.UNISSUED, 0L) + ", ACME orders placed "
                    + load.orders().size() + ", recovered " + recovered.size() + " (valid "
                    + recovered.stream().filter(e -> e.details().get("outcome").equals("valid")).count()
                    + ")\n" + check.out());

            assertThat(missing).as("received certificates not stored as received").isEmpty();
            assertThat(load.duplicates()).as("serials received twice").isEmpty();
            assertThat(received).as("certificates received").isNotEmpty();
            assertThat(check.exitCode()).as(check.out() + check.err()).isEqualTo(ExitCodes.OK);
            assertThat(byStatus).doesNotContainKey(CertificateStatus.RESERVED);
        }
    }

    private static List<CertificateRecord> all(Storage storage) {
        List<CertificateRecord> all = new ArrayList<>();
        Optional<BigInteger> after = Optional.empty();
        while (true) {
            List<CertificateRecord> page = storage.certificates().search(new CertificateQuery(Optional.empty(),
                    Optional.empty(), Optional.empty(), after, CertificateQuery.MAX_LIMIT));
            all.addAll(page);
            if (page.size() < CertificateQuery.MAX_LIMIT) {
                return all;
            }
            after = Optional.of(page.get(page.size() - 1).serial());
        }
    }

    private Path config(TestDnsServer dns, int http01Port, List<String> database) throws Exception {
        List<String> lines = new ArrayList<>(List.of("data: " + dir.resolve("data"),
                "listen: 127.0.0.1:" + AcmeTestServer.freePort(), "httpListen: 127.0.0.1:" + AcmeTestServer.freePort(),
                "recovery: {graceSeconds: " + GRACE_SECONDS + ", intervalSeconds: 1}",
                "validation:", "  resolvers: ['127.0.0.1:" + dns.address().getPort() + "']",
                "  http01Port: " + http01Port, "  allowPrivateTargets: true", "  timeoutSeconds: 5"));
        lines.addAll(database);
        return Files.write(dir.resolve("cachet.yaml"), lines);
    }

    private String token(Path config) throws Exception {
        try (ServeProcess create = ServeProcess.start(dir, "token", "create", "--config", config.toString(),
                "--name", "load", "--scopes", "issue,read", "--domains", "crash.test")) {
            assertThat(create.awaitExit(START)).as(create.errors()).isEqualTo(ExitCodes.OK);
            List<String> lines = create.lines();
            return lines.get(lines.size() - 1);
        }
    }

    /** The test's configuration file, loaded as the server loads it. */
    private static CachetConfig load(Path config) {
        return ConfigLoader.load(config, Map.of(), Map.of());
    }
}
