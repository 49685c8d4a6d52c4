package dev.cachet.server.acme;

import dev.cachet.acme.jws.VerifiedRequest;
import io.javalin.http.Context;

/** A handler of an authenticated ACME POST. */
@FunctionalInterface
interface AcmeHandler {

    /**
     * Handles the request.
     *
     * @param ctx the HTTP exchange
     * @param request the checked JWS request
     */
    void handle(Context ctx, VerifiedRequest request);
}
