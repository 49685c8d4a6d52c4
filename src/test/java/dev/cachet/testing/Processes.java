package dev.cachet.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs external programs for tests: with a timeout, no standard input, and their output captured. */
public final class Processes {

    private Processes() {
    }

    /**
     * The outcome of one program run.
     *
     * @param exitCode the exit code
     * @param output standard output and standard error, interleaved as the program wrote them
     */
    public record Result(int exitCode, String output) {
    }

    /**
     * Runs a program to completion. Its standard input is closed at once, so a program that
     * reads it (such as {@code openssl s_client}) sees end-of-file. A program still running at
     * the timeout is killed and the calling test fails.
     *
     * @param dir the working directory
     * @param timeout how long the program may run
     * @param environment variables to add to the inherited environment
     * @param command the program and its arguments
     * @return the exit code and output
     */
    public static Result run(Path dir, Duration timeout, Map<String, String> environment, List<String> command) {
        Path output = null;
        try {
            output = Files.createTempFile("cachet-test-process", ".out");
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError(command + " did not finish within " + timeout + "; output so far:\n"
                        + read(output));
            }
            return new Result(process.exitValue(), read(output));
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        } finally {
            deleteQuietly(output);
        }
    }

    private static String read(Path output) throws IOException {
        // Lenient decoding: a stray non-UTF-8 byte in a tool's output must not hide its message.
        return new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // A leftover file in the system temporary folder does not change any test's outcome.
        }
    }
}
