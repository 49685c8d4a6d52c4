package dev.cachet.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.testing.OpenSsl;
import dev.cachet.testing.Workspace;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The validity period openssl reads from issued certificates matches each profile. */
class ValidityIT {
    /** What {@code openssl x509 -startdate} prints, such as {@code Nov 27 02:44:52 2026 GMT}. */
    private static final DateTimeFormatter OPENSSL_DATE =
            DateTimeFormatter.ofPattern("MMM d HH:mm:ss yyyy 'GMT'", Locale.ENGLISH);

    @TempDir
    Path dir;

    private Workspace workspace;
    private Path ca;
    private Path csr;

    @BeforeEach
    void setUp() {
        OpenSsl.require();
        workspace = new Workspace(dir);
        ca = workspace.initCa("ca", "ec-p256");
        csr = workspace.newCsr("host", "ec-p256", "--subject", "CN=host.example.org");
    }

    @ParameterizedTest
    @CsvSource({"tls-server, 90", "tls-server-1y, 365", "tls-client, 90", "short-lived, 7"})
    void lastsTheProfilesDaysMinusOneSecond(String profile, int days) {
        workspace.sign(ca, csr, "cert.pem", "--profile", profile);

        assertThat(validity()).isEqualTo(Duration.ofDays(days).minusSeconds(1));
    }

    @Test
    void aPubliclyTrustedCertificateLastsTheCaBrowserForumMaximumInForce() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        workspace.sign(ca, csr, "cert.pem", "--profile", "tls-server-public", "--base-url", "http://ca.example.org");

        assertThat(validity()).isEqualTo(Duration.ofDays(publicTrustMaximum(today)).minusSeconds(1));
    }

    @Test
    void lastsTheDaysAskedFor() {
        workspace.sign(ca, csr, "cert.pem", "--days", "30");

        assertThat(validity()).isEqualTo(Duration.ofDays(30).minusSeconds(1));
    }

    /**
     * The Baseline Requirements' maximum (ballot SC-081): 200 days from 2026-03-15 (so 200
     * when this test was written, in 2026-11), 100 from 2027-03-15, 47 from 2029-03-15.
     */
    private static int publicTrustMaximum(LocalDate day) {
        if (day.isBefore(LocalDate.of(2027, 3, 15))) {
            return 200;
        }
        return day.isBefore(LocalDate.of(2029, 3, 15)) ? 100 : 47;
    }

    private Duration validity() {
        String output = OpenSsl.runOk(dir, "x509", "-in", "cert.pem", "-noout", "-startdate", "-enddate");
        Instant notBefore = null;
        Instant notAfter = null;
        for (String line : output.lines().toList()) {
            String[] field = line.split("=", 2);
            Instant instant = LocalDateTime.parse(field[1].strip().replaceAll("\\s+", " "), OPENSSL_DATE)
                    .toInstant(ZoneOffset.UTC);
            if ("notBefore".equals(field[0])) {
                notBefore = instant;
            } else if ("notAfter".equals(field[0])) {
                notAfter = instant;
            }
        }
        assertThat(notBefore).as("notBefore in %s", output).isNotNull();
        assertThat(notAfter).as("notAfter in %s", output).isNotNull();
        assertThat(notBefore).isBefore(Instant.now());
        return Duration.between(notBefore, notAfter);
    }
}
