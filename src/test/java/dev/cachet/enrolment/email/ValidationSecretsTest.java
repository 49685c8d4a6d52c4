package dev.cachet.enrolment.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.core.OptionSafeRandomTest;
import org.junit.jupiter.api.Test;

/** Request ids are typed on command lines: {@code cachet requests approve ID}. */
class ValidationSecretsTest {

    @Test
    void aRequestIdNeverStartsWithADash() {
        String id = new ValidationSecrets(OptionSafeRandomTest.dashFirst()).newId();

        assertThat(id).hasSize(22).doesNotStartWith("-");
    }
}
