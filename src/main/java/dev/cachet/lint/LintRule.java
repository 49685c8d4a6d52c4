package dev.cachet.lint;

import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;

/** One check of a to-be-signed certificate. */
public interface LintRule {

    /** @return a short name, such as {@code serial_number} */
    String name();

    /**
     * Checks a certificate.
     *
     * @param certificate the certificate signed with a throwaway key
     * @param context what else the rule may need
     * @return a one-line problem, or empty when the certificate passes
     */
    Optional<String> check(X509CertificateHolder certificate, LintContext context);
}
