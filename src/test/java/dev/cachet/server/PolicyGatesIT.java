package dev.cachet.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.enrolment.Scope;
import dev.cachet.policy.BlockedKeys;
import dev.cachet.testing.CachetClient;
import dev.cachet.testing.CertificateBuilder;
import dev.cachet.testing.PkiFixtures;
import dev.cachet.testing.RunningServer;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gates before a signature, through the REST API of a running server: a key listed in
 * policy.blockedKeysFile, a key revoked for keyCompromise and a name under policy.denyDomains are
 * refused with a problem document, and nothing is recorded.
 */
class PolicyGatesIT {
    private static final String CERTIFICATES = "/api/v1/certificates";
    private static final KeyPair LISTED_KEY = CertificateBuilder.ecKey();

    @TempDir
    static Path dir;

    private static RunningServer server;
    private static CachetClient ops;

    @BeforeAll
    static void start() {
        Path blocked = PkiFixtures.write(dir, "blocked-keys.txt", "# compromised\n" + BlockedKeys.spkiSha256(
                SubjectPublicKeyInfo.getInstance(LISTED_KEY.getPublic().getEncoded())) + "\n");
        server = RunningServer.start(dir.resolve("data"), Map.of("policy.denyDomains", "denied.example.org",
                "policy.blockedKeysFile", blocked.toString()));
        ops = server.client().withToken(server.token("ops", List.of("example.org"), Scope.ISSUE, Scope.REVOKE,
                Scope.READ));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aKeyListedInTheBlockedKeysFileIsRefused() {
        int before = server.certificates().size();

        CachetClient.Reply reply = issue(CachetClient.csr(LISTED_KEY, "listed.example.org"));

        assertProblem(reply, "badPublicKey", "it is on the blocked-keys list (listed in the blocked-keys file)");
        assertThat(server.certificates()).hasSize(before);
    }

    @Test
    void aKeyRevokedForKeyCompromiseGetsNoNewCertificate() {
        KeyPair key = CertificateBuilder.ecKey();
        String serial = ops.issue(CachetClient.csr(key, "compromised.example.org")).path("serial").asText();
        CachetClient.Reply revoked = ops.postJson(CERTIFICATES + "/" + serial + "/revoke",
                "{\"reason\":\"keyCompromise\"}");
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        int before = server.certificates().size();

        CachetClient.Reply reply = issue(CachetClient.csr(key, "compromised.example.org", "new.example.org"));

        assertProblem(reply, "badPublicKey", "keyCompromise revocation of serial " + serial + " by token:ops");
        assertThat(server.certificates()).hasSize(before);
    }

    @Test
    void aNameUnderADeniedDomainIsRefused() {
        int before = server.certificates().size();

        CachetClient.Reply reply = issue(CachetClient.csr("ok.example.org", "www.denied.example.org"));

        assertProblem(reply, "rejectedIdentifier", "www.denied.example.org is under a domain this CA does not"
                + " certify (policy.denyDomains)");
        assertThat(server.certificates()).hasSize(before);
        assertThat(issue(CachetClient.csr("ok.example.org")).status()).isEqualTo(201);
    }

    private static CachetClient.Reply issue(String csr) {
        return ops.postJson(CERTIFICATES, CachetClient.json(Map.of("csr", csr)));
    }

    private static void assertProblem(CachetClient.Reply reply, String type, String detail) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().path("type").asText()).endsWith(type);
        assertThat(reply.json().path("detail").asText()).contains(detail);
    }
}
