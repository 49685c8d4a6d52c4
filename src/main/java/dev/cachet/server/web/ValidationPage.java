package dev.cachet.server.web;

import dev.cachet.core.CachetException;
import dev.cachet.enrolment.email.ConfirmationView;
import dev.cachet.enrolment.email.DomainConfirmation;
import dev.cachet.enrolment.email.ValidationFailure;
import dev.cachet.store.requests.CertificateRequest;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * The page a validation mail links to ({@code /validate/{id}/{domain}?value=...}). GET shows the
 * request and a form, and changes nothing (mail scanners fetch links); POST confirms or rejects.
 * The form carries an HMAC token bound to the request, domain and value, also set as a
 * {@code SameSite=Strict} cookie: a POST needs both to match.
 */
public final class ValidationPage {
    /** The cookie holding the form token. */
    static final String COOKIE = "cachet_form";
    private static final Map<ValidationFailure.Reason, Integer> STATUS = Map.of(
            ValidationFailure.Reason.UNKNOWN, 404, ValidationFailure.Reason.WRONG_VALUE, 403,
            ValidationFailure.Reason.EXPIRED, 410, ValidationFailure.Reason.USED, 409,
            ValidationFailure.Reason.CLOSED, 409, ValidationFailure.Reason.LOCKED, 429);
    private final DomainConfirmation confirmation;

    /**
     * Creates the page.
     *
     * @param confirmation the domain owner's use cases
     */
    public ValidationPage(DomainConfirmation confirmation) {
        this.confirmation = confirmation;
    }

    /**
     * Adds the routes.
     *
     * @param routes the HTTPS listener's routes
     */
    public void register(RoutesConfig routes) {
        routes.get("/validate/{id}/{domain}", this::show);
        routes.post("/validate/{id}/{domain}", this::decide);
    }

    private void show(Context ctx) {
        String value = ctx.queryParam("value");
        try {
            ConfirmationView view = confirmation.view(ctx.pathParam("id"), ctx.pathParam("domain"), value);
            ctx.header("Set-Cookie", COOKIE + "=" + view.formToken() + "; Path=/validate; Secure; HttpOnly;"
                    + " SameSite=Strict");
            Html.write(ctx, 200, "Confirm a certificate request", details(view) + form(ctx, value, view.formToken()));
        } catch (CachetException e) {
            failure(ctx, e);
        }
    }

    private void decide(Context ctx) {
        String id = ctx.pathParam("id");
        String domain = ctx.pathParam("domain");
        String value = ctx.formParam("value");
        String token = ctx.formParam("token");
        String cookie = ctx.cookie(COOKIE);
        // Double submit: a cross-site form cannot read or set the SameSite=Strict cookie.
        String checked = cookie != null && cookie.equals(token) ? token : "";
        try {
            if ("reject".equals(ctx.formParam("decision"))) {
                confirmation.reject(id, domain, value, checked);
                status(ctx, 200, "Request rejected", "Rejected: no certificate will be issued for this request.");
            } else if ("confirm".equals(ctx.formParam("decision"))) {
                CertificateRequest request = confirmation.confirm(id, domain, value, checked);
                status(ctx, 200, "Domain confirmed", "Confirmed: " + domain + " is validated. The request is now "
                        + request.status().id() + ".");
            } else {
                status(ctx, 400, "Nothing done", "Choose Confirm or Reject.");
            }
        } catch (CachetException e) {
            failure(ctx, e);
        }
    }

    private static String details(ConfirmationView view) {
        CertificateRequest r = view.request();
        return "<p>Someone asked for a certificate covering names under <b>" + Html.escape(view.domain())
                + "</b>. The mail went to " + Html.escape(view.address()) + ". Confirm only if you expected it.</p>"
                + "<dl><dt>Names</dt><dd id=\"names\">" + Html.escape(String.join(", ", r.names())) + "</dd>"
                + "<dt>Requested by</dt><dd id=\"requester\">" + Html.escape(r.requester() + " <" + r.contact() + ">")
                + "</dd><dt>Public key SHA-256</dt><dd id=\"fingerprint\">" + Html.escape(r.keyFingerprint())
                + "</dd><dt>Profile</dt><dd>" + Html.escape(r.profile()) + "</dd><dt>Value expires</dt><dd>"
                + Html.escape(view.expiresAt().toString()) + "</dd></dl>";
    }

    private static String form(Context ctx, String value, String token) {
        return "<form method=\"post\" action=\"" + Html.escape(ctx.path()) + "\">"
                + "<input type=\"hidden\" name=\"value\" value=\"" + Html.escape(value) + "\">"
                + "<input type=\"hidden\" name=\"token\" value=\"" + Html.escape(token) + "\">"
                + "<button type=\"submit\" id=\"confirm\" name=\"decision\" value=\"confirm\">Confirm</button>"
                + "<button type=\"submit\" id=\"reject\" name=\"decision\" value=\"reject\">Reject</button></form>"
                + "<p id=\"status\">Waiting for your decision.</p>";
    }

    private static void status(Context ctx, int code, String title, String message) {
        Html.write(ctx, code, title, "<p id=\"status\">" + Html.escape(message) + "</p>");
    }

    private static void failure(Context ctx, CachetException e) {
        int code = e instanceof ValidationFailure f ? STATUS.get(f.reason()) : 503;
        String message = e instanceof ValidationFailure ? e.getMessage() : "Cachet cannot answer now; try again later.";
        Html.write(ctx, code, "Cannot continue", "<p id=\"status\" class=\"error\">" + Html.escape(message)
                + "</p>");
    }
}
