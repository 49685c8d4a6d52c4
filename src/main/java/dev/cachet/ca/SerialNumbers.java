package dev.cachet.ca;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * Serial numbers of 128 random bits: unpredictable (BR 7.1 asks for at least 64 bits from a
 * CSPRNG), positive and at most 17 octets in DER (RFC 5280 §4.1.2.2 allows 20).
 */
public final class SerialNumbers {
    private static final int BYTES = 16;
    private final SecureRandom random;

    /**
     * Creates a generator.
     *
     * @param random a CSPRNG
     */
    public SerialNumbers(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** @return a new serial number, at least 64 bits long */
    public BigInteger next() {
        byte[] bytes = new byte[BYTES];
        BigInteger serial;
        do {
            random.nextBytes(bytes);
            serial = new BigInteger(1, bytes);
        } while (serial.bitLength() < 64);
        return serial;
    }
}
