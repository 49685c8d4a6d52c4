package dev.cachet.ca;

import java.util.List;
import java.util.Objects;
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
 */
public record Profile(String name, String description, int validityDays, int maxValidityDays,
        List<KeyPurposeId> extendedKeyUsages, boolean requiresHostNames, boolean publicTrust) {

    /** Checks the values are coherent. */
    public Profile {
        Objects.requireNonNull(name, "name");
        extendedKeyUsages = List.copyOf(extendedKeyUsages);
        if (validityDays < 1 || validityDays > maxValidityDays) {
            throw new IllegalArgumentException("profile " + name + ": validity must be 1.." + maxValidityDays);
        }
    }

    /** @return true for profiles of TLS server certificates */
    public boolean isServer() {
        return extendedKeyUsages.contains(KeyPurposeId.id_kp_serverAuth);
    }
}
