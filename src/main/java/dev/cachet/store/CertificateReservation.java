package dev.cachet.store;

import dev.cachet.core.Identifier;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What is recorded before a certificate is signed: its serial and the to-be-signed content, so
 * that a crash after signing can never leave a certificate the database does not know.
 *
 * @param serial the serial number, unique
 * @param issuerId the issuing CA's id: the first 16 hex digits of its certificate's SHA-256
 * @param profile the profile name
 * @param names the certified names
 * @param requester who asked (token name, ACME account URL, {@code cli})
 * @param notBefore the start of validity
 * @param notAfter the end of validity
 * @param lintCertificate the DER of the certificate signed with the throwaway lint key; its
 *     TBSCertificate is the one the real signature covers
 */
public record CertificateReservation(BigInteger serial, String issuerId, String profile, List<Identifier> names,
        String requester, Instant notBefore, Instant notAfter, byte[] lintCertificate) {

    /** Checks the fields and copies the names. */
    public CertificateReservation {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(issuerId, "issuerId");
        names = List.copyOf(names);
    }
}
