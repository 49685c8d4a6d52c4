package dev.cachet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.Identifier;
import dev.cachet.csr.CsrBuilder;
import java.io.IOException;
import java.net.URI;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * One order end to end (RFC 8555 §7.4): newOrder, the authorization, its http-01 challenge answered
 * by the built-in responder, polls until the authorization is valid, finalize, polls until the order
 * is valid, then the certificate download.
 */
final class OrderRun {
    private static final String CERTIFICATE_PEM = "-----BEGIN CERTIFICATE-----";

    private final AcmeSession session;
    private final Http01Responder responder;
    private final KeyPair certificateKey;
    private final Duration pollInterval;
    private final Duration timeout;

    OrderRun(AcmeSession session, Http01Responder responder, KeyPair certificateKey, Duration pollInterval,
            Duration timeout) {
        this.session = session;
        this.responder = responder;
        this.certificateKey = certificateKey;
        this.pollInterval = pollInterval;
        this.timeout = timeout;
    }

    /**
     * Runs the order for one DNS name.
     *
     * @param name the name to certify
     * @param newOrder the directory's newOrder URL
     * @return the certificate chain, PEM
     */
    String run(String name, URI newOrder) {
        long deadline = System.nanoTime() + timeout.toNanos();
        AcmeResponse order = session.post(newOrder,
                "{\"identifiers\":[{\"type\":\"dns\",\"value\":\"" + name + "\"}]}").require("newOrder");
        URI orderUrl = order.location();
        URI finalizeUrl = order.link("finalize");
        for (JsonNode authorization : order.json().path("authorizations")) {
            authorize(order.url().resolve(authorization.asText()), deadline);
        }
        String csr = Base64.getUrlEncoder().withoutPadding().encodeToString(csr(name));
        AcmeResponse finalized = session.post(finalizeUrl, "{\"csr\":\"" + csr + "\"}").require("finalize");
        JsonNode done = awaitStatus(orderUrl, finalized.json(), "order", deadline);
        URI certificate = orderUrl.resolve(done.path("certificate").asText());
        String chain = session.get(certificate).require("certificate").text();
        if (!chain.startsWith(CERTIFICATE_PEM)) {
            throw new CachetException(ErrorType.MALFORMED, certificate + " answered no PEM certificate");
        }
        return chain;
    }

    private void authorize(URI url, long deadline) {
        JsonNode authorization = session.get(url).require("authorization").json();
        if ("valid".equals(authorization.path("status").asText())) {
            return; // reused by the server (RFC 8555 §7.1.4)
        }
        JsonNode challenge = http01(authorization, url);
        String token = challenge.path("token").asText();
        responder.answer(token, session.key().keyAuthorization(token));
        try {
            JsonNode answered = session.post(url.resolve(challenge.path("url").asText()), "{}")
                    .require("challenge").json();
            if (!"valid".equals(answered.path("status").asText())) {
                awaitStatus(url, authorization, "authorization", deadline);
            }
        } finally {
            responder.forget(token);
        }
    }

    private static JsonNode http01(JsonNode authorization, URI url) {
        for (JsonNode challenge : authorization.path("challenges")) {
            if ("http-01".equals(challenge.path("type").asText())) {
                return challenge;
            }
        }
        throw new CachetException(ErrorType.MALFORMED, url + " offers no http-01 challenge");
    }

    /** Polls a resource (POST-as-GET) until its status is valid; invalid or the deadline is an error. */
    private JsonNode awaitStatus(URI url, JsonNode first, String what, long deadline) {
        JsonNode current = first;
        while (true) {
            String status = current.path("status").asText();
            if ("valid".equals(status)) {
                return current;
            }
            if ("invalid".equals(status)) {
                throw new CachetException(ErrorType.UNAVAILABLE, what + " " + url + " is invalid: "
                        + current.toString().replaceAll("\\s+", " "));
            }
            if (System.nanoTime() - deadline > 0) {
                throw new CachetException(ErrorType.UNAVAILABLE, what + " " + url + " still " + status
                        + " at the order deadline");
            }
            pause();
            current = session.get(url).require(what).json();
        }
    }

    private void pause() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CachetException(ErrorType.UNAVAILABLE, "interrupted", e);
        }
    }

    private byte[] csr(String name) {
        try {
            return CsrBuilder.build(certificateKey, new X500Name(new RDN[0]),
                    List.of(Identifier.dns(name))).getEncoded();
        } catch (IOException e) {
            throw new CachetException(ErrorType.INTERNAL, "cannot encode the CSR", e);
        }
    }
}
