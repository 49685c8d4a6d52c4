package dev.cachet.revocation;

import static dev.cachet.revocation.OcspTestClient.basic;
import static dev.cachet.revocation.OcspTestClient.certId;
import static dev.cachet.revocation.OcspTestClient.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.core.RevocationReason;
import dev.cachet.testing.StoredTestCa;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OcspResponderCacheTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private StoredTestCa ca;
    private X509CertificateHolder issuer;
    private OcspResponder responder;
    private BigInteger serial;
    private byte[] request;

    @BeforeEach
    void setUp() {
        ca = StoredTestCa.create(NOW);
        issuer = ca.issuer().certificate();
        responder = new OcspResponder(List.of(ca.issuer()), ca.certificates(), ca.clock(), OcspSettings.defaults());
        serial = ca.issue("cached.example").serial();
        request = request(certId(issuer, serial));
    }

    @Test
    void aCachedResponseIsServedOnlyWhileItsStatusIsYoungerThanStatusMaxAge() {
        byte[] first = responder.respond(request);
        // Another instance revokes through the shared store: this instance's cache is not told.
        ca.certificates().revoke(serial, RevocationReason.KEY_COMPROMISE, NOW);

        ca.clock().advance(Duration.ofMillis(4999));
        assertThat(responder.respond(request)).isSameAs(first);

        ca.clock().advance(Duration.ofMillis(1));
        byte[] later = responder.respond(request);
        assertThat(basic(later, issuer).getResponses()[0].getCertStatus()).isInstanceOf(RevokedStatus.class);
        assertThat(basic(later, issuer).getProducedAt().toInstant()).isEqualTo(NOW.plusSeconds(5));
    }

    @Test
    void anUnchangedStatusKeepsTheSignedResponseAfterTheStoreConfirmsIt() {
        byte[] first = responder.respond(request);

        ca.clock().advance(Duration.ofMinutes(10));
        byte[] confirmed = responder.respond(request);
        ca.clock().advance(Duration.ofSeconds(4));

        assertThat(confirmed).isSameAs(first);
        assertThat(responder.respond(request)).isSameAs(first);
    }

    @Test
    void invalidateDropsTheCachedResponseAtOnce() {
        responder.respond(request);
        ca.certificates().revoke(serial, RevocationReason.KEY_COMPROMISE, NOW);

        responder.invalidate(serial);

        assertThat(responder.cachedSerials()).isZero();
        assertThat(basic(responder.respond(request), issuer).getResponses()[0].getCertStatus())
                .isInstanceOf(RevokedStatus.class);
    }

    @Test
    void noGoodResponseIsServedOnceInvalidateReturnedEvenUnderConcurrentRequests() throws Exception {
        responder.respond(request);
        AtomicBoolean invalidated = new AtomicBoolean();
        AtomicInteger staleAfterInvalidate = new AtomicInteger();
        AtomicInteger revokedSeen = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                workers.add(pool.submit(() -> {
                    long end = System.nanoTime() + Duration.ofMillis(400).toNanos();
                    while (System.nanoTime() < end) {
                        boolean after = invalidated.get();
                        if (!isGood(responder.respond(request))) {
                            revokedSeen.incrementAndGet();
                        } else if (after) {
                            staleAfterInvalidate.incrementAndGet();
                        }
                    }
                }));
            }
            Thread.sleep(100);
            ca.certificates().revoke(serial, RevocationReason.KEY_COMPROMISE, NOW);
            responder.invalidate(serial);
            invalidated.set(true);
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(staleAfterInvalidate.get()).isZero();
        assertThat(revokedSeen.get()).isPositive();
    }

    @Test
    void responsesAreSignedAnewAfterHalfTheirValidity() {
        byte[] first = responder.respond(request);

        ca.clock().advance(Duration.ofHours(12).minusSeconds(1));
        assertThat(responder.respond(request)).isSameAs(first);
        ca.clock().advance(Duration.ofSeconds(1));
        BasicOCSPResp resigned = basic(responder.respond(request), issuer);

        assertThat(resigned.getProducedAt().toInstant()).isEqualTo(NOW.plus(Duration.ofHours(12)));
        assertThat(resigned.getResponses()[0].getNextUpdate().toInstant())
                .isEqualTo(NOW.plus(Duration.ofHours(36)));
    }

    @Test
    void aZeroStatusMaxAgeAsksTheStoreEveryTime() {
        OcspResponder strict = new OcspResponder(List.of(ca.issuer()), ca.certificates(), ca.clock(),
                new OcspSettings(Duration.ofDays(1), Duration.ZERO, 100, 65536, 20));
        strict.respond(request);
        ca.certificates().revoke(serial, RevocationReason.KEY_COMPROMISE, NOW);

        assertThat(basic(strict.respond(request), issuer).getResponses()[0].getCertStatus())
                .isInstanceOf(RevokedStatus.class);
    }

    @Test
    void theCacheStaysWithinItsSize() {
        OcspResponder small = new OcspResponder(List.of(ca.issuer()), ca.certificates(), ca.clock(),
                new OcspSettings(Duration.ofDays(1), Duration.ofSeconds(5), 10, 65536, 20));

        for (int i = 1; i <= 50; i++) {
            small.respond(request(certId(issuer, BigInteger.valueOf(i))));
        }

        assertThat(small.cachedSerials()).isBetween(1, 10);
    }

    private static boolean isGood(byte[] response) {
        try {
            return ((BasicOCSPResp) OcspTestClient.parse(response).getResponseObject()).getResponses()[0]
                    .getCertStatus() == null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void sha1AndSha256CertIdsAreCachedApart() {
        byte[] sha256 = request(certId(OcspTestClient.SHA256, issuer, serial));

        byte[] first = responder.respond(request);
        byte[] second = responder.respond(sha256);

        assertThat(basic(second, issuer).getResponses()[0].getCertID())
                .isEqualTo(certId(OcspTestClient.SHA256, issuer, serial));
        assertThat(responder.respond(request)).isSameAs(first);
        assertThat(responder.respond(sha256)).isSameAs(second);
        assertThat(responder.cachedSerials()).isEqualTo(1);
    }
}
