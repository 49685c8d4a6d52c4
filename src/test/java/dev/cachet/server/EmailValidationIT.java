package dev.cachet.server;

import static dev.cachet.server.ServerAssertions.assertChainsToRoot;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.cli.CliRunner;
import dev.cachet.enrolment.Scope;
import dev.cachet.testing.CachetClient;
import dev.cachet.testing.OpenSsl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Certificates by e-mail validation through the real HTTP server and a real SMTP server: the
 * requester submits a CSR, the domain's admin reads the mail, opens the link and confirms, the
 * requester polls the status URL and gets a certificate openssl verifies, and a notice mail.
 */
class EmailValidationIT {
    @TempDir
    static Path dir;
    static MailFixture fixture;

    @BeforeAll
    static void start() {
        fixture = MailFixture.start(dir.resolve("data"), true, Map.of());
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void aPersonConfirmsFromTheMailAndTheCertificateIsIssued() throws IOException {
        JsonNode created = fixture.submit(Map.of("csr", CachetClient.csr("www.example.org", "*.example.org"),
                "contact", "dev@requester.test")).json();
        assertThat(created.path("status").asText()).isEqualTo("pending-validation");
        String id = created.path("id").asText();
        String statusUrl = created.path("statusUrl").asText();
        assertThat(statusUrl).isEqualTo(fixture.server.server().httpsUrl() + "/api/v1/requests/" + id);

        MailFixture.Page page = fixture.openValidationMail("admin@example.org", id);
        assertThat(page.reply().status()).isEqualTo(200);
        assertThat(page.reply().text()).contains("www.example.org, *.example.org").contains("dev@requester.test")
                .contains(created.path("keyFingerprint").asText()).contains("id=\"confirm\"").contains("id=\"reject\"")
                .contains("id=\"status\"");
        assertThat(page.reply().header("Content-Security-Policy")).startsWith("default-src 'none'");
        assertThat(page.reply().header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.reply().header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.reply().header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.reply().header("Cache-Control")).isEqualTo("no-store");
        assertThat(page.reply().header("Set-Cookie")).contains("SameSite=Strict").contains("Secure")
                .contains("HttpOnly");
        // A mail scanner's prefetch (another GET) changes nothing.
        assertThat(fixture.open(page.link()).reply().status()).isEqualTo(200);
        assertThat(fixture.client.get(statusUrl).json().path("status").asText()).isEqualTo("pending-validation");

        CachetClient.Reply confirmed = fixture.press(page, "confirm");
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.text()).contains("id=\"status\">Confirmed: example.org is validated");

        JsonNode issued = fixture.awaitStatus(statusUrl, "issued").json();
        assertThat(issued.path("domains").get(0).path("status").asText()).isEqualTo("validated");
        assertThat(issued.has("contact")).isFalse();
        verifyWithOpenSsl(issued.path("certificate").asText(), issued.path("chain").asText());
        String notice = fixture.awaitMail("dev@requester.test", text -> text.contains(statusUrl));
        assertThat(notice).contains("is issued").contains(issued.path("serial").asText());
        assertThat(fixture.press(page, "confirm").status()).isEqualTo(409);
    }

    @Test
    void anOperatorListsApprovesAndRejectsOverRest() {
        String boss = fixture.server.token("boss", List.of(), Scope.APPROVE);
        CachetClient operator = fixture.client.withToken(boss);
        String approveId = fixture.submit(Map.of("csr", CachetClient.csr("approve.example.net"), "contact",
                "a@requester.test")).json().path("id").asText();
        String rejectId = fixture.submit(Map.of("csr", CachetClient.csr("reject.example.net"), "contact",
                "r@requester.test", "prefixes", Map.of("example.net", "webmaster"))).json().path("id").asText();
        fixture.awaitMail("webmaster@example.net", text -> text.contains(rejectId));

        JsonNode pending = operator.get("/api/v1/requests?status=pending").json().path("items");
        assertThat(pending.findValuesAsText("id")).contains(approveId, rejectId);
        assertThat(pending.findValuesAsText("contact")).contains("a@requester.test");

        CachetClient.Reply approved = operator.postJson("/api/v1/requests/" + approveId + "/approve", "");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().path("status").asText()).isEqualTo("issued");
        CachetClient.Reply rejected = operator.postJson("/api/v1/requests/" + rejectId + "/reject",
                "{\"reason\": \"not our customer\"}");
        assertThat(rejected.json().path("status").asText()).isEqualTo("rejected");
        assertThat(fixture.awaitMail("r@requester.test", text -> text.contains("not our customer"))).contains(
                "no certificate was issued");
        assertThat(fixture.server.storage().audit().recent(200)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("request.approved");
            assertThat(e.actor()).isEqualTo("token:boss");
        });
    }

    @Test
    void theCommandLineApprovesWhileTheServerRunsAndTheServerIssues() {
        String id = fixture.submit(Map.of("csr", CachetClient.csr("cli.example.com"), "contact",
                "c@requester.test")).json().path("id").asText();
        String data = fixture.server.data().toString();

        assertThat(CliRunner.runOk("requests", "list", "--data", data).out()).contains(id).contains("cli.example.com");
        assertThat(CliRunner.runOk("requests", "approve", id, "--data", data).out())
                .contains("Approved request " + id);

        fixture.awaitStatus("/api/v1/requests/" + id, "issued");
        assertThat(CliRunner.run("requests", "approve", id, "--data", data).err()).contains("is issued");
    }

    private static void verifyWithOpenSsl(String certificate, String chain) throws IOException {
        Path work = Files.createTempDirectory(dir, "verify");
        Files.writeString(work.resolve("cert.pem"), certificate);
        Files.writeString(work.resolve("chain.pem"), chain);
        assertChainsToRoot(certificate, chain, fixture.server.server().rootCertificate());
        String out = OpenSsl.runOk(work, "verify", "-CAfile", fixture.server.server().rootCertificate().toString(),
                "-untrusted", "chain.pem", "cert.pem");
        assertThat(out).contains("cert.pem: OK");
    }
}
