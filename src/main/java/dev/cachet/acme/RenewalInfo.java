package dev.cachet.acme;

import dev.cachet.ca.Issuer;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.store.CertificateRecord;
import dev.cachet.store.CertificateStatus;
import dev.cachet.store.CertificateStore;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;

/**
 * ACME Renewal Information (RFC 9773): when a client should renew. The window is the second half
 * of the last third of the certificate's life; a revoked certificate should be renewed now.
 */
public final class RenewalInfo {
    private final CertificateStore certificates;
    private final byte[] issuerKeyId;
    private final Clock clock;

    /**
     * A suggested renewal window.
     *
     * @param start the earliest suggested time
     * @param end the latest suggested time
     */
    public record Window(Instant start, Instant end) {
    }

    /**
     * Creates the service.
     *
     * @param certificates the certificate store
     * @param issuer the issuing CA, whose key identifier certificate ids start with
     * @param clock the time source
     */
    public RenewalInfo(CertificateStore certificates, Issuer issuer, Clock clock) {
        this.certificates = certificates;
        SubjectKeyIdentifier ski = SubjectKeyIdentifier.fromExtensions(issuer.certificate().getExtensions());
        this.issuerKeyId = ski == null ? new byte[0] : ski.getKeyIdentifier();
        this.clock = clock;
    }

    /**
     * The window of a certificate.
     *
     * @param certId RFC 9773 §4.1: base64url(AKI keyIdentifier) "." base64url(serial DER content)
     * @return the window
     */
    public Window window(String certId) {
        CertificateRecord record = certificates.find(serial(certId))
                .filter(r -> r.status() != CertificateStatus.RESERVED && r.status() != CertificateStatus.UNISSUED)
                .orElseThrow(() -> new CachetException(ErrorType.NOT_FOUND, "unknown certificate " + certId));
        if (record.status() == CertificateStatus.REVOKED) {
            Instant now = clock.instant();
            return new Window(now.minus(Duration.ofHours(1)), now);
        }
        Duration life = Duration.between(record.notBefore(), record.notAfter());
        Instant start = record.notAfter().minus(life.dividedBy(3)).plus(life.dividedBy(6));
        Instant end = record.notAfter().minus(life.dividedBy(12));
        return new Window(start.isBefore(end) ? start : end.minus(Duration.ofMinutes(1)), end);
    }

    /**
     * The serial a certificate id names, checking that it names this issuer.
     *
     * @param certId the certificate id
     * @return the serial
     */
    public BigInteger serial(String certId) {
        String[] parts = certId == null ? new String[0] : certId.split("\\.", -1);
        if (parts.length != 2) {
            throw new CachetException(ErrorType.MALFORMED, "a certificate id is keyIdentifier.serial (RFC 9773)");
        }
        try {
            byte[] keyId = Base64.getUrlDecoder().decode(parts[0]);
            byte[] serial = Base64.getUrlDecoder().decode(parts[1]);
            if (!Arrays.equals(keyId, issuerKeyId)) {
                throw new CachetException(ErrorType.NOT_FOUND, "the certificate id names another issuer");
            }
            return new ASN1Integer(serial).getValue();
        } catch (IllegalArgumentException e) {
            throw new CachetException(ErrorType.MALFORMED, "the certificate id is not base64url", e);
        }
    }
}
