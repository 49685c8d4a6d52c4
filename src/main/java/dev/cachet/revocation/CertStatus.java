package dev.cachet.revocation;

import dev.cachet.core.RevocationReason;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the store says of a serial, as an OCSP response states it (RFC 6960 §2.2).
 *
 * @param kind good, revoked or unknown
 * @param revokedAt when it was revoked, for {@link Kind#REVOKED}
 * @param reason why, for {@link Kind#REVOKED}
 */
record CertStatus(Kind kind, Optional<Instant> revokedAt, Optional<RevocationReason> reason) {
    /** Issued, or reserved (a precertificate may exist): the certificate is not revoked. */
    static final CertStatus GOOD = new CertStatus(Kind.GOOD, Optional.empty(), Optional.empty());
    /** Never issued by this issuer. BR 4.9.10: never "good" for a serial that was not issued. */
    static final CertStatus UNKNOWN = new CertStatus(Kind.UNKNOWN, Optional.empty(), Optional.empty());

    /** The three answers of OCSP. */
    enum Kind {
        /** Not revoked. */
        GOOD,
        /** Revoked. */
        REVOKED,
        /** Not known to the responder. */
        UNKNOWN
    }

    CertStatus {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(revokedAt, "revokedAt");
        Objects.requireNonNull(reason, "reason");
    }

    static CertStatus revoked(Instant at, RevocationReason reason) {
        return new CertStatus(Kind.REVOKED, Optional.of(at), Optional.of(reason));
    }
}
