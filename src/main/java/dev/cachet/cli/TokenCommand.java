package dev.cachet.cli;

import picocli.CommandLine.Command;

/** {@code cachet token}: API tokens of the REST interface. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Create, list and revoke API tokens.",
        subcommands = {TokenCreateCommand.class, TokenListCommand.class, TokenRevokeCommand.class})
final class TokenCommand {
}
