package dev.cachet.ca;

/**
 * The settings of a CA folder, kept in {@code ca.json}.
 *
 * @param version the format version of this file
 * @param name the root's common name
 * @param keyType the CA keys' type, such as {@code ec-p256}
 * @param keysEncrypted whether the CA keys on disk are encrypted with a passphrase
 * @param createdAt when the CA was created, ISO-8601
 * @param rootSha256 the root certificate's SHA-256 fingerprint
 * @param defaultProfile the profile {@code ca sign} uses when none is named
 */
public record CaSettings(int version, String name, String keyType, boolean keysEncrypted, String createdAt,
        String rootSha256, String defaultProfile) {
    /** The current format version. */
    public static final int CURRENT_VERSION = 1;
}
