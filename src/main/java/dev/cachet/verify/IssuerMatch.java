package dev.cachet.verify;

import java.security.GeneralSecurityException;
import java.security.ProviderException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;

/** Decides whether one certificate may have issued another, by name, key identifier and signature. */
final class IssuerMatch {

    private IssuerMatch() {
    }

    /**
     * RFC 5280 §6.1.3 (a)(4) chains by name; the key identifiers (§4.2.1.1) tell apart two CAs of
     * the same name, such as a re-keyed intermediate.
     */
    static boolean mayHaveIssued(X509Certificate candidate, X509Certificate certificate) {
        return candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
                && keyIdentifiersAgree(candidate, certificate);
    }

    static boolean keyIdentifiersAgree(X509Certificate candidate, X509Certificate certificate) {
        byte[] authorityKeyId = ExtensionReader.authorityKeyIdentifier(certificate)
                .map(AuthorityKeyIdentifier::getKeyIdentifier).orElse(null);
        byte[] subjectKeyId = ExtensionReader.subjectKeyIdentifier(candidate)
                .map(SubjectKeyIdentifier::getKeyIdentifier).orElse(null);
        return authorityKeyId == null || subjectKeyId == null || Arrays.equals(authorityKeyId, subjectKeyId);
    }

    /** @return true when the certificate's signature verifies with the issuer's public key */
    static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | ProviderException e) {
            return false;
        }
    }

    /** RFC 5280 §6.1: self-issued means the same subject and issuer name. */
    static boolean isSelfIssued(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
    }

    /** @return true for a self-issued certificate signed with its own key, such as a root */
    static boolean isSelfSigned(X509Certificate certificate) {
        return isSelfIssued(certificate) && signedBy(certificate, certificate);
    }
}
