package dev.cachet.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.cli.CliRunner;
import dev.cachet.testing.AcmeTestServer;
import dev.cachet.testing.PostgresServer;
import dev.cachet.testing.RunningServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shredzone.acme4j.Account;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.exception.AcmeServerException;

/**
 * {@code cachet acme eab create|list|revoke} while a server that requires external account
 * binding runs, on the embedded H2 database (AUTO_SERVER) and on PostgreSQL ({@code --db}): a
 * revoked, unused key binds no account, and the list shows each key's state but no HMAC key.
 */
class EabCliWhileServingIT {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void aRevokedKeyBindsNoAccountAndListShowsStates(String database) throws Exception {
        Map<String, String> overrides = new HashMap<>(Map.of("acme.externalAccountRequired", "true"));
        List<String> where = new ArrayList<>(List.of("--data", dir.resolve("data").toString()));
        if ("postgresql".equals(database)) {
            PostgresServer postgres = PostgresServer.shared();
            Map<String, String> db = RunningServer.postgres(postgres, postgres.newDatabase("eab_cli"), dir);
            overrides.putAll(db);
            Path yaml = Files.writeString(dir.resolve("cli.yaml"), "database:\n  user: " + postgres.user()
                    + "\n  passwordFile: " + db.get("database.passwordFile") + "\n");
            where.addAll(List.of("--config", yaml.toString(), "--db", db.get("database.url")));
        }
        try (AcmeTestServer acme = AcmeTestServer.start(dir.resolve("data"), overrides)) {
            Session session = new Session(URI.create(acme.directoryUrl()),
                    new CachetAcmeProvider(acme.server().server().rootCertificate()));
            Map<String, String> used = create(where, "used-key");
            Map<String, String> revoked = create(where, "revoked-key");

            Account account = new AccountBuilder().agreeToTermsOfService().useKeyPair(ecKey())
                    .withKeyIdentifier(used.get("kid"), used.get("hmac-key")).create(session);
            String accountId = account.getLocation().getPath().replaceAll(".*/", "");
            CliRunner.Result revokeResult = CliRunner.runOk(args(where, "acme", "eab", "revoke", revoked.get("kid")));
            assertThat(revokeResult.out()).contains("Revoked external account binding key '" + revoked.get("kid"));

            assertThatThrownBy(() -> new AccountBuilder().agreeToTermsOfService().useKeyPair(ecKey())
                    .withKeyIdentifier(revoked.get("kid"), revoked.get("hmac-key")).create(session))
                    .isInstanceOfSatisfying(AcmeServerException.class, e -> {
                        assertThat(e.getType()).isEqualTo(URI.create("urn:ietf:params:acme:error:unauthorized"));
                        assertThat(e.getMessage()).contains("revoked");
                    });

            String listed = CliRunner.runOk(args(where, "acme", "eab", "list")).out();
            assertThat(listed).containsPattern(used.get("kid") + " used +name=used-key created=\\S+Z used-by="
                    + accountId);
            assertThat(listed).containsPattern(revoked.get("kid") + " revoked +name=revoked-key created=\\S+Z "
                    + "used-by=-");
            assertThat(listed).doesNotContain(used.get("hmac-key")).doesNotContain(revoked.get("hmac-key"));

            CliRunner.Result again = CliRunner.run(args(where, "acme", "eab", "revoke", revoked.get("kid")));
            assertThat(again.exitCode()).isEqualTo(1);
            assertThat(again.err().strip()).contains("revoked already").doesNotContain("\n");
        }
    }

    /** Runs {@code cachet acme eab create}; returns its {@code kid} and {@code hmac-key}. */
    private static Map<String, String> create(List<String> where, String name) {
        String out = CliRunner.runOk(args(where, "acme", "eab", "create", "--name", name)).out();
        Map<String, String> values = new HashMap<>();
        for (String line : out.lines().toList()) {
            for (String key : List.of("kid", "hmac-key")) {
                if (line.startsWith(key + ": ")) {
                    values.put(key, line.substring(key.length() + 2).strip());
                }
            }
        }
        assertThat(values).as(out).containsKeys("kid", "hmac-key");
        return values;
    }

    private static String[] args(List<String> where, String... command) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(where);
        return all.toArray(new String[0]);
    }

    private static KeyPair ecKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
