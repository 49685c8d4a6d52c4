package dev.cachet.server.rest;

import dev.cachet.enrolment.EnrolmentService;
import dev.cachet.enrolment.TokenService;
import dev.cachet.store.AuditLog;
import dev.cachet.store.UnitOfWork;
import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;

/** Registers the REST API and its OpenAPI document. */
public final class RestApi {
    private final CertificateRoutes certificates;
    private final byte[] openApi;

    /**
     * Creates the API.
     *
     * @param enrolment the use cases
     * @param tokens checks API tokens
     * @param audit records token use
     * @param units joins a token's use to the transaction of the certificate it issues
     * @param clock the time source
     */
    public RestApi(EnrolmentService enrolment, TokenService tokens, AuditLog audit, UnitOfWork units, Clock clock) {
        this.certificates = new CertificateRoutes(enrolment, new BearerTokens(tokens, audit, units, clock));
        this.openApi = resource("/openapi.json");
    }

    /**
     * Adds the routes.
     *
     * @param routes the HTTPS listener's routes
     */
    public void register(RoutesConfig routes) {
        certificates.register(routes);
        routes.get("/api/v1/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
    }

    private static byte[] resource(String name) {
        try (InputStream in = RestApi.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
