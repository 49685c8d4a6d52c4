package dev.cachet.ca;

import dev.cachet.store.AuditEvent;
import dev.cachet.store.AuditLog;
import dev.cachet.store.CertificateReservation;
import dev.cachet.store.CertificateStore;
import dev.cachet.store.UnitOfWork;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Records issuance in the certificate store and the audit log, each step with the caller's records
 * in one unit of work of the stores' database.
 */
public final class StoreJournal implements IssuanceJournal {
    private final CertificateStore certificates;
    private final AuditLog audit;
    private final UnitOfWork units;
    private final Clock clock;

    /**
     * Creates a journal over the stores.
     *
     * @param certificates the certificate store
     * @param audit the audit log
     * @param units transactions of the database of both stores
     * @param clock the time source for audit events
     */
    public StoreJournal(CertificateStore certificates, AuditLog audit, UnitOfWork units, Clock clock) {
        this.certificates = Objects.requireNonNull(certificates, "certificates");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.units = Objects.requireNonNull(units, "units");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void reserve(CertificateReservation reservation) {
        certificates.reserve(reservation);
        audit.record(new AuditEvent(clock.instant(), reservation.requester(), "certificate.reserved",
                reservation.serial().toString(16), Map.of("profile", reservation.profile(), "names",
                        reservation.names().stream().map(Object::toString).collect(Collectors.joining(",")))));
    }

    @Override
    public void issued(CertificateReservation reservation, byte[] certificate) {
        certificates.recordIssued(reservation.serial(), certificate);
    }

    @Override
    public void together(Runnable step) {
        units.inOne(step);
    }
}
