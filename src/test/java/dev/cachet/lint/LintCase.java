package dev.cachet.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.testing.CertificateBuilder;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.provider.Arguments;

/**
 * One way of breaking one lint rule: the good leaf of {@link LintFixtures} changed in one respect.
 *
 * @param rule the rule that must object
 * @param message what its finding must say
 * @param context the context to lint in
 * @param change what to break
 */
record LintCase(String rule, String message, LintContext context, UnaryOperator<CertificateBuilder> change) {

    static Arguments of(String rule, String message, UnaryOperator<CertificateBuilder> change) {
        return of(rule, message, LintFixtures.PUBLIC, change);
    }

    static Arguments of(String rule, String message, LintContext context, UnaryOperator<CertificateBuilder> change) {
        return Arguments.of(rule + ": " + message, new LintCase(rule, message, context, change));
    }

    /** Lints the broken certificate with every rule: the named rule objects, and says why. */
    void assertRefused() {
        List<String> findings = Linter.subscriberRules().findings(change.apply(LintFixtures.goodLeaf()).build(),
                context);
        assertThat(findings).anySatisfy(f -> assertThat(f).startsWith(rule + ": ").contains(message));
    }

    /** Lints the same certificate in another context: the named rule has nothing to say. */
    void assertAcceptedIn(LintContext other) {
        List<String> findings = Linter.subscriberRules().findings(change.apply(LintFixtures.goodLeaf()).build(),
                other);
        assertThat(findings).noneSatisfy(f -> assertThat(f).startsWith(rule + ": "));
    }
}
