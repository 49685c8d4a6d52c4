package dev.cachet.cli;

import static dev.cachet.cli.CliAssertions.assertBadInput;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cachet requests} on a data folder's database with nothing pending, and its bad input. */
class RequestsCommandTest {
    @TempDir
    Path dir;

    @Test
    void anEmptyDatabaseListsNothing() {
        CliRunner.Result result = CliRunner.runOk("requests", "list", "--status", "all", "--data", data());

        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEmpty();
    }

    @Test
    void unknownRequestsAndStatusesAreOneLineErrors() {
        assertBadInput(CliRunner.run("requests", "approve", "no-such-id", "--data", data()),
                "no certificate request no-such-id");
        assertBadInput(CliRunner.run("requests", "reject", "no-such-id", "--reason", "x", "--data", data()),
                "no certificate request no-such-id");
        assertBadInput(CliRunner.run("requests", "list", "--status", "lost", "--data", data()),
                "--status must be pending");
    }

    private String data() {
        return dir.resolve("data").toString();
    }
}
