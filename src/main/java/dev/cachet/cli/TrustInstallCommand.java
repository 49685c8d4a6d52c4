package dev.cachet.cli;

import dev.cachet.trust.RootCertificate;
import dev.cachet.trust.TrustStores;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cachet trust install}: trust a CA's root in the chosen stores. */
@Command(name = "install", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Install a CA's root in trust stores: the system store, the NSS databases of Chromium "
                + "and Firefox, a Java truststore (all three when none is chosen).",
            "Every store is checked first: when one lacks its tool or the rights to write, nothing is changed."},
        footer = {"", "Examples:",
            "  sudo cachet trust install --root cachet-data/ca/root.pem",
            "  cachet trust install --root ca/root.pem --nss",
            "  cachet trust install --root ca/root.pem --java-truststore truststore.p12"})
final class TrustInstallCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Mixin
    TrustOptions options;

    @Override
    public Integer call() {
        RootCertificate root = options.readRoot();
        List<TrustStores.Change> changes = options.stores().install(root);
        TrustOptions.printChanges(spec.commandLine().getOut(), root, changes, "installed", "already installed");
        return ExitCodes.OK;
    }
}
