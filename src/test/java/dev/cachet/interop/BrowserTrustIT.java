package dev.cachet.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.cli.CliRunner;
import dev.cachet.crypto.PrivateKeys;
import dev.cachet.server.DemoSite;
import dev.cachet.server.HostPort;
import dev.cachet.testing.AcmeTestServer;
import dev.cachet.testing.CertificateBuilder;
import dev.cachet.testing.Chromium;
import dev.cachet.testing.ExternalTool;
import dev.cachet.testing.Http01Responder;
import dev.cachet.testing.PkiFixtures;
import dev.cachet.testing.Processes;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Certificate;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.challenge.Http01Challenge;

/**
 * The whole way, in a real browser: Cachet issues a certificate for site.test through ACME
 * (acme4j, http-01), an HTTPS site serves it on loopback, {@code cachet trust install --nss} puts
 * Cachet's root in the NSS database of the browser's HOME, and headless Chromium loads the page
 * without a certificate error. A self-signed certificate for the same name fails with
 * ERR_CERT_AUTHORITY_INVALID, and {@code cachet probe} calls it self-signed. Screenshots go to
 * target/browser-artifacts/.
 */
class BrowserTrustIT {
    private static final String SITE = "site.test";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;

    private static AcmeTestServer acme;
    private static Path root;
    private static Path fullchain;
    private static Path key;

    @BeforeAll
    static void issueThroughAcme() throws Exception {
        Chromium.require();
        ExternalTool.require("certutil", Files.isExecutable(Path.of("/usr/bin/certutil")));
        acme = AcmeTestServer.start(dir.resolve("data"), Map.of());
        acme.dns().addA(SITE, "127.0.0.1");
        root = acme.server().server().rootCertificate();
        Session session = new Session(URI.create(acme.directoryUrl()), new CachetAcmeProvider(root));
        KeyPair accountKey = CertificateBuilder.ecKey();
        Order order = new AccountBuilder().agreeToTermsOfService().useKeyPair(accountKey).createLogin(session)
                .newOrder().domain(SITE).create();
        try (Http01Responder http = Http01Responder.start(acme.http01Port())) {
            for (Authorization authorization : order.getAuthorizations()) {
                Http01Challenge challenge = authorization.findChallenge(Http01Challenge.class).orElseThrow();
                http.answer(challenge.getToken(), challenge.getAuthorization());
                challenge.trigger();
                assertThat(authorization.waitForCompletion(WAIT)).isEqualTo(Status.VALID);
            }
        }
        KeyPair siteKey = CertificateBuilder.ecKey();
        assertThat(order.waitUntilReady(WAIT)).isEqualTo(Status.READY);
        order.execute(siteKey);
        assertThat(order.waitForCompletion(WAIT)).isEqualTo(Status.VALID);
        Certificate certificate = order.getCertificate();
        StringWriter chain = new StringWriter();
        certificate.writeCertificate(chain);
        fullchain = PkiFixtures.write(dir, "fullchain.pem", chain.toString());
        key = PkiFixtures.write(dir, "key.pem", PrivateKeys.toPem(siteKey.getPrivate(), null, new SecureRandom()));
    }

    @AfterAll
    static void stop() {
        if (acme != null) {
            acme.close();
        }
    }

    @Test
    void chromiumTrustsTheAcmeCertificateOnceTheRootIsInItsNssDatabase() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home-trusting"));
        Processes.Result install = cachet(home, "trust", "install", "--root", root.toString(), "--nss");
        assertThat(install.exitCode()).as(install.output()).isZero();
        assertThat(install.output()).contains("nss     installed").contains(home.resolve(".pki/nssdb").toString());

        try (DemoSite site = DemoSite.start(fullchain, key, null, new HostPort("127.0.0.1", 0));
                Chromium browser = Chromium.start(home, Chromium.loopback(SITE))) {
            browser.open("https://" + SITE + ":" + site.port() + "/");
            browser.screenshot("acme-certificate-trusted");

            assertThat(browser.currentUrl()).isEqualTo("https://" + SITE + ":" + site.port() + "/");
            assertThat(browser.title()).isEqualTo("Cachet demo site");
            assertThat(browser.text(By.id("status"))).contains("certificate your browser trusts");
            assertThat(browser.pageSource()).doesNotContain("ERR_CERT");

            CliRunner.Result probe = CliRunner.run("probe", "--trust", root.toString(), "--servername", SITE,
                    "https://127.0.0.1:" + site.port());
            assertThat(probe.exitCode()).as(probe.err()).isZero();
            assertThat(probe.out()).contains("names     " + SITE).containsPattern("verdict   trusted: ");
        }
    }

    @Test
    void withoutTheRootChromiumRefusesTheSameCertificate() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home-fresh"));
        try (DemoSite site = DemoSite.start(fullchain, key, null, new HostPort("127.0.0.1", 0));
                Chromium browser = Chromium.start(home, Chromium.loopback(SITE))) {
            browser.open("https://" + SITE + ":" + site.port() + "/");
            browser.screenshot("acme-certificate-root-not-installed");

            assertThat(browser.pageSource()).contains("ERR_CERT_AUTHORITY_INVALID");
            assertThat(browser.title()).isNotEqualTo("Cachet demo site");
        }
    }

    @Test
    void chromiumRefusesASelfSignedCertificateAndProbeSaysSelfSigned() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home-self-signed"));
        Processes.Result install = cachet(home, "trust", "install", "--root", root.toString(), "--nss");
        assertThat(install.exitCode()).as(install.output()).isZero();
        KeyPair selfKey = CertificateBuilder.ecKey();
        X509CertificateHolder self = CertificateBuilder.certificate(SITE, selfKey).tlsServer()
                .validity(Instant.now().minusSeconds(3600), Instant.now().plus(Duration.ofDays(1))).build();
        Path selfChain = PkiFixtures.write(dir, "self.pem", PkiFixtures.pem(self));
        Path selfKeyFile = PkiFixtures.write(dir, "self.key", PrivateKeys.toPem(selfKey.getPrivate(), null,
                new SecureRandom()));

        try (DemoSite site = DemoSite.start(selfChain, selfKeyFile, null, new HostPort("127.0.0.1", 0));
                Chromium browser = Chromium.start(home, Chromium.loopback(SITE))) {
            browser.open("https://" + SITE + ":" + site.port() + "/");
            browser.screenshot("self-signed-refused");

            assertThat(browser.pageSource()).contains("ERR_CERT_AUTHORITY_INVALID");
            assertThat(browser.title()).isNotEqualTo("Cachet demo site");

            CliRunner.Result probe = CliRunner.run("probe", "--trust", root.toString(), "--servername", SITE,
                    "https://127.0.0.1:" + site.port());
            assertThat(probe.exitCode()).isEqualTo(3);
            assertThat(probe.out()).contains("verdict   self-signed: ");
        }
    }

    /** Runs the packaged {@code cachet} with another HOME, as a user would from a shell. */
    private static Processes.Result cachet(Path home, String... args) {
        String jar = System.getenv().getOrDefault("CACHET_JAR", Path.of("target", "cachet.jar").toAbsolutePath()
                .toString());
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
                "java").toString(), "-jar", jar));
        command.addAll(List.of(args));
        return Processes.run(dir, WAIT, Map.of("HOME", home.toString()), command);
    }
}
