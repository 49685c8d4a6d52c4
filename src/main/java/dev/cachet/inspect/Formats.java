package dev.cachet.inspect;

import dev.cachet.csr.SubjectNames;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.asn1.x500.X500Name;

/** How values look in descriptions: names, serials, key identifiers, times and day counts. */
final class Formats {
    private static final HexFormat COLONS = HexFormat.ofDelimiter(":").withUpperCase();

    private Formats() {
    }

    /** @return the name as RFC 4514 writes it, or {@code (empty)} */
    static String name(X500Name name) {
        String text = SubjectNames.format(name);
        return text.isEmpty() ? "(empty)" : text;
    }

    /** @return a serial number in hex, as {@code cachet ca sign} prints it */
    static String serial(BigInteger serial) {
        return serial.toString(16);
    }

    /** @return bytes as upper-case hex pairs joined by colons, like fingerprints */
    static String hex(byte[] bytes) {
        return COLONS.formatHex(bytes);
    }

    /** @return the time in ISO 8601, UTC, to the second */
    static String time(Date date) {
        return date.toInstant().toString();
    }

    /**
     * Counts whole days from one instant to another; a part of a day does not count.
     *
     * @return the days, negative when {@code to} is before {@code from}
     */
    static long daysBetween(Instant from, Instant to) {
        return Duration.between(from, to).toDays();
    }

    /** @return {@code 1 day} or {@code N days} */
    static String days(long days) {
        return days == 1 ? "1 day" : days + " days";
    }

    /** @return {@code yes} or {@code no} */
    static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
