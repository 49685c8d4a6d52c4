package dev.cachet.store.requests;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A certificate request waiting for e-mail validation or an operator.
 *
 * @param id the random id, also the capability to read its status
 * @param status where it stands
 * @param csrPem the CSR as sent
 * @param profile the certificate profile
 * @param names the DNS names, such as {@code *.example.org}
 * @param requester who asked: {@code anonymous} or {@code token:NAME}
 * @param contact the requester's e-mail address, for the notice
 * @param keyFingerprint the SHA-256 of the CSR's public key, shown to the approver
 * @param createdAt when it was made
 * @param statusChangedAt when the status last changed
 * @param decidedBy who approved or rejected it, if anyone did
 * @param reason why it was rejected or failed, if so
 * @param certificateSerial the issued certificate, if any
 */
public record CertificateRequest(String id, RequestStatus status, String csrPem, String profile, List<String> names,
        String requester, String contact, String keyFingerprint, Instant createdAt, Instant statusChangedAt,
        Optional<String> decidedBy, Optional<String> reason, Optional<BigInteger> certificateSerial) {

    /** Checks the fields and copies the names. */
    public CertificateRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(csrPem, "csrPem");
        names = List.copyOf(names);
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(certificateSerial, "certificateSerial");
    }
}
