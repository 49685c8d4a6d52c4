package dev.cachet.lint;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;

/** Runs every lint rule and refuses a certificate that breaks any of them. */
public final class Linter {
    private final List<LintRule> rules;

    /**
     * Creates a linter.
     *
     * @param rules the rules to run
     */
    public Linter(List<LintRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** @return a linter with all of Cachet's subscriber-certificate rules */
    public static Linter subscriberRules() {
        return new Linter(List.of(new SerialNumberRule(), new ValidityRule(), new PublicTrustValidityRule(),
                new SubjectAltNameRule(), new SanEntriesRule(), new CommonNameRule(), new InternalNamesRule(),
                new LeafConstraintsRule(), new KeyUsageRule(), new ExtendedKeyUsageRule(),
                new CriticalExtensionsRule(), new AuthorityKeyIdentifierRule(), new RevocationPointersRule(),
                new CertificatePoliciesRule()));
    }

    /**
     * Checks a certificate against every rule.
     *
     * @param certificate the certificate signed with a throwaway key
     * @param context the context
     * @return the problems found, as {@code rule: message}
     */
    public List<String> findings(X509CertificateHolder certificate, LintContext context) {
        List<String> findings = new ArrayList<>();
        for (LintRule rule : rules) {
            Optional<String> problem = rule.check(certificate, context);
            problem.ifPresent(p -> findings.add(rule.name() + ": " + p));
        }
        return findings;
    }

    /**
     * Fails when any rule finds a problem.
     *
     * @param certificate the certificate signed with a throwaway key
     * @param context the context
     */
    public void require(X509CertificateHolder certificate, LintContext context) {
        List<String> findings = findings(certificate, context);
        if (!findings.isEmpty()) {
            throw new CachetException(ErrorType.POLICY, "not signed, lint failed: " + String.join("; ", findings));
        }
    }
}
