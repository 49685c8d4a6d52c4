package dev.cachet.server;

import dev.cachet.ca.CaCreation;
import dev.cachet.ca.CaDirectory;
import dev.cachet.ca.CaSecrets;
import dev.cachet.ca.CaSettings;
import dev.cachet.ca.Issuer;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.crypto.KeyType;
import dev.cachet.crypto.Passphrases;
import dev.cachet.crypto.Pkcs11Token;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;

/**
 * Opens the CA of the data folder, creating a root and an intermediate on first start. The CA
 * keys are never left unencrypted by default: they go into a PKCS#11 token when one is
 * configured, are encrypted with the configured passphrase, or else with a random passphrase
 * written beside them.
 */
final class CaBootstrap {

    private CaBootstrap() {
    }

    /**
     * Opens (or creates) the CA in {@code <data>/ca}.
     *
     * @param config the configuration
     * @param clock the time source
     * @return the CA folder and its intermediate, ready to sign
     */
    static Opened open(CachetConfig config, Clock clock) {
        CaDirectory folder = new CaDirectory(Path.of(config.data()).resolve("ca"));
        Map<String, String> environment = System.getenv();
        boolean created = false;
        if (!folder.exists()) {
            create(folder, config, clock, environment);
            created = true;
        }
        CaSettings settings = folder.settings();
        CachetConfig.Ca ca = config.ca();
        if (settings.pkcs11() != null) {
            char[] pin = CaSecrets.pin(path(ca.pinFile()), environment);
            return new Opened(folder, folder.loadIssuer(pin), created,
                    "in the PKCS#11 token of " + settings.pkcs11().config());
        }
        char[] passphrase = CaSecrets.forExisting(settings, path(ca.passphraseFile()), environment);
        String protection = "encrypted, passphrase from " + (ca.passphraseFile() != null ? ca.passphraseFile()
                : "environment variable " + CaSecrets.PASSPHRASE_VARIABLE);
        if (passphrase == null && Files.isRegularFile(folder.generatedPassphrase())) {
            passphrase = Passphrases.read(folder.generatedPassphrase());
            protection = "encrypted, passphrase generated into " + folder.generatedPassphrase()
                    + " (move it away from the keys; see ca.passphraseFile)";
        } else if (passphrase == null) {
            protection = "NOT encrypted (set ca.passphraseFile or " + CaSecrets.PASSPHRASE_VARIABLE + ")";
        }
        return new Opened(folder, folder.loadIssuer(passphrase), created, protection);
    }

    private static void create(CaDirectory folder, CachetConfig config, Clock clock, Map<String, String> env) {
        CachetConfig.Ca ca = config.ca();
        CaCreation creation = new CaCreation(new SecureRandom(), clock);
        CaCreation.Spec spec = new CaCreation.Spec(ca.name(), KeyType.fromId(ca.keyType()).orElseThrow(),
                ca.defaultProfile());
        if (ca.pkcs11Config() != null) {
            char[] pin = CaSecrets.pin(path(ca.pinFile()), env);
            if (pin == null) {
                throw new CachetException(ErrorType.BAD_PASSPHRASE, "ca.pkcs11Config needs the token's PIN:"
                        + " set ca.pinFile or " + CaSecrets.PIN_VARIABLE);
            }
            creation.inToken(folder, spec, Pkcs11Token.open(Path.of(ca.pkcs11Config()), pin));
            return;
        }
        char[] passphrase = CaSecrets.newPassphrase(path(ca.passphraseFile()), env);
        if (passphrase == null) {
            creation.inFilesWithGeneratedPassphrase(folder, spec);
        } else {
            creation.inFiles(folder, spec, passphrase);
        }
    }

    private static Path path(String file) {
        return file == null ? null : Path.of(file);
    }

    /**
     * An opened CA.
     *
     * @param folder the CA folder
     * @param issuer the intermediate, ready to sign
     * @param created whether it was created just now
     * @param keyProtection how the CA keys are protected, for the startup output
     */
    record Opened(CaDirectory folder, Issuer issuer, boolean created, String keyProtection) {
    }
}
