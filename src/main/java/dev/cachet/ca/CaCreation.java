package dev.cachet.ca;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.crypto.Fingerprints;
import dev.cachet.crypto.KeyType;
import dev.cachet.crypto.Pkcs11Token;
import dev.cachet.crypto.SecureFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/** Creates a new CA in a folder, with its keys in files or in a PKCS#11 token. */
public final class CaCreation {
    private final SecureRandom random;
    private final Clock clock;

    /**
     * Creates a CA factory.
     *
     * @param random randomness for keys, serial numbers, key encryption and key aliases
     * @param clock the time source
     */
    public CaCreation(SecureRandom random, Clock clock) {
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * What to create.
     *
     * @param name the root's common name
     * @param keyType the type of both CA keys
     * @param defaultProfile the profile used when a request names none
     */
    public record Spec(String name, KeyType keyType, String defaultProfile) {
    }

    /**
     * Creates a CA whose keys are PKCS#8 files.
     *
     * @param folder the CA folder
     * @param spec what to create
     * @param passphrase encrypts the keys, or null to leave them unencrypted
     * @return the new certificates and keys
     */
    public CaMaterial inFiles(CaDirectory folder, Spec spec, char[] passphrase) {
        folder.prepareFolder();
        CaMaterial material = new Hierarchy(random, clock).create(spec.name(), spec.keyType());
        folder.create(material, settings(spec, material, passphrase != null, null), passphrase, random);
        return material;
    }

    /**
     * Creates a CA whose keys are encrypted with a new random passphrase, kept in
     * {@link CaDirectory#generatedPassphrase()} (mode 0600). A copy or backup of the key files
     * without that file reveals nothing; the operator should move the file away from the keys.
     *
     * @param folder the CA folder
     * @param spec what to create
     * @return the new certificates and keys
     */
    public CaMaterial inFilesWithGeneratedPassphrase(CaDirectory folder, Spec spec) {
        folder.prepareFolder();
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        char[] passphrase = HexFormat.of().formatHex(bytes).toCharArray();
        Arrays.fill(bytes, (byte) 0);
        SecureFiles.write(new SecureFiles.Output(folder.generatedPassphrase(),
                (new String(passphrase) + "\n").getBytes(StandardCharsets.US_ASCII), true));
        return inFiles(folder, spec, passphrase);
    }

    /**
     * Creates a CA whose keys are generated in, and never leave, a PKCS#11 token. The aliases
     * carry a random suffix so that several CAs can share a token.
     *
     * @param folder the CA folder
     * @param spec what to create
     * @param token the token, logged in
     * @return the new certificates and the token's key handles
     */
    public CaMaterial inToken(CaDirectory folder, Spec spec, Pkcs11Token token) {
        folder.prepareFolder();
        CaMaterial material = new Hierarchy(token, random, clock).create(spec.name(), spec.keyType());
        byte[] suffix = new byte[4];
        random.nextBytes(suffix);
        String id = HexFormat.of().formatHex(suffix);
        CaSettings.Pkcs11Keys keys = new CaSettings.Pkcs11Keys(token.config().toString(), "cachet-root-" + id,
                "cachet-intermediate-" + id);
        folder.create(material, settings(spec, material, false, keys), token);
        return material;
    }

    private CaSettings settings(Spec spec, CaMaterial material, boolean encrypted, CaSettings.Pkcs11Keys keys) {
        return new CaSettings(CaSettings.CURRENT_VERSION, spec.name(), spec.keyType().id(), encrypted,
                clock.instant().toString(), fingerprint(material), spec.defaultProfile(), keys);
    }

    private static String fingerprint(CaMaterial material) {
        try {
            return Fingerprints.sha256(material.root().getEncoded());
        } catch (IOException e) {
            throw new CachetException(ErrorType.INTERNAL, "cannot encode the root certificate", e);
        }
    }
}
