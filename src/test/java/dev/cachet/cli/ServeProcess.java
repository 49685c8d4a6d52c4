package dev.cachet.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code cachet serve} (or any {@code cachet} command) run from the packaged jar, directly or
 * through a launcher script, as a process of its own, with its standard output read line by line
 * as it comes and its standard error kept in a file. {@link #close} kills it if it still runs.
 */
final class ServeProcess implements AutoCloseable {
    /** The exit code of a JVM stopped by SIGTERM once its shutdown hooks ran: 128 + 15. */
    static final int SIGTERM_EXIT = 143;

    private final Process process;
    private final Path stderr;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final BlockingQueue<String> unread = new LinkedBlockingQueue<>();

    private ServeProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        Thread reader = new Thread(this::readOutput, "cachet-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code java -jar cachet.jar ARGS} with the test's JDK, without any {@code CACHET_*}
     * variable of the test's environment.
     *
     * @param dir the working folder; standard error goes to a file in it
     * @param args the command line after {@code cachet}
     * @return the running process
     */
    static ServeProcess start(Path dir, String... args) throws IOException {
        return start(dir, Map.of(), args);
    }

    /**
     * Starts {@code java -jar cachet.jar ARGS} as {@link #start(Path, String...)} does, with more
     * environment variables.
     *
     * @param dir the working folder; standard error goes to a file in it
     * @param environment variables to set, such as {@code SOFTHSM2_CONF}
     * @param args the command line after {@code cachet}
     * @return the running process
     */
    static ServeProcess start(Path dir, Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        return start(dir, environment, command);
    }

    /**
     * Starts a launcher script such as {@code bin/cachet} with the test's JDK as its
     * {@code JAVA_HOME}, without any {@code CACHET_*} variable or JVM options of the test's
     * environment ({@code JAVA_TOOL_OPTIONS}, {@code JDK_JAVA_OPTIONS}).
     *
     * @param dir the working folder; standard error goes to a file in it
     * @param launcher the script
     * @param environment variables to set, such as {@code CACHET_CDS}
     * @param args the command line after the script
     * @return the running process: the script, or the JVM when the script replaced itself with it
     */
    static ServeProcess startLauncher(Path dir, Path launcher, Map<String, String> environment, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        Map<String, String> variables = new HashMap<>(environment);
        variables.put("JAVA_HOME", System.getProperty("java.home"));
        return start(dir, variables, command, "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");
    }

    private static ServeProcess start(Path dir, Map<String, String> environment, List<String> command,
            String... unset) throws IOException {
        Path stderr = Files.createTempFile(dir, "cachet", ".stderr");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectError(stderr.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().keySet().removeIf(name -> name.startsWith("CACHET_"));
        builder.environment().keySet().removeAll(List.of(unset));
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        return new ServeProcess(process, stderr);
    }

    /**
     * The command line of the JVM: this process, or the one a launcher script started.
     *
     * @return the JVM's arguments, {@code -jar} and the command included
     */
    List<String> jvmArguments() {
        return Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .filter(handle -> handle.info().command().orElse("").endsWith("/java"))
                .findFirst()
                .flatMap(handle -> handle.info().arguments())
                .map(List::of)
                .orElseThrow(() -> new AssertionError("no JVM under process " + process.pid()));
    }

    /**
     * Waits for a line of standard output that starts with a prefix.
     *
     * @param prefix such as {@code ready }
     * @param timeout how long to wait
     * @return the line
     */
    String awaitLine(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = unread.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
            if (line == null && !process.isAlive() && unread.isEmpty()) {
                throw new AssertionError("cachet exited with " + process.exitValue() + " before '" + prefix
                        + "'; output:\n" + output() + "\nerror:\n" + errors());
            }
        }
        throw new AssertionError("no line '" + prefix + "...' within " + timeout + "; output:\n" + output()
                + "\nerror:\n" + errors());
    }

    /** Sends SIGTERM (on Linux, {@link Process#destroy()} does), as systemd and Kubernetes do. */
    void terminate() {
        process.destroy();
    }

    /**
     * Kills the JVM with SIGKILL ({@link Process#destroyForcibly()} on Linux), as a crash, the OOM
     * killer or a power cut would stop it: no shutdown hook runs. The process is the JVM itself,
     * started as {@code java -jar}, not a shell.
     */
    void kill() throws InterruptedException {
        String executable = process.info().command().orElse("");
        if (!executable.endsWith("/java")) {
            throw new AssertionError("process " + process.pid() + " is not a JVM but '" + executable + "'");
        }
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new AssertionError("process " + process.pid() + " survived SIGKILL for 10 s");
        }
    }

    /**
     * Waits for the process to end.
     *
     * @param timeout how long it may take
     * @return its exit code
     */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("cachet did not exit within " + timeout + "; output:\n" + output()
                    + "\nerror:\n" + errors());
        }
        return process.exitValue();
    }

    /** @return what it wrote to standard output so far, one element per line */
    List<String> lines() {
        return List.copyOf(lines);
    }

    /** @return standard output so far */
    String output() {
        return String.join("\n", lines);
    }

    /** @return standard error so far */
    String errors() {
        try {
            return Files.readString(stderr, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void readOutput() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
                unread.add(line);
            }
        } catch (IOException e) {
            lines.add("(standard output unreadable: " + e.getMessage() + ")");
        }
    }

    private static Path jar() {
        String built = System.getenv("CACHET_JAR");
        return built != null ? Path.of(built) : Path.of("target", "cachet.jar").toAbsolutePath();
    }
}
