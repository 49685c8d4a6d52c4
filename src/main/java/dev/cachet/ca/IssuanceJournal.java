package dev.cachet.ca;

import dev.cachet.store.CertificateReservation;

/**
 * Where issuance is recorded, in two steps around the real signature: the reservation (serial and
 * linted TBS) is durable before the CA key signs, and the signed certificate is stored after. If
 * {@link #reserve} fails, nothing is signed.
 */
public interface IssuanceJournal {

    /**
     * Records what is about to be signed; must be durable when it returns.
     *
     * @param reservation the serial and the linted certificate
     */
    void reserve(CertificateReservation reservation);

    /**
     * Records the signed certificate.
     *
     * @param reservation the reservation made for it
     * @param certificate the DER of the signed certificate
     */
    void issued(CertificateReservation reservation, byte[] certificate);

    /**
     * Runs a step of this journal and the caller's records of it ({@link IssuanceLinks}) as one
     * transaction where the journal's store has transactions; otherwise one after the other.
     *
     * @param step the journal's step and the caller's records
     */
    default void together(Runnable step) {
        step.run();
    }
}
