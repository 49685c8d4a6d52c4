package dev.cachet.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the real {@code openssl} binary, the reference Cachet's output must interoperate with.
 * Every method first applies {@link ExternalTool}'s rule: without openssl the test is skipped,
 * or fails on CI.
 */
public final class OpenSsl {
    /** How long one openssl command may run; generous for slow CI machines. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String PROGRAM = "openssl";
    private static Boolean installed;

    private OpenSsl() {
    }

    /** Skips or fails the calling test when openssl is not installed. */
    public static void require() {
        ExternalTool.require(PROGRAM, isInstalled());
    }

    /**
     * Runs an openssl command.
     *
     * @param dir the working directory, where relative file names are resolved
     * @param args the arguments after {@code openssl}, such as {@code "verify", "-CAfile", "root.pem"}
     * @return the exit code and the output (standard output and error)
     */
    public static Processes.Result run(Path dir, String... args) {
        require();
        return Processes.run(dir, TIMEOUT, Map.of(), command(args));
    }

    /**
     * Runs an openssl command that must succeed.
     *
     * @param dir the working directory
     * @param args the arguments after {@code openssl}
     * @return the output (standard output and error)
     */
    public static String runOk(Path dir, String... args) {
        Processes.Result result = run(dir, args);
        if (result.exitCode() != 0) {
            throw new AssertionError("openssl " + String.join(" ", args) + " failed with exit code "
                    + result.exitCode() + ":\n" + result.output());
        }
        return result.output();
    }

    /**
     * Finds an extension's value in the output of {@code openssl x509 -text} or {@code req -text},
     * where it is the line after the extension's name.
     *
     * @param text the output
     * @param extension the name as openssl prints it, such as {@code X509v3 Key Usage}
     * @return the value line, stripped
     */
    public static String extension(String text, String extension) {
        List<String> lines = text.lines().map(String::strip).toList();
        for (int i = 0; i < lines.size() - 1; i++) {
            if (lines.get(i).startsWith(extension + ":")) {
                return lines.get(i + 1);
            }
        }
        throw new AssertionError("no " + extension + " in:\n" + text);
    }

    private static synchronized boolean isInstalled() {
        if (installed == null) {
            installed = probe();
        }
        return installed;
    }

    private static boolean probe() {
        try {
            return Processes.run(Path.of("."), TIMEOUT, Map.of(), List.of(PROGRAM, "version")).exitCode() == 0;
        } catch (AssertionError e) {
            return false; // not on the PATH: ProcessBuilder cannot start it
        }
    }

    private static List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        command.add(PROGRAM);
        command.addAll(List.of(args));
        return command;
    }
}
