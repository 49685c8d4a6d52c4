package dev.cachet.revocation;

import dev.cachet.ca.Issuer;
import dev.cachet.ca.IssuerIds;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.crypto.Jca;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.CertID;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * An issuer the responder answers for, with the CertID hashes that name it (RFC 6960 §4.1.1) in
 * SHA-1 and SHA-256 and its responder ID by key hash (§4.2.2.3).
 */
final class ServedIssuer {
    private final Issuer issuer;
    private final String id;
    private final RespID responderId;
    private final byte[] sha1Name;
    private final byte[] sha1Key;
    private final byte[] sha256Name;
    private final byte[] sha256Key;

    ServedIssuer(Issuer issuer) {
        this.issuer = issuer;
        this.id = IssuerIds.of(issuer.certificate());
        X509CertificateHolder certificate = issuer.certificate();
        byte[] name = Der.encode(certificate.getSubject());
        byte[] key = certificate.getSubjectPublicKeyInfo().getPublicKeyData().getBytes();
        this.sha1Name = digest("SHA-1", name);
        this.sha1Key = digest("SHA-1", key);
        this.sha256Name = digest("SHA-256", name);
        this.sha256Key = digest("SHA-256", key);
        this.responderId = responderId(certificate);
    }

    /** @return the issuer */
    Issuer issuer() {
        return issuer;
    }

    /** @return the issuer's store id */
    String id() {
        return id;
    }

    /** @return the responder ID by the SHA-1 of the issuer's key */
    RespID responderId() {
        return responderId;
    }

    /**
     * Tells whether a CertID names this issuer.
     *
     * @param certId the CertID of a request
     * @return true when its hash algorithm is SHA-1 or SHA-256 and both hashes match
     */
    boolean matches(CertID certId) {
        ASN1ObjectIdentifier algorithm = certId.getHashAlgorithm().getAlgorithm();
        ASN1Encodable parameters = certId.getHashAlgorithm().getParameters();
        if (parameters != null && !DERNull.INSTANCE.equals(parameters)) {
            return false;
        }
        byte[] nameHash = certId.getIssuerNameHash().getOctets();
        byte[] keyHash = certId.getIssuerKeyHash().getOctets();
        if (OIWObjectIdentifiers.idSHA1.equals(algorithm)) {
            return MessageDigest.isEqual(sha1Name, nameHash) && MessageDigest.isEqual(sha1Key, keyHash);
        }
        if (NISTObjectIdentifiers.id_sha256.equals(algorithm)) {
            return MessageDigest.isEqual(sha256Name, nameHash) && MessageDigest.isEqual(sha256Key, keyHash);
        }
        return false;
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + algorithm, e);
        }
    }

    private static RespID responderId(X509CertificateHolder certificate) {
        try {
            return new RespID(certificate.getSubjectPublicKeyInfo(), new JcaDigestCalculatorProviderBuilder()
                    .setProvider(Jca.provider()).build().get(CertificateID.HASH_SHA1));
        } catch (OCSPException | OperatorCreationException e) {
            throw new CachetException(ErrorType.INTERNAL, "cannot compute the OCSP responder ID", e);
        }
    }
}
