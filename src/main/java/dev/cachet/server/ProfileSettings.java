package dev.cachet.server;

import java.util.List;

/**
 * A profile as configured: every field is optional and falls back to the base profile.
 *
 * @param base the built-in profile this one starts from (default: the same name, or tls-server)
 * @param description one line for people
 * @param validityDays the default validity
 * @param maxValidityDays the longest validity a request may ask for
 * @param extendedKeyUsages {@code serverAuth} and/or {@code clientAuth}
 * @param keyTypes accepted key types: rsa, ec-p256, ec-p384, ed25519
 * @param publicTrust whether the CA/Browser Forum limits apply
 */
public record ProfileSettings(String base, String description, Integer validityDays, Integer maxValidityDays,
        List<String> extendedKeyUsages, List<String> keyTypes, Boolean publicTrust) {
}
