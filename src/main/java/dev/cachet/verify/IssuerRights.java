package dev.cachet.verify;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Checks that every issuing certificate may issue certificates: basicConstraints cA=TRUE (RFC 5280
 * §4.2.1.9, §6.1.4 (k)) and, when key usage is present, keyCertSign (§4.2.1.3, §6.1.4 (n)). The JDK
 * validator checks the same but tests key usage first, which would hide that a leaf signed a
 * certificate.
 */
final class IssuerRights {
    /** Index of keyCertSign in {@link X509Certificate#getKeyUsage()}. */
    private static final int KEY_CERT_SIGN = 5;

    private IssuerRights() {
    }

    static void check(List<X509Certificate> chain) throws Rejection {
        for (int i = 1; i < chain.size(); i++) {
            X509Certificate issuer = chain.get(i);
            String issued = CertificateNames.label(chain.get(i - 1));
            // A version 1 root predates extensions and may still be a trust anchor; a version 1
            // intermediate may not, as the JDK and browsers refuse it.
            boolean legacyAnchor = i == chain.size() - 1 && issuer.getVersion() < 3;
            if (issuer.getBasicConstraints() < 0 && !legacyAnchor) {
                throw new Rejection(Verdict.NOT_A_CA, ": it has no basicConstraints cA=TRUE yet issued "
                        + issued, issuer);
            }
            boolean[] keyUsage = issuer.getKeyUsage();
            if (keyUsage != null && (keyUsage.length <= KEY_CERT_SIGN || !keyUsage[KEY_CERT_SIGN])) {
                throw new Rejection(Verdict.WRONG_KEY_USAGE, ": key usage lacks keyCertSign yet it issued "
                        + issued, issuer);
            }
        }
    }
}
