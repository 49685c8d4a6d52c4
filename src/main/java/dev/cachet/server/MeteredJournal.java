package dev.cachet.server;

import dev.cachet.ca.IssuanceJournal;
import dev.cachet.store.CertificateReservation;

/** Counts issued certificates by profile around another journal. */
final class MeteredJournal implements IssuanceJournal {
    private final IssuanceJournal delegate;
    private final Metrics metrics;

    MeteredJournal(IssuanceJournal delegate, Metrics metrics) {
        this.delegate = delegate;
        this.metrics = metrics;
    }

    @Override
    public void reserve(CertificateReservation reservation) {
        delegate.reserve(reservation);
    }

    @Override
    public void issued(CertificateReservation reservation, byte[] certificate) {
        delegate.issued(reservation, certificate);
        metrics.issued(reservation.profile());
    }

    @Override
    public void together(Runnable step) {
        delegate.together(step);
    }
}
