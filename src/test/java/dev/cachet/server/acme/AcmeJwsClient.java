package dev.cachet.server.acme;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import dev.cachet.testing.CachetClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A minimal ACME client over raw HTTP for negative tests: it signs flattened JWS requests with nimbus. */
final class AcmeJwsClient {
    static final String JOSE = "application/jose+json";
    private final CachetClient http;
    private final JsonNode directory;

    AcmeJwsClient(CachetClient http, String directoryUrl) {
        this.http = http;
        this.directory = http.get(directoryUrl).json();
    }

    /** An account: its key and URL. */
    record Account(ECKey key, String kid) {
    }

    String url(String resource) {
        return directory.get(resource).asText();
    }

    CachetClient http() {
        return http;
    }

    String nonce() {
        String nonce = http.get(url("newNonce")).header("Replay-Nonce");
        if (nonce == null) {
            throw new AssertionError("no Replay-Nonce from newNonce");
        }
        return nonce;
    }

    static ECKey newKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    Account newAccount() {
        ECKey key = newKey();
        CachetClient.Reply reply = send(url("newAccount"), sign(key, null, url("newAccount"), nonce(),
                "{\"termsOfServiceAgreed\":true}"));
        if (reply.status() != 201) {
            throw new AssertionError("newAccount failed: " + reply);
        }
        return new Account(key, reply.header("Location"));
    }

    /**
     * Signs a request with ES256.
     *
     * @param key the account key
     * @param kid the account URL, or null to send the public key as {@code jwk}
     * @param url the {@code url} header
     * @param nonce the {@code nonce} header
     * @param payload the payload ("" for POST-as-GET)
     * @return the flattened JWS JSON
     */
    static String sign(ECKey key, String kid, String url, String nonce, String payload) {
        JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.ES256).customParam("url", url)
                .customParam("nonce", nonce);
        if (kid == null) {
            header.jwk(key.toPublicJWK());
        } else {
            header.keyID(kid);
        }
        JWSObject jws = new JWSObject(header.build(), new Payload(payload));
        try {
            jws.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return flattened(jws.getHeader().toBase64URL().toString(), jws.getPayload().toBase64URL().toString(),
                jws.getSignature().toString());
    }

    /** A JWS whose protected header is given as JSON text, with any signature bytes. */
    static String raw(String protectedJson, String payload, byte[] signature) {
        return flattened(Base64URL.encode(protectedJson.getBytes(StandardCharsets.UTF_8)).toString(),
                Base64URL.encode(payload.getBytes(StandardCharsets.UTF_8)).toString(),
                Base64URL.encode(signature).toString());
    }

    static String flattened(String protectedPart, String payload, String signature) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("protected", protectedPart);
        body.put("payload", payload);
        body.put("signature", signature);
        return CachetClient.json(body);
    }

    CachetClient.Reply send(String url, String jws) {
        return http.post(url, JOSE, jws.getBytes(StandardCharsets.UTF_8));
    }

    /** Signs with a fresh nonce and sends. */
    CachetClient.Reply post(Account account, String url, String payload) {
        return send(url, sign(account.key(), account.kid(), url, nonce(), payload));
    }

    CachetClient.Reply newOrder(Account account, String... names) {
        List<Map<String, String>> identifiers = java.util.Arrays.stream(names)
                .map(name -> Map.of("type", "dns", "value", name)).toList();
        return post(account, url("newOrder"), CachetClient.json(Map.of("identifiers", identifiers)));
    }

    /**
     * Polls a resource with POST-as-GET until its status is no longer pending or processing.
     *
     * @param account the account
     * @param url the resource
     * @return its last state
     */
    JsonNode poll(Account account, String url) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            CachetClient.Reply reply = post(account, url, "");
            JsonNode body = reply.json();
            String status = body.path("status").asText();
            if (!"pending".equals(status) && !"processing".equals(status)) {
                return body;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("still " + status + " after 30 s: " + reply);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
