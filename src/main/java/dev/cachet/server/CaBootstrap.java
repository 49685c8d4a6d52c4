package dev.cachet.server;

import dev.cachet.ca.CaDirectory;
import dev.cachet.ca.CaMaterial;
import dev.cachet.ca.CaSettings;
import dev.cachet.ca.Hierarchy;
import dev.cachet.ca.Issuer;
import dev.cachet.crypto.Fingerprints;
import dev.cachet.crypto.KeyType;
import dev.cachet.crypto.Passphrases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

/** Opens the CA of the data folder, creating a root and an intermediate on first start. */
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
        char[] passphrase = config.ca().passphraseFile() == null ? null
                : Passphrases.read(Path.of(config.ca().passphraseFile()));
        boolean created = false;
        if (!folder.exists()) {
            SecureRandom random = new SecureRandom();
            KeyType type = KeyType.fromId(config.ca().keyType()).orElseThrow();
            CaMaterial material = new Hierarchy(random, clock).create(config.ca().name(), type);
            folder.create(material, new CaSettings(CaSettings.CURRENT_VERSION, config.ca().name(), type.id(),
                    passphrase != null, clock.instant().toString(), fingerprint(material), config.ca()
                            .defaultProfile()), passphrase, random);
            created = true;
        }
        return new Opened(folder, folder.loadIssuer(passphrase), created);
    }

    private static String fingerprint(CaMaterial material) {
        try {
            return Fingerprints.sha256(material.root().getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An opened CA.
     *
     * @param folder the CA folder
     * @param issuer the intermediate, ready to sign
     * @param created whether it was created just now
     */
    record Opened(CaDirectory folder, Issuer issuer, boolean created) {
    }
}
