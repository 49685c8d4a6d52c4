package dev.cachet.cli;

import picocli.CommandLine.Command;

/** {@code cachet db}: the database of a Cachet instance. */
@Command(name = "db", mixinStandardHelpOptions = true, description = "Look after the database.",
        subcommands = {DbCheckCommand.class})
final class DbCommand {
}
