package dev.cachet.inspect;

import dev.cachet.crypto.PublicKeyInfo;
import java.util.List;

/**
 * The fields that say which public key an object holds, the same for certificates, CSRs, private
 * and public keys, so that {@code publicKeySha256} matches a key to its certificate.
 */
final class KeyFields {

    private KeyFields() {
    }

    /**
     * Describes a public key.
     *
     * @param key the key
     * @return {@code key} (such as {@code EC P-256}), its parts for tools, and {@code publicKeySha256}
     */
    static List<Field> of(PublicKeyInfo key) {
        return new Fields()
                .add("key", "key", key.describe())
                .json("keyAlgorithm", key.algorithm())
                .json("keyBits", key.bits() > 0 ? key.bits() : null)
                .json("keyCurve", key.curve().orElse(null))
                .json("keyExponent", key.rsaExponent().orElse(null))
                .add("publicKeySha256", "public key SHA-256", key.sha256())
                .build();
    }
}
