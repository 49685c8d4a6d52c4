package dev.cachet.store.jdbc;

import static dev.cachet.store.jdbc.AcmeFixtures.ACCOUNT;
import static dev.cachet.store.jdbc.AcmeFixtures.EXPIRES;
import static dev.cachet.store.jdbc.AcmeFixtures.PROBLEM;
import static dev.cachet.store.jdbc.AcmeFixtures.authorization;
import static dev.cachet.store.jdbc.AcmeFixtures.givenAuthorizations;
import static dev.cachet.store.jdbc.AcmeFixtures.pending;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.core.Identifier;
import dev.cachet.store.acme.AcmeAuthorization;
import dev.cachet.store.acme.AcmeChallenge;
import dev.cachet.store.acme.AcmeOrderStore;
import dev.cachet.store.acme.AuthorizationStatus;
import dev.cachet.store.acme.ChallengeOutcome;
import dev.cachet.store.acme.ChallengeStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every {@link AcmeOrderStore} must do with authorizations and challenges. */
class AcmeAuthorizationStoreTest extends AcmeStoreContract {
    private static final Identifier NAME = Identifier.dns("www.example");
    private static final Instant REUSE_UNTIL = NOW.plus(Duration.ofDays(30));
    private static final int THREADS = 8;
    private static final String RECORDS = "[{\"url\":\"http://www.example/.well-known/acme-challenge/t\"}]";

    @Test
    void onlyAValidAuthorizationOfTheAccountIdentifierAndWildcardThatLastsLongEnoughIsReused() {
        AcmeOrderStore store = stores.orders();
        givenAuthorizations(store,
                authorization("valid-short", NAME, false, AuthorizationStatus.VALID, REUSE_UNTIL.minusSeconds(1)),
                authorization("valid-long", NAME, false, AuthorizationStatus.VALID, REUSE_UNTIL.plusSeconds(9)),
                authorization("valid-exact", NAME, false, AuthorizationStatus.VALID, REUSE_UNTIL),
                authorization("other-account", "acct-2", NAME, false, AuthorizationStatus.VALID,
                        REUSE_UNTIL.plusSeconds(99)),
                authorization("invalid", NAME, false, AuthorizationStatus.INVALID, REUSE_UNTIL.plusSeconds(99)),
                authorization("pending", NAME, false, AuthorizationStatus.PENDING, REUSE_UNTIL.plusSeconds(99)),
                authorization("wildcard", NAME, true, AuthorizationStatus.VALID, REUSE_UNTIL.plusSeconds(99)),
                authorization("other-name", Identifier.dns("api.example"), false, AuthorizationStatus.VALID,
                        REUSE_UNTIL.plusSeconds(99)));

        assertThat(store.findReusable(ACCOUNT, NAME, false, REUSE_UNTIL)).map(AcmeAuthorization::id)
                .contains("valid-long");
        assertThat(store.findReusable(ACCOUNT, NAME, false, REUSE_UNTIL.plusSeconds(9))).map(AcmeAuthorization::id)
                .contains("valid-long");
        assertThat(store.findReusable(ACCOUNT, NAME, false, REUSE_UNTIL.plusSeconds(10))).isEmpty();
        assertThat(store.findReusable(ACCOUNT, NAME, true, REUSE_UNTIL)).map(AcmeAuthorization::id)
                .contains("wildcard");
        assertThat(store.findReusable(ACCOUNT, NAME, true, REUSE_UNTIL).orElseThrow().challenges())
                .extracting(AcmeChallenge::type).containsExactly("dns-01");
        assertThat(store.findReusable("acct-3", NAME, false, NOW)).isEmpty();
        assertThat(store.findReusable(ACCOUNT, new Identifier(Identifier.Type.IP, "www.example"), false, NOW))
                .isEmpty();
    }

    @Test
    void aChallengeStartsOnceAndOnlyWhileItsAuthorizationIsPending() {
        AcmeOrderStore store = stores.orders();
        givenAuthorizations(store, pending("a1"), pending("a2"));

        assertThat(store.startChallenge("a1", "a1-http")).isTrue();
        assertThat(store.startChallenge("a1", "a1-http")).isFalse();
        assertThat(store.startChallenge("a2", "a1-dns")).isFalse();
        assertThat(store.startChallenge("a1", "a1-nothing")).isFalse();
        assertThat(store.deactivateAuthorization("a2")).isTrue();
        assertThat(store.startChallenge("a2", "a2-http")).isFalse();

        assertThat(challenge(store, "a1", 0).status()).isEqualTo(ChallengeStatus.PROCESSING);
        assertThat(challenge(store, "a1", 1).status()).isEqualTo(ChallengeStatus.PENDING);
        assertThat(challenge(store, "a2", 0).status()).isEqualTo(ChallengeStatus.PENDING);
    }

    @Test
    void anOutcomeIsRecordedForAChallengeNeverShownProcessing() {
        AcmeOrderStore store = stores.orders();
        givenAuthorizations(store, pending("a1"));

        assertThat(store.finishChallenge(valid("a1", "a1-http"))).isTrue();
        assertThat(store.startChallenge("a1", "a1-http")).as("ended already").isFalse();

        AcmeAuthorization found = store.findAuthorization("a1").orElseThrow();
        assertThat(found.status()).isEqualTo(AuthorizationStatus.VALID);
        assertThat(found.challenges().get(0).status()).isEqualTo(ChallengeStatus.VALID);
    }

    @Test
    void aValidOutcomeMakesChallengeAndAuthorizationValidOnce() {
        AcmeOrderStore store = stores.orders();
        givenAuthorizations(store, pending("a1"));
        store.startChallenge("a1", "a1-http");
        ChallengeOutcome outcome = new ChallengeOutcome("a1", "a1-http", true, null, RECORDS, NOW.plusNanos(1),
                REUSE_UNTIL.plusNanos(999));

        assertThat(store.finishChallenge(outcome)).isTrue();
        assertThat(store.finishChallenge(outcome)).isFalse();

        AcmeAuthorization found = store.findAuthorization("a1").orElseThrow();
        assertThat(found.status()).isEqualTo(AuthorizationStatus.VALID);
        assertThat(found.expires()).isEqualTo(REUSE_UNTIL);
        assertThat(found.challenges().get(0)).isEqualTo(new AcmeChallenge("a1-http", "http-01", "token-a1-http",
                ChallengeStatus.VALID, NOW, null, RECORDS));
        assertThat(found.challenges().get(1).status()).isEqualTo(ChallengeStatus.PENDING);
    }

    @Test
    void anInvalidOutcomeMakesChallengeAndAuthorizationInvalidOnce() {
        AcmeOrderStore store = stores.orders();
        givenAuthorizations(store, pending("a1"));
        store.startChallenge("a1", "a1-dns");
        ChallengeOutcome outcome = new ChallengeOutcome("a1", "a1-dns", false, PROBLEM, null, NOW, null);

        assertThat(store.finishChallenge(outcome)).isTrue();
        assertThat(store.finishChallenge(outcome)).isFalse();

        AcmeAuthorization found = store.findAuthorization("a1").orElseThrow();
        assertThat(found.status()).isEqualTo(AuthorizationStatus.INVALID);
        assertThat(found.expires()).isEqualTo(EXPIRES);
        assertThat(found.challenges().get(1)).isEqualTo(new AcmeChallenge("a1-dns", "dns-01", "token-a1-dns",
                ChallengeStatus.INVALID, null, PROBLEM, null));
    }

    @Test
    void anOutcomeChangesNothingForAnotherAuthorizationsChallengeOrOnceTheAuthorizationEnded() {
        AcmeOrderStore store = stores.orders();
        givenAuthorizations(store, pending("a1"), pending("a2"));
        store.startChallenge("a2", "a2-http");
        store.deactivateAuthorization("a2");

        assertThat(store.finishChallenge(valid("a1", "a2-http"))).isFalse();
        assertThat(store.finishChallenge(valid("a2", "a2-http"))).isFalse();

        assertThat(store.findAuthorization("a1")).contains(pending("a1"));
        AcmeAuthorization deactivated = store.findAuthorization("a2").orElseThrow();
        assertThat(deactivated.status()).isEqualTo(AuthorizationStatus.DEACTIVATED);
        assertThat(deactivated.expires()).isEqualTo(EXPIRES);
        assertThat(deactivated.challenges().get(0).status()).isEqualTo(ChallengeStatus.PROCESSING);
    }

    @Test
    void concurrentStartsAndOutcomesOfOneChallengeSucceedOnce() throws Exception {
        AcmeOrderStore store = stores.orders();
        givenAuthorizations(store, pending("a1"));

        assertThat(successes(THREADS, () -> store.startChallenge("a1", "a1-http"))).isEqualTo(1);
        assertThat(successes(THREADS, () -> store.finishChallenge(valid("a1", "a1-http")))).isEqualTo(1);

        assertThat(store.findAuthorization("a1").orElseThrow().status()).isEqualTo(AuthorizationStatus.VALID);
    }

    @Test
    void onlyPendingOrValidAuthorizationsAreDeactivated() {
        AcmeOrderStore store = stores.orders();
        givenAuthorizations(store, pending("a1"),
                authorization("a2", NAME, false, AuthorizationStatus.VALID, EXPIRES),
                authorization("a3", NAME, false, AuthorizationStatus.INVALID, EXPIRES));

        assertThat(store.deactivateAuthorization("a1")).isTrue();
        assertThat(store.deactivateAuthorization("a1")).isFalse();
        assertThat(store.deactivateAuthorization("a2")).isTrue();
        assertThat(store.deactivateAuthorization("a3")).isFalse();
        assertThat(store.deactivateAuthorization("a9")).isFalse();

        assertThat(store.findAuthorization("a2").orElseThrow().status()).isEqualTo(AuthorizationStatus.DEACTIVATED);
        assertThat(store.findAuthorization("a3").orElseThrow().status()).isEqualTo(AuthorizationStatus.INVALID);
        assertThat(store.findReusable(ACCOUNT, NAME, false, NOW)).isEmpty();
    }

    private static ChallengeOutcome valid(String authorizationId, String challengeId) {
        return new ChallengeOutcome(authorizationId, challengeId, true, null, RECORDS, NOW, REUSE_UNTIL);
    }

    private static AcmeChallenge challenge(AcmeOrderStore store, String authorizationId, int index) {
        return store.findAuthorization(authorizationId).orElseThrow().challenges().get(index);
    }
}
