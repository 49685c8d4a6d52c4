package dev.cachet.cli;

import dev.cachet.trust.RootCertificate;
import dev.cachet.trust.StoreKind;
import dev.cachet.trust.StoreLocations;
import dev.cachet.trust.ToolRunner;
import dev.cachet.trust.TrustStores;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Option;

/** The options every {@code cachet trust} command shares: the root, the stores, and where they are. */
final class TrustOptions {
    @Option(names = "--root", required = true, paramLabel = "FILE",
            description = "The CA's root certificate (PEM), such as ca/root.pem or cachet-data/ca/root.pem.")
    Path root;

    @Option(names = "--system", description = "The system store: /usr/local/share/ca-certificates and "
            + "update-ca-certificates (needs root rights).")
    boolean system;

    @Option(names = "--nss", description = "The NSS databases: $HOME/.pki/nssdb (Chromium; created when absent) "
            + "and every Firefox profile.")
    boolean nss;

    @Option(names = "--java", description = "A Java truststore (default: $JAVA_HOME/lib/security/cacerts).")
    boolean java;

    @Option(names = "--nss-db", paramLabel = "DIR", description = "Use this NSS database only (implies --nss).")
    Path nssDb;

    @Option(names = "--java-truststore", paramLabel = "FILE",
            description = "Use this Java truststore, password changeit (implies --java).")
    Path javaTruststore;

    @Option(names = "--system-prefix", paramLabel = "DIR", description = "Find the system store's folders under "
            + "DIR instead of / (a chroot, or a test; implies --system).")
    Path systemPrefix;

    /** @return the root, read and checked */
    RootCertificate readRoot() {
        return RootCertificate.read(root);
    }

    /** @return the chosen stores; none chosen means all three kinds */
    TrustStores stores() {
        Set<StoreKind> kinds = EnumSet.noneOf(StoreKind.class);
        if (system || systemPrefix != null) {
            kinds.add(StoreKind.SYSTEM);
        }
        if (nss || nssDb != null) {
            kinds.add(StoreKind.NSS);
        }
        if (java || javaTruststore != null) {
            kinds.add(StoreKind.JAVA);
        }
        if (kinds.isEmpty()) {
            kinds = EnumSet.allOf(StoreKind.class);
        }
        // $HOME as the browsers read it (the JVM's user.home comes from the password database instead).
        String home = Optional.ofNullable(System.getenv("HOME")).orElse(System.getProperty("user.home"));
        String javaHome = Optional.ofNullable(System.getenv("JAVA_HOME")).orElse(System.getProperty("java.home"));
        StoreLocations where = new StoreLocations(Path.of(home), Optional.ofNullable(nssDb), Path.of(javaHome),
                Optional.ofNullable(javaTruststore), systemPrefix == null ? Path.of("/") : systemPrefix);
        return TrustStores.select(kinds, where, new ToolRunner(System.getenv("PATH")));
    }

    /**
     * Prints which root a command is about.
     *
     * @param out standard output
     * @param root the root
     */
    static void printRoot(PrintWriter out, RootCertificate root) {
        out.printf("root %s (%s)%n", root.label(), root.id());
    }

    /**
     * Prints the root, then one line per store: what the change did there.
     *
     * @param out where to print
     * @param root the root
     * @param changes the change in each store
     * @param changed what a store that changed says, such as "installed"
     * @param unchanged what a store that was already as asked says
     */
    static void printChanges(PrintWriter out, RootCertificate root, List<TrustStores.Change> changes, String changed,
            String unchanged) {
        printRoot(out, root);
        int width = Math.max(changed.length(), unchanged.length());
        for (TrustStores.Change change : changes) {
            out.printf("%-6s  %-" + width + "s  %s%n", change.store().kind().id(),
                    change.changed() ? changed : unchanged, change.store().location());
        }
    }
}
