package dev.cachet.server.acme;

import dev.cachet.acme.AccountService;
import dev.cachet.acme.AcmeCertificates;
import dev.cachet.acme.AcmeLinks;
import dev.cachet.acme.AcmeSettings;
import dev.cachet.acme.ChallengeService;
import dev.cachet.acme.FinalizeService;
import dev.cachet.acme.NonceService;
import dev.cachet.acme.OrderService;
import dev.cachet.acme.RenewalInfo;
import dev.cachet.acme.jws.JwsAuthenticator;
import dev.cachet.acme.jws.KeyMode;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.Locale;

/**
 * The ACME routes under {@code /acme} and the pipeline every POST goes through: content type,
 * JWS (algorithm, key, url, signature, nonce), then the resource's handler; errors become ACME
 * problem documents, and every response carries a fresh nonce.
 */
public final class AcmeRoutes {
    private static final String JOSE = "application/jose+json";
    private final String publicUrl;
    private final JwsAuthenticator authenticator;
    private final AcmeResponses responses;
    private final DirectoryHandlers directory;
    private final AccountHandlers accounts;
    private final OrderHandlers orders;
    private final AuthorizationHandlers authorizations;
    private final RevocationHandlers revocation;

    /**
     * The services the routes call.
     *
     * @param settings the ACME policy
     * @param nonces the nonce service
     * @param accounts the account service
     * @param orders the order service
     * @param challenges the challenge service
     * @param finalizer the finalize service
     * @param certificates certificate download and revocation
     * @param renewalInfo ARI
     * @param clients the client addresses new accounts are rate-limited by
     */
    public record Services(AcmeSettings settings, NonceService nonces, AccountService accounts, OrderService orders,
            ChallengeService challenges, FinalizeService finalizer, AcmeCertificates certificates,
            RenewalInfo renewalInfo, ClientAddresses clients) {
    }

    /**
     * Creates the routes.
     *
     * @param publicUrl the server's external HTTPS URL; ACME lives at {@code publicUrl/acme}
     * @param links the ACME URLs
     * @param authenticator checks JWS requests
     * @param services the services
     * @param clock the time source
     */
    public AcmeRoutes(String publicUrl, AcmeLinks links, JwsAuthenticator authenticator, Services services,
            Clock clock) {
        this.publicUrl = publicUrl;
        this.authenticator = authenticator;
        this.responses = new AcmeResponses(links, services.nonces(), services.settings().termsOfService());
        AcmeJson json = new AcmeJson(links, clock);
        this.directory = new DirectoryHandlers(links, services.settings(), responses);
        this.accounts = new AccountHandlers(services.accounts(), services.orders(), links, json, responses,
                services.clients());
        this.orders = new OrderHandlers(services.orders(), services.finalizer(), services.certificates(), links, json,
                responses);
        this.authorizations = new AuthorizationHandlers(services.challenges(), links, json, responses);
        this.revocation = new RevocationHandlers(services.certificates(), services.renewalInfo(), responses);
    }

    /**
     * Adds the routes.
     *
     * @param routes the HTTPS listener's routes
     */
    public void register(RoutesConfig routes) {
        routes.before("/acme/*", responses::headers);
        routes.get("/acme/directory", plain(directory::directory));
        routes.head("/acme/new-nonce", plain(directory::newNonce));
        routes.get("/acme/new-nonce", plain(directory::newNonce));
        routes.post("/acme/new-account", jws(KeyMode.JWK, accounts::newAccount));
        routes.post("/acme/acct/{id}", jws(KeyMode.KID, accounts::account));
        routes.post("/acme/acct/{id}/orders", jws(KeyMode.KID, accounts::orders));
        routes.post("/acme/key-change", jws(KeyMode.KID, accounts::keyChange));
        routes.post("/acme/new-order", jws(KeyMode.KID, orders::newOrder));
        routes.post("/acme/order/{id}", jws(KeyMode.KID, orders::order));
        routes.post("/acme/order/{id}/finalize", jws(KeyMode.KID, orders::finalizeOrder));
        routes.post("/acme/cert/{serial}", jws(KeyMode.KID, orders::certificate));
        routes.post("/acme/cert/{serial}/alt", jws(KeyMode.KID, orders::alternateCertificate));
        routes.post("/acme/authz/{id}", jws(KeyMode.KID, authorizations::authorization));
        routes.post("/acme/chall/{authz}/{id}", jws(KeyMode.KID, authorizations::challenge));
        routes.post("/acme/revoke-cert", jws(KeyMode.EITHER, revocation::revoke));
        routes.get("/acme/renewal-info/{id}", plain(revocation::renewalInfo));
    }

    private Handler plain(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (CachetException e) {
                responses.problem(e, ctx);
            }
        };
    }

    private Handler jws(KeyMode mode, AcmeHandler handler) {
        return plain(ctx -> {
            String contentType = ctx.contentType();
            if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(JOSE)) {
                throw new CachetException(ErrorType.MALFORMED, "ACME requests are " + JOSE + " (RFC 8555 §6.2)");
            }
            byte[] body;
            try {
                body = ctx.bodyAsBytes();
            } catch (HttpResponseException e) {
                if (e.getStatus() != HttpStatus.CONTENT_TOO_LARGE.getCode()) {
                    throw e;
                }
                // An ACME client understands ACME problems only, not the listener's generic one.
                responses.problem(new CachetException(ErrorType.MALFORMED, "the request body is larger than this "
                        + "server accepts (limits.maxBodyBytes)"), ctx, e.getStatus());
                return;
            }
            handler.handle(ctx, authenticator.authenticate(body, requestUrl(ctx), mode));
        });
    }

    private String requestUrl(Context ctx) {
        String query = ctx.queryString();
        return publicUrl + ctx.path() + (query == null ? "" : "?" + query);
    }
}
