package dev.cachet.server.acme;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.testing.AcmeTestServer;
import dev.cachet.testing.CachetClient;
import dev.cachet.testing.PostgresServer;
import dev.cachet.testing.RunningServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rate limits over raw HTTP, set low by configuration: the request beyond a limit is answered 429
 * {@code rateLimited} with Retry-After and a fresh nonce (and a subproblem for each refused
 * identifier), and creates nothing. New accounts are counted by two instances sharing one
 * PostgreSQL database.
 */
class AcmeRateLimitIT {
    private static final String RATE_LIMITED = "urn:ietf:params:acme:error:rateLimited";
    private static final int HOUR = 3600;

    @TempDir
    static Path dir;

    private static AcmeTestServer solo;
    private static RunningServer first;
    private static RunningServer second;

    @BeforeAll
    static void start() throws IOException {
        // Nothing listens on the http-01 port: every validation fails.
        solo = AcmeTestServer.start(dir.resolve("solo"), Map.of("acme.rateLimits.newOrdersPerAccountPerHour", "3",
                "acme.rateLimits.failedValidationsPerAccountPerHostPerHour", "1"));
        for (String name : List.of("fail-one.test", "fail-two.test")) {
            solo.dns().addA(name, "127.0.0.1");
        }
        PostgresServer postgres = PostgresServer.shared();
        Map<String, String> shared = new HashMap<>(RunningServer.postgres(postgres,
                postgres.newDatabase("rate_limits"), dir));
        shared.put("acme.rateLimits.newAccountsPerIpPerHour", "2");
        first = RunningServer.start(dir.resolve("first"), shared);
        second = RunningServer.start(dir.resolve("second"), shared);
    }

    @AfterAll
    static void stop() {
        try (AcmeTestServer a = solo; RunningServer b = first; RunningServer c = second) {
            // closed in reverse order, also when one of them did not start
        }
    }

    @Test
    void theFourthOrderOfAnHourIsRefusedAndNotCreated() {
        AcmeJwsClient client = client(solo.server());
        AcmeJwsClient.Account account = client.newAccount();
        for (String name : List.of("one.test", "two.test", "three.test")) {
            assertThat(client.newOrder(account, name).status()).isEqualTo(201);
        }

        CachetClient.Reply refused = client.newOrder(account, "four.test");

        assertRateLimited(refused);
        assertThat(refused.json().path("detail").asText()).contains("new orders", "limit 3");
        assertThat(refused.json().has("subproblems")).isFalse();
        assertThat(refused.headers().firstValue("Location")).isEmpty();
        JsonNode orders = client.post(account, account.kid() + "/orders", "").json().path("orders");
        assertThat(orders).hasSize(3);
        assertThat(solo.acmeCertificates()).isEmpty();
    }

    @Test
    void anOrderForIdentifiersThatFailedValidationHasASubproblemForEach() {
        AcmeJwsClient client = client(solo.server());
        AcmeJwsClient.Account account = client.newAccount();
        failValidation(client, account, "fail-one.test");
        failValidation(client, account, "fail-two.test");

        CachetClient.Reply refused = client.newOrder(account, "fail-one.test", "fine.test", "fail-two.test");

        assertRateLimited(refused);
        JsonNode subproblems = refused.json().path("subproblems");
        assertThat(subproblems).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(subproblems.get(i).path("type").asText()).isEqualTo(RATE_LIMITED);
            assertThat(subproblems.get(i).path("identifier").path("type").asText()).isEqualTo("dns");
        }
        assertThat(subproblems.get(0).path("identifier").path("value").asText()).isEqualTo("fail-one.test");
        assertThat(subproblems.get(1).path("identifier").path("value").asText()).isEqualTo("fail-two.test");
        assertThat(client.newOrder(account, "fine.test").status()).isEqualTo(201);
    }

    @Test
    void newAccountsFromOneAddressAreCountedAcrossInstances() {
        AcmeJwsClient onFirst = client(first);
        AcmeJwsClient onSecond = client(second);
        onFirst.newAccount();
        onSecond.newAccount();

        CachetClient.Reply refused = newAccount(onFirst);
        CachetClient.Reply refusedToo = newAccount(onSecond);

        assertRateLimited(refused);
        assertRateLimited(refusedToo);
        assertThat(refused.json().path("detail").asText()).contains("new accounts from 127.0.0.1", "limit 2");
        assertThat(refused.headers().firstValue("Location")).isEmpty();
    }

    /** Orders a name and answers its http-01 challenge, which fails: nothing listens on the port. */
    private static void failValidation(AcmeJwsClient client, AcmeJwsClient.Account account, String name) {
        CachetClient.Reply order = client.newOrder(account, name);
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        String authorization = order.json().path("authorizations").get(0).asText();
        for (JsonNode challenge : client.post(account, authorization, "").json().path("challenges")) {
            if ("http-01".equals(challenge.path("type").asText())) {
                assertThat(client.post(account, challenge.path("url").asText(), "{}").status()).isEqualTo(200);
            }
        }
        assertThat(client.poll(account, authorization).path("status").asText()).isEqualTo("invalid");
    }

    private static AcmeJwsClient client(RunningServer server) {
        return new AcmeJwsClient(server.client(), server.server().httpsUrl() + "/acme/directory");
    }

    private static CachetClient.Reply newAccount(AcmeJwsClient client) {
        String url = client.url("newAccount");
        return client.send(url, AcmeJwsClient.sign(AcmeJwsClient.newKey(), null, url, client.nonce(),
                "{\"termsOfServiceAgreed\":true}"));
    }

    /** RFC 8555 §6.6: 429, rateLimited, Retry-After in seconds within the hour, and a nonce to go on with. */
    private static void assertRateLimited(CachetClient.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(429);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().path("type").asText()).isEqualTo(RATE_LIMITED);
        assertThat(reply.json().path("status").asInt()).isEqualTo(429);
        assertThat(Integer.parseInt(reply.header("Retry-After"))).isBetween(HOUR - 60, HOUR);
        assertThat(reply.header("Replay-Nonce")).isNotBlank();
    }
}
