package dev.cachet.cli;

import dev.cachet.enrolment.TokenService;
import dev.cachet.server.Storage;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cachet token revoke}: withdraws a token at once. */
@Command(name = "revoke", mixinStandardHelpOptions = true, description = "Withdraw an API token.")
final class TokenRevokeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Mixin
    ServerOptions server;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The token's name.")
    String name;

    @Override
    public Integer call() {
        Clock clock = Clock.systemUTC();
        try (Storage storage = Storage.open(server.load(Map.of()), clock)) {
            new TokenService(storage.tokens(), storage.audit(), new SecureRandom(), clock).revoke(name, "cli");
        }
        spec.commandLine().getOut().printf("Revoked token '%s'%n", name);
        return ExitCodes.OK;
    }
}
