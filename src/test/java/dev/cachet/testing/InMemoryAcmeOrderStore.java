package dev.cachet.testing;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.Identifier;
import dev.cachet.store.acme.AcmeAuthorization;
import dev.cachet.store.acme.AcmeChallenge;
import dev.cachet.store.acme.AcmeOrder;
import dev.cachet.store.acme.AcmeOrderStore;
import dev.cachet.store.acme.AcmeProblem;
import dev.cachet.store.acme.AuthorizationStatus;
import dev.cachet.store.acme.ChallengeOutcome;
import dev.cachet.store.acme.ChallengeStatus;
import dev.cachet.store.acme.OrderStatus;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * An {@link AcmeOrderStore} in memory, for tests, faithful to the database's: thread-safe, each
 * write all or nothing, every transition a compare-and-set, orders by id, instants kept to the
 * microsecond, and an order may only name authorizations that exist or come with it.
 */
public final class InMemoryAcmeOrderStore implements AcmeOrderStore {
    private final TreeMap<String, Stored> orders = new TreeMap<>();
    private final Map<String, AcmeAuthorization> authorizations = new HashMap<>();
    private final Clock clock;

    /**
     * Creates an empty store.
     *
     * @param clock the time of status changes, for {@link #stuckProcessing}
     */
    public InMemoryAcmeOrderStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized void create(AcmeOrder order, List<AcmeAuthorization> newAuthorizations) {
        Objects.requireNonNull(order.expires(), "expires");
        Objects.requireNonNull(order.createdAt(), "createdAt");
        Map<String, AcmeAuthorization> added = new HashMap<>();
        for (AcmeAuthorization a : newAuthorizations) {
            if (authorizations.containsKey(a.id()) || added.put(a.id(), stored(a)) != null) {
                throw taken("ACME authorization " + a.id());
            }
        }
        checkChallengeIds(newAuthorizations);
        if (orders.containsKey(order.id())) {
            throw taken("ACME order " + order.id());
        }
        for (String id : order.authorizationIds()) {
            if (!authorizations.containsKey(id) && !added.containsKey(id)) {
                throw new CachetException(ErrorType.INTERNAL, "ACME order " + order.id()
                        + " names the unknown authorization " + id);
            }
        }
        authorizations.putAll(added);
        orders.put(order.id(), new Stored(stored(order), now()));
    }

    @Override
    public synchronized Optional<AcmeOrder> findOrder(String id) {
        return Optional.ofNullable(orders.get(id)).map(Stored::order);
    }

    @Override
    public synchronized List<AcmeOrder> ordersOf(String accountId, String after, int limit) {
        Map<String, Stored> page = after == null ? orders : orders.tailMap(after, false);
        return page.values().stream().map(Stored::order).filter(o -> o.accountId().equals(accountId))
                .limit(Math.max(limit, 0)).toList();
    }

    @Override
    public synchronized Optional<AcmeAuthorization> findAuthorization(String id) {
        return Optional.ofNullable(authorizations.get(id));
    }

    @Override
    public synchronized Optional<AcmeAuthorization> findReusable(String accountId, Identifier identifier,
            boolean wildcard, Instant validAtLeastUntil) {
        Instant until = StoredTime.of(validAtLeastUntil);
        return authorizations.values().stream()
                .filter(a -> a.accountId().equals(accountId) && a.identifier().equals(identifier)
                        && a.wildcard() == wildcard && a.status() == AuthorizationStatus.VALID
                        && !a.expires().isBefore(until))
                .max(Comparator.comparing(AcmeAuthorization::expires).thenComparing(AcmeAuthorization::id));
    }

    @Override
    public synchronized boolean startChallenge(String authorizationId, String challengeId) {
        return updateChallenge(authorizationId, challengeId, EnumSet.of(ChallengeStatus.PENDING),
                ch -> new AcmeChallenge(ch.id(), ch.type(), ch.token(), ChallengeStatus.PROCESSING, ch.validated(),
                        ch.error(), ch.validationRecords()), AuthorizationStatus.PENDING, null);
    }

    @Override
    public synchronized boolean finishChallenge(ChallengeOutcome o) {
        if (o.valid()) {
            Objects.requireNonNull(o.authorizationExpires(), "authorizationExpires");
        }
        ChallengeStatus status = o.valid() ? ChallengeStatus.VALID : ChallengeStatus.INVALID;
        return updateChallenge(o.authorizationId(), o.challengeId(),
                EnumSet.of(ChallengeStatus.PENDING, ChallengeStatus.PROCESSING),
                ch -> new AcmeChallenge(ch.id(), ch.type(), ch.token(), status,
                        o.valid() ? StoredTime.of(o.at()) : null, o.error(), o.validationRecords()),
                o.valid() ? AuthorizationStatus.VALID : AuthorizationStatus.INVALID,
                o.valid() ? StoredTime.of(o.authorizationExpires()) : null);
    }

    @Override
    public synchronized boolean deactivateAuthorization(String id) {
        AcmeAuthorization a = authorizations.get(id);
        if (a == null || a.status() != AuthorizationStatus.PENDING && a.status() != AuthorizationStatus.VALID) {
            return false;
        }
        authorizations.put(id, new AcmeAuthorization(a.id(), a.accountId(), a.identifier(), a.wildcard(),
                AuthorizationStatus.DEACTIVATED, a.expires(), a.challenges()));
        return true;
    }

    @Override
    public synchronized boolean transition(String id, OrderStatus from, OrderStatus to) {
        return updateOrder(id, from, o -> with(o, to, o.certificateSerial(), o.error()));
    }

    @Override
    public synchronized boolean attachCertificate(String id, BigInteger serial) {
        Stored stored = orders.get(id);
        if (stored == null || stored.order().status() != OrderStatus.PROCESSING
                || stored.order().certificateSerial() != null) {
            return false;
        }
        // As the SQL update: the status and the time it last changed stay as they are.
        AcmeOrder o = stored.order();
        orders.put(id, new Stored(with(o, o.status(), serial, o.error()), stored.statusChanged()));
        return true;
    }

    @Override
    public synchronized boolean complete(String id, BigInteger serial) {
        return updateOrder(id, OrderStatus.PROCESSING, o -> with(o, OrderStatus.VALID, serial, o.error()));
    }

    @Override
    public synchronized boolean fail(String id, OrderStatus from, AcmeProblem error) {
        return updateOrder(id, from, o -> with(o, OrderStatus.INVALID, o.certificateSerial(), error));
    }

    @Override
    public synchronized List<AcmeOrder> stuckProcessing(Instant before, int limit) {
        Instant until = StoredTime.of(before);
        return orders.values().stream()
                .filter(s -> s.order().status() == OrderStatus.PROCESSING && s.statusChanged().isBefore(until))
                .sorted(Comparator.comparing(Stored::statusChanged).thenComparing(s -> s.order().id()))
                .map(Stored::order).limit(Math.max(limit, 0)).toList();
    }

    private boolean updateOrder(String id, OrderStatus from, UnaryOperator<AcmeOrder> change) {
        Stored stored = orders.get(id);
        if (stored == null || stored.order().status() != from) {
            return false;
        }
        orders.put(id, new Stored(change.apply(stored.order()), now()));
        return true;
    }

    /** Changes a challenge and its pending authorization together; a null expiry keeps the old one. */
    private boolean updateChallenge(String authorizationId, String challengeId, Set<ChallengeStatus> from,
            UnaryOperator<AcmeChallenge> change, AuthorizationStatus authorizationStatus, Instant expires) {
        AcmeAuthorization a = authorizations.get(authorizationId);
        Predicate<AcmeChallenge> target = ch -> ch.id().equals(challengeId);
        if (a == null || a.status() != AuthorizationStatus.PENDING
                || a.challenges().stream().noneMatch(target.and(ch -> from.contains(ch.status())))) {
            return false;
        }
        List<AcmeChallenge> challenges = a.challenges().stream().map(ch -> target.test(ch) ? change.apply(ch) : ch)
                .toList();
        authorizations.put(a.id(), new AcmeAuthorization(a.id(), a.accountId(), a.identifier(), a.wildcard(),
                authorizationStatus, expires == null ? a.expires() : expires, challenges));
        return true;
    }

    private void checkChallengeIds(List<AcmeAuthorization> added) {
        List<String> existing = authorizations.values().stream().flatMap(a -> a.challenges().stream())
                .map(AcmeChallenge::id).toList();
        List<String> ids = added.stream().flatMap(a -> a.challenges().stream()).map(AcmeChallenge::id).toList();
        for (int i = 0; i < ids.size(); i++) {
            if (existing.contains(ids.get(i)) || ids.subList(0, i).contains(ids.get(i))) {
                throw taken("ACME challenge " + ids.get(i));
            }
        }
    }

    private Instant now() {
        return StoredTime.of(clock.instant());
    }

    private static AcmeOrder with(AcmeOrder o, OrderStatus status, BigInteger serial, AcmeProblem error) {
        return new AcmeOrder(o.id(), o.accountId(), status, o.identifiers(), o.authorizationIds(), o.expires(),
                o.notBefore(), o.notAfter(), o.profile(), o.replaces(), serial, error, o.createdAt());
    }

    private static AcmeOrder stored(AcmeOrder o) {
        return new AcmeOrder(o.id(), o.accountId(), o.status(), o.identifiers(), o.authorizationIds(),
                StoredTime.of(o.expires()), StoredTime.of(o.notBefore()), StoredTime.of(o.notAfter()), o.profile(),
                o.replaces(), o.certificateSerial(), o.error(), StoredTime.of(o.createdAt()));
    }

    private static AcmeAuthorization stored(AcmeAuthorization a) {
        return new AcmeAuthorization(a.id(), a.accountId(), a.identifier(), a.wildcard(), a.status(),
                StoredTime.of(a.expires()), a.challenges().stream().map(ch -> new AcmeChallenge(ch.id(), ch.type(),
                        ch.token(), ch.status(), StoredTime.of(ch.validated()), ch.error(), ch.validationRecords()))
                        .toList());
    }

    private static CachetException taken(String what) {
        return new CachetException(ErrorType.ALREADY_EXISTS, what + " already exists");
    }

    /** An order with the time of its last status change. */
    private record Stored(AcmeOrder order, Instant statusChanged) {
    }
}
