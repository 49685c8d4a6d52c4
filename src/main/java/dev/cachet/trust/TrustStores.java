package dev.cachet.trust;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The trust stores chosen for one command, and the install and uninstall of a root in all of them.
 * Both check every store first and change nothing when one of them lacks its tool or the rights to
 * write: half an install is worse than none.
 */
public final class TrustStores {
    /** Where Firefox keeps profiles, each with its own NSS database: Debian's package, then the snap. */
    private static final List<String> FIREFOX_PROFILE_ROOTS = List.of(".mozilla/firefox",
            "snap/firefox/common/.mozilla/firefox");

    private final List<TrustStore> stores;

    /**
     * Uses stores already built.
     *
     * @param stores the stores, in the order they are changed and listed
     */
    public TrustStores(List<TrustStore> stores) {
        this.stores = List.copyOf(stores);
    }

    /**
     * Builds the stores of the chosen kinds.
     *
     * @param kinds the kinds; every store of these kinds is used
     * @param where where the stores are
     * @param runner finds and runs the tools
     * @return the stores
     */
    public static TrustStores select(Set<StoreKind> kinds, StoreLocations where, ToolRunner runner) {
        List<TrustStore> stores = new ArrayList<>();
        if (kinds.contains(StoreKind.SYSTEM)) {
            stores.add(new SystemStore(where.systemPrefix(), runner));
        }
        if (kinds.contains(StoreKind.NSS)) {
            nssDatabases(where).forEach(dir -> stores.add(new NssStore(dir, runner)));
        }
        if (kinds.contains(StoreKind.JAVA)) {
            stores.add(new JavaStore(where.effectiveJavaTruststore(), where.keytool(),
                    JavaStore.DEFAULT_PASSWORD.toCharArray(), runner));
        }
        return new TrustStores(stores);
    }

    /** @return the stores */
    public List<TrustStore> stores() {
        return stores;
    }

    /**
     * Installs a root in every store that does not have it yet.
     *
     * @param root the root
     * @return for each store, whether it changed (false: the root was there already)
     */
    public List<Change> install(RootCertificate root) {
        requireChangeable("install");
        List<Change> changes = new ArrayList<>();
        for (TrustStore store : stores) {
            boolean present = store.contains(root);
            if (!present) {
                store.add(root);
            }
            changes.add(new Change(store, !present));
        }
        return changes;
    }

    /**
     * Removes a root from every store that has it.
     *
     * @param root the root
     * @return for each store, whether it changed (false: the root was not there)
     */
    public List<Change> uninstall(RootCertificate root) {
        requireChangeable("uninstall");
        return stores.stream().map(store -> new Change(store, store.remove(root))).toList();
    }

    /**
     * Tells where a root is installed.
     *
     * @param root the root
     * @return for each store: installed, or what it needs to be read
     */
    public List<Status> status(RootCertificate root) {
        return stores.stream().map(store -> {
            Optional<String> unreadable = store.unreadable();
            return new Status(store, unreadable.isEmpty() && store.contains(root), unreadable);
        }).toList();
    }

    private void requireChangeable(String action) {
        List<String> needs = new ArrayList<>();
        for (TrustStore store : stores) {
            store.unchangeable().ifPresent(need -> needs.add(store.kind().id() + " needs " + need));
        }
        if (!needs.isEmpty()) {
            throw new CachetException(ErrorType.NOT_FOUND, "cannot " + action + ", nothing was changed: "
                    + String.join("; ", needs));
        }
    }

    private static List<Path> nssDatabases(StoreLocations where) {
        if (where.nssDb().isPresent()) {
            return List.of(where.nssDb().get());
        }
        List<Path> dirs = new ArrayList<>(List.of(where.home().resolve(".pki/nssdb")));
        for (String profiles : FIREFOX_PROFILE_ROOTS) {
            Path root = where.home().resolve(profiles);
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> entries = Files.list(root)) {
                entries.filter(dir -> Files.isRegularFile(dir.resolve("cert9.db"))).sorted().forEach(dirs::add);
            } catch (IOException e) {
                throw new CachetException(ErrorType.IO, root + ": cannot list Firefox profiles (" + e.getMessage()
                        + ")", e);
            }
        }
        return dirs;
    }

    /**
     * What an install or uninstall did to one store.
     *
     * @param store the store
     * @param changed whether the store changed
     */
    public record Change(TrustStore store, boolean changed) {
    }

    /**
     * Whether one store trusts a root.
     *
     * @param store the store
     * @param installed whether the root is there
     * @param unreadable what the store needs to be read, when it cannot be
     */
    public record Status(TrustStore store, boolean installed, Optional<String> unreadable) {
    }
}
