package dev.cachet.cli;

import picocli.CommandLine.Command;

/** {@code cachet bench}: load generators that measure servers. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure a server under load.",
        subcommands = {BenchAcmeCommand.class})
final class BenchCommand {
}
