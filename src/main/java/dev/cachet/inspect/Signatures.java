package dev.cachet.inspect;

import dev.cachet.crypto.SignatureVerifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.OperatorCreationException;

/** Checks whether a key signed a certificate; any failure to check counts as no. */
final class Signatures {

    private Signatures() {
    }

    /** @return true when the certificate's signature verifies with the key */
    static boolean verifies(X509CertificateHolder certificate, SubjectPublicKeyInfo key) {
        try {
            return certificate.isSignatureValid(SignatureVerifiers.of(key));
        } catch (CertException | OperatorCreationException | RuntimeException e) {
            return false;
        }
    }
}
