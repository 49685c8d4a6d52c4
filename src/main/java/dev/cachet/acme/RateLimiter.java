package dev.cachet.acme;

import dev.cachet.core.Identifier;
import dev.cachet.policy.PublicSuffixes;
import dev.cachet.store.acme.AcmeOrder;
import dev.cachet.store.acme.AcmeProblem;
import dev.cachet.store.acme.RateLimitStore;
import dev.cachet.store.acme.RateLimitStore.Event;
import dev.cachet.store.acme.RateLimitStore.Kind;
import dev.cachet.store.acme.RateLimitStore.Probe;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * ACME rate limits (RFC 8555 §6.6) as Let's Encrypt has them: sliding windows counted from the
 * shared database, so that they hold across instances. Each check is one round trip to the store;
 * a refusal says when the oldest event that keeps the limit reached leaves its window.
 */
public final class RateLimiter {
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration WEEK = Duration.ofDays(7);
    /**
     * How long the names of an issued certificate are kept to recognise its renewals: the longest
     * validity a certificate may have (CA/Browser Forum BR 6.3.2, 398 days); after that it has expired.
     */
    private static final Duration RENEWAL_MEMORY = Duration.ofDays(398);
    /** Every this many recordings, events no limit counts any more are deleted, PURGE_BATCH of each kind at most. */
    private static final int PURGE_EVERY = 64;
    private static final int PURGE_BATCH = 1024;
    private static final String RATE_LIMITED = "rateLimited";
    private final RateLimitStore store;
    private final RateLimits limits;
    private final ReplacedCertificates replaced;
    private final Clock clock;
    private final AtomicLong recorded = new AtomicLong();

    /**
     * Creates the limiter.
     *
     * @param store the shared events
     * @param limits the limits
     * @param replaced recognises renewals by {@code replaces} (RFC 9773)
     * @param clock the time source
     */
    public RateLimiter(RateLimitStore store, RateLimits limits, ReplacedCertificates replaced, Clock clock) {
        this.store = store;
        this.limits = limits;
        this.replaced = replaced;
        this.clock = clock;
    }

    /** One limit on one subject; its identifiers are those of the request it concerns. */
    private record Limit(Kind kind, String subject, int max, Duration window, List<Identifier> identifiers,
            String what) {
    }

    /** The names a new certificate would have, and the certificate it would replace (or null). */
    private record Names(String accountId, List<Identifier> identifiers, String replaces) {
    }

    /** A limit reached, free again at {@code retryAt}. */
    private record Refusal(Limit limit, Instant retryAt) {
        String detail() {
            return "too many " + limit.what() + " (limit " + limit.max() + "); retry after " + ceilSecond(retryAt);
        }
    }

    /**
     * Refuses a new account when its client address made too many in the last hour.
     *
     * @param clientAddress the client's IP address
     * @throws RateLimitedException when the limit is reached
     */
    public void checkNewAccount(String clientAddress) {
        if (limits.newAccountsPerIpPerHour() > 0) {
            refuse(check(List.of(new Limit(Kind.ACCOUNT, clientAddress, limits.newAccountsPerIpPerHour(), HOUR,
                    List.of(), "new accounts from " + clientAddress + " in the last hour")), null));
        }
    }

    /**
     * Counts a new account.
     *
     * @param clientAddress the client's IP address
     */
    public void accountCreated(String clientAddress) {
        if (limits.newAccountsPerIpPerHour() > 0) {
            record(List.of(new Event(Kind.ACCOUNT, clientAddress, clock.instant())));
        }
    }

    /**
     * Refuses a new order when the account made too many orders in the last hour, failed too often
     * to validate one of its identifiers, or when an order for these names could not be finalized
     * because too many certificates were issued under one of their registered domains.
     *
     * @param accountId the account
     * @param identifiers the order's identifiers
     * @param replaces the order's {@code replaces}, or null
     * @throws RateLimitedException when a limit is reached
     */
    public void checkNewOrder(String accountId, List<Identifier> identifiers, String replaces) {
        List<Limit> checks = new ArrayList<>();
        if (limits.newOrdersPerAccountPerHour() > 0) {
            checks.add(new Limit(Kind.ORDER, accountId, limits.newOrdersPerAccountPerHour(), HOUR, List.of(),
                    "new orders from this account in the last hour"));
        }
        if (limits.failedValidationsPerAccountPerHostPerHour() > 0) {
            grouped(identifiers, AcmeIdentifiers::base).forEach((base, group) -> checks.add(new Limit(
                    Kind.FAILED_VALIDATION, failedValidation(accountId, base),
                    limits.failedValidationsPerAccountPerHostPerHour(), HOUR, group,
                    "failed validations of " + base + " for this account in the last hour")));
        }
        checks.addAll(certificateLimits(identifiers));
        refuse(check(checks, new Names(accountId, identifiers, replaces)));
    }

    /**
     * Refuses to issue for an order when too many certificates were issued under one of its
     * registered domains in the last 7 days, unless the order is a renewal.
     *
     * @param order the order about to be finalized
     * @throws RateLimitedException when the limit is reached
     */
    public void checkIssuance(AcmeOrder order) {
        refuse(check(certificateLimits(order.identifiers()), new Names(order.accountId(), order.identifiers(),
                order.replaces())));
    }

    /**
     * Counts an issued certificate against its registered domains, and remembers its names for renewals.
     *
     * @param order the order, now valid
     */
    public void issued(AcmeOrder order) {
        if (limits.certificatesPerDomainPerWeek() == 0) {
            return;
        }
        Instant now = clock.instant();
        List<Event> events = new ArrayList<>();
        grouped(order.identifiers(), RateLimiter::registeredDomain).keySet()
                .forEach(domain -> events.add(new Event(Kind.CERTIFICATE, domain.toString(), now)));
        events.add(new Event(Kind.CERTIFICATE_NAMES, nameSet(order.identifiers()), now));
        record(events);
    }

    /**
     * Counts an invalid challenge.
     *
     * @param accountId the account
     * @param identifier the authorization's identifier (without {@code *.})
     */
    public void validationFailed(String accountId, Identifier identifier) {
        if (limits.failedValidationsPerAccountPerHostPerHour() > 0) {
            record(List.of(new Event(Kind.FAILED_VALIDATION, failedValidation(accountId, identifier),
                    clock.instant())));
        }
    }

    private void record(List<Event> events) {
        store.record(events);
        if (recorded.incrementAndGet() % PURGE_EVERY == 0) {
            purgeExpired();
        }
    }

    /**
     * Deletes the events no limit counts any more: those older than their window, and the names of
     * certificates that have expired.
     *
     * @return how many were deleted
     */
    public int purgeExpired() {
        Instant now = clock.instant();
        return store.purge(Kind.ACCOUNT, now.minus(HOUR), PURGE_BATCH)
                + store.purge(Kind.FAILED_VALIDATION, now.minus(HOUR), PURGE_BATCH)
                + store.purge(Kind.CERTIFICATE, now.minus(WEEK), PURGE_BATCH)
                + store.purge(Kind.CERTIFICATE_NAMES, now.minus(RENEWAL_MEMORY), PURGE_BATCH);
    }

    private List<Limit> certificateLimits(List<Identifier> identifiers) {
        List<Limit> checks = new ArrayList<>();
        if (limits.certificatesPerDomainPerWeek() > 0) {
            grouped(identifiers, RateLimiter::registeredDomain).forEach((domain, group) -> checks.add(new Limit(
                    Kind.CERTIFICATE, domain.toString(), limits.certificatesPerDomainPerWeek(), WEEK, group,
                    "certificates for " + domain.value() + " in the last 7 days")));
        }
        return checks;
    }

    /**
     * Asks the store about every limit at once (and whether the names were certified before);
     * certificate limits do not hold for a renewal.
     */
    private List<Refusal> check(List<Limit> checks, Names order) {
        if (checks.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<Probe> probes = new ArrayList<>();
        checks.forEach(l -> probes.add(new Probe(l.kind(), l.subject(), now.minus(l.window()), l.max())));
        boolean certificates = checks.stream().anyMatch(l -> l.kind() == Kind.CERTIFICATE);
        if (certificates) {
            // Let's Encrypt: a certificate for exactly the names of an earlier one is a renewal.
            probes.add(new Probe(Kind.CERTIFICATE_NAMES, nameSet(order.identifiers()), Instant.EPOCH, 1));
        }
        List<Optional<Instant>> answers = store.nthNewest(probes);
        List<Refusal> refusals = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            Limit limit = checks.get(i);
            answers.get(i).ifPresent(at -> refusals.add(new Refusal(limit, at.plus(limit.window()))));
        }
        boolean certificateRefused = refusals.stream().anyMatch(r -> r.limit().kind() == Kind.CERTIFICATE);
        if (certificateRefused && (answers.get(checks.size()).isPresent()
                || replaced.renews(order.accountId(), order.identifiers(), order.replaces()))) {
            refusals.removeIf(r -> r.limit().kind() == Kind.CERTIFICATE);
        }
        return refusals;
    }

    private void refuse(List<Refusal> refusals) {
        if (refusals.isEmpty()) {
            return;
        }
        Instant retryAt = refusals.stream().map(Refusal::retryAt).max(Comparator.naturalOrder()).orElseThrow();
        // Whole seconds, rounded up: a client that waits this long finds the event gone.
        Duration until = Duration.between(clock.instant(), retryAt);
        long seconds = Math.max(1, until.getSeconds() + (until.getNano() > 0 ? 1 : 0));
        List<AcmeProblem> subproblems = new ArrayList<>();
        for (Refusal refusal : refusals) {
            refusal.limit().identifiers().forEach(identifier -> subproblems.add(new AcmeProblem(RATE_LIMITED,
                    refusal.detail(), identifier, List.of())));
        }
        String detail = refusals.get(0).detail() + (refusals.size() == 1 ? ""
                : " (and " + (refusals.size() - 1) + " more limits: see the subproblems)");
        throw new RateLimitedException(detail, Duration.ofSeconds(seconds), subproblems);
    }

    /** Identifiers grouped by what one limit counts them under, in their order. */
    private static Map<Identifier, List<Identifier>> grouped(List<Identifier> identifiers,
            Function<Identifier, Identifier> key) {
        Map<Identifier, List<Identifier>> groups = new LinkedHashMap<>();
        identifiers.forEach(i -> groups.computeIfAbsent(key.apply(i), k -> new ArrayList<>()).add(i));
        return groups;
    }

    /** The registered domain (BR 1.6.1 "Base Domain Name") of a DNS name; an IP address counts by itself. */
    private static Identifier registeredDomain(Identifier identifier) {
        if (identifier.type() != Identifier.Type.DNS) {
            return identifier;
        }
        Identifier name = AcmeIdentifiers.base(identifier);
        return Identifier.dns(PublicSuffixes.baseDomain(name.value()).orElse(name.value()));
    }

    private static String failedValidation(String accountId, Identifier identifier) {
        return accountId + " " + identifier;
    }

    /** The SHA-256 of a set of names, in hex: the same for the same names in any order. */
    private static String nameSet(List<Identifier> identifiers) {
        TreeSet<String> names = new TreeSet<>();
        identifiers.forEach(i -> names.add(i.toString()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", names).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static Instant ceilSecond(Instant instant) {
        Instant truncated = instant.truncatedTo(ChronoUnit.SECONDS);
        return truncated.equals(instant) ? instant : truncated.plusSeconds(1);
    }
}
