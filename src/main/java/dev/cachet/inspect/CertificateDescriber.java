package dev.cachet.inspect;

import dev.cachet.crypto.Fingerprints;
import dev.cachet.crypto.PublicKeyInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Objects;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;

/** Describes an X.509 certificate: names, validity, key, fingerprint and extensions. */
final class CertificateDescriber {
    private final Clock clock;

    CertificateDescriber(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Describes a certificate.
     *
     * @param certificate the certificate
     * @param next the certificate after it in the same file, or null when it is the last one
     * @return its description
     */
    Description describe(X509CertificateHolder certificate, X509CertificateHolder next) {
        Extensions extensions = certificate.getExtensions();
        Fields fields = new Fields()
                .add("subject", "subject", Formats.name(certificate.getSubject()))
                .add("issuer", "issuer", Formats.name(certificate.getIssuer()))
                .add("serial", "serial", Formats.serial(certificate.getSerialNumber()))
                .json("version", certificate.getVersionNumber())
                .addAll(Validity.describe(certificate.getNotBefore(), certificate.getNotAfter(), clock.instant()));
        selfSigned(fields, certificate);
        fields.addAll(ExtensionFields.basicConstraints(extensions, true))
                .addAll(KeyFields.of(PublicKeyInfo.of(certificate.getSubjectPublicKeyInfo())))
                .add("signatureAlgorithm", "signature algorithm",
                        AlgorithmNames.name(certificate.getSignatureAlgorithm()))
                .add("sha256", "SHA-256 fingerprint", Fingerprints.sha256(encoded(certificate)))
                .addAll(ExtensionFields.describe(extensions));
        if (next != null) {
            signedByNext(fields, certificate, next);
        }
        return new Description(Kind.CERTIFICATE, fields.build());
    }

    private static void selfSigned(Fields fields, X509CertificateHolder certificate) {
        boolean sameName = certificate.getSubject().equals(certificate.getIssuer());
        boolean signed = sameName && Signatures.verifies(certificate, certificate.getSubjectPublicKeyInfo());
        String text = sameName && !signed ? "no (issuer = subject, but its own key did not sign it)" : null;
        fields.add("selfSigned", "self-signed", signed, text);
    }

    /** For a chain in one file: whether the next certificate is this one's issuer. */
    private static void signedByNext(Fields fields, X509CertificateHolder certificate, X509CertificateHolder next) {
        boolean sameName = certificate.getIssuer().equals(next.getSubject());
        boolean signed = Signatures.verifies(certificate, next.getSubjectPublicKeyInfo());
        String text = null;
        if (!signed) {
            text = sameName ? "no (the next certificate's key does not verify the signature)"
                    : "no (the next certificate's subject is not this issuer)";
        } else if (!sameName) {
            text = "yes, but the next certificate's subject is not this issuer";
        }
        fields.add("signedByNext", "signed by next", signed && sameName, text);
    }

    private static byte[] encoded(X509CertificateHolder certificate) {
        try {
            return certificate.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
