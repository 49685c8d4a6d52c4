package dev.cachet.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.store.requests.CertificateRequest;
import dev.cachet.store.requests.DomainStatus;
import dev.cachet.store.requests.DomainValidation;
import dev.cachet.store.requests.OutboxMail;
import dev.cachet.store.requests.RequestStatus;
import dev.cachet.store.requests.ValidatedDomain;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link JdbcCertificateRequestStore} and {@link JdbcMailOutbox} must do, on H2 and PostgreSQL. */
class JdbcCertificateRequestStoreTest extends StoreContract {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00.123456Z");

    @Test
    void aRequestIsStoredWithItsDomainsAndMailsInOneGo() {
        JdbcCertificateRequestStore store = new JdbcCertificateRequestStore(dataSource());
        CertificateRequest request = request("r1");
        DomainValidation domain = pending("r1", "example.org");

        store.create(request, List.of(domain, pending("r1", "example.com")), List.of(mail("m1")));

        assertThat(store.find("r1")).contains(request);
        assertThat(store.find("nope")).isEmpty();
        assertThat(store.domains("r1")).extracting(DomainValidation::domain).containsExactly("example.com",
                "example.org");
        DomainValidation read = store.domains("r1").get(1);
        assertThat(read.formKey().orElseThrow()).isEqualTo(domain.formKey().orElseThrow());
        assertThat(read.valueSha256()).isEqualTo(domain.valueSha256());
        assertThat(read.expiresAt()).isEqualTo(domain.expiresAt());
        assertThat(new JdbcMailOutbox(dataSource()).pending()).isEqualTo(1);
    }

    @Test
    void statusMovesAreCompareAndSet() {
        JdbcCertificateRequestStore store = new JdbcCertificateRequestStore(dataSource());
        store.create(request("r1"), List.of(pending("r1", "example.org")), List.of());
        Instant later = T0.plusSeconds(60);

        assertThat(store.transitionDomain("r1", "example.org", DomainStatus.PENDING, DomainStatus.VALIDATED, later))
                .isTrue();
        assertThat(store.transitionDomain("r1", "example.org", DomainStatus.PENDING, DomainStatus.VALIDATED, later))
                .isFalse();
        assertThat(store.transition("r1", RequestStatus.PENDING_VALIDATION, RequestStatus.APPROVED, later, "cli",
                null)).isTrue();
        assertThat(store.transition("r1", RequestStatus.PENDING_VALIDATION, RequestStatus.REJECTED, later, "x", "y"))
                .isFalse();
        assertThat(store.recordIssued("r1", BigInteger.TEN, later)).isFalse();
        assertThat(store.attachSerial("r1", BigInteger.TWO)).as("only an ISSUING request takes a serial").isFalse();
        assertThat(store.transition("r1", RequestStatus.APPROVED, RequestStatus.ISSUING, later, null, null)).isTrue();
        assertThat(store.attachSerial("r1", BigInteger.TWO)).isTrue();
        assertThat(store.find("r1").orElseThrow().certificateSerial()).contains(BigInteger.TWO);
        assertThat(store.find("r1").orElseThrow().status()).isEqualTo(RequestStatus.ISSUING);
        assertThat(store.recordIssued("r1", BigInteger.TEN, later)).isTrue();

        CertificateRequest issued = store.find("r1").orElseThrow();
        assertThat(issued.status()).isEqualTo(RequestStatus.ISSUED);
        assertThat(issued.decidedBy()).contains("cli");
        assertThat(issued.certificateSerial()).contains(BigInteger.TEN);
        assertThat(issued.statusChangedAt()).isEqualTo(later);
        assertThat(store.domains("r1").get(0).validatedAt()).contains(later);
        assertThat(store.list(Optional.of(RequestStatus.ISSUED), 10)).extracting(CertificateRequest::id)
                .containsExactly("r1");
        assertThat(store.list(Optional.of(RequestStatus.PENDING_VALIDATION), 10)).isEmpty();
    }

    @Test
    void failedAttemptsAreCountedAndValidationsFoundForReuse() {
        JdbcCertificateRequestStore store = new JdbcCertificateRequestStore(dataSource());
        store.create(request("r1"), List.of(pending("r1", "example.org")), List.of());

        assertThat(store.countFailedAttempt("r1", "example.org")).isEqualTo(1);
        assertThat(store.countFailedAttempt("r1", "example.org")).isEqualTo(2);
        store.recordValidated(new ValidatedDomain("example.org", "email", "admin@example.org", T0, "r1"));
        ValidatedDomain newer = new ValidatedDomain("example.org", "email", "webmaster@example.org",
                T0.plusSeconds(5), "r1");
        store.recordValidated(newer);

        assertThat(store.latestValidation("example.org", T0)).contains(newer);
        assertThat(store.latestValidation("example.org", T0.plusSeconds(6))).isEmpty();
        assertThat(store.latestValidation("example.com", T0)).isEmpty();
    }

    @Test
    void aDueMailIsClaimedByOneOwnerUntilItsLeaseEnds() {
        JdbcMailOutbox outbox = new JdbcMailOutbox(dataSource());
        outbox.enqueue(mail("m1"));
        Instant now = T0.plusSeconds(1);

        List<OutboxMail> first = outbox.claim("a", now, now.plusSeconds(300), 10);
        assertThat(first).containsExactly(mail("m1"));
        assertThat(outbox.claim("b", now, now.plusSeconds(300), 10)).isEmpty();
        assertThat(outbox.markSent("m1", "b", now)).isFalse();

        assertThat(outbox.markFailed("m1", "a", "connection refused", now.plusSeconds(30))).isTrue();
        assertThat(outbox.claim("b", now.plusSeconds(29), now.plusSeconds(329), 10)).isEmpty();
        List<OutboxMail> retried = outbox.claim("b", now.plusSeconds(30), now.plusSeconds(330), 10);
        assertThat(retried).singleElement().extracting(OutboxMail::attempts).isEqualTo(1);

        assertThat(outbox.markSent("m1", "b", now.plusSeconds(31))).isTrue();
        assertThat(outbox.pending()).isZero();
        assertThat(outbox.claim("c", now.plusSeconds(9999), now.plusSeconds(99999), 10)).isEmpty();
    }

    @Test
    void anAbandonedLeaseIsClaimedAgainAndASentMailLosesItsBody() throws Exception {
        JdbcMailOutbox outbox = new JdbcMailOutbox(dataSource());
        outbox.enqueue(mail("m1"));
        outbox.claim("crashed", T0, T0.plusSeconds(300), 10);

        assertThat(outbox.claim("b", T0.plusSeconds(301), T0.plusSeconds(600), 10)).hasSize(1);
        assertThat(outbox.markSent("m1", "b", T0.plusSeconds(302))).isTrue();

        try (var c = dataSource().getConnection(); var s = c.createStatement();
                var rows = s.executeQuery("SELECT body, status FROM mail_outbox WHERE id = 'm1'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString("body")).isEmpty();
            assertThat(rows.getString("status")).isEqualTo("SENT");
        }
    }

    private static CertificateRequest request(String id) {
        return new CertificateRequest(id, RequestStatus.PENDING_VALIDATION, "-----BEGIN CERTIFICATE REQUEST-----",
                "tls-server", List.of("www.example.org", "*.example.com"), "anonymous", "dev@example.net",
                "AB:CD", T0, T0, Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static DomainValidation pending(String id, String domain) {
        return new DomainValidation(id, domain, "admin@" + domain, DomainStatus.PENDING, "email",
                Optional.of("ab".repeat(32)), Optional.of(new byte[] {1, 2, 3}), T0.plusSeconds(86400), 0,
                Optional.empty());
    }

    private static OutboxMail mail(String id) {
        return new OutboxMail(id, "admin@example.org", "Confirm", "the value is xyz", 0, T0);
    }
}
