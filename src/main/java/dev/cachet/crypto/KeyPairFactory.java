package dev.cachet.crypto;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Objects;

/** Generates key pairs of the {@link KeyType}s Cachet supports, in software (Bouncy Castle). */
public final class KeyPairFactory implements KeySource {
    private final SecureRandom random;

    /**
     * Creates a factory drawing from the given source of randomness.
     *
     * @param random a cryptographically strong random source
     */
    public KeyPairFactory(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Generates a new key pair.
     *
     * @param type the key type
     * @return a fresh key pair
     */
    @Override
    public KeyPair generate(KeyType type) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(type.algorithm(), Jca.provider());
            if (type.spec().isPresent()) {
                generator.initialize(type.spec().get(), random);
            } else {
                generator.initialize(255, random);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new CachetException(ErrorType.INTERNAL, "cannot generate a " + type + " key: " + e.getMessage(), e);
        }
    }

    @Override
    public SigningKey signingKey(KeyPair pair) {
        return new SoftwareSigningKey(pair.getPrivate(), pair.getPublic());
    }
}
