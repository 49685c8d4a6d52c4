package dev.cachet.acme;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.Identifier;
import dev.cachet.store.acme.AcmeAccount;
import dev.cachet.store.acme.AcmeAuthorization;
import dev.cachet.store.acme.AcmeChallenge;
import dev.cachet.store.acme.AcmeOrder;
import dev.cachet.store.acme.AcmeOrderStore;
import dev.cachet.store.acme.AuthorizationStatus;
import dev.cachet.store.acme.ChallengeStatus;
import dev.cachet.store.acme.OrderStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Orders (RFC 8555 §7.4): creation with new or reused authorizations, and the status of an order,
 * derived from its authorizations on read and persisted on transitions (as Pebble does).
 */
public final class OrderService {
    private final AcmeOrderStore orders;
    private final AcmeSettings settings;
    private final AcmeIdentifiers identifierPolicy;
    private final Ids ids;
    private final Clock clock;
    private final RateLimiter rateLimiter;

    /**
     * Creates the service.
     *
     * @param orders the order store
     * @param settings the server policy
     * @param identifierPolicy checks the identifiers of new orders
     * @param ids makes ids and tokens
     * @param clock the time source
     * @param rateLimiter the rate limits of orders and certificates
     */
    public OrderService(AcmeOrderStore orders, AcmeSettings settings, AcmeIdentifiers identifierPolicy, Ids ids,
            Clock clock, RateLimiter rateLimiter) {
        this.orders = orders;
        this.settings = settings;
        this.identifierPolicy = identifierPolicy;
        this.ids = ids;
        this.clock = clock;
        this.rateLimiter = rateLimiter;
    }

    /** @return the rate limits of orders, which finalization checks again and counts issuance in */
    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    /**
     * Creates an order.
     *
     * @param account the account
     * @param request the payload
     * @return the order, with its current status
     */
    public AcmeOrder newOrder(AcmeAccount account, NewOrderRequest request) {
        if (request.notBefore() != null || request.notAfter() != null) {
            throw new CachetException(ErrorType.MALFORMED, "notBefore and notAfter are not supported; "
                    + "choose a profile instead");
        }
        String profile = request.profile() == null ? settings.defaultProfile() : request.profile();
        if (!settings.profiles().containsKey(profile)) {
            throw new CachetException(ErrorType.MALFORMED, "unknown profile '" + profile + "' (the directory's "
                    + "meta.profiles lists them)");
        }
        List<Identifier> identifiers = identifierPolicy.parse(request.identifiers());
        rateLimiter.checkNewOrder(account.id(), identifiers, request.replaces());
        Instant now = clock.instant();
        Instant expires = now.plus(settings.orderLifetime());
        List<AcmeAuthorization> authorizations = new ArrayList<>();
        List<AcmeAuthorization> created = new ArrayList<>();
        for (Identifier identifier : identifiers) {
            Optional<AcmeAuthorization> reusable = orders.findReusable(account.id(), AcmeIdentifiers.base(identifier),
                    identifier.isWildcard(), expires);
            AcmeAuthorization authorization = reusable.orElseGet(() -> newAuthorization(account, identifier, now));
            if (reusable.isEmpty()) {
                created.add(authorization);
            }
            authorizations.add(authorization);
        }
        AcmeOrder order = new AcmeOrder(ids.id(), account.id(), OrderStatus.PENDING, identifiers,
                authorizations.stream().map(AcmeAuthorization::id).toList(), expires, null, null, profile,
                request.replaces(), null, null, now);
        orders.create(order, created);
        return current(order, authorizations);
    }

    /**
     * Finds one of an account's orders, with its current status.
     *
     * @param account the account
     * @param id the order id
     * @return the order
     */
    public AcmeOrder find(AcmeAccount account, String id) {
        return current(stored(account, id));
    }

    /**
     * Finds one of an account's orders as stored, without deriving its status.
     *
     * @param account the account
     * @param id the order id
     * @return the order
     */
    public AcmeOrder stored(AcmeAccount account, String id) {
        return orders.findOrder(id).filter(o -> o.accountId().equals(account.id()))
                .orElseThrow(() -> new CachetException(ErrorType.NOT_FOUND, "no such order"));
    }

    private AcmeOrder current(AcmeOrder order) {
        return current(order, order.status() == OrderStatus.PENDING ? authorizations(order) : List.of());
    }

    /**
     * The current status of an order, from the authorizations its caller read already: a pending
     * order is ready when all its authorizations are valid (derived, the stored order stays
     * pending), and becomes invalid in the store when one failed or when it expired (§7.1.6).
     *
     * @param order the order as stored
     * @param authorizations its authorizations (only a pending order's are looked at)
     * @return the order with its current status
     */
    public AcmeOrder current(AcmeOrder order, List<AcmeAuthorization> authorizations) {
        Instant now = clock.instant();
        boolean open = order.status() == OrderStatus.PENDING || order.status() == OrderStatus.READY;
        if (open && now.isAfter(order.expires())) {
            orders.fail(order.id(), order.status(), OrderProblems.expired());
            return reload(order);
        }
        if (order.status() != OrderStatus.PENDING) {
            return order;
        }
        Optional<AcmeAuthorization> failed = authorizations.stream().filter(a -> !usable(a, now)).findFirst();
        if (failed.isPresent()) {
            orders.fail(order.id(), OrderStatus.PENDING, OrderProblems.authorizationFailed(failed.get()));
            return reload(order);
        }
        if (authorizations.stream().allMatch(a -> a.status() == AuthorizationStatus.VALID)) {
            // Ready is derived, not written (as Boulder does): finalize moves the stored pending order
            // straight to processing, one durable commit less per order.
            return order.withStatus(OrderStatus.READY);
        }
        return order;
    }

    /**
     * The authorizations of an order, in identifier order.
     *
     * @param order the order
     * @return its authorizations
     */
    public List<AcmeAuthorization> authorizations(AcmeOrder order) {
        List<AcmeAuthorization> authorizations = new ArrayList<>();
        for (String id : order.authorizationIds()) {
            authorizations.add(orders.findAuthorization(id).orElseThrow(() -> new CachetException(
                    ErrorType.INTERNAL, "order " + order.id() + " names a missing authorization")));
        }
        return authorizations;
    }

    /**
     * Lists an account's orders.
     *
     * @param account the account
     * @param after the cursor, or null
     * @param limit the page size
     * @return one page
     */
    public List<AcmeOrder> list(AcmeAccount account, String after, int limit) {
        return orders.ordersOf(account.id(), after, limit);
    }

    private static boolean usable(AcmeAuthorization authorization, Instant now) {
        if (authorization.status() == AuthorizationStatus.VALID || authorization.status() == AuthorizationStatus
                .PENDING) {
            return !now.isAfter(authorization.expires());
        }
        return false;
    }

    private AcmeOrder reload(AcmeOrder order) {
        return orders.findOrder(order.id()).orElse(order);
    }

    private AcmeAuthorization newAuthorization(AcmeAccount account, Identifier identifier, Instant now) {
        String authorizationId = ids.id();
        List<AcmeChallenge> challenges = new ArrayList<>();
        for (String type : AcmeIdentifiers.challengeTypes(identifier)) {
            challenges.add(new AcmeChallenge(ids.id(), type, ids.token(), ChallengeStatus.PENDING, null, null, null));
        }
        return new AcmeAuthorization(authorizationId, account.id(), AcmeIdentifiers.base(identifier),
                identifier.isWildcard(), AuthorizationStatus.PENDING, now.plus(settings.pendingAuthorizationLifetime()),
                challenges);
    }
}
