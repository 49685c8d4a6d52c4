package dev.cachet.ca;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.crypto.PublicKeyInfo;
import dev.cachet.csr.SubjectAltNames;
import dev.cachet.lint.LintContext;
import dev.cachet.lint.Linter;
import dev.cachet.policy.BlockedKeys;
import dev.cachet.policy.KeyPolicy;
import dev.cachet.policy.PublicTrustValidity;
import dev.cachet.store.CertificateReservation;
import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;

/**
 * Issues subscriber certificates in Boulder's issuance cycle: allocate a serial, build the
 * certificate, sign it with a throwaway key of the issuer's type and lint it, record the serial
 * and the linted certificate in the journal, sign with the issuer's key, check that the signed
 * TBSCertificate is byte-identical to the linted one, then record the signed certificate. A crash
 * at any point leaves no signed certificate the journal does not know.
 */
public final class LeafIssuer {
    /** notBefore lies this far in the past, for clients with slow clocks. */
    static final Duration BACKDATE = Duration.ofHours(1);
    /** BR 7.1.6.1 reserved policy: domain validated. */
    private static final ASN1ObjectIdentifier DOMAIN_VALIDATED = new ASN1ObjectIdentifier("2.23.140.1.2.1");

    private final Issuer issuer;
    private final String issuerId;
    private final IssuanceJournal journal;
    private final SerialNumbers serials;
    private final Clock clock;
    private final Linter linter;
    private final LintSigner lintSigner;
    private final IssuerUrls urls;
    private final BlockedKeys blockedKeys;

    /**
     * Creates an issuer of leaf certificates.
     *
     * @param issuer the issuing CA
     * @param journal where each issuance is recorded, before and after the signature
     * @param random randomness for serial numbers and the throwaway lint key
     * @param clock the time source
     */
    public LeafIssuer(Issuer issuer, IssuanceJournal journal, SecureRandom random, Clock clock) {
        this(issuer, journal, random, clock, null);
    }

    /**
     * Creates an issuer of leaf certificates that point at its revocation services.
     *
     * @param issuer the issuing CA
     * @param journal where each issuance is recorded, before and after the signature
     * @param random randomness for serial numbers and the throwaway lint key
     * @param clock the time source
     * @param urls the AIA and CRL distribution point URLs to put in each leaf, or null for none
     */
    public LeafIssuer(Issuer issuer, IssuanceJournal journal, SecureRandom random, Clock clock, IssuerUrls urls) {
        this(issuer, journal, random, clock, urls, BlockedKeys.listedOnly(Set.of()));
    }

    /**
     * Creates an issuer of leaf certificates that refuses blocked keys.
     *
     * @param issuer the issuing CA
     * @param journal where each issuance is recorded, before and after the signature
     * @param random randomness for serial numbers and the throwaway lint key
     * @param clock the time source
     * @param urls the AIA and CRL distribution point URLs to put in each leaf, or null for none
     * @param blockedKeys the keys never certified again
     */
    public LeafIssuer(Issuer issuer, IssuanceJournal journal, SecureRandom random, Clock clock, IssuerUrls urls,
            BlockedKeys blockedKeys) {
        this.blockedKeys = Objects.requireNonNull(blockedKeys, "blockedKeys");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.urls = urls;
        this.issuerId = IssuerIds.of(issuer.certificate());
        this.journal = Objects.requireNonNull(journal, "journal");
        this.serials = new SerialNumbers(random);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.linter = Linter.subscriberRules();
        this.lintSigner = LintSigner.like(issuer.key(), random);
    }

    /**
     * Checks, lints and signs a certificate.
     *
     * @param request what to certify
     * @param requester who asks, for the journal and audit log
     * @return the signed certificate and its chain
     */
    public IssuedCertificate issue(IssuanceRequest request, String requester) {
        return issue(request, requester, IssuanceLinks.NONE);
    }

    /**
     * Checks, lints and signs a certificate, letting the caller link the reservation (durable
     * before the CA key signs) and the signed certificate to its own records, in the journal's
     * transactions ({@link IssuanceLinks}).
     *
     * @param request what to certify
     * @param requester who asks, for the journal and audit log
     * @param links the caller's records of the serial and of the certificate
     * @return the signed certificate and its chain
     */
    public IssuedCertificate issue(IssuanceRequest request, String requester, IssuanceLinks links) {
        Profile profile = request.profile();
        PublicKeyInfo key = checkKey(request.publicKey(), profile);
        LeafNames names = LeafNames.of(request);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        int maxDays = maxValidityDays(profile, now);
        int days = validityDays(request, maxDays);
        Instant notBefore = now.minus(BACKDATE);
        // RFC 5280 §4.1.2.5: the period includes both ends, so a 90-day certificate ends one second early.
        Instant notAfter = notBefore.plus(Duration.ofDays(days)).minusSeconds(1);
        BigInteger serial = serials.next();
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(issuer.certificate().getSubject(), serial,
                Date.from(notBefore), Date.from(notAfter), subject(names), request.publicKey());
        addExtensions(builder, request, names, key);
        X509CertificateHolder linted = builder.build(lintSigner);
        linter.require(linted, new LintContext(maxDays, profile.isServer(), profile.publicTrust(),
                issuer.certificate().getNotAfter().toInstant(), now));
        CertificateReservation reservation = new CertificateReservation(serial, issuerId, profile.name(),
                names.subjectAltNames(), requester, notBefore, notAfter, encoded(linted));
        journal.together(() -> {
            journal.reserve(reservation);
            links.reserved(serial);
        });
        X509CertificateHolder certificate = builder.build(issuer.key().contentSigner());
        requireSameTbs(linted, certificate);
        IssuedCertificate issued = new IssuedCertificate(serial, certificate, issuer.chain());
        journal.together(() -> {
            journal.issued(reservation, encoded(certificate));
            links.stored(issued);
        });
        return issued;
    }

    /**
     * Checks a subscriber key before anything is recorded: the key policy (BR 6.1.5, 6.1.6), the
     * profile's key types, and the blocked keys.
     *
     * @param publicKey the key to certify
     * @param profile the profile
     * @return the key's description
     * @throws CachetException BAD_PUBLIC_KEY when the key is refused
     */
    public PublicKeyInfo checkKey(SubjectPublicKeyInfo publicKey, Profile profile) {
        PublicKeyInfo key = new KeyPolicy(true).check(publicKey);
        if (!profile.keyTypes().contains(Profile.keyTypeOf(key))) {
            throw new CachetException(ErrorType.BAD_PUBLIC_KEY, "key refused (" + key.describe() + "): profile "
                    + profile.name() + " accepts " + String.join(", ", new TreeSet<>(profile.keyTypes())));
        }
        blockedKeys.check(publicKey);
        return key;
    }

    /** @return the id of the issuing CA, as recorded in the journal */
    public String issuerId() {
        return issuerId;
    }

    /** @return the CA this issuer signs for */
    public Issuer issuer() {
        return issuer;
    }

    private static int maxValidityDays(Profile profile, Instant now) {
        return profile.publicTrust()
                ? Math.min(profile.maxValidityDays(), PublicTrustValidity.maxDays(now))
                : profile.maxValidityDays();
    }

    private static int validityDays(IssuanceRequest request, int maxDays) {
        Profile profile = request.profile();
        if (request.validityDays().isEmpty()) {
            return Math.min(profile.validityDays(), maxDays);
        }
        int days = request.validityDays().getAsInt();
        if (days < 1 || days > maxDays) {
            String why = profile.publicTrust() ? " (the CA/Browser Forum maximum in force today)" : "";
            throw new CachetException(ErrorType.POLICY, "validity of " + days + " days not allowed: profile "
                    + profile.name() + " allows 1 to " + maxDays + " days" + why);
        }
        return days;
    }

    private static X500Name subject(LeafNames names) {
        X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE);
        names.commonName().ifPresent(cn -> subject.addRDN(BCStyle.CN, cn));
        return subject.build();
    }

    private void addExtensions(X509v3CertificateBuilder builder, IssuanceRequest request, LeafNames names,
            PublicKeyInfo key) {
        Profile profile = request.profile();
        CertificateExtensions.add(builder, Extension.basicConstraints, true, new BasicConstraints(false));
        int usage = KeyUsage.digitalSignature;
        if (profile.isServer() && "RSA".equals(key.algorithm())) {
            usage |= KeyUsage.keyEncipherment; // TLS 1.2 RSA key exchange
        }
        CertificateExtensions.add(builder, Extension.keyUsage, true, new KeyUsage(usage));
        CertificateExtensions.add(builder, Extension.extendedKeyUsage, false,
                new ExtendedKeyUsage(profile.extendedKeyUsages().toArray(new KeyPurposeId[0])));
        CertificateExtensions.addKeyIdentifiers(builder, request.publicKey(), issuer.certificate());
        if (!names.subjectAltNames().isEmpty()) {
            CertificateExtensions.add(builder, Extension.subjectAlternativeName, names.commonName().isEmpty(),
                    SubjectAltNames.encode(names.subjectAltNames()));
        }
        if (urls != null) {
            CertificateExtensions.addRevocationUrls(builder, urls);
        }
        if (profile.publicTrust()) {
            CertificateExtensions.add(builder, Extension.certificatePolicies, false,
                    new CertificatePolicies(new PolicyInformation(DOMAIN_VALIDATED)));
        }
    }

    private static byte[] encoded(X509CertificateHolder certificate) {
        try {
            return certificate.getEncoded();
        } catch (IOException e) {
            throw new CachetException(ErrorType.INTERNAL, "cannot encode the certificate", e);
        }
    }

    private static void requireSameTbs(X509CertificateHolder linted, X509CertificateHolder signed) {
        try {
            byte[] expected = linted.toASN1Structure().getTBSCertificate().getEncoded("DER");
            byte[] actual = signed.toASN1Structure().getTBSCertificate().getEncoded("DER");
            if (!Arrays.equals(expected, actual)) {
                throw new CachetException(ErrorType.INTERNAL, "the signed certificate differs from the linted one");
            }
        } catch (IOException e) {
            throw new CachetException(ErrorType.INTERNAL, "cannot encode the TBSCertificate", e);
        }
    }
}
