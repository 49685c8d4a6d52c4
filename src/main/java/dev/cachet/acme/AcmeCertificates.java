package dev.cachet.acme;

import com.nimbusds.jose.jwk.JWK;
import dev.cachet.acme.jws.JwsVerification;
import dev.cachet.acme.jws.VerifiedRequest;
import dev.cachet.ca.Issuer;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.RevocationReason;
import dev.cachet.crypto.PemWriter;
import dev.cachet.revocation.RevocationService;
import dev.cachet.store.CertificateRecord;
import dev.cachet.store.CertificateStatus;
import dev.cachet.store.CertificateStore;
import dev.cachet.store.acme.AcmeAccount;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;

/** Certificate download (RFC 8555 §7.4.2) and revocation (§7.6) for ACME accounts. */
public final class AcmeCertificates {
    /** §7.6: the reasons a client may give; others are badRevocationReason. */
    private static final Set<Integer> ALLOWED_REASONS = Set.of(0, 1, 3, 4, 5, 9);
    private final CertificateStore certificates;
    private final RevocationService revocation;
    private final Issuer issuer;
    private final AcmeLinks links;

    /**
     * Creates the service.
     *
     * @param certificates the certificate store
     * @param revocation revokes
     * @param issuer the issuing CA, whose chain is sent with each certificate
     * @param links the server's URLs
     */
    public AcmeCertificates(CertificateStore certificates, RevocationService revocation, Issuer issuer,
            AcmeLinks links) {
        this.certificates = certificates;
        this.revocation = revocation;
        this.issuer = issuer;
        this.links = links;
    }

    /**
     * The PEM chain of one of an account's certificates: leaf, then intermediate; the alternate
     * chain (RFC 8555 §7.4.2) appends the root, for clients whose trust store wants the whole path.
     *
     * @param account the account
     * @param serial the serial
     * @param alternate whether to serve the alternate chain
     * @return the chain
     */
    public String chain(AcmeAccount account, BigInteger serial, boolean alternate) {
        CertificateRecord record = certificates.find(serial)
                .filter(r -> orderedBy(r, account))
                .filter(r -> r.certificate().isPresent())
                .orElseThrow(() -> new CachetException(ErrorType.NOT_FOUND, "no such certificate"));
        try {
            StringBuilder chain = new StringBuilder();
            chain.append(PemWriter.encode(PemWriter.CERTIFICATE, record.certificate().get()));
            List<X509CertificateHolder> issuers = alternate ? issuer.chain() : List.of(issuer.certificate());
            for (X509CertificateHolder certificate : issuers) {
                chain.append(PemWriter.encode(PemWriter.CERTIFICATE, certificate.getEncoded()));
            }
            return chain.toString();
        } catch (IOException e) {
            throw new CachetException(ErrorType.INTERNAL, "cannot encode the issuer", e);
        }
    }

    /**
     * Revokes a certificate, signed either by the account that ordered it or by the certificate's key.
     *
     * @param request the verified request
     * @param certificateDer the certificate, DER
     * @param reasonCode the reason code, or null
     */
    public void revoke(VerifiedRequest request, byte[] certificateDer, Integer reasonCode) {
        X509CertificateHolder certificate = parse(certificateDer);
        if (!certificate.getIssuer().equals(issuer.certificate().getSubject())) {
            throw new CachetException(ErrorType.NOT_FOUND, "this CA did not issue the certificate");
        }
        CertificateRecord record = certificates.find(certificate.getSerialNumber())
                .filter(r -> r.status() != CertificateStatus.RESERVED && r.status() != CertificateStatus.UNISSUED)
                .orElseThrow(() -> new CachetException(ErrorType.NOT_FOUND, "unknown certificate"));
        String actor = authorize(request, certificate, record);
        int code = reasonCode == null ? 0 : reasonCode;
        RevocationReason reason = RevocationReason.fromCode(code).filter(r -> ALLOWED_REASONS.contains(code))
                .orElseThrow(() -> new CachetException(ErrorType.BAD_REVOCATION_REASON,
                        "revocation reason " + code + " is not allowed (0, 1, 3, 4, 5, 9)"));
        revocation.revoke(certificate.getSerialNumber(), reason, actor);
    }

    private String authorize(VerifiedRequest request, X509CertificateHolder certificate, CertificateRecord record) {
        if (request.account().isPresent()) {
            AcmeAccount account = request.account().get();
            if (!orderedBy(record, account)) {
                throw new CachetException(ErrorType.UNAUTHORIZED, "this account did not order the certificate");
            }
            return links.account(account.id());
        }
        JWK key = request.key();
        SubjectPublicKeyInfo signer = SubjectPublicKeyInfo.getInstance(JwsVerification.publicKey(key).getEncoded());
        if (!signer.equals(certificate.getSubjectPublicKeyInfo())) {
            throw new CachetException(ErrorType.UNAUTHORIZED, "the JWS key is not the certificate's key");
        }
        return "certificate-key";
    }

    /**
     * Whether an account ordered a certificate. The requester is the account URL of the instance
     * that finalized the order; instances sharing a database may each have their own URL, so
     * only the account id at the end of the URL's path is compared.
     */
    private static boolean orderedBy(CertificateRecord record, AcmeAccount account) {
        return record.requester().endsWith("/acct/" + account.id());
    }

    private static X509CertificateHolder parse(byte[] der) {
        try {
            return new X509CertificateHolder(der);
        } catch (IOException | RuntimeException e) {
            throw new CachetException(ErrorType.MALFORMED, "the certificate field is not a DER certificate", e);
        }
    }
}
