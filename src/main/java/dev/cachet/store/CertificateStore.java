package dev.cachet.store;

import dev.cachet.core.RevocationReason;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Certificates, from the reserved serial to revocation. */
public interface CertificateStore {

    /**
     * Records a serial and its to-be-signed content before signing. Fails with
     * {@code ErrorType.ALREADY_EXISTS} when the serial is taken (a database constraint).
     *
     * @param reservation what will be signed
     */
    void reserve(CertificateReservation reservation);

    /**
     * Stores the signed certificate of a reserved serial: RESERVED becomes ISSUED. Fails when
     * recovery marked the serial {@link CertificateStatus#UNISSUED} meanwhile.
     *
     * @param serial the serial
     * @param certificate the DER of the signed certificate
     */
    void recordIssued(BigInteger serial, byte[] certificate);

    /**
     * Finds a certificate.
     *
     * @param serial the serial
     * @return its record, or empty when the serial was never reserved
     */
    Optional<CertificateRecord> find(BigInteger serial);

    /**
     * Revokes a certificate (compare-and-set: RESERVED or ISSUED becomes REVOKED).
     *
     * @param serial the serial
     * @param reason the reason
     * @param at the revocation time
     * @return true when revoked now, false when it was already revoked
     */
    boolean revoke(BigInteger serial, RevocationReason reason, Instant at);

    /**
     * Reservations whose signed certificate was not stored, oldest first: crash leftovers once
     * they are older than the grace period of recovery.
     *
     * @param reservedBefore only serials reserved before this time
     * @param limit how many at most
     * @return the RESERVED records
     */
    List<CertificateRecord> staleReservations(Instant reservedBefore, int limit);

    /**
     * Marks a reservation never issued (compare-and-set: RESERVED, reserved before the time,
     * becomes UNISSUED). An issuance still under way then fails to store its certificate, so it
     * never reaches a client.
     *
     * @param serial the serial
     * @param reservedBefore the reservation must be older than this
     * @return false when it was in another state or younger
     */
    boolean markUnissued(BigInteger serial, Instant reservedBefore);

    /**
     * Searches certificates.
     *
     * @param query the filters and page
     * @return at most {@code query.limit()} records, by serial
     */
    List<CertificateRecord> search(CertificateQuery query);

    /**
     * Streams the revoked, unexpired certificates of an issuer, by serial, without holding them all.
     *
     * @param issuerId the issuer
     * @param notExpiredAt only certificates whose notAfter is at or after this time
     * @param sink receives each entry
     */
    void forEachRevoked(String issuerId, Instant notExpiredAt, Consumer<RevokedEntry> sink);
}
