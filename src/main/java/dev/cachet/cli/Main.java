package dev.cachet.cli;

import java.io.PrintWriter;

/** The entry point of the {@code cachet} jar. */
public final class Main {

    private Main() {
    }

    /**
     * Runs a command and exits with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(Cli.run(out, err, args));
    }
}
