package dev.cachet.store.jdbc;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.math.BigInteger;

/**
 * Serial numbers as stored: 40 lower-case hex digits, zero-padded, so that the text order of the
 * primary key is the numeric order of the serials (RFC 5280 §4.1.2.2 caps serials at 20 octets).
 */
final class SerialKeys {
    /** Hex digits of a 20-octet serial. */
    static final int WIDTH = 40;

    private SerialKeys() {
    }

    /**
     * The stored form of a serial.
     *
     * @param serial a serial of at most 20 octets, not negative
     * @return 40 lower-case hex digits
     */
    static String key(BigInteger serial) {
        if (serial.signum() < 0 || serial.bitLength() > WIDTH * 4) {
            throw new CachetException(ErrorType.MALFORMED,
                    "serial " + serial.toString(16) + " is not a positive number of at most 20 octets");
        }
        String hex = serial.toString(16);
        return "0".repeat(WIDTH - hex.length()) + hex;
    }

    /**
     * The serial of a stored key.
     *
     * @param key the stored form
     * @return the serial
     */
    static BigInteger serial(String key) {
        return new BigInteger(key, 16);
    }
}
