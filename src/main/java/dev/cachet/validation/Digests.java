package dev.cachet.validation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 of a key authorization, the value dns-01 and tls-alpn-01 prove. */
final class Digests {

    private Digests() {
    }

    static byte[] sha256(String keyAuthorization) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(keyAuthorization.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
