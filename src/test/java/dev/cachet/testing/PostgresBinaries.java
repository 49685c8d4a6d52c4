package dev.cachet.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's PostgreSQL server binaries ({@code /usr/lib/postgresql/VERSION/bin}) and how to run them.
 * Holds the one skip rule of the PostgreSQL tests: without the binaries they are skipped on a
 * developer machine and fail when the environment variable {@code CI} is set.
 */
public final class PostgresBinaries {
    /** The longest any PostgreSQL command may take. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");
    private static final String SERVER_USER = "postgres";

    private PostgresBinaries() {
    }

    /**
     * The bin folder of the newest installed PostgreSQL, or the skip rule when there is none.
     *
     * @return the folder holding {@code initdb} and {@code pg_ctl}
     */
    public static Path require() {
        Optional<Path> found = find();
        if (found.isPresent()) {
            return found.get();
        }
        String missing = "PostgreSQL server binaries not found under " + DEBIAN_ROOT
                + " (install Debian's postgresql package; bin/test does)";
        String ci = System.getenv("CI");
        if (ci != null && !ci.isEmpty()) {
            throw new IllegalStateException(missing + "; CI is set, so the PostgreSQL tests must run");
        }
        Assumptions.abort(missing + "; skipping the PostgreSQL tests");
        throw new AssertionError("unreachable");
    }

    /** @return the bin folder of the newest installed version, if any */
    public static Optional<Path> find() {
        if (!Files.isDirectory(DEBIAN_ROOT)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(DEBIAN_ROOT)) {
            return versions.filter(v -> v.getFileName().toString().matches("\\d+(\\.\\d+)?"))
                    .map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparingDouble(b -> Double.parseDouble(b.getParent().getFileName().toString())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs a command as the server user (as {@code postgres} when we are root), with a timeout.
     *
     * @param command the command
     * @param log the file its output is appended to
     * @param allowedExitCodes the exit codes that are no failure besides 0
     * @return the exit code
     */
    static int run(List<String> command, Path log, Integer... allowedExitCodes) {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", SERVER_USER, "--"));
        }
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out after " + TIMEOUT + ": " + full);
            }
            int exitCode = process.exitValue();
            if (exitCode != 0 && !List.of(allowedExitCodes).contains(exitCode)) {
                throw new IllegalStateException("failed with exit code " + exitCode + ": " + full
                        + "\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            return exitCode;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + full, e);
        }
    }

    /** Makes a file or folder the server user's, when we are root and the server runs as postgres. */
    static void handToServerUser(Path path) throws IOException {
        if (isRoot()) {
            UserPrincipal postgres = path.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(SERVER_USER);
            Files.setOwner(path, postgres);
        }
    }

    /** Deletes a folder and everything in it, ignoring what is already gone. */
    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toArray(Path[]::new)) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
