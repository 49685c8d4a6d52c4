package dev.cachet.server;

import dev.cachet.ca.Issuer;
import dev.cachet.revocation.CrlService;
import dev.cachet.revocation.OcspResponder;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * CRLs and OCSP over HTTP: {@code GET /crl/intermediate.crl} (DER), OCSP by POST of an
 * {@code application/ocsp-request} and by GET of its base64 in the path (RFC 6960 Appendix A.1),
 * and {@code GET /healthz}.
 */
final class RevocationRoutes {
    private static final String OCSP_RESPONSE = "application/ocsp-response";
    private static final String OCSP_PREFIX = "/ocsp/";
    private final Issuer issuer;
    private final CrlService crls;
    private final OcspResponder ocsp;
    private final Metrics metrics;
    private final Health health;

    RevocationRoutes(Issuer issuer, CrlService crls, OcspResponder ocsp, Metrics metrics, Health health) {
        this.issuer = issuer;
        this.crls = crls;
        this.ocsp = ocsp;
        this.metrics = metrics;
        this.health = health;
    }

    void register(RoutesConfig routes) {
        routes.get("/crl/intermediate.crl", ctx -> ctx.contentType("application/pkix-crl")
                .result(crls.current(issuer)));
        routes.post("/ocsp", this::ocspPost);
        routes.get("/ocsp/*", this::ocspGet);
        routes.get("/healthz", health::handle);
    }

    private void ocspPost(Context ctx) {
        answer(ctx, ctx.bodyAsBytes());
    }

    private void ocspGet(Context ctx) {
        // The raw URI: base64 may hold '/' (often sent unencoded) and '+' (which means '+', not space).
        String raw = ctx.req().getRequestURI();
        int start = raw.indexOf(OCSP_PREFIX);
        String encoded = URLDecoder.decode(raw.substring(start + OCSP_PREFIX.length()).replace("+", "%2B"),
                StandardCharsets.US_ASCII);
        byte[] request;
        try {
            request = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            request = new byte[0];
        }
        answer(ctx, request);
    }

    private void answer(Context ctx, byte[] request) {
        // Bad requests get an OCSP malformedRequest response, never an HTTP error (RFC 6960 §2.3).
        byte[] response = ocsp.respond(request);
        metrics.ocsp(status(response));
        ctx.contentType(OCSP_RESPONSE).result(response);
    }

    private static String status(byte[] response) {
        int status = org.bouncycastle.asn1.ocsp.OCSPResponse.getInstance(response).getResponseStatus().getIntValue();
        switch (status) {
            case 0:
                return "successful";
            case 1:
                return "malformedRequest";
            case 6:
                return "unauthorized";
            default:
                return "other";
        }
    }
}
