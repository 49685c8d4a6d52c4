package dev.cachet.lint;

import dev.cachet.crypto.PublicKeyInfo;
import java.util.Optional;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * keyUsage is present and critical (RFC 5280 §4.2.1.3), never keyCertSign or cRLSign in a
 * subscriber certificate, always digitalSignature, and fits the key (BR 7.1.2.7.11):
 * keyEncipherment only for RSA, keyAgreement only for ECDSA, nothing else.
 */
final class KeyUsageRule implements LintRule {
    private static final int ALLOWED_ANY = KeyUsage.digitalSignature;

    @Override
    public String name() {
        return "key_usage";
    }

    @Override
    public Optional<String> check(X509CertificateHolder certificate, LintContext context) {
        Extension extension = certificate.getExtension(Extension.keyUsage);
        if (extension == null || !extension.isCritical()) {
            return Optional.of("keyUsage must be present and critical");
        }
        KeyUsage usage = KeyUsage.getInstance(extension.getParsedValue());
        if (usage.hasUsages(KeyUsage.keyCertSign) || usage.hasUsages(KeyUsage.cRLSign)) {
            return Optional.of("a subscriber certificate must not have keyCertSign or cRLSign");
        }
        if (!usage.hasUsages(KeyUsage.digitalSignature)) {
            return Optional.of("digitalSignature is missing");
        }
        String algorithm = PublicKeyInfo.of(certificate.getSubjectPublicKeyInfo()).algorithm();
        int allowed = ALLOWED_ANY;
        if ("RSA".equals(algorithm)) {
            allowed |= KeyUsage.keyEncipherment;
        } else if ("EC".equals(algorithm)) {
            allowed |= KeyUsage.keyAgreement;
        }
        int bits = usage.getBytes().length == 0 ? 0 : usage.getBytes()[0] & 0xff;
        if (usage.getBytes().length > 1 || (bits & ~allowed) != 0) {
            return Optional.of("key usages beyond what a " + algorithm + " key may do (digitalSignature"
                    + ("RSA".equals(algorithm) ? ", keyEncipherment" : "EC".equals(algorithm) ? ", keyAgreement" : "")
                    + ")");
        }
        return Optional.empty();
    }
}
