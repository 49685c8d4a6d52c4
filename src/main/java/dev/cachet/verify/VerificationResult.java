package dev.cachet.verify;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a verification.
 *
 * @param verdict the verdict
 * @param message one line starting with the verdict's phrase and naming the certificate concerned,
 *     such as {@code certificate expired on 2026-01-01T00:00:00Z (CN=example.org)}
 * @param chain the validated chain from the leaf to the trust anchor; on failure, as far as it was built
 */
public record VerificationResult(Verdict verdict, String message, List<X509Certificate> chain) {

    /** Checks the fields and copies the chain. */
    public VerificationResult {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(message, "message");
        chain = List.copyOf(chain);
    }

    /** @return true when the verdict is {@link Verdict#TRUSTED} */
    public boolean trusted() {
        return verdict == Verdict.TRUSTED;
    }

    /** @return the chain by short names, leaf first: {@code example.org <- Example CA <- Example Root CA} */
    public String chainNames() {
        return CertificateNames.chain(chain);
    }
}
