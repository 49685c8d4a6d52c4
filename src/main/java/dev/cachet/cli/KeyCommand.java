package dev.cachet.cli;

import picocli.CommandLine.Command;

/** {@code cachet key}: private keys, and public keys the CA never certifies. */
@Command(name = "key", mixinStandardHelpOptions = true, description = "Create private keys; block public keys.",
        subcommands = {KeyCreateCommand.class, KeyBlockCommand.class})
final class KeyCommand {
}
