package dev.cachet.cli;

import picocli.CommandLine.Command;

/** {@code cachet acme eab}: external account binding keys (RFC 8555 §7.3.4). */
@Command(name = "eab", mixinStandardHelpOptions = true,
        description = "External account binding keys, for acme.externalAccountRequired.",
        subcommands = {AcmeEabCreateCommand.class, AcmeEabListCommand.class, AcmeEabRevokeCommand.class})
final class AcmeEabCommand {
}
