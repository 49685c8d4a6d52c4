package dev.cachet.lint;

import dev.cachet.core.CachetException;
import dev.cachet.core.Identifier;
import dev.cachet.csr.SubjectAltNames;
import java.util.List;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;

/** Reads the subjectAltNames of a certificate for the rules that judge names. */
final class Sans {

    private Sans() {
    }

    /** @return the raw names, or an empty list when the extension is absent */
    static List<org.bouncycastle.asn1.x509.GeneralName> raw(X509CertificateHolder certificate) {
        GeneralNames names = GeneralNames.fromExtensions(certificate.getExtensions(), Extension.subjectAlternativeName);
        return names == null ? List.of() : List.of(names.getNames());
    }

    /**
     * The names as identifiers.
     *
     * @param certificate the certificate
     * @return the identifiers; empty when the extension is absent or an entry is malformed (which
     *     {@link SanEntriesRule} reports)
     */
    static List<Identifier> identifiers(X509CertificateHolder certificate) {
        GeneralNames names = GeneralNames.fromExtensions(certificate.getExtensions(), Extension.subjectAlternativeName);
        if (names == null) {
            return List.of();
        }
        try {
            return SubjectAltNames.decode(names);
        } catch (CachetException e) {
            return List.of();
        }
    }
}
