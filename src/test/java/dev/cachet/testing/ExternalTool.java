package dev.cachet.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The rule for tests that need an external program such as {@code openssl}: when it is missing,
 * the tests are skipped on a developer machine but fail on CI (the environment variable {@code CI}
 * is set), so that a broken CI image cannot silently turn interoperability tests into no-ops.
 */
public final class ExternalTool {

    private ExternalTool() {
    }

    /**
     * Skips or fails the calling test when a tool is missing.
     *
     * @param tool the tool's name, for the message
     * @param present whether the tool was found
     */
    public static void require(String tool, boolean present) {
        require(tool, present, System.getenv("CI"));
    }

    /**
     * The rule itself, with the value of {@code CI} passed in so that it can be tested.
     *
     * @param tool the tool's name, for the message
     * @param present whether the tool was found
     * @param ci the value of the environment variable {@code CI}, or null when it is not set
     */
    static void require(String tool, boolean present, String ci) {
        if (present) {
            return;
        }
        String message = "'" + tool + "' is not installed (bin/test installs it)";
        if (ci != null && !ci.isEmpty()) {
            Assertions.fail(message + "; tests that need it must not be skipped on CI (CI=" + ci + ")");
        }
        Assumptions.abort(message + "; skipped outside CI");
    }
}
