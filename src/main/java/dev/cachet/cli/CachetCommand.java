package dev.cachet.cli;

import picocli.CommandLine.Command;

/** {@code cachet}: the top-level command. */
@Command(name = "cachet", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Cachet: a certificate authority you can run yourself.",
        subcommands = {KeyCommand.class, CsrCommand.class, InspectCommand.class, CaCommand.class,
            VerifyCommand.class, ServeCommand.class, TokenCommand.class, AcmeCommand.class, RequestsCommand.class,
            DbCommand.class, TrustCommand.class, ProbeCommand.class, ServeDemoCommand.class, BenchCommand.class},
        footer = {"", "Exit codes: 0 success, 1 bad input or failure, 2 usage error, 3 not verified (verify, probe),",
            "70 internal error. Add --verbose to a command to see details of an error."})
final class CachetCommand {
}
