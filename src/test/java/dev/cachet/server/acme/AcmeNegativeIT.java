package dev.cachet.server.acme;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import dev.cachet.policy.BlockedKeys;
import dev.cachet.testing.AcmeTestServer;
import dev.cachet.testing.CachetClient;
import dev.cachet.testing.CertificateBuilder;
import dev.cachet.testing.Http01Responder;
import dev.cachet.testing.PkiFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;
import java.util.Map;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Requests a correct ACME client never sends, over raw HTTP: each is refused, and nothing is issued. */
class AcmeNegativeIT {
    private static final String ERROR = "urn:ietf:params:acme:error:";

    @TempDir
    static Path dir;

    private static final KeyPair BLOCKED_KEY = CertificateBuilder.ecKey();
    private static AcmeTestServer acme;
    private static Http01Responder http;
    private static AcmeJwsClient client;

    @BeforeAll
    static void start() throws Exception {
        Path blockedKeys = PkiFixtures.write(dir, "blocked-keys.txt", BlockedKeys.spkiSha256(
                SubjectPublicKeyInfo.getInstance(BLOCKED_KEY.getPublic().getEncoded())) + "\n");
        acme = AcmeTestServer.start(dir.resolve("data"), Map.of("policy.denyDomains", "denied.test",
                "policy.blockedKeysFile", blockedKeys.toString()));
        http = Http01Responder.start(acme.http01Port());
        for (String name : new String[] {"csr.test", "caa.test", "wrong.test", "mine.test", "blocked.test"}) {
            acme.dns().addA(name, "127.0.0.1");
        }
        acme.dns().addCaa("caa.test", 0, "issue", "other-ca.example");
        client = new AcmeJwsClient(acme.server().client(), acme.directoryUrl());
    }

    @AfterAll
    static void stop() {
        if (http != null) {
            http.close();
        }
        if (acme != null) {
            acme.close();
        }
    }

    @AfterEach
    void nothingIssued() {
        assertThat(acme.acmeCertificates()).isEmpty();
    }

    @Test
    void replayedNonceIsBadNonceWithAFreshNonce() {
        AcmeJwsClient.Account account = client.newAccount();
        String nonce = client.nonce();
        String jws = AcmeJwsClient.sign(account.key(), account.kid(), account.kid(), nonce, "");

        CachetClient.Reply first = client.send(account.kid(), jws);
        CachetClient.Reply replay = client.send(account.kid(), jws);

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertProblem(replay, 400, "badNonce");
        assertThat(replay.header("Replay-Nonce")).isNotBlank().isNotEqualTo(nonce);
    }

    @Test
    void wrongUrlHeaderIsUnauthorized() {
        AcmeJwsClient.Account account = client.newAccount();
        String jws = AcmeJwsClient.sign(account.key(), account.kid(), client.url("newAccount"), client.nonce(), "");
        assertProblem(client.send(account.kid(), jws), 403, "unauthorized");
    }

    @Test
    void algorithmsNoneAndHs256AreRefused() {
        String url = client.url("newAccount");
        String jwk = AcmeJwsClient.newKey().toPublicJWK().toJSONString();
        String none = "{\"alg\":\"none\",\"jwk\":" + jwk + ",\"url\":\"" + url + "\",\"nonce\":\"" + client.nonce()
                + "\"}";
        String hs256 = none.replace("\"none\"", "\"HS256\"");
        byte[] signature = "not a signature".getBytes(StandardCharsets.US_ASCII);

        assertProblem(client.send(url, AcmeJwsClient.raw(none, "{}", signature)), 400, "badSignatureAlgorithm");
        assertProblem(client.send(url, AcmeJwsClient.raw(hs256, "{}", signature)), 400, "badSignatureAlgorithm");
    }

    @Test
    void anotherAccountsOrderIsNotFound() {
        AcmeJwsClient.Account owner = client.newAccount();
        AcmeJwsClient.Account other = client.newAccount();
        CachetClient.Reply order = client.newOrder(owner, "mine.test");
        assertThat(order.status()).as(order.toString()).isEqualTo(201);

        CachetClient.Reply reply = client.post(other, order.header("Location"), "");

        assertThat(reply.status()).as(reply.toString()).isIn(403, 404);
        assertThat(reply.json().path("type").asText()).isIn(ERROR + "unauthorized", ERROR + "malformed");
        assertThat(client.post(owner, order.header("Location"), "").status()).isEqualTo(200);
    }

    @Test
    void csrWithOtherNamesIsBadCsr() throws JOSEException {
        AcmeJwsClient.Account account = client.newAccount();
        JsonNode order = validatedOrder(account, "csr.test");
        String csr = CachetClient.csr("csr.test", "not-in-order.test");

        CachetClient.Reply reply = client.post(account, order.get("finalize").asText(),
                CachetClient.json(Map.of("csr", der(csr))));

        assertProblem(reply, 400, "badCSR");
    }

    @Test
    void deniedDomainsAndPublicSuffixesAreRejectedIdentifiersEachNamed() {
        AcmeJwsClient.Account account = client.newAccount();

        CachetClient.Reply reply = client.newOrder(account, "mine.test", "www.denied.test", "co.uk");

        assertProblem(reply, 400, "rejectedIdentifier");
        JsonNode subproblems = reply.json().path("subproblems");
        assertThat(subproblems).hasSize(2);
        assertThat(subproblems.get(0).path("type").asText()).isEqualTo(ERROR + "rejectedIdentifier");
        assertThat(subproblems.get(0).path("identifier").path("value").asText()).isEqualTo("www.denied.test");
        assertThat(subproblems.get(0).path("detail").asText()).contains("policy.denyDomains");
        assertThat(subproblems.get(1).path("identifier").path("value").asText()).isEqualTo("co.uk");
        assertThat(subproblems.get(1).path("detail").asText()).contains("is a public suffix");
    }

    @Test
    void aBlockedKeyIsBadCsrAndTheOrderStaysReady() throws JOSEException {
        AcmeJwsClient.Account account = client.newAccount();
        CachetClient.Reply created = client.newOrder(account, "blocked.test");
        assertThat(answerHttp01(account, created.json(), true).path("status").asText()).isEqualTo("valid");
        JsonNode order = client.poll(account, created.header("Location"));

        CachetClient.Reply reply = client.post(account, order.get("finalize").asText(),
                CachetClient.json(Map.of("csr", der(CachetClient.csr(BLOCKED_KEY, "blocked.test")))));

        assertProblem(reply, 400, "badCSR");
        assertThat(reply.json().path("detail").asText()).contains("it is on the blocked-keys list");
        assertThat(client.poll(account, created.header("Location")).path("status").asText()).isEqualTo("ready");
    }

    @Test
    void caaForbiddingCachetStopsIssuance() throws JOSEException {
        AcmeJwsClient.Account account = client.newAccount();
        CachetClient.Reply created = client.newOrder(account, "caa.test");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(answerHttp01(account, created.json(), true).path("status").asText()).isEqualTo("valid");
        JsonNode order = client.poll(account, created.header("Location"));

        CachetClient.Reply reply = client.post(account, order.get("finalize").asText(),
                CachetClient.json(Map.of("csr", der(CachetClient.csr("caa.test")))));

        assertProblem(reply, 403, "caa");
        assertThat(reply.json().path("detail").asText()).contains("caa.test");
        assertThat(client.poll(account, created.header("Location")).has("certificate")).isFalse();
    }

    @Test
    void wrongKeyAuthorizationInvalidatesChallengeAndOrder() throws JOSEException {
        AcmeJwsClient.Account account = client.newAccount();
        CachetClient.Reply created = client.newOrder(account, "wrong.test");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        JsonNode authorization = answerHttp01(account, created.json(), false);

        assertThat(authorization.path("status").asText()).isEqualTo("invalid");
        JsonNode challenge = authorization.path("challenges").get(0);
        assertThat(challenge.path("status").asText()).isEqualTo("invalid");
        assertThat(challenge.path("error").path("type").asText()).isEqualTo(ERROR + "incorrectResponse");
        assertThat(client.poll(account, created.header("Location")).path("status").asText()).isEqualTo("invalid");
    }

    @Test
    void oversizedBodyIsAnAcmeMalformedProblem() {
        AcmeJwsClient.Account account = client.newAccount();
        String padding = "x".repeat(70_000);
        String jws = AcmeJwsClient.sign(account.key(), account.kid(), client.url("newOrder"), client.nonce(),
                "{\"identifiers\":[{\"type\":\"dns\",\"value\":\"mine.test\"}],\"pad\":\"" + padding + "\"}");
        CachetClient.Reply reply = client.send(client.url("newOrder"), jws);
        assertProblem(reply, 413, "malformed");
        assertThat(reply.json().path("detail").asText()).contains("limits.maxBodyBytes");
        assertThat(reply.header("Replay-Nonce")).isNotBlank();
    }

    @Test
    void wrongContentTypeIsMalformed() {
        AcmeJwsClient.Account account = client.newAccount();
        String jws = AcmeJwsClient.sign(account.key(), account.kid(), account.kid(), client.nonce(), "");
        CachetClient.Reply reply = client.http().post(account.kid(), "application/json",
                jws.getBytes(StandardCharsets.UTF_8));
        assertProblem(reply, 400, "malformed");
    }

    /** Serves the http-01 answer (or a wrong one), triggers the challenge and waits for the authorization. */
    private static JsonNode answerHttp01(AcmeJwsClient.Account account, JsonNode order, boolean correct)
            throws JOSEException {
        String authorizationUrl = order.get("authorizations").get(0).asText();
        JsonNode authorization = client.post(account, authorizationUrl, "").json();
        JsonNode challenge = null;
        for (JsonNode candidate : authorization.get("challenges")) {
            if ("http-01".equals(candidate.get("type").asText())) {
                challenge = candidate;
            }
        }
        assertThat(challenge).as(authorization.toString()).isNotNull();
        String token = challenge.get("token").asText();
        String thumbprint = account.key().computeThumbprint().toString();
        http.answer(token, correct ? token + "." + thumbprint : token + ".wrong" + thumbprint);
        CachetClient.Reply triggered = client.post(account, challenge.get("url").asText(), "{}");
        assertThat(triggered.status()).as(triggered.toString()).isEqualTo(200);
        return client.poll(account, authorizationUrl);
    }

    private static JsonNode validatedOrder(AcmeJwsClient.Account account, String name) throws JOSEException {
        CachetClient.Reply created = client.newOrder(account, name);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(answerHttp01(account, created.json(), true).path("status").asText()).isEqualTo("valid");
        return client.poll(account, created.header("Location"));
    }

    private static String der(String csrPem) {
        String base64 = csrPem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Base64.getDecoder().decode(base64));
    }

    private static void assertProblem(CachetClient.Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().path("type").asText()).as(reply.toString()).isEqualTo(ERROR + type);
    }
}
