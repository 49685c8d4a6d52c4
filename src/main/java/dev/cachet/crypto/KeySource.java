package dev.cachet.crypto;

import java.security.KeyPair;

/**
 * Where CA keys are made and what signs with them: software keys in memory, or keys that never
 * leave a PKCS#11 token.
 */
public interface KeySource {

    /**
     * Makes a new key pair.
     *
     * @param type the key type
     * @return the pair; its private half may be a handle to a key inside a token
     */
    KeyPair generate(KeyType type);

    /**
     * Signs with a key pair this source made or loaded.
     *
     * @param pair the pair
     * @return a signing key over it
     */
    SigningKey signingKey(KeyPair pair);
}
