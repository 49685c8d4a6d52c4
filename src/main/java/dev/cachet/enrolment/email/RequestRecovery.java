package dev.cachet.enrolment.email;

import dev.cachet.ca.InterruptedIssuance;
import dev.cachet.store.AuditEvent;
import dev.cachet.store.AuditLog;
import dev.cachet.store.CertificateStore;
import dev.cachet.store.requests.CertificateRequest;
import dev.cachet.store.requests.CertificateRequestStore;
import dev.cachet.store.requests.RequestStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Crash recovery of e-mail validated requests left ISSUING longer than the grace period.
 * {@link RequestIssuance} links the reserved serial to the request before the CA key signs, so the
 * request's certificate is known exactly:
 * <ul>
 * <li>stored: the request becomes ISSUED with it, as the issuance would have done;</li>
 * <li>never stored (no serial linked, or the serial marked never issued): the request goes back to
 *     APPROVED, since its domains were validated and nothing was issued, and the next sweep issues it;</li>
 * <li>still reserved: left for the next pass, once the reservation has been settled.</li>
 * </ul>
 * Every change is a compare-and-set on the status, safe with several instances.
 */
public final class RequestRecovery {
    static final int BATCH = 100;

    private final CertificateRequestStore requests;
    private final CertificateStore certificates;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration grace;

    /**
     * Creates the recovery.
     *
     * @param requests the request store
     * @param certificates the certificate store
     * @param audit where each recovered request is recorded
     * @param clock the time source
     * @param grace how long a request must have been issuing to count as cut short
     */
    public RequestRecovery(CertificateRequestStore requests, CertificateStore certificates, AuditLog audit,
            Clock clock, Duration grace) {
        this.requests = Objects.requireNonNull(requests, "requests");
        this.certificates = Objects.requireNonNull(certificates, "certificates");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.grace = Objects.requireNonNull(grace, "grace");
    }

    /**
     * Settles the requests issuing for longer than the grace period (at most {@value #BATCH} looked at).
     *
     * @return how many this call settled
     */
    public int run() {
        Instant now = clock.instant();
        int settled = 0;
        for (CertificateRequest request : requests.list(Optional.of(RequestStatus.ISSUING), BATCH)) {
            if (request.statusChangedAt().isAfter(now.minus(grace))) {
                continue;
            }
            InterruptedIssuance issuance = InterruptedIssuance.of(request.certificateSerial(), certificates);
            if (issuance == InterruptedIssuance.STORED) {
                if (requests.recordIssued(request.id(), request.certificateSerial().orElseThrow(), now)) {
                    settled++;
                    record(now, request, "issued");
                }
            } else if (issuance == InterruptedIssuance.NEVER_ISSUED) {
                if (requests.transition(request.id(), RequestStatus.ISSUING, RequestStatus.APPROVED, now, null,
                        null)) {
                    settled++;
                    record(now, request, "approved");
                }
            }
        }
        return settled;
    }

    private void record(Instant now, CertificateRequest request, String outcome) {
        audit.record(new AuditEvent(now, "system", "request.recovered", request.id(), Map.of("outcome", outcome,
                "certificate", request.certificateSerial().map(s -> s.toString(16)).orElse("none"))));
    }
}
