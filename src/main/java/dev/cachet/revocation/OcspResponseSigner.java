package dev.cachet.revocation;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.RevocationReason;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ocsp.CertID;
import org.bouncycastle.asn1.ocsp.RevokedInfo;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;

/** Builds and signs successful basic OCSP responses (RFC 6960 §4.2) with the issuer's own key. */
final class OcspResponseSigner {
    private final Duration validity;

    /** One answer: the CertID as the client sent it, and its status. */
    record Answer(CertID certId, CertStatus status) {
    }

    OcspResponseSigner(Duration validity) {
        this.validity = validity;
    }

    /**
     * Signs a response.
     *
     * @param issuer the issuer all CertIDs name; its key signs (RFC 6960 §4.2.2.2: the CA itself)
     * @param answers one per CertID, in request order
     * @param nonce the request's nonce, echoed (RFC 6960 §4.4.1)
     * @param now thisUpdate and producedAt, whole seconds
     * @return the DER of the OCSPResponse
     */
    byte[] sign(ServedIssuer issuer, List<Answer> answers, Optional<Extension> nonce, Instant now) {
        Date thisUpdate = Date.from(now);
        Date nextUpdate = Date.from(now.plus(validity));
        BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(issuer.responderId());
        for (Answer answer : answers) {
            builder.addResponse(new CertificateID(answer.certId()), status(answer.status()), thisUpdate, nextUpdate,
                    null);
        }
        nonce.ifPresent(n -> builder.setResponseExtensions(
                new Extensions(new Extension(n.getExtnId(), false, n.getExtnValue()))));
        try {
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL,
                    builder.build(issuer.issuer().key().contentSigner(), null, thisUpdate)).getEncoded();
        } catch (OCSPException | IOException e) {
            throw new CachetException(ErrorType.INTERNAL, "cannot sign the OCSP response", e);
        }
    }

    private static CertificateStatus status(CertStatus status) {
        switch (status.kind()) {
            case GOOD:
                return CertificateStatus.GOOD;
            case REVOKED:
                return revoked(status.revokedAt().orElseThrow(), status.reason().orElseThrow());
            default:
                return new UnknownStatus();
        }
    }

    /** BR 7.3 with 7.2.2: the reason as on the CRL, so none for unspecified. */
    private static CertificateStatus revoked(Instant at, RevocationReason reason) {
        ASN1GeneralizedTime time = new ASN1GeneralizedTime(Date.from(Instant.ofEpochSecond(at.getEpochSecond())));
        CRLReason code = reason == RevocationReason.UNSPECIFIED ? null : CRLReason.lookup(reason.code());
        return new RevokedStatus(new RevokedInfo(time, code));
    }
}
