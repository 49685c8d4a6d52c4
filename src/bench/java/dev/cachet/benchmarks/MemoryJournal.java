package dev.cachet.benchmarks;

import dev.cachet.ca.IssuanceJournal;
import dev.cachet.store.CertificateReservation;
import java.util.concurrent.atomic.AtomicLong;

/** A journal that keeps only counts: issuance without a database. */
final class MemoryJournal implements IssuanceJournal {
    private final AtomicLong reserved = new AtomicLong();
    private final AtomicLong issued = new AtomicLong();

    @Override
    public void reserve(CertificateReservation reservation) {
        reserved.incrementAndGet();
    }

    @Override
    public void issued(CertificateReservation reservation, byte[] certificate) {
        issued.addAndGet(certificate.length > 0 ? 1 : 0);
    }
}
