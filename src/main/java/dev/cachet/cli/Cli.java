package dev.cachet.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Builds the command line and runs one command; tests call {@link #run} in process. */
public final class Cli {

    private Cli() {
    }

    /**
     * Runs a command.
     *
     * @param out standard output
     * @param err standard error
     * @param args the command line
     * @return the exit code
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        ErrorHandler errors = new ErrorHandler();
        CommandLine commandLine = new CommandLine(new CachetCommand())
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors);
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
