package dev.cachet.server;

import static dev.cachet.server.ServerAssertions.assertChainsToRoot;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.cli.CliRunner;
import dev.cachet.core.Identifier;
import dev.cachet.csr.SubjectAltNames;
import dev.cachet.store.CertificateRecord;
import dev.cachet.testing.CachetClient;
import dev.cachet.testing.Chromium;
import dev.cachet.testing.ExternalTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The confirmation page in a real browser: the domain's admin opens the link from the mail GreenMail
 * received in Debian's headless Chromium, over HTTPS with Cachet's root in the browser's NSS
 * database (installed by {@code cachet trust install --nss-db}, no certificate error ignored), reads
 * the names and the key's fingerprint, and clicks Confirm or Reject. Screenshots before and after
 * the click go to target/browser-artifacts/.
 */
class EmailConfirmationBrowserIT {
    @TempDir
    static Path dir;
    static MailFixture fixture;
    static Chromium browser;

    @BeforeAll
    static void start() {
        Chromium.require();
        ExternalTool.require("certutil", Files.isExecutable(Path.of("/usr/bin/certutil")));
        fixture = MailFixture.start(dir.resolve("data"), true, Map.of());
        Path home = dir.resolve("home");
        CliRunner.runOk("trust", "install", "--root", fixture.server.server().rootCertificate().toString(),
                "--nss-db", home.resolve(".pki/nssdb").toString());
        browser = Chromium.start(home, Map.of());
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (fixture != null) {
                fixture.close();
            }
        }
    }

    @Test
    void theAdminConfirmsInChromiumAndTheCertificateIsIssued() {
        JsonNode created = fixture.submit(Map.of("csr", CachetClient.csr("www.example.org", "*.example.org"),
                "contact", "dev@requester.test")).json();
        String link = fixture.validationLink("admin@example.org", created.path("id").asText());

        openConfirmationPage(link, "email-confirm-before");
        assertThat(browser.text(By.id("names"))).isEqualTo("www.example.org, *.example.org");
        assertThat(browser.text(By.id("fingerprint"))).isEqualTo(created.path("keyFingerprint").asText());
        assertThat(browser.text(By.id("requester"))).contains("dev@requester.test");

        browser.click(By.id("confirm"));
        // Waits for the answer page, whose status names the request's new state.
        String status = browser.text(By.xpath("//p[@id='status' and starts-with(., 'Confirmed:')]"));
        browser.screenshot("email-confirm-after");
        assertThat(browser.title()).isEqualTo("Domain confirmed");
        assertThat(status).matches("Confirmed: example\\.org is validated\\. The request is now (approved|issued)\\.");

        JsonNode issued = fixture.awaitStatus(created.path("statusUrl").asText(), "issued").json();
        String certificate = issued.path("certificate").asText();
        assertChainsToRoot(certificate, issued.path("chain").asText(), fixture.server.server().rootCertificate());
        X509CertificateHolder leaf = ServerAssertions.parse(certificate).get(0);
        assertThat(SubjectAltNames.decode(GeneralNames.fromExtensions(leaf.getExtensions(),
                Extension.subjectAlternativeName)).stream().map(Identifier::value))
                .containsExactlyInAnyOrder("www.example.org", "*.example.org");
        assertThat(leaf.getSerialNumber().toString(16)).isEqualTo(issued.path("serial").asText());
    }

    @Test
    void theAdminRejectsInChromiumAndNoCertificateIsIssued() {
        JsonNode created = fixture.submit(Map.of("csr", CachetClient.csr("shop.example.net"),
                "contact", "shop@requester.test")).json();
        String link = fixture.validationLink("admin@example.net", created.path("id").asText());

        openConfirmationPage(link, "email-reject-before");
        assertThat(browser.text(By.id("names"))).isEqualTo("shop.example.net");
        assertThat(browser.text(By.id("fingerprint"))).isEqualTo(created.path("keyFingerprint").asText());

        browser.click(By.id("reject"));
        String status = browser.text(By.xpath("//p[@id='status' and starts-with(., 'Rejected:')]"));
        browser.screenshot("email-reject-after");
        assertThat(browser.title()).isEqualTo("Request rejected");
        assertThat(status).isEqualTo("Rejected: no certificate will be issued for this request.");

        JsonNode rejected = fixture.client.get(created.path("statusUrl").asText()).json();
        assertThat(rejected.path("status").asText()).isEqualTo("rejected");
        assertThat(rejected.path("reason").asText()).isEqualTo("rejected by admin@example.net");
        assertThat(rejected.has("certificate")).isFalse();
        assertThat(rejected.has("serial")).isFalse();
        assertThat(fixture.server.certificates()).extracting(CertificateRecord::names)
                .noneSatisfy(names -> assertThat(names).extracting(Identifier::value).contains("shop.example.net"));
    }

    /** Opens the mail's link and checks the browser shows Cachet's page over trusted HTTPS. */
    private static void openConfirmationPage(String link, String screenshot) {
        browser.open(link);
        browser.screenshot(screenshot);
        assertThat(browser.pageSource()).doesNotContain("ERR_CERT");
        assertThat(browser.currentUrl()).isEqualTo(link);
        assertThat(browser.title()).isEqualTo("Confirm a certificate request");
        assertThat(browser.text(By.id("status"))).isEqualTo("Waiting for your decision.");
    }
}
