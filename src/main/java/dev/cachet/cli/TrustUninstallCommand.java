package dev.cachet.cli;

import dev.cachet.trust.RootCertificate;
import dev.cachet.trust.TrustStores;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cachet trust uninstall}: stop trusting a CA's root. */
@Command(name = "uninstall", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Remove a CA's root from trust stores (all three kinds when none is chosen).",
            "Every store is checked first: when one lacks its tool or the rights to write, nothing is changed."},
        footer = {"", "Examples:",
            "  sudo cachet trust uninstall --root cachet-data/ca/root.pem",
            "  cachet trust uninstall --root ca/root.pem --nss"})
final class TrustUninstallCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Mixin
    TrustOptions options;

    @Override
    public Integer call() {
        RootCertificate root = options.readRoot();
        List<TrustStores.Change> changes = options.stores().uninstall(root);
        TrustOptions.printChanges(spec.commandLine().getOut(), root, changes, "removed", "was not installed");
        return ExitCodes.OK;
    }
}
