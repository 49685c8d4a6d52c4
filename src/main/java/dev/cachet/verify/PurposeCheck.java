package dev.cachet.verify;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks that the chain may be used for a purpose: the leaf's extended key usage (RFC 5280
 * §4.2.1.12) holds the purpose's key purpose or anyExtendedKeyUsage, or is absent; its key usage,
 * when present, has digitalSignature, since TLS 1.3 signs the handshake with the key (RFC 8446
 * §4.4.3). An intermediate's extended key usage limits what it may issue for, as Mozilla and
 * OpenSSL read it.
 */
final class PurposeCheck {
    private static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";
    /** Index of digitalSignature in {@link X509Certificate#getKeyUsage()}. */
    private static final int DIGITAL_SIGNATURE = 0;
    private static final Map<String, String> KEY_PURPOSE_NAMES = Map.of(
            "1.3.6.1.5.5.7.3.1", "serverAuth",
            "1.3.6.1.5.5.7.3.2", "clientAuth",
            "1.3.6.1.5.5.7.3.3", "codeSigning",
            "1.3.6.1.5.5.7.3.4", "emailProtection",
            "1.3.6.1.5.5.7.3.8", "timeStamping",
            "1.3.6.1.5.5.7.3.9", "OCSPSigning",
            ANY_EXTENDED_KEY_USAGE, "anyExtendedKeyUsage");

    private PurposeCheck() {
    }

    static void check(List<X509Certificate> chain, Purpose purpose) throws Rejection {
        if (purpose == Purpose.ANY) {
            return;
        }
        X509Certificate leaf = chain.get(0);
        checkExtendedKeyUsage(leaf, purpose);
        boolean[] keyUsage = leaf.getKeyUsage();
        if (keyUsage != null && !keyUsage[DIGITAL_SIGNATURE]) {
            throw new Rejection(Verdict.WRONG_KEY_USAGE, ": key usage lacks digitalSignature, needed for "
                    + purpose, leaf);
        }
        for (int i = 1; i < chain.size() - 1; i++) {
            checkExtendedKeyUsage(chain.get(i), purpose);
        }
    }

    private static void checkExtendedKeyUsage(X509Certificate certificate, Purpose purpose) throws Rejection {
        List<String> usages;
        try {
            usages = certificate.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            throw new Rejection(Verdict.INVALID, ": unreadable extended key usage", certificate);
        }
        String needed = purpose.keyPurposeOid().orElseThrow();
        if (usages == null || usages.contains(needed) || usages.contains(ANY_EXTENDED_KEY_USAGE)) {
            return;
        }
        String names = usages.stream().map(oid -> KEY_PURPOSE_NAMES.getOrDefault(oid, oid))
                .collect(Collectors.joining(", "));
        throw new Rejection(Verdict.WRONG_KEY_USAGE, ": extended key usage " + (names.isEmpty() ? "(empty)" : names)
                + " lacks " + purpose.keyPurposeName().orElseThrow() + ", needed for " + purpose, certificate);
    }
}
