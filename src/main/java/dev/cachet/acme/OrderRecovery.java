package dev.cachet.acme;

import dev.cachet.ca.InterruptedIssuance;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.store.AuditEvent;
import dev.cachet.store.AuditLog;
import dev.cachet.store.CertificateStore;
import dev.cachet.store.acme.AcmeOrder;
import dev.cachet.store.acme.AcmeOrderStore;
import dev.cachet.store.acme.OrderStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Crash recovery of ACME orders left in {@code processing} longer than the grace period. The
 * finalizer links the reserved serial to the order before the CA key signs
 * ({@link AcmeOrderStore#attachCertificate}), so the order's certificate is known exactly:
 * <ul>
 * <li>stored: the order becomes {@code valid} with it, as the finalizer would have done;</li>
 * <li>never stored (no serial linked, or the serial marked never issued): the order becomes
 *     {@code invalid} with a {@code serverInternal} problem. RFC 8555 §7.1.6 has no way back from
 *     processing to ready, and a client that saw processing polls until valid or invalid (§7.4),
 *     so "ready" again would leave it polling; "invalid" tells it to place a new order, which
 *     reuses its valid authorizations;</li>
 * <li>still reserved: left for the next pass, once {@code ReservationRecovery} has settled it.</li>
 * </ul>
 * Every change is a compare-and-set on the status, safe with several instances.
 */
public final class OrderRecovery {
    static final int BATCH = 100;

    private final AcmeOrderStore orders;
    private final CertificateStore certificates;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration grace;

    /**
     * What one pass did.
     *
     * @param completed orders made valid with their stored certificate
     * @param failed orders made invalid
     */
    public record Result(int completed, int failed) {
    }

    /**
     * Creates the recovery.
     *
     * @param orders the order store
     * @param certificates the certificate store
     * @param audit where each recovered order is recorded
     * @param clock the time source
     * @param grace how long an order must have been processing to count as cut short
     */
    public OrderRecovery(AcmeOrderStore orders, CertificateStore certificates, AuditLog audit, Clock clock,
            Duration grace) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.certificates = Objects.requireNonNull(certificates, "certificates");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.grace = Objects.requireNonNull(grace, "grace");
    }

    /**
     * Settles the orders processing for longer than the grace period (at most {@value #BATCH}).
     *
     * @return how many this call completed and failed
     */
    public Result run() {
        Instant now = clock.instant();
        int completed = 0;
        int failed = 0;
        List<AcmeOrder> stuck = orders.stuckProcessing(now.minus(grace), BATCH);
        for (AcmeOrder order : stuck) {
            InterruptedIssuance issuance = InterruptedIssuance.of(Optional.ofNullable(order.certificateSerial()),
                    certificates);
            if (issuance == InterruptedIssuance.STORED) {
                if (orders.complete(order.id(), order.certificateSerial())) {
                    completed++;
                    record(now, order, "valid");
                }
            } else if (issuance == InterruptedIssuance.NEVER_ISSUED) {
                if (orders.fail(order.id(), OrderStatus.PROCESSING, OrderProblems.of(new CachetException(
                        ErrorType.INTERNAL, "the server stopped while issuing this order's certificate, which was"
                        + " never issued; place a new order (valid authorizations are reused)")))) {
                    failed++;
                    record(now, order, "invalid");
                }
            }
        }
        return new Result(completed, failed);
    }

    private void record(Instant now, AcmeOrder order, String outcome) {
        audit.record(new AuditEvent(now, "system", "order.recovered", order.id(), Map.of("outcome", outcome,
                "certificate", order.certificateSerial() == null ? "none" : order.certificateSerial().toString(16))));
    }
}
