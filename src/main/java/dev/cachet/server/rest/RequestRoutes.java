package dev.cachet.server.rest;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.crypto.PemWriter;
import dev.cachet.enrolment.Scope;
import dev.cachet.enrolment.TokenService;
import dev.cachet.enrolment.email.RequestDecisions;
import dev.cachet.enrolment.email.RequestSubmission;
import dev.cachet.enrolment.email.SubmittedRequest;
import dev.cachet.server.http.Json;
import dev.cachet.server.http.Problems;
import dev.cachet.store.AuditLog;
import dev.cachet.store.CertificateStore;
import dev.cachet.store.UnitOfWork;
import dev.cachet.store.requests.CertificateRequest;
import dev.cachet.store.requests.RequestStatus;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * {@code /api/v1/requests}: certificate requests validated by e-mail. Anyone may submit one and
 * poll its status URL; listing, approving and rejecting need a token with the scope {@code approve}.
 */
public final class RequestRoutes {
    private static final String BASE = "/api/v1/requests";
    private final RequestSubmission submission;
    private final RequestDecisions decisions;
    private final BearerTokens tokens;
    private final CertificateStore certificates;
    private final String chain;

    /** A request to certify. @param csr PEM @param profile or null @param contact e-mail @param prefixes or null */
    record SubmitBody(String csr, String profile, String contact, Map<String, String> prefixes) {
    }

    /** A rejection. @param reason why, or null */
    record RejectBody(String reason) {
    }

    /**
     * Creates the routes.
     *
     * @param submission takes requests, or null when no SMTP server is configured
     * @param decisions the operator's calls and request status
     * @param tokenService checks API tokens
     * @param audit records token use
     * @param clock the time source
     * @param certificates where issued certificates are read
     * @param chain the issuing CA's chain sent with each certificate
     */
    public RequestRoutes(RequestSubmission submission, RequestDecisions decisions, TokenService tokenService,
            AuditLog audit, Clock clock, CertificateStore certificates, List<X509CertificateHolder> chain) {
        this.submission = submission;
        this.decisions = decisions;
        // These routes issue nothing, so no token use waits for an issuance's transaction.
        this.tokens = new BearerTokens(tokenService, audit, UnitOfWork.EACH_ON_ITS_OWN, clock);
        this.certificates = certificates;
        StringBuilder pem = new StringBuilder();
        chain.forEach(c -> pem.append(PemWriter.encode(PemWriter.CERTIFICATE, encoded(c))));
        this.chain = pem.toString();
    }

    /**
     * Adds the routes.
     *
     * @param routes the HTTPS listener's routes
     */
    public void register(RoutesConfig routes) {
        routes.post(BASE, this::submit);
        routes.get(BASE, this::list);
        routes.get(BASE + "/{id}", this::status);
        routes.post(BASE + "/{id}/approve", this::approve);
        routes.post(BASE + "/{id}/reject", this::reject);
    }

    private void submit(Context ctx) {
        if (submission == null) {
            Problems.write(ctx, 503, "emailValidationNotConfigured", "e-mail validation is not configured on this"
                    + " server: set smtp.server (cachet serve --smtp HOST:PORT)");
            return;
        }
        String requester = ctx.header("Authorization") == null ? "anonymous"
                : "token:" + tokens.authenticate(ctx).name();
        SubmitBody body = Json.read(ctx, SubmitBody.class);
        CertificateRequest request = submission.submit(new SubmittedRequest(body.csr(), body.profile(),
                body.contact(), body.prefixes(), requester));
        ctx.header("Location", BASE + "/" + request.id());
        Json.write(ctx, 202, view(request, false));
    }

    private void status(Context ctx) {
        Json.write(ctx, 200, view(decisions.get(ctx.pathParam("id")), false));
    }

    private void list(Context ctx) {
        TokenService.requireScope(tokens.authenticate(ctx), Scope.APPROVE);
        String text = ctx.queryParam("status");
        Optional<RequestStatus> status = text == null || "all".equals(text) ? Optional.empty()
                : Optional.of(status(text));
        Json.write(ctx, 200, Map.of("items", decisions.list(status).stream().map(r -> view(r, true)).toList()));
    }

    private void approve(Context ctx) {
        var token = tokens.authenticate(ctx);
        TokenService.requireScope(token, Scope.APPROVE);
        Json.write(ctx, 200, view(decisions.approve(ctx.pathParam("id"), "token:" + token.name()), true));
    }

    private void reject(Context ctx) {
        var token = tokens.authenticate(ctx);
        TokenService.requireScope(token, Scope.APPROVE);
        RejectBody body = ctx.bodyAsBytes().length == 0 ? new RejectBody(null) : Json.read(ctx, RejectBody.class);
        Json.write(ctx, 200, view(decisions.reject(ctx.pathParam("id"), "token:" + token.name(), body.reason()),
                true));
    }

    private RequestView view(CertificateRequest request, boolean operator) {
        String certificate = request.certificateSerial().flatMap(certificates::find)
                .flatMap(record -> record.certificate())
                .map(der -> PemWriter.encode(PemWriter.CERTIFICATE, der)).orElse(null);
        return RequestView.of(request, decisions.domains(request.id()), decisions.statusUrl(request.id()), operator,
                certificate, certificate == null ? null : chain);
    }

    private static RequestStatus status(String text) {
        String id = "pending".equals(text) ? RequestStatus.PENDING_VALIDATION.id() : text;
        return Arrays.stream(RequestStatus.values()).filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new CachetException(ErrorType.MALFORMED, "status must be pending, "
                        + String.join(", ", Arrays.stream(RequestStatus.values()).map(RequestStatus::id).toList())
                        + " or all"));
    }

    private static byte[] encoded(X509CertificateHolder certificate) {
        try {
            return certificate.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
