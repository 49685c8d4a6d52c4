package dev.cachet.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.crypto.PemDocument;
import dev.cachet.store.CertificateRecord;
import dev.cachet.testing.AcmeTestServer;
import dev.cachet.testing.CachetClient;
import dev.cachet.testing.Http01Responder;
import dev.cachet.testing.TlsAlpnResponder;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shredzone.acme4j.Account;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Certificate;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.RenewalInfo;
import org.shredzone.acme4j.RevocationReason;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.challenge.Dns01Challenge;
import org.shredzone.acme4j.challenge.Http01Challenge;
import org.shredzone.acme4j.challenge.TlsAlpn01Challenge;
import org.shredzone.acme4j.connector.Connection;
import org.shredzone.acme4j.exception.AcmeException;
import org.shredzone.acme4j.exception.AcmeServerException;
import org.shredzone.acme4j.toolbox.JSONBuilder;

/** Cachet's ACME server with the acme4j client: accounts, the three challenge types, ARI, profiles, revocation. */
class Acme4jIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;

    private static AcmeTestServer acme;
    private static Http01Responder http;
    private static Session session;

    @BeforeAll
    static void start() throws Exception {
        acme = AcmeTestServer.start(dir.resolve("data"), Map.of());
        http = Http01Responder.start(acme.http01Port());
        for (String name : List.of("http.test", "short.test", "alpn.test", "wild.test")) {
            acme.dns().addA(name, "127.0.0.1");
        }
        session = new Session(URI.create(acme.directoryUrl()),
                new CachetAcmeProvider(acme.server().server().rootCertificate()));
    }

    @AfterAll
    static void stop() {
        if (http != null) {
            http.close();
        }
        if (acme != null) {
            acme.close();
        }
    }

    @Test
    void accountLifecycle() throws AcmeException {
        KeyPair key = ecKey("secp256r1");
        Account created = new AccountBuilder().addEmail("first@acct.test").agreeToTermsOfService()
                .useKeyPair(key).create(session);
        URL location = created.getLocation();
        assertThat(created.getStatus()).isEqualTo(Status.VALID);
        assertThat(created.getContacts()).containsExactly(URI.create("mailto:first@acct.test"));

        Account again = new AccountBuilder().onlyExisting().useKeyPair(key).create(session);
        assertThat(again.getLocation()).isEqualTo(location);

        Account account = session.login(location, key).getAccount();
        account.modify().addEmail("second@acct.test").commit();
        account.fetch();
        assertThat(account.getContacts()).contains(URI.create("mailto:second@acct.test"));

        KeyPair newKey = ecKey("secp384r1");
        account.changeKey(newKey);
        Account withNewKey = session.login(location, newKey).getAccount();
        withNewKey.fetch();
        assertThat(withNewKey.getStatus()).isEqualTo(Status.VALID);
        assertThatThrownBy(() -> new AccountBuilder().onlyExisting().useKeyPair(key).create(session))
                .isInstanceOf(AcmeException.class);

        withNewKey.deactivate();
        assertThat(withNewKey.getStatus()).isEqualTo(Status.DEACTIVATED);
        assertThatThrownBy(() -> withNewKey.newOrder().domain("http.test").create())
                .isInstanceOf(AcmeException.class);
    }

    @Test
    void http01IssuesWithRenewalInfoThenRevokes() throws Exception {
        Login login = newLogin();
        Order order = login.newOrder().domain("http.test").create();
        for (Authorization authorization : order.getAuthorizations()) {
            Http01Challenge challenge = authorization.findChallenge(Http01Challenge.class).orElseThrow();
            http.answer(challenge.getToken(), challenge.getAuthorization());
            challenge.trigger();
            assertThat(authorization.waitForCompletion(WAIT)).isEqualTo(Status.VALID);
        }
        Certificate certificate = finish(order);
        X509Certificate leaf = certificate.getCertificate();
        assertThat(dnsNames(leaf)).containsExactly("http.test");
        assertThat(certificate.getCertificateChain()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(http.requests()).isNotEmpty();

        assertAlternateChainEndsWithTheRoot(login, certificate);

        RenewalInfo renewal = certificate.getRenewalInfo();
        renewal.fetch();
        assertThat(renewal.getSuggestedWindowStart()).isBefore(renewal.getSuggestedWindowEnd());
        assertThat(renewal.getSuggestedWindowEnd()).isBefore(leaf.getNotAfter().toInstant());

        certificate.revoke(RevocationReason.KEY_COMPROMISE);
        assertThat(record(leaf).status().name()).isEqualTo("REVOKED");
    }

    @Test
    void dns01IssuesAWildcard() throws Exception {
        Login login = newLogin();
        Order order = login.newOrder().domains("wild.test", "*.wild.test").create();
        for (Authorization authorization : order.getAuthorizations()) {
            Dns01Challenge challenge = authorization.findChallenge(Dns01Challenge.class).orElseThrow();
            acme.dns().addTxt(challenge.getRRName(authorization.getIdentifier()), challenge.getDigest());
        }
        for (Authorization authorization : order.getAuthorizations()) {
            authorization.findChallenge(Dns01Challenge.class).orElseThrow().trigger();
            assertThat(authorization.waitForCompletion(WAIT)).isEqualTo(Status.VALID);
        }
        X509Certificate leaf = finish(order).getCertificate();
        assertThat(dnsNames(leaf))
                .containsExactlyInAnyOrder("wild.test", "*.wild.test");
    }

    @Test
    void tlsAlpn01Issues() throws Exception {
        Login login = newLogin();
        Order order = login.newOrder().domain("alpn.test").create();
        Authorization authorization = order.getAuthorizations().get(0);
        TlsAlpn01Challenge challenge = authorization.findChallenge(TlsAlpn01Challenge.class).orElseThrow();
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair validationKey = rsa.generateKeyPair();
        X509Certificate validation = challenge.createCertificate(validationKey, authorization.getIdentifier());
        try (TlsAlpnResponder responder = TlsAlpnResponder.start(acme.tlsAlpn01Port(), validation,
                validationKey.getPrivate())) {
            challenge.trigger();
            assertThat(authorization.waitForCompletion(WAIT)).isEqualTo(Status.VALID);
            assertThat(responder.handshakes()).isPositive();
        }
        X509Certificate leaf = finish(order).getCertificate();
        assertThat(dnsNames(leaf)).containsExactly("alpn.test");
    }

    @Test
    void shortlivedProfileGivesASevenDayCertificate() throws Exception {
        Login login = newLogin();
        assertThat(session.getMetadata().getProfiles()).contains("classic", "shortlived");
        Order order = login.newOrder().domain("short.test").profile("shortlived").create();
        assertThat(order.getProfile()).isEqualTo("shortlived");
        for (Authorization authorization : order.getAuthorizations()) {
            Http01Challenge challenge = authorization.findChallenge(Http01Challenge.class).orElseThrow();
            http.answer(challenge.getToken(), challenge.getAuthorization());
            challenge.trigger();
            assertThat(authorization.waitForCompletion(WAIT)).isEqualTo(Status.VALID);
        }
        X509Certificate leaf = finish(order).getCertificate();
        Duration validity = Duration.between(leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant());
        assertThat(validity).isBetween(Duration.ofDays(6), Duration.ofDays(8));
        assertThat(record(leaf).profile()).isEqualTo("short-lived");
    }

    /** RFC 8555 §7.4.2: the Link rel="alternate" chain is leaf, intermediate, root; POST-as-GET only. */
    private static void assertAlternateChainEndsWithTheRoot(Login login, Certificate certificate) throws Exception {
        assertThat(certificate.getAlternates()).hasSize(1);
        Certificate alternate = certificate.getAlternateCertificates().get(0);
        alternate.download();
        List<X509Certificate> chain = alternate.getCertificateChain();
        assertThat(chain).hasSize(3);
        assertThat(chain.subList(0, 2)).isEqualTo(certificate.getCertificateChain());
        X509Certificate root = chain.get(2);
        assertThat(root.getSubjectX500Principal()).isEqualTo(root.getIssuerX500Principal());
        assertThat(root.getEncoded()).isEqualTo(PemDocument.read(acme.server().server().rootCertificate())
                .certificate().getEncoded());
        assertThat(alternate.getAlternates()).containsExactly(certificate.getLocation());

        URL url = alternate.getLocation();
        CachetClient.Reply get = acme.server().client().get(url.toString());
        assertThat(get.status()).as(get.toString()).isIn(404, 405);
        assertThat(get.text()).doesNotContain("BEGIN CERTIFICATE");
        try (Connection connection = session.connect()) {
            assertThatThrownBy(() -> connection.sendSignedRequest(url, new JSONBuilder(), login))
                    .isInstanceOfSatisfying(AcmeServerException.class, e -> assertThat(e.getType())
                            .isEqualTo(URI.create("urn:ietf:params:acme:error:malformed")));
        }
    }

    private static Login newLogin() throws AcmeException {
        return new AccountBuilder().agreeToTermsOfService().useKeyPair(ecKey("secp256r1"))
                .createLogin(session);
    }

    private static Certificate finish(Order order) throws AcmeException, InterruptedException {
        assertThat(order.waitUntilReady(WAIT)).isEqualTo(Status.READY);
        order.execute(ecKey("secp256r1"));
        assertThat(order.waitForCompletion(WAIT)).isEqualTo(Status.VALID);
        Certificate certificate = order.getCertificate();
        certificate.download();
        assertThat(certificate.getCertificate().getNotAfter().toInstant()).isAfter(Instant.now());
        return certificate;
    }

    private static KeyPair ecKey(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> dnsNames(X509Certificate leaf) throws CertificateParsingException {
        return leaf.getSubjectAlternativeNames().stream().map(name -> (String) name.get(1)).toList();
    }

    private static CertificateRecord record(X509Certificate leaf) {
        return acme.acmeCertificates().stream().filter(r -> r.serial().equals(leaf.getSerialNumber()))
                .findFirst().orElseThrow(() -> new AssertionError("no record of " + leaf.getSerialNumber()));
    }
}
