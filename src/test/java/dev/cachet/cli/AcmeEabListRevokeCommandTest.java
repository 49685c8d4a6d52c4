package dev.cachet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cachet acme eab list} and {@code revoke} on the embedded database, without a server. */
class AcmeEabListRevokeCommandTest {
    @TempDir
    Path dir;

    @Test
    void listShowsEachKeysStateButNeverItsHmacKey() {
        String data = dir.resolve("data").toString();
        assertThat(CliRunner.runOk("acme", "eab", "list", "--data", data).out()).contains("No external account");
        String created = CliRunner.runOk("acme", "eab", "create", "--data", data, "--name", "web-01").out();
        String kid = AcmeEabCreateCommandTest.value(created, "kid: ");
        String hmac = AcmeEabCreateCommandTest.value(created, "hmac-key: ");

        String before = CliRunner.runOk("acme", "eab", "list", "--data", data).out();
        CliRunner.runOk("acme", "eab", "revoke", kid, "--data", data);
        String after = CliRunner.runOk("acme", "eab", "list", "--data", data).out();

        assertThat(before).containsPattern(kid + " unused +name=web-01 created=\\S+Z used-by=-");
        assertThat(after).containsPattern(kid + " revoked +name=web-01 ");
        assertThat(before + after).doesNotContain(hmac);
    }

    @Test
    void revokingAnUnknownKeyIsOneLineAndExitCodeOne() {
        CliRunner.Result result = CliRunner.run("acme", "eab", "revoke", "no-such-kid", "--data",
                dir.resolve("data").toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.err().strip()).contains("no-such-kid").doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void revokeNeedsAKid() {
        CliRunner.Result result = CliRunner.run("acme", "eab", "revoke", "--data", dir.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("KID");
    }
}
