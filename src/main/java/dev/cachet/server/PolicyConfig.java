package dev.cachet.server;

import java.util.List;

/**
 * What the CA certifies beyond the profiles: names and keys.
 *
 * @param allowDomains names are certified only under these domains (or these IP addresses); empty for all
 * @param denyDomains names under these domains (or these IP addresses) are never certified; deny wins
 * @param blockedKeysFile a file of SHA-256 hashes (hex) of SubjectPublicKeyInfos never certified, or null
 */
public record PolicyConfig(List<String> allowDomains, List<String> denyDomains, String blockedKeysFile) {

    /** Copies the lists. */
    public PolicyConfig {
        allowDomains = allowDomains == null ? List.of() : List.copyOf(allowDomains);
        denyDomains = denyDomains == null ? List.of() : List.copyOf(denyDomains);
    }
}
