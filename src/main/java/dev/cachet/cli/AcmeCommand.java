package dev.cachet.cli;

import picocli.CommandLine.Command;

/** {@code cachet acme}: administration of the ACME server. */
@Command(name = "acme", mixinStandardHelpOptions = true, description = "Administer the ACME server.",
        subcommands = {AcmeEabCommand.class})
final class AcmeCommand {
}
