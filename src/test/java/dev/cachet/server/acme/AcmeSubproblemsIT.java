package dev.cachet.server.acme;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.testing.AcmeTestServer;
import dev.cachet.testing.CachetClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A newOrder with several identifiers of which some are refused answers one problem with a
 * {@code subproblems} array (RFC 8555 §6.7.1): each refused identifier with its own type, detail
 * and the identifier as sent. The server runs as a public CA would (private targets refused).
 */
class AcmeSubproblemsIT {
    private static final String ERROR = "urn:ietf:params:acme:error:";

    @TempDir
    static Path dir;

    private static AcmeTestServer acme;
    private static AcmeJwsClient client;
    private static AcmeJwsClient.Account account;

    @BeforeAll
    static void start() throws Exception {
        acme = AcmeTestServer.start(dir.resolve("data"), Map.of("validation.allowPrivateTargets", "false"));
        client = new AcmeJwsClient(acme.server().client(), acme.directoryUrl());
        account = client.newAccount();
    }

    @AfterAll
    static void stop() {
        if (acme != null) {
            acme.close();
        }
    }

    @Test
    void eachRefusedIdentifierIsASubproblem() {
        CachetClient.Reply reply = newOrder(List.of("dns", "fine.example.org"), List.of("dns", "bad..name"),
                List.of("dns", "co.uk"), List.of("dns", "*.co.uk"), List.of("ip", "10.1.2.3"),
                List.of("ip", "2001:db8::1"));

        JsonNode problem = assertProblem(reply, "rejectedIdentifier");
        assertThat(problem.path("detail").asText()).contains("5 of the order's 6 identifiers");
        JsonNode subproblems = problem.path("subproblems");
        assertThat(subproblems).hasSize(5);
        assertSubproblem(subproblems.get(0), "rejectedIdentifier", "dns", "bad..name", "empty label");
        assertSubproblem(subproblems.get(1), "rejectedIdentifier", "dns", "co.uk", "public suffix");
        assertSubproblem(subproblems.get(2), "rejectedIdentifier", "dns", "*.co.uk", "wildcard of a public suffix");
        assertSubproblem(subproblems.get(3), "rejectedIdentifier", "ip", "10.1.2.3", "private address");
        assertSubproblem(subproblems.get(4), "rejectedIdentifier", "ip", "2001:db8::1", "documentation address");
        for (JsonNode subproblem : subproblems) {
            assertThat(subproblem.path("identifier").path("value").asText()).isNotEqualTo("fine.example.org");
        }
    }

    @Test
    void aMalformedIdentifierMakesTheProblemMalformed() {
        Map<String, Object> noValue = Map.of("type", "dns");
        CachetClient.Reply reply = send(List.of(identifier(List.of("dns", "ok.example.org")), noValue,
                identifier(List.of("email", "someone@example.org"))));

        JsonNode problem = assertProblem(reply, "malformed");
        JsonNode subproblems = problem.path("subproblems");
        assertThat(subproblems).hasSize(2);
        assertThat(subproblems.get(0).path("type").asText()).isEqualTo(ERROR + "malformed");
        assertThat(subproblems.get(0).path("detail").asText()).contains("needs a type and a value");
        assertThat(subproblems.get(1).path("type").asText()).isEqualTo(ERROR + "rejectedIdentifier");
        assertThat(subproblems.get(1).path("detail").asText()).contains("'email' is not supported");
    }

    @Test
    void theAcceptedIdentifiersAloneMakeAnOrder() {
        CachetClient.Reply reply = newOrder(List.of("dns", "fine.example.org"), List.of("dns", "*.example.org"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().path("identifiers")).hasSize(2);
    }

    @SafeVarargs
    private static CachetClient.Reply newOrder(List<String>... identifiers) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (List<String> identifier : identifiers) {
            list.add(identifier(identifier));
        }
        return send(list);
    }

    private static CachetClient.Reply send(List<Map<String, Object>> identifiers) {
        return client.post(account, client.url("newOrder"), CachetClient.json(Map.of("identifiers", identifiers)));
    }

    private static Map<String, Object> identifier(List<String> typeAndValue) {
        Map<String, Object> identifier = new LinkedHashMap<>();
        identifier.put("type", typeAndValue.get(0));
        identifier.put("value", typeAndValue.get(1));
        return identifier;
    }

    private static JsonNode assertProblem(CachetClient.Reply reply, String type) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.path("type").asText()).as(reply.toString()).isEqualTo(ERROR + type);
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        return problem;
    }

    private static void assertSubproblem(JsonNode subproblem, String type, String identifierType, String value,
            String detail) {
        assertThat(subproblem.path("type").asText()).as(subproblem.toString()).isEqualTo(ERROR + type);
        assertThat(subproblem.path("detail").asText()).as(subproblem.toString()).contains(detail);
        assertThat(subproblem.path("identifier").path("type").asText()).isEqualTo(identifierType);
        assertThat(subproblem.path("identifier").path("value").asText()).isEqualTo(value);
    }
}
