package dev.cachet.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.core.CachetException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AcmeBenchReportTest {

    @Test
    void theSummaryGivesRateAndPercentilesInOneLine() {
        AcmeBenchReport report = new AcmeBenchReport(50, 1, Duration.ofMillis(2500), Duration.ofMillis(40),
                Duration.ofMillis(95), List.of("boom"));
        assertThat(report.ordersPerSecond()).isEqualTo(20.0);
        assertThat(report.summary())
                .isEqualTo("acme orders=50 errors=1 elapsed=2.50s rate=20.0/s p50=40.0ms p99=95.0ms");
    }

    @Test
    void settingsRefuseMoreWorkersThanOrdersAndBadPorts() {
        URI url = URI.create("https://127.0.0.1/dir");
        Duration second = Duration.ofSeconds(1);
        assertThatThrownBy(() -> new AcmeBenchSettings(url, 2, 3, second, 5002, second, second))
                .isInstanceOf(CachetException.class).hasMessageContaining("concurrency");
        assertThatThrownBy(() -> new AcmeBenchSettings(url, 2, 1, second, 70000, second, second))
                .isInstanceOf(CachetException.class).hasMessageContaining("port");
        assertThatThrownBy(() -> new AcmeBenchSettings(url, 2, 1, Duration.ZERO, 5002, second, second))
                .isInstanceOf(CachetException.class).hasMessageContaining("duration");
    }
}
