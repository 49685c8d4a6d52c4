package dev.cachet.crypto;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.security.PublicKey;

/** Chooses the signature algorithm a CA key signs with, by the key's type and size. */
public final class SignatureAlgorithms {

    private SignatureAlgorithms() {
    }

    /**
     * Picks the JCA signature algorithm for a signing key, matching the hash to the key strength
     * (BR 7.1.3.2: SHA-256 with P-256 and RSA, SHA-384 with P-384).
     *
     * @param key the public half of the signing key
     * @return a JCA name such as {@code SHA256withECDSA}
     */
    public static String forKey(PublicKey key) {
        PublicKeyInfo info = PublicKeyInfo.of(key);
        switch (info.algorithm()) {
            case "RSA":
                return "SHA256withRSA";
            case "Ed25519":
                return "Ed25519";
            case "EC":
                return forCurve(info);
            default:
                throw new CachetException(ErrorType.BAD_PUBLIC_KEY, "cannot sign with a " + info.describe() + " key");
        }
    }

    private static String forCurve(PublicKeyInfo info) {
        String curve = info.curve().orElse("");
        if ("P-256".equals(curve)) {
            return "SHA256withECDSA";
        }
        if ("P-384".equals(curve)) {
            return "SHA384withECDSA";
        }
        throw new CachetException(ErrorType.BAD_PUBLIC_KEY, "cannot sign with a " + info.describe() + " key");
    }
}
