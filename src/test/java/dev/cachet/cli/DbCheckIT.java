package dev.cachet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.enrolment.Scope;
import dev.cachet.store.acme.OrderStatus;
import dev.cachet.store.jdbc.Database;
import dev.cachet.testing.CachetClient;
import dev.cachet.testing.PostgresServer;
import dev.cachet.testing.RunningServer;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code cachet db check} on the database of a server that issued and revoked through the REST API:
 * clean (exit 0, even while the server runs), then damaged on purpose in every way the check knows,
 * each problem found and named on its own line (exit 1), what is still within the grace period of
 * crash recovery not. On H2 and on PostgreSQL.
 */
class DbCheckIT {
    private static final List<String> EXPECTED = List.of("duplicate-serial", "malformed-serial", "serial-mismatch",
            "tbs-mismatch", "not-stored", "unissued-with-certificate", "unparsable-certificate", "unknown-issuer",
            "valid-order-without-certificate", "order-stuck-processing", "valid-order-certificate-not-stored",
            "order-certificate-unknown", "crl-entry-not-revoked", "request-stuck-issuing");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aCleanDatabasePassesAndEachDamageIsNamed(String backend) throws Exception {
        Path data = dir.resolve("data");
        List<String> database = new ArrayList<>();
        Map<String, String> overrides = Map.of();
        if (backend.equals("postgresql")) {
            PostgresServer postgres = PostgresServer.shared();
            overrides = RunningServer.postgres(postgres, postgres.newDatabase("db_check_" + System.nanoTime()), dir);
            database = List.of("--db", overrides.get("database.url"), "--db-user", postgres.user(),
                    "--db-password-file", overrides.get("database.passwordFile"));
        }
        List<String> serials = new ArrayList<>();
        try (RunningServer server = RunningServer.start(data, overrides)) {
            CachetClient ops = server.client().withToken(server.token("ops", List.of("check.test"), Scope.ISSUE,
                    Scope.REVOKE));
            for (String name : List.of("a", "b", "c", "d")) {
                JsonNode issued = ops.issue(CachetClient.csr(name + ".check.test"));
                serials.add(DatabaseDamage.key(new BigInteger(issued.path("serial").asText(), 16)));
            }
            assertThat(ops.postJson("/api/v1/certificates/" + serials.get(3) + "/revoke", "{}").status())
                    .isEqualTo(200);

            CliRunner.Result clean = check(data, database);

            assertThat(clean.exitCode()).as(clean.out() + clean.err()).isEqualTo(ExitCodes.OK);
            assertThat(clean.out().lines().toList()).singleElement().asString()
                    .startsWith("checked 5 certificates (4 issued, 1 revoked; 0 in flight), 0 ACME orders (none),"
                            + " 1 CRLs")
                    .endsWith(": no problems");
        }
        BigInteger attached = damage(data, overrides, serials);

        CliRunner.Result damaged = check(data, database);

        List<String> lines = damaged.out().lines().toList();
        assertThat(damaged.exitCode()).as(damaged.out() + damaged.err()).isEqualTo(ExitCodes.FAILURE);
        assertThat(lines.subList(0, lines.size() - 1)).extracting(line -> line.substring(0, line.indexOf(' ')))
                .containsExactlyInAnyOrderElementsOf(EXPECTED);
        assertThat(lines.get(lines.size() - 1)).endsWith(": " + EXPECTED.size() + " problems");
        assertThat(damaged.out()).contains("duplicate-serial certificate " + serials.get(0) + ":",
                "serial-mismatch certificate " + serials.get(1) + ": the stored certificate has serial "
                        + new BigInteger(serials.get(2), 16).toString(16),
                "crl-entry-not-revoked CRL ", "lists serial " + new BigInteger(serials.get(3), 16).toString(16),
                "order-stuck-processing order stuck: processing since ",
                "request-stuck-issuing request stuck-request: issuing since ", ", serial "
                        + DatabaseDamage.key(attached) + " attached");
        assertThat(damaged.out()).as("a request claimed just now may still be issuing").doesNotContain("young-request");
    }

    /** @return the serial attached to the e-mail request left issuing */
    private static BigInteger damage(Path data, Map<String, String> overrides, List<String> serials)
            throws Exception {
        assertThat(serials.get(0)).as("a serial with a letter, so that its upper case differs").matches(".*[a-f].*");
        String issuerId = dev.cachet.ca.IssuerIds.of(dev.cachet.crypto.PemDocument.read(
                data.resolve("ca/intermediate.pem")).certificate());
        try (Database db = overrides.isEmpty() ? Database.embedded(data.resolve("db"))
                : Database.open(overrides.get("database.url"), "cachet", PostgresServer.shared().password())) {
            DatabaseDamage damage = new DatabaseDamage(db.dataSource(), issuerId);
            damage.duplicate(serials.get(0));
            damage.swapCertificate(serials.get(1), serials.get(2));
            damage.unrevoke(serials.get(3));
            BigInteger neverStored = damage.oldReservation();
            damage.unissuedWithCertificate(new byte[] {0x30, 0x00});
            damage.garbageCertificate();
            damage.foreignCertificate();
            damage.order("valid-none", OrderStatus.VALID, null, false);
            damage.order("stuck", OrderStatus.PROCESSING, null, true);
            damage.order("valid-reserved", OrderStatus.VALID, neverStored, false);
            damage.order("dangling", OrderStatus.INVALID, BigInteger.valueOf(0xfeed), false);
            damage.issuingRequest("stuck-request", true, neverStored);
            damage.issuingRequest("young-request", false, null);
            return neverStored;
        }
    }

    private static CliRunner.Result check(Path data, List<String> database) {
        List<String> args = new ArrayList<>(List.of("db", "check", "--data", data.toString()));
        args.addAll(database);
        return CliRunner.run(args.toArray(String[]::new));
    }
}
