package dev.cachet.cli;

import static dev.cachet.cli.CliAssertions.assertBadInput;
import static dev.cachet.cli.CliAssertions.assertUsageError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.core.CachetException;
import dev.cachet.enrolment.TokenService;
import dev.cachet.server.CachetConfig;
import dev.cachet.server.ConfigLoader;
import dev.cachet.server.Storage;
import dev.cachet.store.ApiToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cachet token create|list|revoke} on the H2 database of a data folder, no server running. */
class TokenCommandTest {
    @TempDir
    Path dir;

    @Test
    void createPrintsTheSecretOnTheLastLineAndItAuthenticates() {
        CliRunner.Result result = token("create", "--name", "ops", "--scopes", "revoke,issue,read", "--domains",
                "example.org,192.0.2.1");

        assertThat(result.err()).isEmpty();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("Created token 'ops' (scopes issue,read,revoke; domains"
                + " example.org,192.0.2.1). Its secret, shown only now:");
        String secret = lines.get(1);
        assertThat(secret).matches("cachet_[A-Za-z0-9_-]{43}");
        withStorage(storage -> {
            ApiToken token = tokens(storage).authenticate(secret);
            assertThat(token.name()).isEqualTo("ops");
            assertThat(token.domains()).containsExactly("example.org", "192.0.2.1");
        });
    }

    @Test
    void listShowsEveryTokenButNeverASecretOrHash() {
        String secret = lastLine(token("create", "--name", "ops", "--scopes", "issue", "--domains", "example.org"));
        token("create", "--name", "auditor", "--scopes", "read");
        CliRunner.runOk("token", "revoke", "--data", data(), "--name", "ops");

        CliRunner.Result list = token("list");

        List<String> lines = list.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("auditor +active +scopes=read domains= created=\\S+Z");
        assertThat(lines.get(1)).matches("ops +revoked +scopes=issue domains=example.org created=\\S+Z");
        withStorage(storage -> {
            for (ApiToken token : storage.tokens().list()) {
                assertThat(list.out()).doesNotContain(token.secretSha256()).doesNotContain(token.id());
            }
        });
        assertThat(list.out()).doesNotContain(secret).doesNotContain(secret.substring(7, 20));
    }

    @Test
    void aRevokedTokenNoLongerAuthenticatesAndTheTrailSaysWho() throws IOException {
        String secret = lastLine(token("create", "--name", "ops", "--scopes", "issue", "--domains", "example.org"));

        CliRunner.Result result = CliRunner.runOk("token", "revoke", "--data", data(), "--name", "ops");

        assertThat(result.out()).isEqualTo("Revoked token 'ops'\n");
        withStorage(storage -> assertThatThrownBy(() -> tokens(storage).authenticate(secret))
                .isInstanceOf(CachetException.class).hasMessage("invalid or revoked API token"));
        List<String> trail = Files.readAllLines(dir.resolve("data").resolve(Storage.AUDIT_FILE));
        assertThat(trail).hasSize(2);
        assertThat(trail.get(0)).contains("\"action\":\"token.created\"", "\"subject\":\"ops\"");
        assertThat(trail.get(1)).contains("\"actor\":\"cli\"", "\"action\":\"token.revoked\"", "\"subject\":\"ops\"");
        assertThat(String.join("\n", trail)).doesNotContain(secret);
    }

    @Test
    void revokingAnUnknownOrRevokedTokenFailsInOneLine() {
        token("create", "--name", "ops", "--scopes", "read");
        CliRunner.runOk("token", "revoke", "--data", data(), "--name", "ops");

        assertBadInput(CliRunner.run("token", "revoke", "--data", data(), "--name", "nobody"),
                "no active token named 'nobody'");
        assertBadInput(CliRunner.run("token", "revoke", "--data", data(), "--name", "ops"),
                "no active token named 'ops'");
    }

    @Test
    void badScopesDomainsAndNamesFailInOneLineAndStoreNothing() {
        assertBadInput(CliRunner.run("token", "create", "--data", data(), "--name", "ops", "--scopes", "issue,admin"),
                "unknown scope 'admin' (known: issue, revoke, read, approve)");
        assertBadInput(CliRunner.run("token", "create", "--data", data(), "--name", "ops", "--scopes", "issue",
                "--domains", "example.org,*.example.net"),
                "token domains are DNS names or IP addresses: *.example.net");
        assertBadInput(CliRunner.run("token", "create", "--data", data(), "--name", "ops", "--scopes", "issue",
                "--domains", "exa_mple.org"), "exa_mple.org");
        assertBadInput(CliRunner.run("token", "create", "--data", data(), "--name", "ops team", "--scopes", "read"),
                "invalid token name 'ops team'");
        assertUsageError(CliRunner.run("token", "create", "--data", data(), "--name", "ops"), "cachet token create",
                "Missing required option: '--scopes=SCOPE'");

        assertThat(token("list").out()).isEmpty();
    }

    @Test
    void aTakenNameFailsInOneLine() {
        token("create", "--name", "ops", "--scopes", "read");

        assertBadInput(CliRunner.run("token", "create", "--data", data(), "--name", "ops", "--scopes", "issue"),
                "API token 'ops' already exists");
        withStorage(storage -> assertThat(storage.tokens().list()).singleElement()
                .satisfies(t -> assertThat(t.scopes()).containsExactly("read")));
    }

    private CliRunner.Result token(String command, String... options) {
        String[] args = new String[options.length + 4];
        args[0] = "token";
        args[1] = command;
        args[2] = "--data";
        args[3] = data();
        System.arraycopy(options, 0, args, 4, options.length);
        return CliRunner.runOk(args);
    }

    private String data() {
        return dir.resolve("data").toString();
    }

    private static String lastLine(CliRunner.Result result) {
        List<String> lines = result.out().lines().toList();
        return lines.get(lines.size() - 1);
    }

    private void withStorage(Consumer<Storage> use) {
        CachetConfig config = ConfigLoader.load(null, Map.of(), Map.of("data", data()));
        try (Storage storage = Storage.open(config, Clock.systemUTC())) {
            use.accept(storage);
        }
    }

    private static TokenService tokens(Storage storage) {
        return new TokenService(storage.tokens(), storage.audit(), new SecureRandom(), Clock.systemUTC());
    }
}
