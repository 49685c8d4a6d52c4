package dev.cachet.revocation;

import static dev.cachet.revocation.CrlTestSupport.number;
import static dev.cachet.revocation.CrlTestSupport.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.ca.IssuerIds;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.RevocationReason;
import dev.cachet.store.CrlStore;
import dev.cachet.store.StoredCrl;
import dev.cachet.testing.StoredTestCa;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CRLEntryHolder;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CrlServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private StoredTestCa ca;
    private X509CertificateHolder issuer;
    private CrlService service;

    @BeforeEach
    void setUp() {
        ca = StoredTestCa.create(NOW);
        issuer = ca.issuer().certificate();
        service = new CrlService(ca.certificates(), ca.crls(), ca.clock(), CrlSettings.defaults());
    }

    @Test
    void theFirstCrlIsAnEmptySignedV2CrlWithNumberOneAndTheIssuersKeyId() {
        X509CRLHolder crl = parse(service.current(ca.issuer()), issuer);

        assertThat(number(crl)).isEqualTo(BigInteger.ONE);
        assertThat(crl.toASN1Structure().getVersionNumber()).isEqualTo(2);
        assertThat(crl.getIssuer()).isEqualTo(issuer.getSubject());
        assertThat(crl.getRevokedCertificates()).isEmpty();
        assertThat(crl.getThisUpdate().toInstant()).isEqualTo(NOW);
        assertThat(crl.getNextUpdate().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(7)));
        AuthorityKeyIdentifier aki = AuthorityKeyIdentifier.fromExtensions(crl.getExtensions());
        assertThat(aki.getKeyIdentifier())
                .isEqualTo(SubjectKeyIdentifier.fromExtensions(issuer.getExtensions()).getKeyIdentifier());
        assertThat(crl.getExtension(Extension.authorityKeyIdentifier).isCritical()).isFalse();
        assertThat(crl.getExtension(Extension.cRLNumber).isCritical()).isFalse();
        assertThat(ca.crls().latest(IssuerIds.of(issuer)).orElseThrow().number()).isEqualTo(BigInteger.ONE);
    }

    @Test
    void numbersIncreaseWithEachCrl() {
        service.current(ca.issuer());
        ca.clock().advance(Duration.ofMinutes(1));

        assertThat(service.regenerate(ca.issuer()).number()).isEqualTo(BigInteger.TWO);
        assertThat(service.regenerate(ca.issuer()).number()).isEqualTo(BigInteger.valueOf(3));
        assertThat(number(parse(service.current(ca.issuer()), issuer))).isEqualTo(BigInteger.valueOf(3));
    }

    @Test
    void entriesCarryTheirTimeAndAReasonCodeExceptForUnspecified() {
        BigInteger compromised = ca.issue("a.example").serial();
        BigInteger unspecified = ca.issue("b.example").serial();
        BigInteger notRevoked = ca.issue("c.example").serial();
        ca.certificates().revoke(compromised, RevocationReason.KEY_COMPROMISE, NOW.minusSeconds(30));
        ca.certificates().revoke(unspecified, RevocationReason.UNSPECIFIED, NOW.minusSeconds(20));

        X509CRLHolder crl = parse(service.regenerate(ca.issuer()).der(), issuer);

        assertThat(crl.getRevokedCertificates()).hasSize(2);
        X509CRLEntryHolder keyCompromise = crl.getRevokedCertificate(compromised);
        assertThat(keyCompromise.getRevocationDate().toInstant()).isEqualTo(NOW.minusSeconds(30));
        assertThat(CRLReason.getInstance(keyCompromise.getExtension(Extension.reasonCode).getParsedValue())
                .getValue().intValue()).isEqualTo(CRLReason.keyCompromise);
        assertThat(crl.getRevokedCertificate(unspecified).hasExtensions()).isFalse();
        assertThat(crl.getRevokedCertificate(notRevoked)).isNull();
    }

    @Test
    void aLongExpiredRevokedCertificateIsLeftOut() {
        BigInteger shortLived = ca.issue("short.example", 2).serial();
        BigInteger longLived = ca.issue("long.example", 90).serial();
        ca.certificates().revoke(shortLived, RevocationReason.SUPERSEDED, NOW);
        ca.certificates().revoke(longLived, RevocationReason.SUPERSEDED, NOW);
        assertThat(parse(service.regenerate(ca.issuer()).der(), issuer).getRevokedCertificates()).hasSize(2);

        ca.clock().advance(Duration.ofDays(4));
        X509CRLHolder crl = parse(service.regenerate(ca.issuer()).der(), issuer);

        assertThat(crl.getRevokedCertificate(shortLived)).isNull();
        assertThat(crl.getRevokedCertificate(longLived)).isNotNull();
    }

    @Test
    void currentServesTheStoredCrlUntilTheRefreshIntervalThenMakesANewOne() {
        byte[] first = service.current(ca.issuer());

        ca.clock().advance(Duration.ofHours(24).minusSeconds(1));
        assertThat(service.current(ca.issuer())).isEqualTo(first);
        ca.clock().advance(Duration.ofSeconds(1));
        X509CRLHolder refreshed = parse(service.current(ca.issuer()), issuer);

        assertThat(number(refreshed)).isEqualTo(BigInteger.TWO);
        assertThat(refreshed.getThisUpdate().toInstant()).isEqualTo(NOW.plus(Duration.ofHours(24)));
    }

    @Test
    void anotherInstancesCrlIsSeenAfterTheReloadInterval() {
        CrlService other = new CrlService(ca.certificates(), ca.crls(), ca.clock(), CrlSettings.defaults());
        service.current(ca.issuer());
        ca.certificates().revoke(ca.issue("x.example").serial(), RevocationReason.KEY_COMPROMISE, NOW);
        other.regenerate(ca.issuer());

        assertThat(number(parse(service.current(ca.issuer()), issuer))).isEqualTo(BigInteger.ONE);
        ca.clock().advance(Duration.ofMinutes(1));
        X509CRLHolder seen = parse(service.current(ca.issuer()), issuer);

        assertThat(number(seen)).isEqualTo(BigInteger.TWO);
        assertThat(seen.getRevokedCertificates()).hasSize(1);
    }

    @Test
    void aNumberTakenByAnotherInstanceIsRetriedWithTheNextNumber() {
        AtomicInteger conflicts = new AtomicInteger(2);
        CrlStore racing = new RacingCrlStore(ca, conflicts);
        CrlService racer = new CrlService(ca.certificates(), racing, ca.clock(), CrlSettings.defaults());

        StoredCrl saved = racer.regenerate(ca.issuer());

        assertThat(saved.number()).isEqualTo(BigInteger.valueOf(3));
        assertThat(number(parse(saved.der(), issuer))).isEqualTo(BigInteger.valueOf(3));
        assertThat(ca.crls().count(IssuerIds.of(issuer))).isEqualTo(3);
    }

    @Test
    void givesUpAfterTheConfiguredAttempts() {
        CrlStore racing = new RacingCrlStore(ca, new AtomicInteger(Integer.MAX_VALUE));
        CrlService racer = new CrlService(ca.certificates(), racing, ca.clock(),
                new CrlSettings(Duration.ofDays(7), Duration.ofHours(24), Duration.ZERO, 3));

        assertThatThrownBy(() -> racer.regenerate(ca.issuer())).isInstanceOf(CachetException.class)
                .hasMessageContaining("after 3 attempts")
                .satisfies(e -> assertThat(((CachetException) e).type()).isEqualTo(ErrorType.UNAVAILABLE));
    }

    @Test
    void settingsFollowTheBaselineRequirements() {
        assertThatThrownBy(() -> new CrlSettings(Duration.ofDays(11), Duration.ofHours(24), Duration.ZERO, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CrlSettings(Duration.ofDays(1), Duration.ofDays(1), Duration.ZERO, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A CRL store where another instance saves the same number just before this one, a few times. */
    private static final class RacingCrlStore implements CrlStore {
        private final StoredTestCa ca;
        private final AtomicInteger conflicts;

        RacingCrlStore(StoredTestCa ca, AtomicInteger conflicts) {
            this.ca = ca;
            this.conflicts = conflicts;
        }

        @Override
        public Optional<StoredCrl> latest(String issuerId) {
            return ca.crls().latest(issuerId);
        }

        @Override
        public boolean save(StoredCrl crl) {
            if (conflicts.getAndDecrement() > 0) {
                ca.crls().save(new StoredCrl(crl.issuerId(), crl.number(), crl.thisUpdate(), crl.nextUpdate(),
                        crl.der()));
            }
            return ca.crls().save(crl);
        }
    }
}
