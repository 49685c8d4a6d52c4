package dev.cachet.cli;

import dev.cachet.enrolment.CreatedToken;
import dev.cachet.enrolment.Scope;
import dev.cachet.enrolment.TokenService;
import dev.cachet.server.Storage;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cachet token create}: a new API token; its secret is printed once, on the last line. */
@Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Create an API token. The secret is printed once, on the last line; only its hash is kept.",
        footer = {"", "Example:", "  cachet token create --name ops --scopes issue,revoke,read "
                + "--domains example.org,example.net"})
final class TokenCreateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Mixin
    ServerOptions server;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "A unique name for the token.")
    String name;

    @Option(names = "--scopes", required = true, split = ",", paramLabel = "SCOPE",
            description = "What it may do: issue, revoke, read, approve (comma separated).")
    List<String> scopes;

    @Option(names = "--domains", split = ",", paramLabel = "DOMAIN",
            description = "Domains (and their subdomains) or IP addresses it may act for (comma separated).")
    List<String> domains = new ArrayList<>();

    @Override
    public Integer call() {
        Set<Scope> parsed = EnumSet.noneOf(Scope.class);
        scopes.forEach(s -> parsed.add(Scope.parse(s)));
        Clock clock = Clock.systemUTC();
        try (Storage storage = Storage.open(server.load(Map.of()), clock)) {
            CreatedToken created = new TokenService(storage.tokens(), storage.audit(), new SecureRandom(), clock)
                    .create(name, parsed, domains);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Created token '%s' (scopes %s; domains %s). Its secret, shown only now:%n", name,
                    String.join(",", new TreeSet<>(created.token().scopes())),
                    created.token().domains().isEmpty() ? "none" : String.join(",", created.token().domains()));
            out.println(created.secret());
        }
        return ExitCodes.OK;
    }
}
