package dev.cachet.revocation;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Encodes an X.509 Time (RFC 5280 §4.1.2.5, §5.1.2.4) without a date formatter, as the CRL
 * writes one per entry: UTCTime {@code YYMMDDHHMMSSZ} for the years 1950 to 2049,
 * GeneralizedTime {@code YYYYMMDDHHMMSSZ} otherwise; whole seconds, always UTC.
 */
final class DerTime {
    private static final int UTC_TIME = 0x17;
    private static final int GENERALIZED_TIME = 0x18;

    private DerTime() {
    }

    /**
     * Encodes a time.
     *
     * @param instant the time; fractions of a second are dropped
     * @return the DER of the Time
     */
    static byte[] encode(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        boolean utc = t.getYear() >= 1950 && t.getYear() <= 2049;
        int yearDigits = utc ? 2 : 4;
        byte[] der = new byte[2 + yearDigits + 11];
        der[0] = (byte) (utc ? UTC_TIME : GENERALIZED_TIME);
        der[1] = (byte) (der.length - 2);
        int at = digits(der, 2, utc ? t.getYear() % 100 : t.getYear(), yearDigits);
        at = digits(der, at, t.getMonthValue(), 2);
        at = digits(der, at, t.getDayOfMonth(), 2);
        at = digits(der, at, t.getHour(), 2);
        at = digits(der, at, t.getMinute(), 2);
        at = digits(der, at, t.getSecond(), 2);
        der[at] = 'Z';
        return der;
    }

    private static int digits(byte[] out, int at, int value, int count) {
        int rest = value;
        for (int i = count - 1; i >= 0; i--) {
            out[at + i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        return at + count;
    }
}
