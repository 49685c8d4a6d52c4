package dev.cachet.store.jdbc;

import static dev.cachet.store.jdbc.AcmeFixtures.ACCOUNT;
import static dev.cachet.store.jdbc.AcmeFixtures.EXPIRES;
import static dev.cachet.store.jdbc.AcmeFixtures.PROBLEM;
import static dev.cachet.store.jdbc.AcmeFixtures.authorization;
import static dev.cachet.store.jdbc.AcmeFixtures.challenge;
import static dev.cachet.store.jdbc.AcmeFixtures.givenAuthorizations;
import static dev.cachet.store.jdbc.AcmeFixtures.order;
import static dev.cachet.store.jdbc.AcmeFixtures.pending;
import static dev.cachet.store.jdbc.JdbcCertificateStoreTest.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.core.ErrorType;
import dev.cachet.core.Identifier;
import dev.cachet.store.acme.AcmeAuthorization;
import dev.cachet.store.acme.AcmeChallenge;
import dev.cachet.store.acme.AcmeOrder;
import dev.cachet.store.acme.AcmeOrderStore;
import dev.cachet.store.acme.AuthorizationStatus;
import dev.cachet.store.acme.OrderStatus;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link AcmeOrderStore} must do with orders: create all or nothing, page, move by compare-and-set. */
class AcmeOrderStoreTest extends AcmeStoreContract {

    @Test
    void anOrderRoundTripsWithReusedAndNewAuthorizationsAndTheirChallengesInOrder() {
        AcmeOrderStore store = stores.orders();
        AcmeAuthorization reused = authorization("authz-r", Identifier.dns("reused.example"), false,
                AuthorizationStatus.VALID, EXPIRES);
        givenAuthorizations(store, reused);
        AcmeAuthorization first = new AcmeAuthorization("authz-n1", ACCOUNT, new Identifier(Identifier.Type.IP,
                "192.0.2.1"), false, AuthorizationStatus.PENDING, EXPIRES, List.of(challenge("ch-z", "tls-alpn-01"),
                challenge("ch-a", "http-01"), challenge("ch-m", "dns-01")));
        AcmeAuthorization wildcard = authorization("authz-n2", Identifier.dns("wild.example"), true,
                AuthorizationStatus.PENDING, EXPIRES);
        AcmeOrder order = new AcmeOrder("order-2", ACCOUNT, OrderStatus.PENDING, List.of(first.identifier(),
                Identifier.dns("reused.example"), Identifier.dns("*.wild.example")), List.of("authz-n1", "authz-r",
                "authz-n2"), EXPIRES, NOW.plusSeconds(60), NOW.plus(Duration.ofDays(30)), "server", "aki.serial",
                null, null, NOW);

        store.create(order, List.of(first, wildcard));

        assertThat(store.findOrder("order-2")).contains(order);
        assertThat(store.findAuthorization("authz-n1")).contains(first);
        assertThat(store.findAuthorization("authz-n1").orElseThrow().challenges()).extracting(AcmeChallenge::id)
                .containsExactly("ch-z", "ch-a", "ch-m");
        assertThat(store.findAuthorization("authz-n2")).contains(wildcard);
        assertThat(store.findAuthorization("authz-r")).contains(reused);
        assertThat(store.findOrder("order-9")).isEmpty();
        assertThat(store.findAuthorization("authz-9")).isEmpty();
    }

    @Test
    void aTakenIdOrAnUnknownAuthorizationFailsAndWritesNothing() {
        AcmeOrderStore store = stores.orders();
        givenAuthorizations(store, pending("a1"));
        AcmeAuthorization fresh = pending("a2");

        assertFails(ErrorType.ALREADY_EXISTS, () -> store.create(order("order-a1", ACCOUNT, OrderStatus.PENDING,
                List.of(fresh)), List.of(fresh)));
        assertFails(ErrorType.ALREADY_EXISTS, () -> store.create(order("order-x", ACCOUNT, OrderStatus.PENDING,
                List.of(fresh, pending("a1"))), List.of(fresh, pending("a1"))));
        assertFails(ErrorType.INTERNAL, () -> store.create(order("order-y", ACCOUNT, OrderStatus.PENDING,
                List.of(fresh, pending("a3"))), List.of(fresh)));

        assertThat(store.findAuthorization("a2")).isEmpty();
        assertThat(store.findOrder("order-x")).isEmpty();
        assertThat(store.findOrder("order-y")).isEmpty();
        assertThat(store.findOrder("order-a1").orElseThrow().authorizationIds()).containsExactly("a1");
        store.create(order("order-z", ACCOUNT, OrderStatus.PENDING, List.of(fresh)), List.of(fresh));
        assertThat(store.findAuthorization("a2")).contains(fresh);
    }

    @Test
    void theOrdersOfAnAccountComePageByPageById() {
        AcmeOrderStore store = stores.orders();
        givenAuthorizations(store, pending("a1"));
        List<AcmeAuthorization> authorizations = List.of(pending("a1"));
        for (String id : List.of("o-3", "o-1", "o-5", "o-2", "o-4")) {
            store.create(order(id, ACCOUNT, OrderStatus.PENDING, authorizations), List.of());
        }
        store.create(order("o-0", "acct-other", OrderStatus.PENDING, authorizations), List.of());

        assertThat(store.ordersOf(ACCOUNT, null, 2)).extracting(AcmeOrder::id).containsExactly("o-1", "o-2");
        assertThat(store.ordersOf(ACCOUNT, "o-2", 2)).extracting(AcmeOrder::id).containsExactly("o-3", "o-4");
        assertThat(store.ordersOf(ACCOUNT, "o-4", 2)).extracting(AcmeOrder::id).containsExactly("o-5", "order-a1");
        assertThat(store.ordersOf(ACCOUNT, "order-a1", 2)).isEmpty();
        assertThat(store.ordersOf("acct-other", null, 10)).singleElement().satisfies(
                o -> assertThat(o.authorizationIds()).containsExactly("a1"));
        assertThat(store.ordersOf(ACCOUNT, null, 0)).isEmpty();
    }

    @Test
    void transitionsAreCompareAndSetOnTheStatus() {
        AcmeOrderStore store = stores.orders();
        givenAuthorizations(store, pending("a1"));

        assertThat(store.transition("order-a1", OrderStatus.READY, OrderStatus.PROCESSING)).isFalse();
        assertThat(store.transition("order-a1", OrderStatus.PENDING, OrderStatus.READY)).isTrue();
        assertThat(store.transition("order-a1", OrderStatus.PENDING, OrderStatus.READY)).isFalse();
        assertThat(store.transition("order-9", OrderStatus.PENDING, OrderStatus.READY)).isFalse();
        assertThat(store.complete("order-a1", BigInteger.TEN)).isFalse();
        assertThat(store.transition("order-a1", OrderStatus.READY, OrderStatus.PROCESSING)).isTrue();

        assertThat(store.findOrder("order-a1").orElseThrow().status()).isEqualTo(OrderStatus.PROCESSING);
    }

    @Test
    void completeRecordsTheSerialOnceAndFailRecordsTheProblem() {
        AcmeOrderStore store = stores.orders();
        givenAuthorizations(store, pending("a1"), pending("a2"));
        store.create(order("o-2", ACCOUNT, OrderStatus.PROCESSING, List.of(pending("a1"))), List.of());
        BigInteger serial = BigInteger.ONE.shiftLeft(159).add(BigInteger.valueOf(0xabc));

        assertThat(store.complete("o-2", serial)).isTrue();
        assertThat(store.complete("o-2", BigInteger.TWO)).isFalse();
        assertThat(store.fail("o-2", OrderStatus.PROCESSING, PROBLEM)).isFalse();
        assertThat(store.fail("order-a1", OrderStatus.READY, PROBLEM)).isFalse();
        assertThat(store.fail("order-a1", OrderStatus.PENDING, PROBLEM)).isTrue();

        AcmeOrder valid = store.findOrder("o-2").orElseThrow();
        assertThat(valid.status()).isEqualTo(OrderStatus.VALID);
        assertThat(valid.certificateSerial()).isEqualTo(serial);
        assertThat(valid.error()).isNull();
        AcmeOrder invalid = store.findOrder("order-a1").orElseThrow();
        assertThat(invalid.status()).isEqualTo(OrderStatus.INVALID);
        assertThat(invalid.error()).isEqualTo(PROBLEM);
        assertThat(invalid.authorizationIds()).containsExactly("a1", "a2");
    }

    @Test
    void stuckProcessingListsOrdersProcessingSinceBeforeATimeLongestFirst() {
        AcmeOrderStore store = stores.orders();
        givenAuthorizations(store, pending("a1"));
        List<AcmeAuthorization> authorizations = List.of(pending("a1"));
        store.create(order("o-created-processing", ACCOUNT, OrderStatus.PROCESSING, authorizations), List.of());
        clock.advance(Duration.ofMinutes(1));
        store.create(order("o-later", ACCOUNT, OrderStatus.READY, authorizations), List.of());
        store.create(order("o-ready", ACCOUNT, OrderStatus.READY, authorizations), List.of());
        store.transition("o-later", OrderStatus.READY, OrderStatus.PROCESSING);
        clock.advance(Duration.ofMinutes(1));
        store.transition("o-ready", OrderStatus.READY, OrderStatus.PROCESSING);
        store.transition("o-ready", OrderStatus.PROCESSING, OrderStatus.PROCESSING);

        assertThat(store.stuckProcessing(NOW.plusSeconds(61), 10)).extracting(AcmeOrder::id)
                .containsExactly("o-created-processing", "o-later");
        assertThat(store.stuckProcessing(NOW.plusSeconds(60), 10)).extracting(AcmeOrder::id)
                .containsExactly("o-created-processing");
        assertThat(store.stuckProcessing(NOW.plusSeconds(121), 1)).extracting(AcmeOrder::id)
                .containsExactly("o-created-processing");
        assertThat(store.stuckProcessing(NOW, 10)).isEmpty();
    }

    @Test
    void instantsAreKeptToTheMicrosecond() {
        AcmeOrderStore store = stores.orders();
        AcmeAuthorization a = authorization("a1", Identifier.dns("a.example"), false, AuthorizationStatus.VALID,
                EXPIRES.plusNanos(999));
        store.create(new AcmeOrder("o-1", ACCOUNT, OrderStatus.PENDING, List.of(a.identifier()), List.of("a1"),
                EXPIRES.plusNanos(1), NOW.plusNanos(500), NOW.plusNanos(999_999), "server", null, null, null,
                NOW.plusNanos(1)), List.of(a));

        AcmeOrder found = store.findOrder("o-1").orElseThrow();
        assertThat(List.of(found.expires(), found.notBefore(), found.notAfter(), found.createdAt()))
                .containsExactly(EXPIRES, NOW, NOW.plusNanos(999_000), NOW);
        assertThat(store.findAuthorization("a1").orElseThrow().expires()).isEqualTo(EXPIRES);
        assertThat(store.findReusable(ACCOUNT, a.identifier(), false, EXPIRES.plusNanos(999))).isPresent();
    }
}
