package dev.cachet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.testing.AcmeTestServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cachet bench acme} runs real orders against a Cachet server and reports them. */
class BenchAcmeIT {
    private static final Pattern SUMMARY = Pattern.compile(
            "acme orders=(\\d+) errors=(\\d+) elapsed=([0-9.]+)s rate=([0-9.]+)/s p50=([0-9.]+)ms p99=([0-9.]+)ms");

    @Test
    void runsOrdersEndToEndAndPrintsTheFigures(@TempDir Path dir) throws Exception {
        try (AcmeTestServer acme = AcmeTestServer.start(dir.resolve("data"), Map.of())) {
            acme.dns().answerEveryNameWith("127.0.0.1");
            Path root = acme.server().server().rootCertificate();
            CliRunner.Result result = CliRunner.runOk("bench", "acme", "--directory", acme.directoryUrl(),
                    "--trust", root.toString(), "--orders", "4", "--concurrency", "2",
                    "--http01-port", Integer.toString(acme.http01Port()), "--duration", "60");
            Matcher summary = SUMMARY.matcher(result.out().strip());
            assertThat(summary.find()).as(result.out()).isTrue();
            assertThat(summary.group(1)).isEqualTo("4");
            assertThat(summary.group(2)).isEqualTo("0");
            assertThat(Double.parseDouble(summary.group(4))).isPositive();
            double p50 = Double.parseDouble(summary.group(5));
            assertThat(p50).isPositive().isLessThanOrEqualTo(Double.parseDouble(summary.group(6)));
            assertThat(acme.acmeCertificates()).hasSize(4);
        }
    }
}
