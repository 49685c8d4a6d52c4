package dev.cachet.testing;

import dev.cachet.crypto.Jca;
import dev.cachet.crypto.KeyPairFactory;
import dev.cachet.crypto.KeyType;
import dev.cachet.crypto.SignatureAlgorithms;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Builds certificates that Cachet's issuers refuse to make, for verifier tests: leaves that sign,
 * CAs with constraints, unknown critical extensions, weak signatures. Self-signed unless
 * {@link #issuedBy} says otherwise; key identifiers are added as RFC 5280 §4.2.1.1 and §4.2.1.2 say.
 */
public final class CertificateBuilder {
    private static final SecureRandom RANDOM = new SecureRandom();

    private X500Name subject;
    private BigInteger serial = new BigInteger(64, RANDOM).setBit(63);
    private final KeyPair key;
    private X500Name issuer;
    private KeyPair issuerKey;
    private AuthorityKeyIdentifier authorityKeyId;
    private Instant notBefore = Instant.parse("2026-01-01T00:00:00Z");
    private Instant notAfter = Instant.parse("2036-01-01T00:00:00Z");
    private String signatureAlgorithm;
    private final List<Extension> extensions = new ArrayList<>();

    private CertificateBuilder(String commonName, KeyPair key) {
        this.subject = new X500Name("CN=" + commonName);
        this.key = key;
        this.issuer = subject;
        this.issuerKey = key;
    }

    /**
     * Starts a certificate.
     *
     * @param commonName the subject CN
     * @param key the subject's key pair
     * @return the builder
     */
    public static CertificateBuilder certificate(String commonName, KeyPair key) {
        return new CertificateBuilder(commonName, key);
    }

    /** @return a new P-256 key pair */
    public static KeyPair ecKey() {
        return new KeyPairFactory(RANDOM).generate(KeyType.EC_P256);
    }

    /**
     * Signs with another CA's key instead of the subject's own.
     *
     * @param certificate the issuer's certificate
     * @param signer the issuer's key pair
     * @return this builder
     */
    public CertificateBuilder issuedBy(X509CertificateHolder certificate, KeyPair signer) {
        this.issuer = certificate.getSubject();
        this.issuerKey = signer;
        SubjectKeyIdentifier ski = SubjectKeyIdentifier.fromExtensions(certificate.getExtensions());
        this.authorityKeyId = ski == null ? null : new AuthorityKeyIdentifier(ski.getKeyIdentifier());
        return this;
    }

    /**
     * Sets the validity period.
     *
     * @param from notBefore
     * @param until notAfter
     * @return this builder
     */
    public CertificateBuilder validity(Instant from, Instant until) {
        this.notBefore = from;
        this.notAfter = until;
        return this;
    }

    /**
     * Makes a CA: basicConstraints cA=TRUE and key usage keyCertSign, cRLSign.
     *
     * @param pathLength the path length constraint, or -1 for none
     * @return this builder
     */
    public CertificateBuilder ca(int pathLength) {
        extension(Extension.basicConstraints, true, pathLength < 0 ? new BasicConstraints(true)
                : new BasicConstraints(pathLength));
        return keyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign);
    }

    /**
     * Makes a TLS server leaf: not a CA, digitalSignature, serverAuth, and the CN as dNSName.
     *
     * @return this builder
     */
    public CertificateBuilder tlsServer() {
        extension(Extension.basicConstraints, true, new BasicConstraints(false));
        keyUsage(KeyUsage.digitalSignature);
        extension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        return subjectAltNames(new GeneralName(GeneralName.dNSName, subject.getRDNs()[0].getFirst().getValue()
                .toString()));
    }

    /**
     * Sets the key usage.
     *
     * @param usage bits of {@link KeyUsage}
     * @return this builder
     */
    public CertificateBuilder keyUsage(int usage) {
        return extension(Extension.keyUsage, true, new KeyUsage(usage));
    }

    /**
     * Sets the subjectAltNames.
     *
     * @param names the names
     * @return this builder
     */
    public CertificateBuilder subjectAltNames(GeneralName... names) {
        return extension(Extension.subjectAlternativeName, false, new GeneralNames(names));
    }

    /**
     * Adds or replaces an extension.
     *
     * @param oid the extension's OID
     * @param critical whether it is critical
     * @param value its value
     * @return this builder
     */
    public CertificateBuilder extension(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
        extensions.removeIf(e -> e.getExtnId().equals(oid));
        try {
            extensions.add(new Extension(oid, critical, value.toASN1Primitive().getEncoded("DER")));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /**
     * Removes an extension.
     *
     * @param oid the extension's OID
     * @return this builder
     */
    public CertificateBuilder without(ASN1ObjectIdentifier oid) {
        extensions.removeIf(e -> e.getExtnId().equals(oid));
        if (Extension.authorityKeyIdentifier.equals(oid)) {
            authorityKeyId = null;
        }
        return this;
    }

    /**
     * Replaces the subject name set from the common name.
     *
     * @param name the subject, possibly empty
     * @return this builder
     */
    public CertificateBuilder subject(X500Name name) {
        this.subject = name;
        return this;
    }

    /**
     * Sets the serial number instead of 64 random bits.
     *
     * @param number the serial
     * @return this builder
     */
    public CertificateBuilder serial(BigInteger number) {
        this.serial = number;
        return this;
    }

    /**
     * Signs with a given algorithm instead of the one Cachet picks for the key.
     *
     * @param algorithm a JCA name such as {@code MD5withRSA}
     * @return this builder
     */
    public CertificateBuilder signatureAlgorithm(String algorithm) {
        this.signatureAlgorithm = algorithm;
        return this;
    }

    /** @return the subject's key pair, to sign certificates below this one */
    public KeyPair key() {
        return key;
    }

    /** @return the signed certificate */
    public X509CertificateHolder build() {
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(key.getPublic().getEncoded());
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(issuer, serial, Date.from(notBefore),
                Date.from(notAfter), subject, spki);
        try {
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    new BcX509ExtensionUtils().createSubjectKeyIdentifier(spki));
            if (authorityKeyId != null && extensions.stream()
                    .noneMatch(e -> e.getExtnId().equals(Extension.authorityKeyIdentifier))) {
                builder.addExtension(Extension.authorityKeyIdentifier, false, authorityKeyId);
            }
            for (Extension extension : extensions) {
                builder.addExtension(extension);
            }
            String algorithm = signatureAlgorithm != null ? signatureAlgorithm
                    : SignatureAlgorithms.forKey(issuerKey.getPublic());
            return builder.build(new JcaContentSignerBuilder(algorithm).setProvider(Jca.provider())
                    .build(issuerKey.getPrivate()));
        } catch (CertIOException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }
}
