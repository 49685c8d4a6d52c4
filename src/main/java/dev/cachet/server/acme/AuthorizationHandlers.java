package dev.cachet.server.acme;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.acme.AcmeLinks;
import dev.cachet.acme.ChallengeService;
import dev.cachet.acme.jws.VerifiedRequest;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.store.acme.AcmeAuthorization;
import dev.cachet.store.acme.AcmeChallenge;
import dev.cachet.store.acme.ChallengeStatus;
import io.javalin.http.Context;

/** Authorizations and challenges (RFC 8555 §7.5). */
final class AuthorizationHandlers {
    private final ChallengeService challenges;
    private final AcmeLinks links;
    private final AcmeJson json;
    private final AcmeResponses responses;

    AuthorizationHandlers(ChallengeService challenges, AcmeLinks links, AcmeJson json, AcmeResponses responses) {
        this.challenges = challenges;
        this.links = links;
        this.json = json;
        this.responses = responses;
    }

    void authorization(Context ctx, VerifiedRequest request) {
        String id = ctx.pathParam("id");
        AcmeAuthorization authorization;
        if (request.postAsGet()) {
            authorization = challenges.authorization(request.requireAccount(), id);
        } else {
            JsonNode status = Payloads.tree(request).get("status");
            if (status == null || !"deactivated".equals(status.asText())) {
                throw new CachetException(ErrorType.MALFORMED, "an authorization can only become deactivated");
            }
            authorization = challenges.deactivate(request.requireAccount(), id);
        }
        responses.json(ctx, 200, json.authorization(authorization));
    }

    void challenge(Context ctx, VerifiedRequest request) {
        String authorizationId = ctx.pathParam("authz");
        String challengeId = ctx.pathParam("id");
        AcmeChallenge challenge;
        if (request.postAsGet()) {
            challenge = challenges.authorization(request.requireAccount(), authorizationId).challenges().stream()
                    .filter(c -> c.id().equals(challengeId)).findFirst()
                    .orElseThrow(() -> new CachetException(ErrorType.NOT_FOUND, "no such challenge"));
        } else {
            Payloads.tree(request);
            challenge = challenges.respond(request.requireAccount(), authorizationId, challengeId);
        }
        AcmeResponses.link(ctx, links.authorization(authorizationId), "up");
        if (challenge.status() == ChallengeStatus.PROCESSING) {
            ctx.header("Retry-After", "1");
        }
        responses.json(ctx, 200, json.challenge(authorizationId, challenge));
    }
}
