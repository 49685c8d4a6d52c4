package dev.cachet.revocation;

import dev.cachet.ca.Issuer;
import dev.cachet.ca.IssuerIds;
import dev.cachet.store.CertificateStore;
import dev.cachet.store.StoredCrl;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;

/**
 * Builds and signs one full v2 CRL of an issuer from the store, streaming the revoked entries
 * (see {@link StreamingCrlEncoder}); it does not store the result.
 */
public final class CrlGenerator {
    private final CertificateStore certificates;

    /**
     * Creates a generator over the certificate store.
     *
     * @param certificates where revocations are read from
     */
    public CrlGenerator(CertificateStore certificates) {
        this.certificates = Objects.requireNonNull(certificates, "certificates");
    }

    /**
     * Generates a CRL.
     *
     * @param issuer the CA whose revoked certificates are listed and whose key signs
     * @param number the CRL number (RFC 5280 §5.2.3)
     * @param thisUpdate the issue time
     * @param nextUpdate when the next CRL is due
     * @param notExpiredAt certificates that expired before this time are left out
     * @return the signed CRL
     */
    public StoredCrl generate(Issuer issuer, BigInteger number, Instant thisUpdate, Instant nextUpdate,
            Instant notExpiredAt) {
        String issuerId = IssuerIds.of(issuer.certificate());
        StreamingCrlEncoder encoder = new StreamingCrlEncoder();
        certificates.forEachRevoked(issuerId, notExpiredAt, encoder::add);
        byte[] der = encoder.sign(issuer.key().contentSigner(), issuer.certificate().getSubject(), thisUpdate,
                nextUpdate, extensions(issuer.certificate(), number));
        return new StoredCrl(issuerId, number, thisUpdate, nextUpdate, der);
    }

    private static Extensions extensions(X509CertificateHolder issuer, BigInteger number) {
        // RFC 5280 §5.2.1 (AKI, non-critical, MUST) and §5.2.3 (CRL number, non-critical, MUST).
        return new Extensions(new Extension[] {
            new Extension(Extension.authorityKeyIdentifier, false, Der.encode(authorityKeyIdentifier(issuer))),
            new Extension(Extension.cRLNumber, false, Der.encode(new ASN1Integer(number))),
        });
    }

    /** The issuer's own subject key identifier, so that the AKI matches its certificates' AKI. */
    private static AuthorityKeyIdentifier authorityKeyIdentifier(X509CertificateHolder issuer) {
        SubjectKeyIdentifier ski = SubjectKeyIdentifier.fromExtensions(issuer.getExtensions());
        if (ski != null) {
            return new AuthorityKeyIdentifier(ski.getKeyIdentifier());
        }
        return new BcX509ExtensionUtils().createAuthorityKeyIdentifier(issuer.getSubjectPublicKeyInfo());
    }
}
