package dev.cachet.ca;

import dev.cachet.crypto.KeyPairFactory;
import dev.cachet.crypto.KeySource;
import dev.cachet.crypto.KeyType;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;

/**
 * Creates a two-level CA: a self-signed root that only signs the intermediate, and an intermediate
 * (pathLen 0) that signs leaves, CRLs and OCSP responses.
 */
public final class Hierarchy {
    /** Default root validity. */
    public static final int ROOT_YEARS = 10;
    /** Default intermediate validity. */
    public static final int INTERMEDIATE_YEARS = 5;

    private final KeySource keys;
    private final SerialNumbers serials;
    private final Clock clock;

    /**
     * Creates a hierarchy factory.
     *
     * @param random randomness for keys and serial numbers
     * @param clock the time source
     */
    public Hierarchy(SecureRandom random, Clock clock) {
        this(new KeyPairFactory(random), random, clock);
    }

    /**
     * Creates a hierarchy factory whose keys come from a key source, such as a PKCS#11 token.
     *
     * @param keys where the CA keys are generated and what signs with them
     * @param random randomness for serial numbers
     * @param clock the time source
     */
    public Hierarchy(KeySource keys, SecureRandom random, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.serials = new SerialNumbers(random);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Creates the root and the intermediate.
     *
     * @param rootName the root's common name, such as {@code Example Root CA}
     * @param keyType the key type of both CA keys
     * @return the certificates and keys
     */
    public CaMaterial create(String rootName, KeyType keyType) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        KeyPair rootKey = keys.generate(keyType);
        X500Name root = name(rootName);
        X509CertificateHolder rootCertificate = sign(caBuilder(root, root, now, ROOT_YEARS, rootKey, null)
                .withRootConstraints(), rootKey);
        KeyPair intermediateKey = keys.generate(keyType);
        X509CertificateHolder intermediate = sign(caBuilder(root, name(intermediateName(rootName)), now,
                INTERMEDIATE_YEARS, intermediateKey, rootCertificate).withIntermediateConstraints(), rootKey);
        return new CaMaterial(rootCertificate, rootKey, intermediate, intermediateKey);
    }

    /**
     * Derives the intermediate's name from the root's.
     *
     * @param rootName such as {@code Example Root CA}
     * @return such as {@code Example Intermediate CA}
     */
    static String intermediateName(String rootName) {
        if (rootName.contains("Root")) {
            return rootName.replaceFirst("Root", "Intermediate");
        }
        return rootName + " Intermediate";
    }

    private CaBuilder caBuilder(X500Name issuer, X500Name subject, Instant now, int years, KeyPair key,
            X509CertificateHolder issuerCertificate) {
        Instant notAfter = ZonedDateTime.ofInstant(now, ZoneOffset.UTC).plusYears(years).toInstant();
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(key.getPublic().getEncoded());
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(issuer, serials.next(), Date.from(now),
                Date.from(notAfter), subject, spki);
        CertificateExtensions.addKeyIdentifiers(builder, spki, issuerCertificate);
        return new CaBuilder(builder);
    }

    private X509CertificateHolder sign(CaBuilder builder, KeyPair signer) {
        return builder.builder.build(keys.signingKey(signer).contentSigner());
    }

    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
    }

    /** Adds the extensions of each CA level (RFC 5280 §4.2.1.9, BR 7.1.2.1 and 7.1.2.2). */
    private static final class CaBuilder {
        private final X509v3CertificateBuilder builder;

        CaBuilder(X509v3CertificateBuilder builder) {
            this.builder = builder;
        }

        CaBuilder withRootConstraints() {
            CertificateExtensions.add(builder, Extension.basicConstraints, true, new BasicConstraints(true));
            CertificateExtensions.add(builder, Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            return this;
        }

        CaBuilder withIntermediateConstraints() {
            CertificateExtensions.add(builder, Extension.basicConstraints, true, new BasicConstraints(0));
            // digitalSignature lets the intermediate sign OCSP responses itself (RFC 6960 §4.2.2.2).
            CertificateExtensions.add(builder, Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            CertificateExtensions.add(builder, Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                    new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            return this;
        }
    }
}
