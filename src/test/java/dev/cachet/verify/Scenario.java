package dev.cachet.verify;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One verification and what it must give.
 *
 * @param name what is verified, shown as the test name
 * @param request the request
 * @param verdict the expected verdict
 * @param message the expected message, where {@code %s} stands for the JDK's own words
 */
record Scenario(String name, VerificationRequest request, Verdict verdict, String message) {

    void check(VerificationResult result) {
        assertThat(result.verdict()).as(result.message()).isEqualTo(verdict);
        int gap = message.indexOf("%s");
        if (gap < 0) {
            assertThat(result.message()).isEqualTo(message);
        } else {
            assertThat(result.message()).startsWith(message.substring(0, gap))
                    .endsWith(message.substring(gap + 2));
        }
        assertThat(result.message()).doesNotContain("\n", "\r");
    }

    @Override
    public String toString() {
        return name;
    }
}
