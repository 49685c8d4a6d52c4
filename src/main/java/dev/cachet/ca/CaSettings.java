package dev.cachet.ca;

import com.fasterxml.jackson.annotation.JsonInclude;

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
 * @param pkcs11 where the CA keys are when they are in a PKCS#11 token, or null for key files
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaSettings(int version, String name, String keyType, boolean keysEncrypted, String createdAt,
        String rootSha256, String defaultProfile, Pkcs11Keys pkcs11) {
    /** The current format version. */
    public static final int CURRENT_VERSION = 1;

    /**
     * CA keys in a PKCS#11 token. The PIN is never recorded: it comes from a file or the
     * environment each time the token is opened.
     *
     * @param config the absolute path of the SunPKCS11 configuration file
     * @param rootAlias the root key's alias in the token
     * @param intermediateAlias the intermediate key's alias in the token
     */
    public record Pkcs11Keys(String config, String rootAlias, String intermediateAlias) {
    }
}
