package dev.cachet.trust;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.crypto.Fingerprints;
import dev.cachet.crypto.PemDocument;
import dev.cachet.crypto.PemWriter;
import dev.cachet.verify.CertificateNames;
import dev.cachet.verify.JdkCertificates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * A CA certificate to be trusted, read from a PEM file that holds exactly that certificate. A file
 * with a private key is refused, so that a CA key is never copied into a trust store by mistake, and
 * so is a certificate that is not a CA (basicConstraints cA=TRUE, RFC 5280 §4.2.1.9): trusting a
 * server certificate as a root is almost always the wrong file.
 */
public final class RootCertificate {
    /** Hex digits of the fingerprint in {@link #id()}: enough to tell roots apart, short enough to read. */
    private static final int ID_HEX_DIGITS = 16;

    private final X509Certificate certificate;
    private final byte[] der;

    private RootCertificate(X509Certificate certificate, byte[] der) {
        this.certificate = certificate;
        this.der = der;
    }

    /**
     * Reads and checks a root certificate.
     *
     * @param file a PEM file with one CA certificate
     * @return the root
     */
    public static RootCertificate read(Path file) {
        PemDocument document = PemDocument.read(file);
        if (document.hasPrivateKey()) {
            throw new CachetException(ErrorType.MALFORMED, file + ": holds a private key (" + document.kinds()
                    + "); give the root certificate alone, the CA key must never go into a trust store");
        }
        List<X509CertificateHolder> holders = document.certificates();
        if (holders.size() != 1) {
            throw new CachetException(ErrorType.MALFORMED, file + ": holds " + holders.size()
                    + " certificates; give the root certificate alone (such as ca/root.pem)");
        }
        X509Certificate certificate = JdkCertificates.convert(holders, file.toString()).get(0);
        if (certificate.getBasicConstraints() < 0) {
            throw new CachetException(ErrorType.POLICY, file + ": " + CertificateNames.label(certificate)
                    + " is not a CA certificate (no basicConstraints cA=TRUE); give the CA's root, "
                    + "not a server certificate");
        }
        try {
            return new RootCertificate(certificate, certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new CachetException(ErrorType.MALFORMED, file + ": the certificate cannot be encoded", e);
        }
    }

    /** @return the certificate */
    public X509Certificate certificate() {
        return certificate;
    }

    /** @return the certificate in PEM, as trust store tools read it */
    public byte[] pem() {
        return PemWriter.certificates(List.of(der)).getBytes(StandardCharsets.US_ASCII);
    }

    /** @return the DER encoding */
    public byte[] der() {
        return der.clone();
    }

    /**
     * The name of this root in every store (file name, NSS nickname, Java alias): {@code cachet-}
     * and the start of its SHA-256 fingerprint, so that two Cachet roots never overwrite each other.
     *
     * @return such as {@code cachet-3af0c2d19b7e4a01}
     */
    public String id() {
        String hex = Fingerprints.sha256(der).replace(":", "").toLowerCase(Locale.ROOT);
        return "cachet-" + hex.substring(0, ID_HEX_DIGITS);
    }

    /** @return a name for messages, such as {@code CN=Example Root CA} */
    public String label() {
        return CertificateNames.label(certificate);
    }
}
