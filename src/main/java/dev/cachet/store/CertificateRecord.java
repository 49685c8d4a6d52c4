package dev.cachet.store;

import dev.cachet.core.Identifier;
import dev.cachet.core.RevocationReason;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A certificate as the store knows it.
 *
 * @param serial the serial number
 * @param issuerId the issuing CA's id
 * @param status where it stands
 * @param profile the profile name
 * @param names the certified names
 * @param requester who asked for it
 * @param notBefore the start of validity
 * @param notAfter the end of validity
 * @param createdAt when the serial was reserved
 * @param certificate the DER of the signed certificate; empty while {@link CertificateStatus#RESERVED}
 * @param revokedAt when it was revoked, if it was
 * @param revocationReason why it was revoked, if it was
 */
public record CertificateRecord(BigInteger serial, String issuerId, CertificateStatus status, String profile,
        List<Identifier> names, String requester, Instant notBefore, Instant notAfter, Instant createdAt,
        Optional<byte[]> certificate, Optional<Instant> revokedAt, Optional<RevocationReason> revocationReason) {

    /** Copies the names. */
    public CertificateRecord {
        names = List.copyOf(names);
    }
}
