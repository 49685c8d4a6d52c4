package dev.cachet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.server.CachetConfig;
import dev.cachet.server.ConfigLoader;
import dev.cachet.server.Storage;
import dev.cachet.store.acme.EabKey;
import dev.cachet.store.jdbc.JdbcEabKeyStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AcmeEabCreateCommandTest {
    @TempDir
    Path dir;

    @Test
    void createsASingleUseKeyAndPrintsItOnce() {
        String data = dir.resolve("data").toString();

        CliRunner.Result result = CliRunner.runOk("acme", "eab", "create", "--data", data, "--name", "web-01");

        String kid = value(result.out(), "kid: ");
        byte[] hmac = Base64.getUrlDecoder().decode(value(result.out(), "hmac-key: "));
        assertThat(hmac).hasSize(32);
        CachetConfig config = ConfigLoader.load(null, Map.of(), Map.of("data", data));
        try (Storage storage = Storage.open(config, Clock.systemUTC())) {
            EabKey stored = new JdbcEabKeyStore(storage.database().dataSource()).find(kid).orElseThrow();
            assertThat(stored.hmacKey()).isEqualTo(hmac);
            assertThat(stored.name()).isEqualTo("web-01");
            assertThat(stored.boundAccountId()).isNull();
        }
    }

    @Test
    void nameIsRequired() {
        CliRunner.Result result = CliRunner.run("acme", "eab", "create", "--data", dir.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--name");
    }

    /** The rest of the first output line that starts with a prefix, such as {@code kid: }. */
    static String value(String output, String prefix) {
        return output.lines().filter(line -> line.startsWith(prefix)).map(line -> line.substring(prefix.length()))
                .findFirst().orElseThrow(() -> new AssertionError("no '" + prefix + "' in:\n" + output));
    }
}
