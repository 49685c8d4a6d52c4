package dev.cachet.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class ExternalToolTest {

    @Test
    void aPresentToolNeitherSkipsNorFails() {
        assertThatCode(() -> ExternalTool.require("openssl", true, "true")).doesNotThrowAnyException();
        assertThatCode(() -> ExternalTool.require("openssl", true, null)).doesNotThrowAnyException();
    }

    @Test
    void aMissingToolSkipsOnADeveloperMachine() {
        assertThatThrownBy(() -> ExternalTool.require("openssl", false, null))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("'openssl' is not installed");
        assertThatThrownBy(() -> ExternalTool.require("openssl", false, ""))
                .isInstanceOf(TestAbortedException.class);
    }

    @Test
    void aMissingToolFailsOnCi() {
        assertThatThrownBy(() -> ExternalTool.require("openssl", false, "true"))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("must not be skipped on CI");
    }
}
