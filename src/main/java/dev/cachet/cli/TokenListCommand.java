package dev.cachet.cli;

import dev.cachet.server.Storage;
import dev.cachet.store.ApiToken;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cachet token list}: the tokens, without secrets. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List API tokens (never their secrets).")
final class TokenListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Mixin
    ServerOptions server;

    @Override
    public Integer call() {
        try (Storage storage = Storage.open(server.load(Map.of()), Clock.systemUTC())) {
            PrintWriter out = spec.commandLine().getOut();
            for (ApiToken token : storage.tokens().list()) {
                out.printf("%-20s %-8s scopes=%s domains=%s created=%s%n", token.name(),
                        token.revoked() ? "revoked" : "active", String.join(",", new TreeSet<>(token.scopes())),
                        String.join(",", token.domains()), token.createdAt());
            }
        }
        return ExitCodes.OK;
    }
}
