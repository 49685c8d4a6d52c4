package dev.cachet.inspect;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Says how a validity period stands at a given time: days left, expired, or not yet valid. */
final class Validity {

    private Validity() {
    }

    /**
     * Describes the validity of a certificate.
     *
     * @param notBefore the first second of validity
     * @param notAfter the last second of validity
     * @param now the time to judge by
     * @return {@code notBefore}, {@code notAfter} with the days left in text, and for tools
     *     {@code daysLeft} (negative once expired) and {@code status}
     */
    static List<Field> describe(Date notBefore, Date notAfter, Instant now) {
        long daysLeft = Formats.daysBetween(now, notAfter.toInstant());
        String status;
        String note;
        if (now.isBefore(notBefore.toInstant())) {
            status = "not yet valid";
            long until = Formats.daysBetween(now, notBefore.toInstant());
            note = "not yet valid, starts in " + (until == 0 ? "less than a day" : Formats.days(until));
        } else if (now.isAfter(notAfter.toInstant())) {
            status = "expired";
            long ago = Formats.daysBetween(notAfter.toInstant(), now);
            note = ago == 0 ? "expired less than a day ago" : "expired " + Formats.days(ago) + " ago";
        } else {
            status = "valid";
            note = daysLeft == 0 ? "less than a day left" : Formats.days(daysLeft) + " left";
        }
        return new Fields()
                .add("notBefore", "not before", Formats.time(notBefore))
                .add("notAfter", "not after", Formats.time(notAfter), Formats.time(notAfter) + " (" + note + ")")
                .json("daysLeft", daysLeft)
                .json("status", status)
                .build();
    }
}
