package dev.cachet.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@code cachet} commands in process and captures what they print. */
public final class CliRunner {

    private CliRunner() {
    }

    /**
     * The outcome of one command.
     *
     * @param exitCode the exit code
     * @param out what went to standard output
     * @param err what went to standard error
     */
    public record Result(int exitCode, String out, String err) {
    }

    /**
     * Runs a command.
     *
     * @param args the command line, without the leading {@code cachet}
     * @return its outcome
     */
    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    /**
     * Runs a command that must succeed, as the set-up step of a test.
     *
     * @param args the command line, without the leading {@code cachet}
     * @return its outcome, with exit code 0
     */
    public static Result runOk(String... args) {
        Result result = run(args);
        if (result.exitCode() != ExitCodes.OK) {
            throw new AssertionError("cachet " + String.join(" ", args) + " failed with exit code "
                    + result.exitCode() + ":\n" + result.err() + result.out());
        }
        return result;
    }
}
