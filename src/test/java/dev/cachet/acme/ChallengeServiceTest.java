package dev.cachet.acme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.store.acme.AcmeAccount;
import dev.cachet.store.acme.AcmeAuthorization;
import dev.cachet.store.acme.AcmeChallenge;
import dev.cachet.store.acme.AuthorizationStatus;
import dev.cachet.store.acme.ChallengeStatus;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** A challenge response validates once per instance, and shows processing only while it runs long. */
class ChallengeServiceTest {
    private static final RateLimits NO_LIMITS = new RateLimits(0, 0, 0, 0);

    @Test
    void aQuickValidationIsAnsweredValidInTheResponse() {
        try (AcmeServicesFixture acme = new AcmeServicesFixture(NO_LIMITS)) {
            AcmeAccount account = acme.account();
            AcmeAuthorization authorization = authorization(acme, account);

            AcmeChallenge answered = respond(acme, account, authorization);

            assertThat(answered.status()).isEqualTo(ChallengeStatus.VALID);
            assertThat(acme.challenges.authorization(account, authorization.id()).status())
                    .isEqualTo(AuthorizationStatus.VALID);
            assertThat(acme.validation.calls).hasValue(1);
        }
    }

    @Test
    void aSlowValidationIsShownProcessingRunsOnceAndEndsValid() throws InterruptedException {
        try (AcmeServicesFixture acme = new AcmeServicesFixture(NO_LIMITS, Duration.ofMillis(50))) {
            AcmeAccount account = acme.account();
            AcmeAuthorization authorization = authorization(acme, account);
            CountDownLatch gate = new CountDownLatch(1);
            acme.validation.gate = gate;

            assertThat(respond(acme, account, authorization).status()).isEqualTo(ChallengeStatus.PROCESSING);
            assertThat(respond(acme, account, authorization).status()).isEqualTo(ChallengeStatus.PROCESSING);
            gate.countDown();

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (acme.challenges.authorization(account, authorization.id()).status() == AuthorizationStatus.PENDING
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            AcmeAuthorization done = acme.challenges.authorization(account, authorization.id());
            assertThat(done.status()).isEqualTo(AuthorizationStatus.VALID);
            assertThat(done.challenges().get(0).status()).isEqualTo(ChallengeStatus.VALID);
            assertThat(acme.validation.calls).as("the second response started no validation").hasValue(1);
        }
    }

    private static AcmeAuthorization authorization(AcmeServicesFixture acme, AcmeAccount account) {
        return acme.orders.authorizations(acme.order(account, "www.example.org")).get(0);
    }

    private static AcmeChallenge respond(AcmeServicesFixture acme, AcmeAccount account,
            AcmeAuthorization authorization) {
        return acme.challenges.respond(account, authorization.id(), authorization.challenges().get(0).id());
    }
}
