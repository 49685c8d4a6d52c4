package dev.cachet.validation;

import static dev.cachet.validation.Fixtures.KEY_AUTHORIZATION;
import static dev.cachet.validation.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.testing.CertificateBuilder;
import dev.cachet.testing.TestDnsServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** tls-alpn-01 against a JDK TLS server on 127.0.0.1 with certificates built by Bouncy Castle. */
class TlsAlpn01ValidatorTest {
    private static final String NAME = "www.example.test";
    private static final ASN1ObjectIdentifier ACME_IDENTIFIER = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.1.31");
    private static final KeyPair KEY = CertificateBuilder.ecKey();

    private TestDnsServer dns;
    private AcmeTlsServer server;

    @BeforeEach
    void startDns() throws IOException {
        dns = TestDnsServer.start().addA(NAME, "127.0.0.1");
    }

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        dns.close();
    }

    private static CertificateBuilder validationCertificate(GeneralName... names) throws GeneralSecurityException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(KEY_AUTHORIZATION.getBytes(StandardCharsets.UTF_8));
        return CertificateBuilder.certificate("acme-tls", KEY).subjectAltNames(names)
                .extension(ACME_IDENTIFIER, true, new DEROctetString(digest));
    }

    private static GeneralName dnsName(String name) {
        return new GeneralName(GeneralName.dNSName, name);
    }

    private void serve(CertificateBuilder certificate, boolean alpn) throws IOException, GeneralSecurityException {
        server = AcmeTlsServer.start(certificate.build(), KEY, alpn);
    }

    private List<ValidationRecord> validate(String identifier) {
        return new LocalValidationAuthority(Fixtures.settings(dns, 80, server.port()))
                .validate(request(identifier, "tls-alpn-01"));
    }

    private AbstractThrowableAssert<?, ?> failure(String identifier, ErrorType type) {
        return assertThatThrownBy(() -> validate(identifier))
                .isInstanceOfSatisfying(CachetException.class, e -> assertThat(e.type()).isEqualTo(type));
    }

    @Test
    void theValidationCertificateIsAccepted() throws Exception {
        serve(validationCertificate(dnsName(NAME)), true);

        assertThat(validate(NAME)).containsExactly(new ValidationRecord(NAME, server.port(), null,
                List.of("127.0.0.1"), "127.0.0.1"));
        assertThat(server.serverNames()).containsExactly(NAME);
    }

    @Test
    void theNameComparesWithoutCase() throws Exception {
        serve(validationCertificate(dnsName("WWW.Example.TEST")), true);

        assertThat(validate(NAME)).hasSize(1);
    }

    @Test
    void aWrongDigestIsRefused() throws Exception {
        serve(validationCertificate(dnsName(NAME)).extension(ACME_IDENTIFIER, true, new DEROctetString(new byte[32])),
                true);

        failure(NAME, ErrorType.INCORRECT_RESPONSE).hasMessageContaining("holds " + "00".repeat(32))
                .hasMessageContaining("SNI " + NAME);
    }

    @Test
    void aMissingExtensionIsRefused() throws Exception {
        serve(CertificateBuilder.certificate("acme-tls", KEY).subjectAltNames(dnsName(NAME)), true);

        failure(NAME, ErrorType.INCORRECT_RESPONSE).hasMessageContaining("no acmeIdentifier extension");
    }

    @Test
    void aNonCriticalExtensionIsRefused() throws Exception {
        serve(validationCertificate(dnsName(NAME)).extension(ACME_IDENTIFIER, false,
                new DEROctetString(new byte[32])), true);

        failure(NAME, ErrorType.INCORRECT_RESPONSE).hasMessageContaining("must be critical");
    }

    @Test
    void anExtraNameIsRefused() throws Exception {
        serve(validationCertificate(dnsName(NAME), dnsName("other.example.test")), true);

        failure(NAME, ErrorType.INCORRECT_RESPONSE).hasMessageContaining("exactly one subjectAltName")
                .hasMessageContaining("other.example.test");
    }

    @Test
    void anotherNameIsRefused() throws Exception {
        serve(validationCertificate(dnsName("other.example.test")), true);

        failure(NAME, ErrorType.INCORRECT_RESPONSE).hasMessageContaining("exactly one subjectAltName");
    }

    @Test
    void aServerWithoutAlpnIsRefused() throws Exception {
        serve(validationCertificate(dnsName(NAME)), false);

        failure(NAME, ErrorType.TLS).hasMessageContaining("did not negotiate the ALPN protocol acme-tls/1");
    }

    @Test
    void anIpAddressIsValidatedWithItsReverseNameAsSni() throws Exception {
        serve(validationCertificate(new GeneralName(GeneralName.iPAddress, "127.0.0.1")), true);

        assertThat(validate("ip:127.0.0.1").get(0).addressUsed()).isEqualTo("127.0.0.1");
        assertThat(server.serverNames()).containsExactly("1.0.0.127.in-addr.arpa");
        assertThat(dns.questions()).isEmpty();
    }

    @Test
    void anIpAddressNeedsAnIpAddressName() throws Exception {
        serve(validationCertificate(dnsName("127.0.0.1")), true);

        failure("ip:127.0.0.1", ErrorType.INCORRECT_RESPONSE).hasMessageContaining("exactly one subjectAltName");
    }

    @Test
    void aServerThatIsNotTlsIsATlsError() throws Exception {
        try (ScriptedServer plain = ScriptedServer.startWithoutReading(
                ScriptedServer.bytes("HTTP/1.1 400 Bad Request\r\n\r\n"))) {
            assertThatThrownBy(() -> new LocalValidationAuthority(Fixtures.settings(dns, 80, plain.port()))
                    .validate(request(NAME, "tls-alpn-01")))
                    .isInstanceOfSatisfying(CachetException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.TLS));
        }
    }

    @Test
    void aRefusedConnectionIsAConnectionError() {
        int closed = Fixtures.closedPort();

        assertThatThrownBy(() -> new LocalValidationAuthority(Fixtures.settings(dns, 80, closed))
                .validate(request(NAME, "tls-alpn-01")))
                .isInstanceOfSatisfying(CachetException.class,
                        e -> assertThat(e.type()).isEqualTo(ErrorType.CONNECTION))
                .hasMessageContaining("connection refused");
    }
}
