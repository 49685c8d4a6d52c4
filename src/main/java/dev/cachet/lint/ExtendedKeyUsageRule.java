package dev.cachet.lint;

import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * extendedKeyUsage is present and not critical, holds only serverAuth and clientAuth, never
 * anyExtendedKeyUsage, and serverAuth in a TLS server certificate (BR 7.1.2.7.10).
 */
final class ExtendedKeyUsageRule implements LintRule {
    private static final Set<KeyPurposeId> ALLOWED = Set.of(KeyPurposeId.id_kp_serverAuth,
            KeyPurposeId.id_kp_clientAuth);

    @Override
    public String name() {
        return "extended_key_usage";
    }

    @Override
    public Optional<String> check(X509CertificateHolder certificate, LintContext context) {
        Extension extension = certificate.getExtension(Extension.extendedKeyUsage);
        if (extension == null) {
            return Optional.of("extendedKeyUsage is missing");
        }
        if (extension.isCritical()) {
            return Optional.of("extendedKeyUsage must not be critical");
        }
        ExtendedKeyUsage usage = ExtendedKeyUsage.getInstance(extension.getParsedValue());
        for (KeyPurposeId purpose : usage.getUsages()) {
            if (!ALLOWED.contains(purpose)) {
                return Optional.of("key purpose " + purpose.getId() + " is not allowed (serverAuth, clientAuth)");
            }
        }
        if (context.tlsServer() && !usage.hasKeyPurposeId(KeyPurposeId.id_kp_serverAuth)) {
            return Optional.of("a TLS server certificate needs serverAuth");
        }
        return Optional.empty();
    }
}
