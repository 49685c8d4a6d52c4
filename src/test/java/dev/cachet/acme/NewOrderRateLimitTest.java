package dev.cachet.acme;

import static dev.cachet.acme.AcmeServicesFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.core.Identifier;
import dev.cachet.store.acme.AcmeAccount;
import dev.cachet.store.acme.AcmeOrder;
import dev.cachet.store.acme.AcmeProblem;
import dev.cachet.store.acme.OrderStatus;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** New orders per account per hour, and failed validations per account and identifier per hour. */
class NewOrderRateLimitTest {
    private AcmeServicesFixture acme;

    @AfterEach
    void close() {
        acme.close();
    }

    @Test
    void theThirdOrderOfAnHourIsAllowedTheFourthRefusedUntilTheOldestIsAnHourOld() {
        acme = new AcmeServicesFixture(new RateLimits(3, 0, 0, 0));
        AcmeAccount account = acme.account();
        acme.order(account, "a.example");
        acme.clock.advance(Duration.ofMinutes(10));
        acme.order(account, "b.example");
        acme.clock.advance(Duration.ofMinutes(10));
        acme.order(account, "c.example");
        acme.clock.advance(Duration.ofMinutes(10));

        RateLimitedException e = refused(() -> acme.order(account, "d.example"));

        assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(30));
        assertThat(e.getMessage()).contains("new orders", "limit 3", "retry after 2026-03-01T11:00:01Z");
        assertThat(e.subproblems()).isEmpty();
        assertThat(acme.order(acme.account(), "d.example").status()).isEqualTo(OrderStatus.PENDING);
        acme.clock.advance(Duration.ofMinutes(30).minusSeconds(1));
        assertThat(refused(() -> acme.order(account, "d.example")).retryAfter()).isEqualTo(Duration.ofSeconds(1));
        acme.clock.advance(Duration.ofSeconds(1));
        assertThat(acme.order(account, "d.example").status()).isEqualTo(OrderStatus.PENDING);
        assertThat(refused(() -> acme.order(account, "e.example")).retryAfter()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void retryAfterIsRoundedUpToAWholeSecondAndWaitingThatLongSucceeds() {
        acme = new AcmeServicesFixture(new RateLimits(1, 0, 0, 0));
        AcmeAccount account = acme.account();
        acme.order(account, "a.example");
        acme.clock.advance(Duration.ofMillis(1500));

        RateLimitedException e = refused(() -> acme.order(account, "b.example"));

        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3599));
        acme.clock.advance(e.retryAfter());
        assertThat(acme.order(account, "b.example").status()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void afterTwoFailedValidationsOfAnIdentifierItsOrdersAreRefusedForThatAccountOnly() {
        acme = new AcmeServicesFixture(new RateLimits(0, 0, 2, 0));
        AcmeAccount account = acme.account();
        fail(account, "bad.example");
        acme.clock.advance(Duration.ofMinutes(20));
        fail(account, "bad.example");
        acme.clock.advance(Duration.ofMinutes(5));

        RateLimitedException e = refused(() -> acme.order(account, "ok.example", "bad.example"));

        assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(35));
        assertThat(e.getMessage()).contains("failed validations of dns:bad.example", "limit 2");
        assertThat(e.subproblems()).singleElement().satisfies(p -> {
            assertThat(p.type()).isEqualTo("rateLimited");
            assertThat(p.identifier()).isEqualTo(Identifier.dns("bad.example"));
        });
        refused(() -> acme.order(account, "*.bad.example"));
        acme.order(account, "ok.example");
        acme.order(acme.account(), "bad.example");
        acme.clock.advance(Duration.ofMinutes(35));
        assertThat(acme.validate(account, acme.order(account, "bad.example"), true).status())
                .isEqualTo(OrderStatus.READY);
    }

    @Test
    void everyRefusedIdentifierGetsItsSubproblemAndRetryAfterIsTheLatest() {
        acme = new AcmeServicesFixture(new RateLimits(0, 0, 1, 0));
        AcmeAccount account = acme.account();
        fail(account, "one.example");
        acme.clock.advance(Duration.ofMinutes(10));
        fail(account, "two.example");

        RateLimitedException e = refused(() -> acme.order(account, "one.example", "two.example", "three.example"));

        assertThat(e.subproblems()).extracting(AcmeProblem::identifier)
                .containsExactly(Identifier.dns("one.example"), Identifier.dns("two.example"));
        assertThat(e.getMessage()).contains("and 1 more");
        assertThat(e.retryAfter()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void zeroTurnsTheLimitsOff() {
        acme = new AcmeServicesFixture(new RateLimits(0, 0, 0, 0));
        AcmeAccount account = acme.account();
        for (int i = 0; i < 5; i++) {
            fail(account, "bad.example");
        }
        for (int i = 0; i < 5; i++) {
            acme.issue(account, "host" + i + ".same.example");
        }
        assertThat(acme.order(account, "bad.example").status()).isEqualTo(OrderStatus.PENDING);
    }

    private void fail(AcmeAccount account, String name) {
        AcmeOrder order = acme.validate(account, acme.order(account, name), false);
        assertThat(order.status()).isEqualTo(OrderStatus.INVALID);
    }
}
