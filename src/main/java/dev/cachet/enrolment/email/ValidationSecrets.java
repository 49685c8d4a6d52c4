package dev.cachet.enrolment.email;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.OptionSafeRandom;
import dev.cachet.crypto.Fingerprints;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The random values of e-mail validation: request ids, the mailed values (256 bits, above the 112
 * bits BR 1.6.1 asks of a Random Value), stored only as SHA-256 and compared in constant time, and
 * the anti-CSRF token of the confirmation page, an HMAC bound to the request, domain and value.
 */
public final class ValidationSecrets {
    private static final int ID_BYTES = 16;
    private static final int VALUE_BYTES = 32;
    private static final String HMAC = "HmacSHA256";
    private final SecureRandom random;

    /**
     * Creates the source of secrets.
     *
     * @param random the randomness
     */
    public ValidationSecrets(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** @return a new request or mail id, 128 random bits, URL-safe, never starting with '-' (a CLI argument) */
    String newId() {
        return OptionSafeRandom.base64Url(random, ID_BYTES);
    }

    /** @return a new single-use value, 256 random bits, URL-safe */
    String newValue() {
        return encode(bytes(VALUE_BYTES));
    }

    /** @return a new key for the anti-CSRF tokens of one domain validation */
    byte[] newFormKey() {
        return bytes(VALUE_BYTES);
    }

    /**
     * Hashes a value for storage.
     *
     * @param value the value
     * @return its hex SHA-256
     */
    static String hash(String value) {
        return HexFormat.of().formatHex(Fingerprints.sha256Bytes(value.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Compares a presented value with the stored hash, in time independent of where they differ.
     *
     * @param presented the presented value, or null
     * @param storedHash the hex SHA-256 stored
     * @return true when they match
     */
    static boolean matches(String presented, String storedHash) {
        String candidate = hash(presented == null ? "" : presented);
        return MessageDigest.isEqual(candidate.getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The anti-CSRF token of the confirmation form.
     *
     * @param formKey the domain validation's key
     * @param requestId the request
     * @param domain the base domain
     * @param value the mailed value
     * @return the token, URL-safe
     */
    static String formToken(byte[] formKey, String requestId, String domain, String value) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(formKey, HMAC));
            return encode(mac.doFinal((requestId + "\n" + domain + "\n" + value).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new CachetException(ErrorType.INTERNAL, "HMAC-SHA256 is not available", e);
        }
    }

    /**
     * Compares two tokens in constant time.
     *
     * @param expected the expected token
     * @param presented the presented one, or null
     * @return true when equal
     */
    static boolean sameToken(String expected, String presented) {
        return presented != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
