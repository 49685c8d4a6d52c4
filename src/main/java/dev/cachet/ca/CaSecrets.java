package dev.cachet.ca;

import dev.cachet.crypto.Passphrases;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the CA keys' passphrase, or the PIN of the token that holds them, comes from: a file,
 * else an environment variable; never a command-line flag, which other users can read in the
 * process list.
 */
public final class CaSecrets {
    /** The environment variable holding the passphrase of CA key files. */
    public static final String PASSPHRASE_VARIABLE = "CACHET_CA_PASSPHRASE";
    /** The environment variable holding the user PIN of a PKCS#11 token. */
    public static final String PIN_VARIABLE = "CACHET_CA_PIN";

    private CaSecrets() {
    }

    /**
     * The passphrase to encrypt new CA keys with.
     *
     * @param file a passphrase file, or null
     * @param environment the process environment
     * @return the passphrase, or null when neither source gives one
     */
    public static char[] newPassphrase(Path file, Map<String, String> environment) {
        if (file != null) {
            return Passphrases.readNew(file);
        }
        return Passphrases.requireLongEnough(Passphrases.fromEnvironment(PASSPHRASE_VARIABLE, environment),
                "environment variable " + PASSPHRASE_VARIABLE);
    }

    /**
     * The secret that opens an existing CA's keys: the token PIN for keys in a PKCS#11 token,
     * the key passphrase otherwise.
     *
     * @param settings the CA's settings
     * @param file a file holding the secret, or null
     * @param environment the process environment
     * @return the secret, or null when neither source gives one
     */
    public static char[] forExisting(CaSettings settings, Path file, Map<String, String> environment) {
        if (file != null) {
            return Passphrases.read(file);
        }
        return Passphrases.fromEnvironment(settings.pkcs11() != null ? PIN_VARIABLE : PASSPHRASE_VARIABLE,
                environment);
    }

    /**
     * The PIN of a PKCS#11 token.
     *
     * @param file a file whose first line is the PIN, or null
     * @param environment the process environment
     * @return the PIN, or null when neither source gives one
     */
    public static char[] pin(Path file, Map<String, String> environment) {
        return file != null ? Passphrases.read(file) : Passphrases.fromEnvironment(PIN_VARIABLE, environment);
    }
}
