package dev.cachet.server.acme;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.JWK;
import dev.cachet.acme.AccountService;
import dev.cachet.acme.AcmeLinks;
import dev.cachet.acme.NewAccountRequest;
import dev.cachet.acme.NewAccountResult;
import dev.cachet.acme.OrderService;
import dev.cachet.acme.jws.FlattenedJws;
import dev.cachet.acme.jws.JwsVerification;
import dev.cachet.acme.jws.VerifiedRequest;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.store.acme.AcmeAccount;
import dev.cachet.store.acme.AcmeOrder;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** newAccount, account update and deactivation, key change and the orders list (RFC 8555 §7.3). */
final class AccountHandlers {
    private static final int ORDERS_PAGE = 100;
    private final AccountService accounts;
    private final OrderService orders;
    private final AcmeLinks links;
    private final AcmeJson json;
    private final AcmeResponses responses;
    private final ClientAddresses clients;

    AccountHandlers(AccountService accounts, OrderService orders, AcmeLinks links, AcmeJson json,
            AcmeResponses responses, ClientAddresses clients) {
        this.accounts = accounts;
        this.orders = orders;
        this.links = links;
        this.json = json;
        this.responses = responses;
        this.clients = clients;
    }

    void newAccount(Context ctx, VerifiedRequest request) {
        NewAccountRequest payload = Payloads.read(request, NewAccountRequest.class);
        NewAccountResult result = accounts.newAccount(request.key(), payload, links.newAccount(),
                clients.of(ctx));
        ctx.header("Location", links.account(result.account().id()));
        responses.json(ctx, result.created() ? 201 : 200, json.account(result.account()));
    }

    void account(Context ctx, VerifiedRequest request) {
        AcmeAccount account = owned(ctx, request);
        if (!request.postAsGet()) {
            JsonNode payload = Payloads.tree(request);
            List<String> contact = payload.has("contact") ? strings(payload.get("contact")) : null;
            JsonNode status = payload.get("status");
            if (status != null && !"deactivated".equals(status.asText())) {
                throw new CachetException(ErrorType.MALFORMED, "an account's status can only become deactivated");
            }
            account = accounts.update(account, contact, status != null);
        }
        responses.json(ctx, 200, json.account(account));
    }

    void orders(Context ctx, VerifiedRequest request) {
        AcmeAccount account = owned(ctx, request);
        Payloads.requirePostAsGet(request);
        String after = ctx.queryParam("cursor");
        List<AcmeOrder> page = orders.list(account, after, ORDERS_PAGE);
        if (page.size() == ORDERS_PAGE) {
            AcmeResponses.link(ctx, links.orders(account.id()) + "?cursor=" + page.get(page.size() - 1).id(), "next");
        }
        responses.json(ctx, 200, Map.of("orders", page.stream().map(o -> links.order(o.id())).toList()));
    }

    /** §7.3.5: the payload is a JWS signed by the new key, naming the account and the old key. */
    void keyChange(Context ctx, VerifiedRequest request) {
        AcmeAccount account = request.requireAccount();
        JWSObject inner = FlattenedJws.parse(request.payload());
        JWK newKey = inner.getHeader().getJWK();
        if (newKey == null || inner.getHeader().getKeyID() != null || newKey.isPrivate()) {
            throw new CachetException(ErrorType.MALFORMED, "the inner JWS must carry the new key as 'jwk'");
        }
        if (!links.keyChange().equals(inner.getHeader().getCustomParam("url"))) {
            throw new CachetException(ErrorType.MALFORMED, "the inner JWS 'url' must be the keyChange URL");
        }
        if (!JwsVerification.verify(inner, newKey)) {
            throw new CachetException(ErrorType.MALFORMED, "the inner JWS is not signed by the new key");
        }
        Map<String, Object> payload = inner.getPayload().toJSONObject();
        if (payload == null) {
            throw new CachetException(ErrorType.MALFORMED, "the inner payload is not a JSON object");
        }
        JWK oldKey = oldKey(payload);
        if (!links.account(account.id()).equals(payload.get("account"))
                || !AccountService.thumbprint(oldKey).equals(account.keyThumbprint())) {
            throw new CachetException(ErrorType.MALFORMED, "the inner payload must name this account and its key");
        }
        responses.json(ctx, 200, json.account(accounts.changeKey(account, newKey)));
    }

    private AcmeAccount owned(Context ctx, VerifiedRequest request) {
        AcmeAccount account = request.requireAccount();
        if (!account.id().equals(ctx.pathParam("id"))) {
            throw new CachetException(ErrorType.UNAUTHORIZED, "the request is signed by another account");
        }
        return account;
    }

    @SuppressWarnings("unchecked")
    private static JWK oldKey(Map<String, Object> payload) {
        try {
            Object oldKey = payload.get("oldKey");
            if (oldKey == null) {
                throw new CachetException(ErrorType.MALFORMED, "the inner payload has no 'oldKey'");
            }
            return JWK.parse((Map<String, Object>) oldKey);
        } catch (java.text.ParseException | ClassCastException e) {
            throw new CachetException(ErrorType.MALFORMED, "the inner payload has no valid 'oldKey'");
        }
    }

    private static List<String> strings(JsonNode node) {
        if (!node.isArray()) {
            throw new CachetException(ErrorType.MALFORMED, "'contact' must be an array of URLs");
        }
        List<String> values = new ArrayList<>();
        node.forEach(n -> values.add(n.asText()));
        return values;
    }
}
