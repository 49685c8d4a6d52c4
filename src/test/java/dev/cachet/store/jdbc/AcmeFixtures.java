package dev.cachet.store.jdbc;

import static dev.cachet.store.jdbc.AcmeStoreContract.NOW;

import dev.cachet.core.Identifier;
import dev.cachet.store.acme.AccountStatus;
import dev.cachet.store.acme.AcmeAccount;
import dev.cachet.store.acme.AcmeAuthorization;
import dev.cachet.store.acme.AcmeChallenge;
import dev.cachet.store.acme.AcmeOrder;
import dev.cachet.store.acme.AcmeOrderStore;
import dev.cachet.store.acme.AcmeProblem;
import dev.cachet.store.acme.AuthorizationStatus;
import dev.cachet.store.acme.ChallengeStatus;
import dev.cachet.store.acme.OrderStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** Accounts, orders, authorizations and challenges for the ACME store contracts. */
final class AcmeFixtures {
    static final String ACCOUNT = "acct-1";
    static final Instant EXPIRES = NOW.plus(Duration.ofDays(7));
    static final AcmeProblem PROBLEM = new AcmeProblem("rejectedIdentifier", "some names were refused", null,
            List.of(new AcmeProblem("dns", "no such domain", Identifier.dns("a.example"), null),
                    new AcmeProblem("caa", "CAA forbids it", new Identifier(Identifier.Type.IP, "192.0.2.1"),
                            List.of())));

    private AcmeFixtures() {
    }

    static AcmeAccount account(String id, String thumbprint) {
        return new AcmeAccount(id, thumbprint, "{\"kty\":\"OKP\",\"x\":\"" + thumbprint + "\"}",
                AccountStatus.VALID, List.of("mailto:b@example.org", "mailto:a@example.org"), true, null, NOW);
    }

    /** A pending challenge. */
    static AcmeChallenge challenge(String id, String type) {
        return new AcmeChallenge(id, type, "token-" + id, ChallengeStatus.PENDING, null, null, null);
    }

    /** An authorization of {@link #ACCOUNT} with an http-01 and a dns-01 challenge, or only dns-01 for wildcards. */
    static AcmeAuthorization authorization(String id, Identifier identifier, boolean wildcard,
            AuthorizationStatus status, Instant expires) {
        return authorization(id, ACCOUNT, identifier, wildcard, status, expires);
    }

    static AcmeAuthorization authorization(String id, String accountId, Identifier identifier, boolean wildcard,
            AuthorizationStatus status, Instant expires) {
        List<AcmeChallenge> challenges = wildcard ? List.of(challenge(id + "-dns", "dns-01"))
                : List.of(challenge(id + "-http", "http-01"), challenge(id + "-dns", "dns-01"));
        return new AcmeAuthorization(id, accountId, identifier, wildcard, status, expires, challenges);
    }

    /** A pending authorization of {@link #ACCOUNT} for {@code id.example}. */
    static AcmeAuthorization pending(String id) {
        return authorization(id, Identifier.dns(id + ".example"), false, AuthorizationStatus.PENDING, EXPIRES);
    }

    /** An order of an account for the identifiers of its authorizations. */
    static AcmeOrder order(String id, String accountId, OrderStatus status, List<AcmeAuthorization> authorizations) {
        return new AcmeOrder(id, accountId, status, authorizations.stream().map(AcmeFixtures::requested)
                .collect(Collectors.toList()), authorizations.stream().map(AcmeAuthorization::id)
                .collect(Collectors.toList()), EXPIRES, null, null, "server", null, null, null, NOW);
    }

    /** Stores authorizations with a new order of {@link #ACCOUNT} named after the first. */
    static void givenAuthorizations(AcmeOrderStore store, AcmeAuthorization... authorizations) {
        List<AcmeAuthorization> list = List.of(authorizations);
        store.create(order("order-" + authorizations[0].id(), ACCOUNT, OrderStatus.PENDING, list), list);
    }

    private static Identifier requested(AcmeAuthorization a) {
        return a.wildcard() ? Identifier.dns("*." + a.identifier().value()) : a.identifier();
    }
}
