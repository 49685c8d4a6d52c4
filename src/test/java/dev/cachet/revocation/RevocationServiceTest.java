package dev.cachet.revocation;

import static dev.cachet.revocation.OcspTestClient.basic;
import static dev.cachet.revocation.OcspTestClient.certId;
import static dev.cachet.revocation.OcspTestClient.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.RevocationReason;
import dev.cachet.store.CertificateRecord;
import dev.cachet.store.CertificateStatus;
import dev.cachet.testing.InMemoryBlockedKeyStore;
import dev.cachet.testing.InMemoryAuditLog;
import dev.cachet.testing.StoredTestCa;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RevocationServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private StoredTestCa ca;
    private X509CertificateHolder issuer;
    private OcspResponder ocsp;
    private CrlService crls;
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private RevocationService revoker;

    @BeforeEach
    void setUp() {
        ca = StoredTestCa.create(NOW);
        issuer = ca.issuer().certificate();
        ocsp = new OcspResponder(List.of(ca.issuer()), ca.certificates(), ca.clock(), OcspSettings.defaults());
        crls = new CrlService(ca.certificates(), ca.crls(), ca.clock(), CrlSettings.defaults());
        revoker = new RevocationService(ca.certificates(), new InMemoryBlockedKeyStore(), audit, crls, ocsp,
                List.of(ca.issuer()), ca.clock());
    }

    @Test
    void aRevocationShowsAtOnceInOcspAndInTheCrl() {
        BigInteger serial = ca.issue("revoke.example").serial();
        byte[] before = ocsp.respond(request(certId(issuer, serial)));
        crls.current(ca.issuer());

        CertificateRecord record = revoker.revoke(serial, RevocationReason.KEY_COMPROMISE, "token:ops");

        assertThat(audit.recent(1).get(0)).satisfies(e -> {
            assertThat(e.actor()).isEqualTo("token:ops");
            assertThat(e.action()).isEqualTo("certificate.revoked");
            assertThat(e.subject()).isEqualTo(serial.toString(16));
            assertThat(e.details()).containsEntry("reason", "keyCompromise");
        });
        assertThat(record.status()).isEqualTo(CertificateStatus.REVOKED);
        assertThat(record.revokedAt()).contains(NOW);
        assertThat(basic(before, issuer).getResponses()[0].getCertStatus()).isNull();
        assertThat(basic(ocsp.respond(request(certId(issuer, serial))), issuer).getResponses()[0].getCertStatus())
                .isInstanceOf(RevokedStatus.class);
        X509CRLHolder crl = CrlTestSupport.parse(crls.current(ca.issuer()), issuer);
        assertThat(CrlTestSupport.number(crl)).isEqualTo(BigInteger.TWO);
        assertThat(crl.getRevokedCertificate(serial)).isNotNull();
    }

    @Test
    void refusesSecondRevocationsUnknownSerialsAndCaCompromise() {
        BigInteger serial = ca.issue("twice.example").serial();
        revoker.revoke(serial, RevocationReason.SUPERSEDED, "test");

        assertThatThrownBy(() -> revoker.revoke(serial, RevocationReason.KEY_COMPROMISE, "test"))
                .satisfies(e -> assertThat(((CachetException) e).type()).isEqualTo(ErrorType.ALREADY_REVOKED));
        assertThatThrownBy(() -> revoker.revoke(BigInteger.valueOf(99), RevocationReason.KEY_COMPROMISE, "test"))
                .satisfies(e -> assertThat(((CachetException) e).type()).isEqualTo(ErrorType.NOT_FOUND));
        BigInteger other = ca.issue("ca.example").serial();
        assertThatThrownBy(() -> revoker.revoke(other, RevocationReason.CA_COMPROMISE, "test"))
                .satisfies(e -> assertThat(((CachetException) e).type()).isEqualTo(ErrorType.POLICY));
        assertThat(ca.certificates().find(other).orElseThrow().status()).isEqualTo(CertificateStatus.ISSUED);
    }
}
