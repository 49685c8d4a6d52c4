package dev.cachet.acme;

import static dev.cachet.acme.AcmeServicesFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.core.Identifier;
import dev.cachet.store.CertificateQuery;
import dev.cachet.store.acme.AcmeAccount;
import dev.cachet.store.acme.AcmeOrder;
import dev.cachet.store.acme.AcmeProblem;
import dev.cachet.store.acme.OrderStatus;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Certificates per registered domain per week, at newOrder and at finalize, and the renewal exemption. */
class CertificateRateLimitTest {
    private AcmeServicesFixture acme;
    private AcmeAccount account;

    @BeforeEach
    void start() {
        acme = new AcmeServicesFixture(new RateLimits(0, 2, 0, 0));
        account = acme.account();
    }

    @AfterEach
    void close() {
        acme.close();
    }

    @Test
    void theSecondCertificateUnderARegisteredDomainIsAllowedTheThirdRefusedForAWeek() {
        acme.issue(account, "a.example.co.uk");
        acme.clock.advance(Duration.ofDays(1));
        acme.issue(account, "www.b.example.co.uk");
        acme.clock.advance(Duration.ofDays(1));

        RateLimitedException e = refused(() -> acme.order(account, "c.example.co.uk", "other.co.uk"));

        assertThat(e.retryAfter()).isEqualTo(Duration.ofDays(5));
        assertThat(e.getMessage()).contains("certificates for example.co.uk in the last 7 days", "limit 2");
        assertThat(e.subproblems()).extracting(AcmeProblem::identifier)
                .containsExactly(Identifier.dns("c.example.co.uk"));
        refused(() -> acme.order(acme.account(), "*.example.co.uk"));
        acme.issue(account, "other.co.uk");
        acme.clock.advance(Duration.ofDays(5).minusSeconds(1));
        refused(() -> acme.order(account, "c.example.co.uk"));
        acme.clock.advance(Duration.ofSeconds(1));
        acme.issue(account, "c.example.co.uk");
    }

    @Test
    void anIpAddressCountsByItself() {
        acme.issue(account, "192.0.2.1", "one.example");
        acme.issue(account, "192.0.2.1", "two.example");

        RateLimitedException e = refused(() -> acme.order(account, "192.0.2.1", "three.example"));

        assertThat(e.subproblems()).extracting(AcmeProblem::identifier)
                .containsExactly(new Identifier(Identifier.Type.IP, "192.0.2.1"));
        acme.issue(account, "192.0.2.2", "three.example");
    }

    @Test
    void aRenewalOfExactlyTheSameNamesIsExemptButCounts() {
        acme.issue(account, "a.example.org", "www.a.example.org");
        acme.clock.advance(Duration.ofDays(1));
        acme.issue(account, "b.example.org");
        acme.clock.advance(Duration.ofDays(1));

        acme.issue(acme.account(), "www.a.example.org", "a.example.org");
        refused(() -> acme.order(account, "a.example.org"));

        acme.clock.advance(Duration.ofDays(5).plusSeconds(1));
        RateLimitedException e = refused(() -> acme.order(account, "c.example.org"));
        assertThat(e.retryAfter()).isEqualTo(Duration.ofDays(1).minusSeconds(1));
    }

    @Test
    void anOrderReplacingACertificateOfTheSameAccountIsExempt() {
        AcmeOrder first = acme.issue(account, "a.example.org");
        acme.issue(account, "b.example.org");
        String certId = acme.certId(first);

        refused(() -> acme.replacing(acme.account(), certId, "a.example.org", "c.example.org"));
        refused(() -> acme.replacing(account, certId, "c.example.org"));
        refused(() -> acme.replacing(account, "not-a-cert-id", "a.example.org", "c.example.org"));
        AcmeOrder renewal = acme.issueReplacing(account, certId, "a.example.org", "c.example.org");

        assertThat(renewal.replaces()).isEqualTo(certId);
    }

    @Test
    void finalizeChecksAgainAndLeavesTheOrderReadyForALaterRetry() {
        AcmeOrder early = acme.validate(account, acme.order(account, "c.example.org"), true);
        acme.issue(account, "a.example.org");
        acme.clock.advance(Duration.ofHours(1));
        acme.issue(account, "b.example.org");

        RateLimitedException e = refused(() -> acme.finalizeOrder(account, early));

        assertThat(e.retryAfter()).isEqualTo(Duration.ofDays(7).minusHours(1));
        assertThat(acme.orders.find(account, early.id()).status()).isEqualTo(OrderStatus.READY);
        assertThat(acme.ca.certificates().search(new CertificateQuery(Optional.empty(), Optional.empty(),
                Optional.of("c.example.org"), Optional.empty(), 10))).isEmpty();
        acme.clock.advance(e.retryAfter());
        assertThat(acme.finalizeOrder(account, early).status()).isEqualTo(OrderStatus.VALID);
    }
}
