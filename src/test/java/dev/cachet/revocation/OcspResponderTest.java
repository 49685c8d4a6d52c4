package dev.cachet.revocation;

import static dev.cachet.revocation.OcspTestClient.basic;
import static dev.cachet.revocation.OcspTestClient.certId;
import static dev.cachet.revocation.OcspTestClient.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.core.RevocationReason;
import dev.cachet.store.CertificateReservation;
import dev.cachet.testing.StoredTestCa;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.ResponderID;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OcspResponderTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private StoredTestCa ca;
    private X509CertificateHolder issuer;
    private OcspResponder responder;

    @BeforeEach
    void setUp() {
        ca = StoredTestCa.create(NOW);
        issuer = ca.issuer().certificate();
        responder = new OcspResponder(List.of(ca.issuer()), ca.certificates(), ca.clock(), OcspSettings.defaults());
    }

    @Test
    void anIssuedCertificateIsGoodInAResponseSignedByTheIssuer() throws Exception {
        BigInteger serial = ca.issue("good.example").serial();

        BasicOCSPResp response = basic(responder.respond(request(certId(issuer, serial))), issuer);

        SingleResp single = response.getResponses()[0];
        assertThat(single.getCertStatus()).isNull();
        assertThat(single.getCertID()).isEqualTo(certId(issuer, serial));
        assertThat(single.getThisUpdate().toInstant()).isEqualTo(NOW);
        assertThat(single.getNextUpdate().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(1)));
        assertThat(response.getProducedAt().toInstant()).isEqualTo(NOW);
        ResponderID byKey = response.getResponderId().toASN1Primitive();
        assertThat(byKey.getKeyHash()).hasSize(20);
        assertThat(response.getCerts()).isEmpty();
        assertThat(response.hasExtensions()).isFalse();
    }

    @Test
    void aReservedSerialIsGood() {
        BigInteger serial = BigInteger.valueOf(0x5eed);
        ca.certificates().reserve(new CertificateReservation(serial, ca.ca().leafIssuer(ca.clock()).issuerId(),
                "tls-server", List.of(), "test", NOW, NOW.plus(Duration.ofDays(90)), new byte[0]));

        assertThat(statusOf(serial)).isNull();
    }

    @Test
    void aSerialMarkedNeverIssuedByCrashRecoveryIsUnknown() {
        BigInteger serial = BigInteger.valueOf(0x10575);
        ca.certificates().reserve(new CertificateReservation(serial, ca.ca().leafIssuer(ca.clock()).issuerId(),
                "tls-server", List.of(), "test", NOW, NOW.plus(Duration.ofDays(90)), new byte[0]));
        ca.certificates().markUnissued(serial, NOW.plusSeconds(1));

        // BR 4.9.10: never "good" for a serial no certificate carries.
        assertThat(statusOf(serial)).isInstanceOf(UnknownStatus.class);
    }

    @Test
    void aRevokedCertificateIsRevokedWithItsTimeAndReason() {
        BigInteger serial = ca.issue("revoked.example").serial();
        Instant revokedAt = NOW.minusSeconds(60);
        ca.certificates().revoke(serial, RevocationReason.KEY_COMPROMISE, revokedAt);

        RevokedStatus status = (RevokedStatus) statusOf(serial);

        assertThat(status.getRevocationTime().toInstant()).isEqualTo(revokedAt);
        assertThat(status.hasRevocationReason()).isTrue();
        assertThat(status.getRevocationReason()).isEqualTo(RevocationReason.KEY_COMPROMISE.code());
    }

    @Test
    void anUnspecifiedReasonIsLeftOutAsOnTheCrl() {
        BigInteger serial = ca.issue("unspecified.example").serial();
        ca.certificates().revoke(serial, RevocationReason.UNSPECIFIED, NOW);

        RevokedStatus status = (RevokedStatus) statusOf(serial);

        assertThat(status.hasRevocationReason()).isFalse();
    }

    @Test
    void aSerialNeverIssuedIsUnknown() {
        assertThat(statusOf(BigInteger.valueOf(123456789))).isInstanceOf(UnknownStatus.class);
    }

    @Test
    void aSerialOfAnotherIssuerInTheSameStoreIsUnknown() {
        BigInteger serial = BigInteger.valueOf(0xabcdef);
        ca.certificates().reserve(new CertificateReservation(serial, "0123456789abcdef", "tls-server", List.of(),
                "test", NOW, NOW.plus(Duration.ofDays(90)), new byte[0]));

        assertThat(statusOf(serial)).isInstanceOf(UnknownStatus.class);
    }

    @Test
    void sha256CertIdsAreAnsweredWithTheSameCertId() {
        BigInteger good = ca.issue("sha256.example").serial();
        BigInteger revoked = ca.issue("sha256-revoked.example").serial();
        ca.certificates().revoke(revoked, RevocationReason.SUPERSEDED, NOW);

        BasicOCSPResp response = basic(responder.respond(request(certId(OcspTestClient.SHA256, issuer, good),
                certId(OcspTestClient.SHA256, issuer, revoked))), issuer);

        assertThat(response.getResponses()[0].getCertID()).isEqualTo(certId(OcspTestClient.SHA256, issuer, good));
        assertThat(response.getResponses()[0].getCertStatus()).isNull();
        assertThat(response.getResponses()[1].getCertStatus()).isInstanceOf(RevokedStatus.class);
    }

    @Test
    void severalCertIdsAreAnsweredTogetherInRequestOrder() {
        BigInteger good = ca.issue("one.example").serial();
        BigInteger revoked = ca.issue("two.example").serial();
        ca.certificates().revoke(revoked, RevocationReason.CESSATION_OF_OPERATION, NOW);

        SingleResp[] answers = basic(responder.respond(request(certId(issuer, revoked), certId(issuer, good),
                certId(issuer, BigInteger.TEN))), issuer).getResponses();

        assertThat(answers).extracting(SingleResp::getCertID).containsExactly(certId(issuer, revoked),
                certId(issuer, good), certId(issuer, BigInteger.TEN));
        assertThat(answers[0].getCertStatus()).isInstanceOf(RevokedStatus.class);
        assertThat(answers[1].getCertStatus()).isNull();
        assertThat(answers[2].getCertStatus()).isInstanceOf(UnknownStatus.class);
    }

    @Test
    void theNonceIsEchoedAndSuchResponsesAreNeverCached() throws Exception {
        BigInteger serial = ca.issue("nonce.example").serial();
        byte[] nonce = new byte[32];
        nonce[0] = 7;

        byte[] first = responder.respond(request(nonce, certId(issuer, serial)));
        ca.certificates().revoke(serial, RevocationReason.KEY_COMPROMISE, NOW);
        byte[] second = responder.respond(request(nonce, certId(issuer, serial)));

        BasicOCSPResp response = basic(first, issuer);
        assertThat(response.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getExtnValue().getOctets())
                .isEqualTo(new org.bouncycastle.asn1.DEROctetString(nonce).getEncoded());
        assertThat(basic(second, issuer).getResponses()[0].getCertStatus()).isInstanceOf(RevokedStatus.class);
        assertThat(responder.cachedSerials()).isZero();
    }

    private Object statusOf(BigInteger serial) {
        return basic(responder.respond(request(certId(issuer, serial))), issuer).getResponses()[0].getCertStatus();
    }
}
