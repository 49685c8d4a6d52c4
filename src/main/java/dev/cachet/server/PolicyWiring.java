package dev.cachet.server;

import dev.cachet.policy.BlockedKeys;
import dev.cachet.policy.NamePolicy;
import dev.cachet.store.BlockedKeyStore;
import java.nio.file.Path;
import java.util.Set;

/** Builds the name policy and the blocked-key check of a server from its {@code policy} configuration. */
final class PolicyWiring {

    private PolicyWiring() {
    }

    static NamePolicy namePolicy(PolicyConfig policy) {
        return new NamePolicy(policy.allowDomains(), policy.denyDomains());
    }

    /** The file is read once, at start: a change takes effect at the next start. */
    static BlockedKeys blockedKeys(PolicyConfig policy, BlockedKeyStore store) {
        Set<String> listed = policy.blockedKeysFile() == null ? Set.of()
                : BlockedKeys.readFile(Path.of(policy.blockedKeysFile()));
        return new BlockedKeys(listed, store);
    }
}
