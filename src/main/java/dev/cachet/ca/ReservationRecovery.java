package dev.cachet.ca;

import dev.cachet.store.AuditEvent;
import dev.cachet.store.AuditLog;
import dev.cachet.store.CertificateRecord;
import dev.cachet.store.CertificateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Crash recovery of the issuance journal. A reservation older than the grace period whose signed
 * certificate was never stored was cut short between "record" and "store" ({@link LeafIssuer}).
 * The signed certificate cannot be proven: it is only ever kept in memory until stored, and a
 * client receives it only after that. So the signature, if it happened, died with the process and
 * reached no one: the serial is marked never issued (UNISSUED), kept for audit and never reused.
 *
 * <p>The compare-and-set update makes this safe with several instances on one database, and it
 * fences an issuance that is merely slow: its store step then fails and it hands nothing out.
 */
public final class ReservationRecovery {
    /** Reservations read per query. */
    static final int BATCH = 100;
    /** Bounds one pass; what is left waits for the next. */
    static final int MAX_BATCHES = 100;

    private final CertificateStore certificates;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration grace;

    /**
     * Creates the recovery.
     *
     * @param certificates the certificate store
     * @param audit where each serial marked never issued is recorded
     * @param clock the time source
     * @param grace how old a reservation must be to count as cut short; far longer than a signature
     */
    public ReservationRecovery(CertificateStore certificates, AuditLog audit, Clock clock, Duration grace) {
        this.certificates = Objects.requireNonNull(certificates, "certificates");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.grace = Objects.requireNonNull(grace, "grace");
    }

    /**
     * Marks the reservations older than the grace period never issued.
     *
     * @return how many this call marked (another instance may have marked others)
     */
    public int run() {
        Instant now = clock.instant();
        Instant before = now.minus(grace);
        int marked = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            List<CertificateRecord> stale = certificates.staleReservations(before, BATCH);
            for (CertificateRecord record : stale) {
                if (certificates.markUnissued(record.serial(), before)) {
                    marked++;
                    audit.record(new AuditEvent(now, "system", "certificate.unissued", record.serial().toString(16),
                            Map.of("reservedAt", record.createdAt().toString(), "requester", record.requester(),
                                    "reason", "reserved longer than " + grace.toSeconds()
                                            + " s without a stored certificate (crash recovery)")));
                }
            }
            if (stale.size() < BATCH) {
                break;
            }
        }
        return marked;
    }
}
