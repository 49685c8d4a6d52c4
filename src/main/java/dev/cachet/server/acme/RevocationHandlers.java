package dev.cachet.server.acme;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.acme.AcmeCertificates;
import dev.cachet.acme.RenewalInfo;
import dev.cachet.acme.jws.VerifiedRequest;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import io.javalin.http.Context;
import java.util.Map;

/** revokeCert (RFC 8555 §7.6) and renewalInfo (RFC 9773). */
final class RevocationHandlers {
    /** RFC 9773 §4.3: clients poll renewalInfo no more often than this (six hours). */
    private static final String RENEWAL_RETRY_SECONDS = "21600";
    private final AcmeCertificates certificates;
    private final RenewalInfo renewalInfo;
    private final AcmeResponses responses;

    RevocationHandlers(AcmeCertificates certificates, RenewalInfo renewalInfo, AcmeResponses responses) {
        this.certificates = certificates;
        this.renewalInfo = renewalInfo;
        this.responses = responses;
    }

    void revoke(Context ctx, VerifiedRequest request) {
        JsonNode payload = Payloads.tree(request);
        byte[] certificate = Payloads.base64url(payload, "certificate");
        JsonNode reason = payload.get("reason");
        if (reason != null && !reason.isInt()) {
            throw new CachetException(ErrorType.BAD_REVOCATION_REASON, "'reason' must be an integer code");
        }
        certificates.revoke(request, certificate, reason == null ? null : reason.asInt());
        ctx.status(200);
    }

    void renewalInfo(Context ctx) {
        RenewalInfo.Window window = renewalInfo.window(ctx.pathParam("id"));
        ctx.header("Retry-After", RENEWAL_RETRY_SECONDS);
        responses.json(ctx, 200, Map.of("suggestedWindow",
                Map.of("start", window.start().toString(), "end", window.end().toString())));
    }
}
