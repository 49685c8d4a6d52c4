package dev.cachet.revocation;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.RevocationReason;
import dev.cachet.store.AuditEvent;
import dev.cachet.store.AuditLog;
import dev.cachet.store.CertificateRecord;
import dev.cachet.store.CertificateStore;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Revokes certificates: a compare-and-set in the store, an audit event, then the listeners. */
public final class RevocationService {
    private final CertificateStore certificates;
    private final AuditLog audit;
    private final Clock clock;
    private final List<RevocationListener> listeners;

    /**
     * Creates the service.
     *
     * @param certificates the certificate store
     * @param audit the audit log
     * @param clock the time source
     * @param listeners told after each revocation
     */
    public RevocationService(CertificateStore certificates, AuditLog audit, Clock clock,
            List<RevocationListener> listeners) {
        this.certificates = Objects.requireNonNull(certificates, "certificates");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listeners = List.copyOf(listeners);
    }

    /**
     * Revokes a certificate.
     *
     * @param serial the serial number
     * @param reason the reason (RFC 5280 §5.3.1)
     * @param actor who asks, for the audit log
     * @return the record after revocation
     */
    public CertificateRecord revoke(BigInteger serial, RevocationReason reason, String actor) {
        CertificateRecord record = certificates.find(serial).orElseThrow(() -> new CachetException(
                ErrorType.NOT_FOUND, "no certificate with serial " + serial.toString(16)));
        Instant now = clock.instant();
        if (!certificates.revoke(serial, reason, now)) {
            throw new CachetException(ErrorType.ALREADY_REVOKED,
                    "certificate " + serial.toString(16) + " is already revoked");
        }
        audit.record(new AuditEvent(now, actor, "certificate.revoked", serial.toString(16),
                Map.of("reason", reason.rfcName())));
        listeners.forEach(l -> l.revoked(record.issuerId(), serial));
        return certificates.find(serial).orElse(record);
    }
}
