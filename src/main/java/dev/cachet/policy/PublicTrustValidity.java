package dev.cachet.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The longest validity the CA/Browser Forum TLS Baseline Requirements allow for a subscriber
 * certificate issued on a given day (BR 6.3.2, as amended by ballot SC-081).
 */
public final class PublicTrustValidity {
    /** The longest validity ever allowed since 2020-09-01. */
    public static final int MAX_DAYS_EVER = 398;

    private static final LocalDate STEP_200 = LocalDate.of(2026, 3, 15);
    private static final LocalDate STEP_100 = LocalDate.of(2027, 3, 15);
    private static final LocalDate STEP_47 = LocalDate.of(2029, 3, 15);

    private PublicTrustValidity() {
    }

    /**
     * The maximum validity in force on an issue date.
     *
     * @param issuedAt when the certificate is issued
     * @return the maximum in days
     */
    public static int maxDays(Instant issuedAt) {
        LocalDate day = issuedAt.atZone(ZoneOffset.UTC).toLocalDate();
        if (day.isBefore(STEP_200)) {
            return MAX_DAYS_EVER;
        }
        if (day.isBefore(STEP_100)) {
            return 200;
        }
        if (day.isBefore(STEP_47)) {
            return 100;
        }
        return 47;
    }
}
