package dev.cachet.cli;

import picocli.CommandLine.Command;

/** {@code cachet key}: private keys. */
@Command(name = "key", mixinStandardHelpOptions = true, description = "Create private keys.",
        subcommands = KeyCreateCommand.class)
final class KeyCommand {
}
