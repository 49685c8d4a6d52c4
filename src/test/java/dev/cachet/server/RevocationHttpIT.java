package dev.cachet.server;

import static dev.cachet.server.ServerAssertions.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.enrolment.Scope;
import dev.cachet.revocation.OcspTestClient;
import dev.cachet.testing.CachetClient;
import dev.cachet.testing.OpenSsl;
import dev.cachet.testing.PkiFixtures;
import dev.cachet.testing.Processes;
import dev.cachet.testing.RunningServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Revocation over the server's plain HTTP listener, checked with the real openssl. */
class RevocationHttpIT {
    private static final Pattern CRL_SERIAL = Pattern.compile("Serial Number: ([0-9A-F]+)");

    @TempDir
    static Path dir;

    private static RunningServer server;
    private static CachetClient ops;
    private static X509CertificateHolder intermediate;

    @BeforeAll
    static void start() throws IOException {
        OpenSsl.require();
        server = RunningServer.start(dir.resolve("data"), Map.of());
        ops = server.client().withToken(server.token("ops", List.of("example.org"), Scope.ISSUE, Scope.REVOKE));
        Files.copy(server.server().rootCertificate(), dir.resolve("root.pem"));
        CachetClient.Reply reply = ops.get(server.server().httpUrl() + "/ca/intermediate.pem");
        assertThat(reply.status()).isEqualTo(200);
        PkiFixtures.write(dir, "intermediate.pem", reply.body());
        intermediate = parse(reply.text()).get(0);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void opensslOcspSaysGoodThenRevokedWithTheReason() {
        String serial = issue("ocsp.example.org", "ocsp-cert.pem");

        String good = OpenSsl.runOk(dir, ocsp("ocsp-cert.pem"));
        revoke(serial, "keyCompromise");
        String revoked = OpenSsl.runOk(dir, ocsp("ocsp-cert.pem"));

        assertThat(good).contains("Response verify OK").contains("ocsp-cert.pem: good");
        assertThat(revoked).contains("Response verify OK").contains("ocsp-cert.pem: revoked")
                .contains("Reason: keyCompromise");
    }

    @Test
    void ocspGetRequestsAreAnswered() throws Exception {
        BigInteger serial = new BigInteger(issue("get.example.org", "get-cert.pem"), 16);
        byte[] plain = OcspTestClient.request(OcspTestClient.certId(intermediate, serial));
        byte[] nonce = new byte[16];
        Arrays.fill(nonce, (byte) 0xff);
        byte[] withNonce = OcspTestClient.request(nonce, OcspTestClient.certId(intermediate, serial));
        String base = server.server().httpUrl() + "/ocsp/";
        String raw = Base64.getEncoder().encodeToString(withNonce);
        assertThat(raw).as("a request whose base64 has '/', sent unencoded").contains("/");

        for (String url : List.of(base + URLEncoder.encode(Base64.getEncoder().encodeToString(plain),
                StandardCharsets.US_ASCII), base + raw)) {
            CachetClient.Reply reply = ops.get(url);

            assertThat(reply.status()).as(url).isEqualTo(200);
            assertThat(reply.header("Content-Type")).isEqualTo("application/ocsp-response");
            BasicOCSPResp response = OcspTestClient.basic(reply.body(), intermediate);
            assertThat(response.getResponses()).hasSize(1);
            assertThat(response.getResponses()[0].getCertID().getSerialNumber()).isEqualTo(serial);
            assertThat(response.getResponses()[0].getCertStatus()).isEqualTo(CertificateStatus.GOOD);
        }
        revoke(serial.toString(16), "superseded");
        CachetClient.Reply after = ops.get(base + raw);
        assertThat(OcspTestClient.basic(after.body(), intermediate).getResponses()[0].getCertStatus())
                .isInstanceOf(RevokedStatus.class);
    }

    @Test
    void theCrlListsTheRevokedSerialAndOpensslRefusesTheCertificate() throws IOException {
        String serial = issue("crl.example.org", "crl-cert.pem");
        fetchCrl("before.der", "before.pem");
        Processes.Result trusted = OpenSsl.run(dir, verifyWithCrl("before.pem", "crl-cert.pem"));

        revoke(serial, "keyCompromise");
        fetchCrl("crl.der", "crl.pem");
        String text = OpenSsl.runOk(dir, "crl", "-inform", "DER", "-in", "crl.der", "-text", "-noout");
        Processes.Result refused = OpenSsl.run(dir, verifyWithCrl("crl.pem", "crl-cert.pem"));

        assertThat(trusted.exitCode()).as(trusted.output()).isZero();
        assertThat(trusted.output()).contains("crl-cert.pem: OK");
        assertThat(serials(text)).contains(new BigInteger(serial, 16));
        String subject = OpenSsl.runOk(dir, "x509", "-in", "intermediate.pem", "-noout", "-subject").strip();
        assertThat(text).contains("Key Compromise").contains("Issuer: " + subject.substring("subject=".length()));
        assertThat(refused.exitCode()).as(refused.output()).isNotZero();
        assertThat(refused.output()).contains("certificate revoked");
    }

    private String issue(String name, String file) {
        JsonNode issued = ops.issue(CachetClient.csr(name));
        PkiFixtures.write(dir, file, issued.path("certificate").asText());
        return issued.path("serial").asText();
    }

    private static void revoke(String serial, String reason) {
        CachetClient.Reply reply = ops.postJson("/api/v1/certificates/" + serial + "/revoke",
                CachetClient.json(Map.of("reason", reason)));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    private void fetchCrl(String der, String pem) {
        CachetClient.Reply reply = ops.get(server.server().httpUrl() + "/crl/intermediate.crl");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).isEqualTo("application/pkix-crl");
        PkiFixtures.write(dir, der, reply.body());
        OpenSsl.runOk(dir, "crl", "-inform", "DER", "-in", der, "-out", pem);
    }

    private static String[] ocsp(String certificate) {
        return new String[] {"ocsp", "-issuer", "intermediate.pem", "-cert", certificate,
            "-url", server.server().httpUrl() + "/ocsp", "-CAfile", "root.pem", "-timeout", "20"};
    }

    private static String[] verifyWithCrl(String crl, String certificate) {
        return new String[] {"verify", "-crl_check", "-CRLfile", crl, "-CAfile", "root.pem",
            "-untrusted", "intermediate.pem", certificate};
    }

    private static Set<BigInteger> serials(String crlText) {
        Set<BigInteger> serials = new HashSet<>();
        Matcher matcher = CRL_SERIAL.matcher(crlText);
        while (matcher.find()) {
            serials.add(new BigInteger(matcher.group(1), 16));
        }
        return serials;
    }
}
