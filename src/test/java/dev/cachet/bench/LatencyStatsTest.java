package dev.cachet.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LatencyStatsTest {

    @Test
    void percentilesFollowTheNearestRankMethod() {
        LatencyStats stats = new LatencyStats();
        for (int ms = 100; ms >= 1; ms--) {
            stats.success(Duration.ofMillis(ms));
        }
        assertThat(stats.percentile(50)).isEqualTo(Duration.ofMillis(50));
        assertThat(stats.percentile(99)).isEqualTo(Duration.ofMillis(99));
        assertThat(stats.percentile(100)).isEqualTo(Duration.ofMillis(100));
        assertThat(stats.percentile(0.5)).isEqualTo(Duration.ofMillis(1));
        assertThat(stats.successes()).isEqualTo(100);
    }

    @Test
    void aSingleOrderIsEveryPercentile() {
        LatencyStats stats = new LatencyStats();
        stats.success(Duration.ofMillis(7));
        assertThat(stats.percentile(50)).isEqualTo(stats.percentile(99)).isEqualTo(Duration.ofMillis(7));
    }

    @Test
    void noOrderGivesZeroAndBadPercentilesAreRefused() {
        LatencyStats stats = new LatencyStats();
        assertThat(stats.percentile(99)).isZero();
        assertThatThrownBy(() -> stats.percentile(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> stats.percentile(101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void errorsAreCountedAndTheFirstFiveKept() {
        LatencyStats stats = new LatencyStats();
        for (int i = 1; i <= 7; i++) {
            stats.error("e" + i);
        }
        assertThat(stats.errors()).isEqualTo(7);
        assertThat(stats.firstErrors()).containsExactly("e1", "e2", "e3", "e4", "e5");
    }
}
