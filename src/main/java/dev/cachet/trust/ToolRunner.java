package dev.cachet.trust;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds and runs the external tools of the trust stores ({@code update-ca-certificates},
 * {@code certutil}, {@code keytool}): on the given search path, with a timeout, the given bytes on
 * standard input, and standard output and error captured together.
 */
public final class ToolRunner {
    /** Administrative tools live here on Debian even when a user's PATH lacks these folders. */
    private static final List<String> SBIN = List.of("/usr/local/sbin", "/usr/sbin", "/sbin");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final List<Path> searchPath;

    /**
     * Creates a runner.
     *
     * @param pathVariable the value of {@code PATH}, or null
     */
    public ToolRunner(String pathVariable) {
        List<Path> dirs = new ArrayList<>();
        if (pathVariable != null) {
            for (String dir : pathVariable.split(":")) {
                if (!dir.isEmpty()) {
                    dirs.add(Path.of(dir));
                }
            }
        }
        this.searchPath = List.copyOf(dirs);
    }

    /**
     * The outcome of a run.
     *
     * @param exitCode the tool's exit code
     * @param output standard output and standard error
     */
    public record Outcome(int exitCode, String output) {
        /** @return true for exit code 0 */
        public boolean ok() {
            return exitCode == 0;
        }

        /** @return the last non-blank line of output, for a one-line message */
        public String lastLine() {
            String[] lines = output.strip().split("\\R");
            return lines[lines.length - 1].strip();
        }
    }

    /**
     * Finds a tool on the search path (and, for administrative tools, in the sbin folders).
     *
     * @param name such as {@code certutil}
     * @return its executable, if found
     */
    public Optional<Path> find(String name) {
        List<Path> dirs = new ArrayList<>(searchPath);
        SBIN.stream().map(Path::of).filter(dir -> !dirs.contains(dir)).forEach(dirs::add);
        return dirs.stream().map(dir -> dir.resolve(name)).filter(Files::isExecutable).findFirst();
    }

    /**
     * Runs a tool to completion.
     *
     * @param command the executable and its arguments
     * @param input bytes for standard input (may be empty)
     * @param environment variables added to the inherited environment
     * @return the exit code and output
     */
    public Outcome run(List<String> command, byte[] input, Map<String, String> environment) {
        String tool = Path.of(command.get(0)).getFileName().toString();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(input);
            }
            // A thread of its own drains the output, so a chatty tool never blocks on a full pipe.
            OutputReader reader = new OutputReader(process.getInputStream());
            reader.start();
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new CachetException(ErrorType.IO, tool + " did not finish within " + TIMEOUT.toSeconds()
                        + " s");
            }
            reader.join(TIMEOUT.toMillis());
            return new Outcome(process.exitValue(), reader.text());
        } catch (IOException e) {
            throw new CachetException(ErrorType.IO, "cannot run " + tool + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CachetException(ErrorType.IO, "interrupted while running " + tool, e);
        }
    }

    /**
     * Runs a tool that must succeed.
     *
     * @param what what the run does, for the message, such as {@code certutil could not add the root}
     * @param command the executable and its arguments
     * @param input bytes for standard input
     * @param environment variables added to the inherited environment
     * @return the outcome, exit code 0
     */
    public Outcome runOk(String what, List<String> command, byte[] input, Map<String, String> environment) {
        Outcome outcome = run(command, input, environment);
        if (!outcome.ok()) {
            throw new CachetException(ErrorType.IO, what + " (exit code " + outcome.exitCode() + ": "
                    + outcome.lastLine() + ")");
        }
        return outcome;
    }

    /** Collects a process's output. */
    private static final class OutputReader extends Thread {
        private final InputStream stream;
        private volatile String text = "";

        OutputReader(InputStream stream) {
            super("tool-output");
            this.stream = stream;
            setDaemon(true);
        }

        @Override
        public void run() {
            try (stream) {
                text = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                text = "(output unreadable: " + e.getMessage() + ")";
            }
        }

        String text() {
            return text;
        }
    }
}
