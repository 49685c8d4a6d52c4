package dev.cachet.cli;

import picocli.CommandLine.Command;

/** {@code cachet ca}: an offline CA in a folder. */
@Command(name = "ca", mixinStandardHelpOptions = true,
        description = "Create a root and intermediate CA in a folder, and sign CSRs with it.",
        subcommands = {CaInitCommand.class, CaSignCommand.class})
final class CaCommand {
}
