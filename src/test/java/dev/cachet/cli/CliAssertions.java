package dev.cachet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Assertions on how a {@code cachet} command refuses bad input. */
public final class CliAssertions {

    private CliAssertions() {
    }

    /**
     * Asserts that a command failed cleanly on bad input: exit code 1, one line on standard
     * error that starts with {@code cachet: } and contains the expected words, nothing on
     * standard output, and no stack trace.
     *
     * @param result the command's outcome
     * @param messagePart words the error message must contain
     */
    public static void assertBadInput(CliRunner.Result result, String messagePart) {
        assertThat(result.exitCode()).as("exit code; stderr: %s", result.err()).isEqualTo(ExitCodes.FAILURE);
        List<String> lines = result.err().lines().toList();
        assertThat(lines).as("standard error").hasSize(1);
        assertThat(lines.get(0)).startsWith("cachet: ").contains(messagePart);
        assertClean(result);
    }

    /**
     * Asserts that a command failed with a usage error: exit code 2, one line on standard error:
     * the message prefixed with the command's name and ending with a pointer to its help.
     *
     * @param result the command's outcome
     * @param command the command's name, such as {@code cachet key create}
     * @param messagePart words the error message must contain
     */
    public static void assertUsageError(CliRunner.Result result, String command, String messagePart) {
        assertThat(result.exitCode()).as("exit code; stderr: %s", result.err()).isEqualTo(ExitCodes.USAGE);
        List<String> lines = result.err().lines().toList();
        assertThat(lines).as("standard error").hasSize(1);
        assertThat(lines.get(0)).startsWith(command + ": ").contains(messagePart)
                .endsWith(" (see '" + command + " --help')");
        assertClean(result);
    }

    /**
     * Asserts that a failed command left no file behind: none of the given outputs exists, and
     * no temporary file ({@code .NAME.*.tmp}) remains anywhere under the folder.
     *
     * @param dir the folder the command wrote into
     * @param outputs the files the command would have written
     */
    public static void assertNothingWritten(Path dir, Path... outputs) {
        for (Path output : outputs) {
            assertThat(output).as("output of a failed command").doesNotExist();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("temporary files left in %s", dir)
                    .noneMatch(name -> name.startsWith(".") && name.endsWith(".tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertClean(CliRunner.Result result) {
        assertThat(result.out()).as("standard output of a failed command").isEmpty();
        String all = result.out() + result.err();
        assertThat(all).as("stack trace").doesNotContain("\tat ").doesNotContain("Exception");
    }
}
