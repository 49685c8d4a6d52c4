package dev.cachet.server;

import static dev.cachet.server.ServerAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.enrolment.Scope;
import dev.cachet.testing.CachetClient;
import dev.cachet.testing.RunningServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to e-mail validation over HTTP: each a clear answer, and no certificate. */
class EmailValidationBadInputIT {
    private static final String REQUESTS = "/api/v1/requests";
    @TempDir
    static Path dir;
    static MailFixture fixture;

    @BeforeAll
    static void start() {
        fixture = MailFixture.start(dir.resolve("data"), true, Map.of("enrolment.maxAttempts", "2"));
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void requestsThatCannotBeValidatedByMailAreRefused() {
        CachetClient client = fixture.client;
        int before = fixture.server.certificates().size();
        assertThat(assertProblem(post(Map.of("csr", CachetClient.csr("co.uk"), "contact", "a@b.test")), 400,
                "rejectedIdentifier")).contains("co.uk is a public suffix");
        assertThat(assertProblem(post(Map.of("csr", CachetClient.csr("org"), "contact", "a@b.test")), 400,
                "rejectedIdentifier")).contains("org is a public suffix");
        assertThat(assertProblem(post(Map.of("csr", CachetClient.csr("www.example.org"), "contact", "a@b.test",
                "prefixes", Map.of("example.org", "root"))), 400, "rejectedIdentifier"))
                .contains("'root@example.org' is not an allowed validation address");
        assertProblem(post(Map.of("csr", CachetClient.csr("www.example.org"))), 400, "malformed");
        assertProblem(post(Map.of("csr", "junk", "contact", "a@b.test")), 400, "malformed");
        assertProblem(client.withToken("cachet_wrong").postJson(REQUESTS, CachetClient.json(Map.of("csr",
                CachetClient.csr("www.example.org"), "contact", "a@b.test"))), 401, "unauthorized");
        assertThat(fixture.server.certificates()).hasSize(before);
    }

    @Test
    void unknownRequestsTamperedValuesAndMissingFormTokensAreRefused() {
        String id = submit("tamper.example.org");
        MailFixture.Page page = fixture.openValidationMail("admin@example.org", id);
        String base = page.link().substring(0, page.link().indexOf("?value="));

        assertProblem(fixture.client.get(REQUESTS + "/no-such-request"), 404, "notFound");
        assertThat(fixture.client.get(base.replace(id, "no-such-request") + "?value=x").status()).isEqualTo(404);
        CachetClient.Reply tampered = fixture.client.get(base + "?value=AAAA" + page.link().substring(
                page.link().length() - 10));
        assertThat(tampered.status()).isEqualTo(403);
        assertThat(tampered.text()).contains("id=\"status\" class=\"error\">this link&#39;s validation value is wrong");
        // A cross-site form has neither the cookie nor the page's token.
        MailFixture.Page forged = new MailFixture.Page(page.link(), page.reply(), page.token(), "other=1");
        assertThat(fixture.press(forged, "confirm").status()).isEqualTo(403);
        assertThat(fixture.press(forged, "confirm").status()).isEqualTo(403);
        // Two wrong tries (enrolment.maxAttempts) lock the domain: even the right value is refused now.
        CachetClient.Reply locked = fixture.press(page, "confirm");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.text()).contains("an operator must decide");
        assertThat(fixture.client.get(REQUESTS + "/" + id).json().path("status").asText())
                .isEqualTo("pending-validation");
    }

    @Test
    void twoRacingConfirmationsIssueOneCertificate() {
        String id = submit("race.example.com");
        MailFixture.Page page = fixture.openValidationMail("admin@example.com", id);
        int before = fixture.server.certificates().size();

        List<CompletableFuture<Integer>> racers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            racers.add(CompletableFuture.supplyAsync(() -> fixture.press(page, "confirm").status()));
        }
        List<Integer> statuses = racers.stream().map(CompletableFuture::join).toList();

        assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 409);
        fixture.awaitStatus(REQUESTS + "/" + id, "issued");
        assertThat(fixture.server.certificates()).hasSize(before + 1);
    }

    @Test
    void theOwnerRejectsAndConfirmingAfterwardsIsRefused() {
        String id = submit("owner.example.org");
        MailFixture.Page page = fixture.openValidationMail("admin@example.org", id);

        CachetClient.Reply rejected = fixture.press(page, "reject");
        assertThat(rejected.text()).contains("id=\"status\">Rejected");
        assertThat(fixture.press(page, "confirm").status()).isEqualTo(409);
        assertThat(fixture.client.get(REQUESTS + "/" + id).json().path("reason").asText())
                .isEqualTo("rejected by admin@example.org");
    }

    @Test
    void operatorCallsNeedTheApproveScope() {
        String id = submit("scope.example.org");
        String reader = fixture.server.token("reader-" + id.substring(0, 6), List.of("example.org"), Scope.READ);

        assertProblem(fixture.client.get(REQUESTS), 401, "unauthorized");
        assertProblem(fixture.client.withToken(reader).postJson(REQUESTS + "/" + id + "/approve", ""), 403,
                "forbidden");
        assertProblem(fixture.client.withToken(reader).get(REQUESTS + "?status=pending"), 403, "forbidden");
    }

    @Test
    void withoutSmtpTheEndpointSaysEmailValidationIsNotConfigured() {
        try (RunningServer plain = RunningServer.start(dir.resolve("plain"), Map.of())) {
            CachetClient.Reply reply = plain.client().postJson(REQUESTS, CachetClient.json(Map.of("csr",
                    CachetClient.csr("www.example.org"), "contact", "a@b.test")));
            assertThat(assertProblem(reply, 503, "emailValidationNotConfigured")).contains("smtp.server");
        }
    }

    private static CachetClient.Reply post(Map<String, Object> body) {
        return fixture.client.postJson(REQUESTS, CachetClient.json(body));
    }

    private static String submit(String name) {
        return fixture.submit(Map.of("csr", CachetClient.csr(name), "contact", "dev@requester.test")).json()
                .path("id").asText();
    }
}
