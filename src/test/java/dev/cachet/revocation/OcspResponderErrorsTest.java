package dev.cachet.revocation;

import static dev.cachet.revocation.OcspTestClient.certId;
import static dev.cachet.revocation.OcspTestClient.parse;
import static dev.cachet.revocation.OcspTestClient.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.store.CertificateStore;
import dev.cachet.testing.StoredTestCa;
import java.lang.reflect.Proxy;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.bouncycastle.asn1.ocsp.OCSPResponseStatus;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OcspResponderErrorsTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static StoredTestCa ca;
    private static StoredTestCa otherCa;
    private static X509CertificateHolder issuer;
    private static OcspResponder responder;

    @BeforeAll
    static void setUp() {
        ca = StoredTestCa.create(NOW);
        otherCa = StoredTestCa.create(NOW);
        issuer = ca.issuer().certificate();
        responder = new OcspResponder(List.of(ca.issuer()), ca.certificates(), ca.clock(), OcspSettings.defaults());
    }

    @Test
    void garbageEmptyAndNullAreMalformed() {
        assertThat(status(responder.respond(new byte[] {0x30, 0x03, 0x02, 0x01}))).isEqualTo(malformed());
        assertThat(status(responder.respond("GET / HTTP/1.1".getBytes(java.nio.charset.StandardCharsets.US_ASCII))))
                .isEqualTo(malformed());
        assertThat(status(responder.respond(new byte[0]))).isEqualTo(malformed());
        assertThat(status(responder.respond(null))).isEqualTo(malformed());
        assertThat(status(responder.respond(new byte[] {0x30, 0x00}))).isEqualTo(malformed());
    }

    @Test
    void trailingBytesAreMalformed() {
        byte[] good = request(certId(issuer, BigInteger.ONE));
        byte[] longer = Arrays.copyOf(good, good.length + 1);

        assertThat(status(responder.respond(longer))).isEqualTo(malformed());
    }

    @Test
    void requestsBeyondTheLimitsAreMalformed() {
        CertificateID[] many = IntStream.range(0, 21).mapToObj(i -> certId(issuer, BigInteger.valueOf(i + 1)))
                .toArray(CertificateID[]::new);
        assertThat(status(responder.respond(request(many)))).isEqualTo(malformed());
        assertThat(status(responder.respond(request(Arrays.copyOf(many, 20)))))
                .isEqualTo(OCSPResponseStatus.SUCCESSFUL);

        byte[] tooBig = new byte[64 * 1024 + 1];
        tooBig[0] = 0x30;
        assertThat(status(responder.respond(tooBig))).isEqualTo(malformed());
    }

    @Test
    void emptyOrOverlongNoncesAreMalformed() {
        CertificateID id = certId(issuer, BigInteger.ONE);

        assertThat(status(responder.respond(request(new byte[0], id)))).isEqualTo(malformed());
        assertThat(status(responder.respond(request(new byte[129], id)))).isEqualTo(malformed());
        assertThat(status(responder.respond(request(new byte[128], id)))).isEqualTo(OCSPResponseStatus.SUCCESSFUL);
    }

    @Test
    void anotherCasCertIdIsUnauthorized() throws Exception {
        BigInteger serial = otherCa.issue("other.example").serial();

        byte[] response = responder.respond(request(certId(otherCa.issuer().certificate(), serial)));

        assertThat(status(response)).isEqualTo(OCSPResponseStatus.UNAUTHORIZED);
        assertThat(parse(response).getResponseObject()).isNull();
    }

    @Test
    void aRequestMixingIssuersIsUnauthorized() {
        byte[] response = responder.respond(request(certId(issuer, BigInteger.ONE),
                certId(otherCa.issuer().certificate(), BigInteger.TWO)));

        assertThat(status(response)).isEqualTo(OCSPResponseStatus.UNAUTHORIZED);
    }

    @Test
    void anUnsupportedHashAlgorithmIsUnauthorized() {
        AlgorithmIdentifier sha384 = new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha384);

        assertThat(status(responder.respond(request(certId(sha384, issuer, BigInteger.ONE)))))
                .isEqualTo(OCSPResponseStatus.UNAUTHORIZED);
    }

    @Test
    void anUnavailableStoreMeansTryLater() {
        CertificateStore down = (CertificateStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {CertificateStore.class}, (proxy, method, args) -> {
                    throw new CachetException(ErrorType.UNAVAILABLE, "database down");
                });
        OcspResponder failing = new OcspResponder(List.of(ca.issuer()), down, ca.clock(), OcspSettings.defaults());

        assertThat(status(failing.respond(request(certId(issuer, BigInteger.ONE)))))
                .isEqualTo(OCSPResponseStatus.TRY_LATER);
    }

    private static int malformed() {
        return OCSPResponseStatus.MALFORMED_REQUEST;
    }

    private static int status(byte[] response) {
        return parse(response).getStatus();
    }
}
