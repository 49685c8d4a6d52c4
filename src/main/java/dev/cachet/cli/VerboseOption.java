package dev.cachet.cli;

import picocli.CommandLine.Option;

/** The {@code --verbose} option every command accepts: show stack traces with errors. */
final class VerboseOption {
    @Option(names = {"-v", "--verbose"}, description = "Show details (stack traces) with errors.")
    boolean verbose;
}
