package dev.cachet.ca;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/**
 * What a leaf certificate of one kind looks like.
 *
 * @param name the profile's name, such as {@code tls-server}
 * @param description one line for help texts
 * @param validityDays the default validity in days
 * @param maxValidityDays the longest validity {@code --days} may ask for
 * @param extendedKeyUsages the EKUs the certificate carries
 * @param requiresHostNames whether at least one DNS name or IP address is required (TLS servers)
 * @param publicTrust whether the CA/Browser Forum Baseline Requirements limits apply
 * @param keyTypes the subscriber key types accepted: {@code rsa} (2048 to 8192 bits), {@code ec-p256},
 *     {@code ec-p384}, {@code ed25519}
 */
public record Profile(String name, String description, int validityDays, int maxValidityDays,
        List<KeyPurposeId> extendedKeyUsages, boolean requiresHostNames, boolean publicTrust, Set<String> keyTypes) {
    /** Every key type a profile may accept. */
    public static final Set<String> ALL_KEY_TYPES = Set.of("rsa", "ec-p256", "ec-p384", "ed25519");

    /** Checks the values are coherent. */
    public Profile {
        Objects.requireNonNull(name, "name");
        extendedKeyUsages = List.copyOf(extendedKeyUsages);
        keyTypes = Set.copyOf(keyTypes);
        if (keyTypes.isEmpty() || !ALL_KEY_TYPES.containsAll(keyTypes)) {
            throw new IllegalArgumentException("profile " + name + ": key types must be among " + ALL_KEY_TYPES);
        }
        if (validityDays < 1 || validityDays > maxValidityDays) {
            throw new IllegalArgumentException("profile " + name + ": validity must be 1.." + maxValidityDays);
        }
    }

    /**
     * Names the profile's class of a public key.
     *
     * @param key a key that passed the key policy
     * @return {@code rsa}, {@code ec-p256}, {@code ec-p384} or {@code ed25519}
     */
    public static String keyTypeOf(dev.cachet.crypto.PublicKeyInfo key) {
        if ("RSA".equals(key.algorithm())) {
            return "rsa";
        }
        if ("Ed25519".equals(key.algorithm())) {
            return "ed25519";
        }
        return "P-384".equals(key.curve().orElse("")) ? "ec-p384" : "ec-p256";
    }

    /** @return true for profiles of TLS server certificates */
    public boolean isServer() {
        return extendedKeyUsages.contains(KeyPurposeId.id_kp_serverAuth);
    }
}
