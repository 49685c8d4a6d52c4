package dev.cachet.server;

import dev.cachet.ca.IssuanceJournal;
import dev.cachet.store.CertificateReservation;
import dev.cachet.store.UnitOfWork;
import java.util.function.Consumer;

/**
 * Counts issued certificates by profile around another journal, once the certificate's record has
 * committed: a step rolled back (its commit failed, the database went away) counts nothing.
 */
final class MeteredJournal implements IssuanceJournal {
    private final IssuanceJournal delegate;
    private final Consumer<String> issuedInProfile;
    private final UnitOfWork units;

    /**
     * Wraps a journal.
     *
     * @param delegate the journal that records
     * @param issuedInProfile counts one certificate of the given profile
     * @param units the transactions of the delegate's database
     */
    MeteredJournal(IssuanceJournal delegate, Consumer<String> issuedInProfile, UnitOfWork units) {
        this.delegate = delegate;
        this.issuedInProfile = issuedInProfile;
        this.units = units;
    }

    @Override
    public void reserve(CertificateReservation reservation) {
        delegate.reserve(reservation);
    }

    @Override
    public void issued(CertificateReservation reservation, byte[] certificate) {
        delegate.issued(reservation, certificate);
        units.afterCommit(() -> issuedInProfile.accept(reservation.profile()));
    }

    @Override
    public void together(Runnable step) {
        delegate.together(step);
    }
}
