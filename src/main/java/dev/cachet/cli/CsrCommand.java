package dev.cachet.cli;

import picocli.CommandLine.Command;

/** {@code cachet csr}: certificate signing requests. */
@Command(name = "csr", mixinStandardHelpOptions = true, description = "Create certificate signing requests.",
        subcommands = CsrCreateCommand.class)
final class CsrCommand {
}
