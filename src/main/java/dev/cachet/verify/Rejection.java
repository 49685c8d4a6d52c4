package dev.cachet.verify;

import java.security.cert.X509Certificate;

/**
 * A failed check inside the verifier: the verdict and the one-line message of the result. It
 * never leaves the package; {@link ChainVerifier} turns it into a {@link VerificationResult}.
 */
final class Rejection extends Exception {
    private final Verdict verdict;

    /**
     * Creates a rejection whose message is the verdict's phrase, the detail and the certificate.
     *
     * @param verdict the verdict
     * @param detail text that follows the phrase, starting with its own separator, or empty
     * @param concerned the certificate the failure is about
     */
    Rejection(Verdict verdict, String detail, X509Certificate concerned) {
        // No stack trace: this is an expected outcome, not a bug.
        super(verdict.phrase() + detail + " (" + CertificateNames.label(concerned) + ")", null, false, false);
        this.verdict = verdict;
    }

    /** @return the verdict */
    Verdict verdict() {
        return verdict;
    }
}
