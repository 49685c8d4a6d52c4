package dev.cachet.testing;

import dev.cachet.ca.IssuanceRequest;
import dev.cachet.ca.IssuedCertificate;
import dev.cachet.ca.Profiles;
import dev.cachet.core.Identifier;
import dev.cachet.crypto.PemWriter;
import dev.cachet.crypto.SoftwareSigningKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;

/** Certificates, CRLs and files for tests that read PKI objects back. */
public final class PkiFixtures {
    /** The time tests issue at and judge validity by. */
    public static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private PkiFixtures() {
    }

    /** @return a clock stopped at {@link #NOW} */
    public static Clock clock() {
        return at(NOW);
    }

    /** @return a clock stopped at the given time */
    public static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    /**
     * Issues a 90-day TLS server certificate with the test CA's intermediate.
     *
     * @param ca the CA
     * @param clock the issuance time
     * @param key the subscriber's key
     * @param names the subjectAltNames; the first is also the CN
     * @return the certificate and its chain
     */
    public static IssuedCertificate leaf(TestCa ca, Clock clock, KeyPair key, List<Identifier> names) {
        return ca.issue(clock, new IssuanceRequest(
                SubjectPublicKeyInfo.getInstance(key.getPublic().getEncoded()), names,
                Optional.of(names.get(0).value()), Profiles.require("tls-server"), OptionalInt.empty()));
    }

    /**
     * Builds a CRL signed by the test CA's intermediate: serials 1 to {@code count}, the first for
     * keyCompromise, the others without a reason; CRL number 7, next update a week later.
     *
     * @param ca the CA
     * @param thisUpdate the time of the CRL
     * @param count how many revoked entries
     * @return the CRL
     */
    public static X509CRLHolder crl(TestCa ca, Instant thisUpdate, int count) {
        X509v2CRLBuilder builder = new X509v2CRLBuilder(ca.material().intermediate().getSubject(),
                Date.from(thisUpdate));
        builder.setNextUpdate(Date.from(thisUpdate.plus(Duration.ofDays(7))));
        for (int i = 1; i <= count; i++) {
            Date date = Date.from(thisUpdate.minus(Duration.ofDays(i)));
            // Reason 0 (unspecified) is left out of the entry, as RFC 5280 §5.3.1 recommends.
            builder.addCRLEntry(BigInteger.valueOf(i), date, i == 1 ? CRLReason.keyCompromise : 0);
        }
        try {
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(7)));
        } catch (CertIOException e) {
            throw new UncheckedIOException(e);
        }
        KeyPair key = ca.material().intermediateKey();
        return builder.build(new SoftwareSigningKey(key.getPrivate(), key.getPublic()).contentSigner());
    }

    /** @return the certificates as one PEM text, in order */
    public static String pem(X509CertificateHolder... certificates) {
        StringBuilder out = new StringBuilder();
        for (X509CertificateHolder certificate : certificates) {
            out.append(PemWriter.encode(PemWriter.CERTIFICATE, der(certificate)));
        }
        return out.toString();
    }

    /** @return the DER encoding of a certificate */
    public static byte[] der(X509CertificateHolder certificate) {
        try {
            return certificate.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the SHA-256 of the bytes as upper-case hex pairs joined by colons, computed independently */
    public static String sha256(byte[] data) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the file, written with the text */
    public static Path write(Path dir, String name, String text) {
        return write(dir, name, text.getBytes(StandardCharsets.US_ASCII));
    }

    /** @return the file, written with the bytes */
    public static Path write(Path dir, String name, byte[] data) {
        try {
            return Files.write(dir.resolve(name), data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
