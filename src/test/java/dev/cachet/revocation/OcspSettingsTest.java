package dev.cachet.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OcspSettingsTest {

    @Test
    void validityIsWithinTheBaselineRequirements() {
        assertThatThrownBy(() -> settings(Duration.ofHours(7))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings(Duration.ofDays(10).plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OcspSettings(Duration.ofHours(8), Duration.ofHours(8), 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void responsesAreSignedAnewAtHalfTheirValidityAndWithinFourDays() {
        assertThat(OcspSettings.defaults().resignAfter()).isEqualTo(Duration.ofHours(12));
        assertThat(settings(Duration.ofHours(8)).resignAfter()).isEqualTo(Duration.ofHours(4));
        assertThat(settings(Duration.ofDays(10)).resignAfter()).isEqualTo(Duration.ofDays(4));
    }

    private static OcspSettings settings(Duration validity) {
        return new OcspSettings(validity, Duration.ofSeconds(5), 10, 1024, 20);
    }
}
