package dev.cachet.enrolment.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.core.Identifier;
import dev.cachet.store.CertificateReservation;
import dev.cachet.store.requests.CertificateRequest;
import dev.cachet.store.requests.RequestStatus;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Requests a crash left ISSUING are settled after the grace period, from the certificate linked to them. */
class RequestRecoveryTest {
    private static final Duration GRACE = Duration.ofMinutes(5);

    private final EmailFixture f = new EmailFixture();
    private final RequestRecovery recovery = new RequestRecovery(f.requests, f.certificates, f.audit, f.clock, GRACE);

    /** A request cut short while issuing: moved to ISSUING, optionally with a serial reserved and linked. */
    private CertificateRequest stuck(BigInteger serial) {
        CertificateRequest request = f.submit(Map.of(), "www.example.org");
        assertThat(f.requests.transition(request.id(), RequestStatus.PENDING_VALIDATION, RequestStatus.ISSUING,
                f.clock.instant(), null, null)).isTrue();
        if (serial != null) {
            f.certificates.reserve(new CertificateReservation(serial, "issuer", "tls-server",
                    List.of(Identifier.dns("www.example.org")), "request:" + request.id(), f.clock.instant(),
                    f.clock.instant().plus(Duration.ofDays(90)), new byte[] {1}));
            assertThat(f.requests.attachSerial(request.id(), serial)).isTrue();
        }
        return request;
    }

    private RequestStatus status(CertificateRequest request) {
        return f.requests.find(request.id()).orElseThrow().status();
    }

    @Test
    void aRequestWhoseCertificateWasStoredBecomesIssuedWithIt() {
        CertificateRequest request = stuck(BigInteger.TEN);
        f.certificates.recordIssued(BigInteger.TEN, new byte[] {2});
        f.clock.advance(GRACE.plusSeconds(1));

        assertThat(recovery.run()).isEqualTo(1);

        CertificateRequest recovered = f.requests.find(request.id()).orElseThrow();
        assertThat(recovered.status()).isEqualTo(RequestStatus.ISSUED);
        assertThat(recovered.certificateSerial()).contains(BigInteger.TEN);
        assertThat(f.audit.recent(100)).anySatisfy(e -> assertThat(e.action()).isEqualTo("request.recovered"));
    }

    @Test
    void aRequestWithoutACertificateIsApprovedAgainAndTheSweepIssuesIt() {
        CertificateRequest noSerial = stuck(null);
        CertificateRequest neverIssued = stuck(BigInteger.TWO);
        f.clock.advance(GRACE.plusSeconds(1));
        assertThat(f.certificates.markUnissued(BigInteger.TWO, f.clock.instant().minus(GRACE))).isTrue();

        assertThat(recovery.run()).isEqualTo(2);
        assertThat(status(noSerial)).isEqualTo(RequestStatus.APPROVED);
        assertThat(status(neverIssued)).isEqualTo(RequestStatus.APPROVED);

        assertThat(f.issuance.sweep()).isEqualTo(2);
        assertThat(status(noSerial)).isEqualTo(RequestStatus.ISSUED);
        assertThat(status(neverIssued)).isEqualTo(RequestStatus.ISSUED);
        assertThat(f.requests.find(neverIssued.id()).orElseThrow().certificateSerial())
                .isPresent().get().isNotEqualTo(BigInteger.TWO);
    }

    @Test
    void aYoungRequestAndAStillReservedSerialAreLeftForALaterPass() {
        CertificateRequest young = stuck(null);
        CertificateRequest reserved = stuck(BigInteger.valueOf(7));
        f.clock.advance(GRACE.minusSeconds(1));
        assertThat(recovery.run()).isZero();
        f.clock.advance(Duration.ofSeconds(2));

        assertThat(recovery.run()).as("the young one only: the reservation is not settled yet").isEqualTo(1);
        assertThat(status(young)).isEqualTo(RequestStatus.APPROVED);
        assertThat(status(reserved)).isEqualTo(RequestStatus.ISSUING);
    }

    @Test
    void issuanceRefusesToSignForARequestRecoveryMovedMeanwhile() {
        CertificateRequest request = stuck(null);
        assertThat(f.requests.transition(request.id(), RequestStatus.ISSUING, RequestStatus.APPROVED,
                f.clock.instant(), null, null)).isTrue();

        assertThat(f.requests.attachSerial(request.id(), BigInteger.ONE)).isFalse();
    }
}
