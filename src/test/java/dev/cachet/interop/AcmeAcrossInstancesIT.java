package dev.cachet.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.testing.AcmeTestServer;
import dev.cachet.testing.Http01Responder;
import dev.cachet.testing.OpenSsl;
import dev.cachet.testing.PostgresServer;
import dev.cachet.testing.RunningServer;
import dev.cachet.testing.TestDnsServer;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shredzone.acme4j.Account;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Certificate;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.RevocationReason;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.challenge.Http01Challenge;
import org.shredzone.acme4j.toolbox.AcmeUtils;

/**
 * One ACME order carried out across two instances that share one PostgreSQL database, each
 * instance reached through its own directory (as behind a load balancer without stickiness):
 * account and order on A, challenge and authorization on B, finalize on A, download and
 * revocation on B; then both instances' OCSP responders say revoked.
 */
class AcmeAcrossInstancesIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** How long a revocation may take to show in the other instance's OCSP answer. */
    private static final Duration PROPAGATION = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void orderSplitAcrossTwoInstances() throws Exception {
        PostgresServer postgres = PostgresServer.shared();
        Map<String, String> overrides = new HashMap<>(RunningServer.postgres(postgres,
                postgres.newDatabase("acme_across_instances"), dir));
        int http01Port = AcmeTestServer.freePort();
        try (TestDnsServer dns = TestDnsServer.start(); Http01Responder http = Http01Responder.start(http01Port)) {
            dns.addA("split.test", "127.0.0.1");
            overrides.putAll(Map.of("validation.resolvers", "127.0.0.1:" + dns.address().getPort(),
                    "validation.http01Port", Integer.toString(http01Port), "validation.allowPrivateTargets", "true",
                    "revocation.ocspStatusMaxAgeSeconds", "1"));
            try (RunningServer a = RunningServer.start(dir.resolve("a"), overrides);
                    RunningServer b = RunningServer.startSharing(a, dir.resolve("b"), overrides)) {
                Path root = a.server().rootCertificate();
                Session sessionA = session(a, root);
                Session sessionB = session(b, root);
                KeyPair accountKey = ecKey();

                Account account = new AccountBuilder().agreeToTermsOfService().useKeyPair(accountKey).create(sessionA);
                Login loginA = sessionA.login(account.getLocation(), accountKey);
                Login loginB = sessionB.login(onB(a, b, account.getLocation()), accountKey);
                Order order = loginA.newOrder().domain("split.test").create();

                for (Authorization authorizationA : order.getAuthorizations()) {
                    Authorization authorization = loginB.bindAuthorization(onB(a, b, authorizationA.getLocation()));
                    Http01Challenge challenge = authorization.findChallenge(Http01Challenge.class).orElseThrow();
                    assertThat(challenge.getLocation().toString()).startsWith(b.server().httpsUrl());
                    http.answer(challenge.getToken(), challenge.getAuthorization());
                    challenge.trigger();
                    assertThat(authorization.waitForCompletion(WAIT)).isEqualTo(Status.VALID);
                }

                assertThat(order.waitUntilReady(WAIT)).isEqualTo(Status.READY);
                order.execute(ecKey());
                assertThat(order.waitForCompletion(WAIT)).isEqualTo(Status.VALID);
                URL certificateUrl = order.getCertificate().getLocation();
                assertThat(certificateUrl.toString()).startsWith(a.server().httpsUrl());

                Certificate certificate = loginB.bindCertificate(onB(a, b, certificateUrl));
                certificate.download();
                assertThat(certificate.getCertificate().getNotAfter().toInstant()).isAfter(Instant.now());
                writeFiles(certificate);
                // A has the status cached before B revokes.
                assertThat(ocsp(a)).contains(": good");
                certificate.revoke(RevocationReason.KEY_COMPROMISE);

                for (RunningServer instance : new RunningServer[] {a, b}) {
                    assertRevokedWithin(instance);
                }
                assertThat(http.requests()).isNotEmpty();
            }
        }
    }

    private void assertRevokedWithin(RunningServer instance) throws InterruptedException {
        Instant deadline = Instant.now().plus(PROPAGATION);
        String answer = ocsp(instance);
        while (!answer.contains(": revoked") && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            answer = ocsp(instance);
        }
        assertThat(answer).as(instance.server().httpUrl()).contains("Response verify OK").contains(": revoked")
                .contains("keyCompromise");
    }

    private String ocsp(RunningServer instance) {
        return OpenSsl.runOk(dir, "ocsp", "-issuer", "chain.pem", "-cert", "cert.pem", "-url",
                instance.server().httpUrl() + "/ocsp", "-CAfile", instance.server().rootCertificate().toString(),
                "-timeout", "20");
    }

    private void writeFiles(Certificate certificate) throws IOException, GeneralSecurityException {
        try (Writer out = Files.newBufferedWriter(dir.resolve("cert.pem"))) {
            certificate.writeCertificate(out);
        }
        List<X509Certificate> chain = certificate.getCertificateChain();
        try (Writer out = Files.newBufferedWriter(dir.resolve("chain.pem"))) {
            for (X509Certificate issuer : chain.subList(1, chain.size())) {
                AcmeUtils.writeToPem(issuer.getEncoded(), AcmeUtils.PemLabel.CERTIFICATE, out);
            }
        }
    }

    /** The same resource at instance B: the ids are shared, only the instance's URL differs. */
    private static URL onB(RunningServer a, RunningServer b, URL urlAtA) throws IOException {
        String text = urlAtA.toString();
        assertThat(text).startsWith(a.server().httpsUrl());
        return URI.create(b.server().httpsUrl() + text.substring(a.server().httpsUrl().length())).toURL();
    }

    private static Session session(RunningServer instance, Path root) {
        return new Session(URI.create(instance.server().httpsUrl() + "/acme/directory"), new CachetAcmeProvider(root));
    }

    private static KeyPair ecKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
