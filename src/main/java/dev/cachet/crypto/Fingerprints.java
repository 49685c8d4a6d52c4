package dev.cachet.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 fingerprints as people compare them: upper-case hex pairs joined by colons. */
public final class Fingerprints {

    private Fingerprints() {
    }

    /**
     * Computes a SHA-256 fingerprint.
     *
     * @param der the DER encoding of a certificate, CSR or SubjectPublicKeyInfo
     * @return the fingerprint, such as {@code 3A:F0:...}
     */
    public static String sha256(byte[] der) {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(sha256Bytes(der));
    }

    /**
     * Computes a SHA-256 digest.
     *
     * @param data any bytes
     * @return the 32-byte digest
     */
    public static byte[] sha256Bytes(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
