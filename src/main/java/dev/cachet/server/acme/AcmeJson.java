package dev.cachet.server.acme;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachet.acme.AcmeLinks;
import dev.cachet.core.Identifier;
import dev.cachet.store.acme.AcmeAccount;
import dev.cachet.store.acme.AcmeAuthorization;
import dev.cachet.store.acme.AcmeChallenge;
import dev.cachet.store.acme.AcmeOrder;
import dev.cachet.store.acme.AcmeProblem;
import dev.cachet.store.acme.AuthorizationStatus;
import dev.cachet.store.acme.OrderStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON of ACME resources (RFC 8555 §7.1), built from the stored records. */
final class AcmeJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AcmeLinks links;
    private final Clock clock;

    AcmeJson(AcmeLinks links, Clock clock) {
        this.links = links;
        this.clock = clock;
    }

    Map<String, Object> account(AcmeAccount account) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", lower(account.status()));
        json.put("contact", account.contact());
        json.put("termsOfServiceAgreed", account.termsAgreed());
        json.put("orders", links.orders(account.id()));
        json.put("key", parse(account.jwk()));
        json.put("createdAt", account.createdAt().toString());
        return json;
    }

    Map<String, Object> order(AcmeOrder order) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", lower(order.status()));
        json.put("expires", order.expires().toString());
        json.put("identifiers", order.identifiers().stream().map(AcmeJson::identifier).toList());
        json.put("profile", order.profile());
        if (order.replaces() != null) {
            json.put("replaces", order.replaces());
        }
        json.put("authorizations", order.authorizationIds().stream().map(links::authorization).toList());
        json.put("finalize", links.finalizeOrder(order.id()));
        // The serial is linked while processing (for crash recovery); the URL is given once valid.
        if (order.status() == OrderStatus.VALID && order.certificateSerial() != null) {
            json.put("certificate", links.certificate(order.certificateSerial()));
        }
        if (order.error() != null) {
            json.put("error", problem(order.error()));
        }
        return json;
    }

    Map<String, Object> authorization(AcmeAuthorization authorization) {
        Map<String, Object> json = new LinkedHashMap<>();
        boolean expired = authorization.status() == AuthorizationStatus.PENDING
                && clock.instant().isAfter(authorization.expires());
        json.put("status", expired ? "expired" : lower(authorization.status()));
        json.put("expires", authorization.expires().toString());
        json.put("identifier", identifier(authorization.identifier()));
        List<Object> challenges = new ArrayList<>();
        authorization.challenges().forEach(c -> challenges.add(challenge(authorization.id(), c)));
        json.put("challenges", challenges);
        if (authorization.wildcard()) {
            json.put("wildcard", true);
        }
        return json;
    }

    Map<String, Object> challenge(String authorizationId, AcmeChallenge challenge) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", challenge.type());
        json.put("url", links.challenge(authorizationId, challenge.id()));
        json.put("status", lower(challenge.status()));
        json.put("token", challenge.token());
        if (challenge.validated() != null) {
            json.put("validated", challenge.validated().toString());
        }
        if (challenge.error() != null) {
            json.put("error", problem(challenge.error()));
        }
        if (challenge.validationRecords() != null) {
            json.put("validationRecord", parse(challenge.validationRecords()));
        }
        return json;
    }

    static Map<String, Object> problem(AcmeProblem problem) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", dev.cachet.acme.AcmeErrors.PREFIX + problem.type());
        json.put("detail", problem.detail());
        if (problem.identifier() != null) {
            json.put("identifier", identifier(problem.identifier()));
        }
        if (!problem.subproblems().isEmpty()) {
            json.put("subproblems", problem.subproblems().stream().map(AcmeJson::problem).toList());
        }
        return json;
    }

    static Map<String, String> identifier(Identifier identifier) {
        return Map.of("type", identifier.type() == Identifier.Type.IP ? "ip" : "dns", "value", identifier.value());
    }

    private static String lower(Enum<?> status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return JSON.nullNode();
        }
    }
}
