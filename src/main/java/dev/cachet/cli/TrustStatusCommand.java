package dev.cachet.cli;

import dev.cachet.trust.RootCertificate;
import dev.cachet.trust.TrustStores;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cachet trust status}: where a CA's root is installed. */
@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
        description = "List the trust stores and whether each trusts the root (all three kinds when none is "
                + "chosen). Changes nothing.",
        footer = {"", "Example:", "  cachet trust status --root cachet-data/ca/root.pem"})
final class TrustStatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Mixin
    TrustOptions options;

    @Override
    public Integer call() {
        RootCertificate root = options.readRoot();
        PrintWriter out = spec.commandLine().getOut();
        TrustOptions.printRoot(out, root);
        for (TrustStores.Status status : options.stores().status(root)) {
            String state = status.unreadable().map(need -> "unknown (needs " + need + ")")
                    .orElse(status.installed() ? "installed" : "not installed");
            out.printf("%-6s  %-13s  %s%n", status.store().kind().id(), state, status.store().location());
        }
        return ExitCodes.OK;
    }
}
