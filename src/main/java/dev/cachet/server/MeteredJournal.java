package dev.cachet.server;

import dev.cachet.ca.IssuanceJournal;
import dev.cachet.store.CertificateReservation;
import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Counts issued certificates by profile around another journal. */
final class MeteredJournal implements IssuanceJournal {
    private final IssuanceJournal delegate;
    private final Metrics metrics;
    private final Map<BigInteger, String> pending = new ConcurrentHashMap<>();

    MeteredJournal(IssuanceJournal delegate, Metrics metrics) {
        this.delegate = delegate;
        this.metrics = metrics;
    }

    @Override
    public void reserve(CertificateReservation reservation) {
        delegate.reserve(reservation);
        pending.put(reservation.serial(), reservation.profile());
    }

    @Override
    public void issued(BigInteger serial, byte[] certificate) {
        delegate.issued(serial, certificate);
        String profile = pending.remove(serial);
        metrics.issued(profile == null ? "unknown" : profile);
    }
}
