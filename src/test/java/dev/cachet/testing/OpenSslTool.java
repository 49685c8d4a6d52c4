package dev.cachet.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the real {@code openssl} binary for interoperability tests. Where it is missing, tests are
 * skipped on a developer machine but fail when the environment variable {@code CI} is set.
 */
public final class OpenSslTool {
    private static final long TIMEOUT_SECONDS = 60;
    private final Path binary;

    /**
     * What a run printed.
     *
     * @param exitCode the exit status
     * @param stdout standard output
     * @param stderr standard error
     */
    public record Result(int exitCode, String stdout, String stderr) {
        /** @return standard output followed by standard error */
        public String output() {
            return stdout + stderr;
        }
    }

    private OpenSslTool(Path binary) {
        this.binary = binary;
    }

    /**
     * Finds openssl on the PATH; skips the calling test when it is missing, unless {@code CI} is set.
     *
     * @return the tool
     */
    public static OpenSslTool require() {
        Optional<Path> found = find();
        if (found.isEmpty() && System.getenv("CI") != null) {
            throw new AssertionError("openssl is not installed, and CI needs the interoperability tests");
        }
        Assumptions.assumeTrue(found.isPresent(), "openssl is not installed; interoperability test skipped");
        return new OpenSslTool(found.get());
    }

    /**
     * Runs openssl.
     *
     * @param directory the working directory
     * @param arguments the arguments after {@code openssl}
     * @return what it printed and its exit status
     */
    public Result run(Path directory, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(List.of(arguments));
        try {
            Path out = Files.createTempFile(directory, "openssl", ".out");
            Path err = Files.createTempFile(directory, "openssl", ".err");
            Process process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("openssl did not finish within " + TIMEOUT_SECONDS + " s: " + command);
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
    }

    private static Optional<Path> find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            Path candidate = Path.of(directory, "openssl");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
