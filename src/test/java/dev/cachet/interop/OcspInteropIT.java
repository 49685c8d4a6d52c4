package dev.cachet.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.core.RevocationReason;
import dev.cachet.revocation.CrlService;
import dev.cachet.revocation.CrlSettings;
import dev.cachet.revocation.OcspResponder;
import dev.cachet.revocation.OcspSettings;
import dev.cachet.revocation.RevocationService;
import dev.cachet.testing.InMemoryBlockedKeyStore;
import dev.cachet.testing.InMemoryAuditLog;
import dev.cachet.testing.OpenSslTool;
import dev.cachet.testing.StoredTestCa;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OCSP responder against the real openssl client: requests it makes, responses it verifies. */
class OcspInteropIT {
    @TempDir
    Path dir;

    private OpenSslTool openssl;
    private StoredTestCa ca;
    private OcspResponder responder;
    private RevocationService revoker;

    @BeforeEach
    void setUp() {
        openssl = OpenSslTool.require();
        ca = StoredTestCa.create(Instant.now());
        responder = new OcspResponder(List.of(ca.issuer()), ca.certificates(), ca.clock(), OcspSettings.defaults());
        CrlService crls = new CrlService(ca.certificates(), ca.crls(), ca.clock(), CrlSettings.defaults());
        revoker = new RevocationService(ca.certificates(), new InMemoryBlockedKeyStore(), new InMemoryAuditLog(),
                crls, responder, List.of(ca.issuer()), ca.clock());
        InteropFiles.writeCa(dir, ca);
    }

    @Test
    void opensslVerifiesGoodThenRevokedWithoutANonce() {
        var leaf = ca.issue("ocsp.example");
        InteropFiles.writeCertificate(dir.resolve("leaf.pem"), leaf.certificate());

        String good = ask("-no_nonce");
        revoker.revoke(leaf.serial(), RevocationReason.KEY_COMPROMISE, "test");
        String revoked = ask("-no_nonce");

        assertThat(good).contains("Response verify OK").contains("leaf.pem: good");
        assertThat(revoked).contains("Response verify OK").contains("leaf.pem: revoked")
                .contains("Reason: keyCompromise");
    }

    @Test
    void opensslSha256CertIdsAreAnswered() {
        var leaf = ca.issue("sha256.example");
        InteropFiles.writeCertificate(dir.resolve("leaf.pem"), leaf.certificate());

        String good = ask("-no_nonce", "-sha256");

        assertThat(good).contains("Response verify OK").contains("Hash Algorithm: sha256")
                .contains("leaf.pem: good");
    }

    @Test
    void opensslChecksTheEchoedNonce() {
        var leaf = ca.issue("nonce.example");
        InteropFiles.writeCertificate(dir.resolve("leaf.pem"), leaf.certificate());
        request();
        answer();

        // With -cert, openssl would make a new request with a new nonce; -reqin alone checks this one's.
        OpenSslTool.Result checked = openssl.run(dir, "ocsp", "-reqin", "req.der", "-respin", "resp.der",
                "-CAfile", "root.pem", "-verify_other", "intermediate.pem", "-resp_text");

        assertThat(checked.exitCode()).as(checked.output()).isZero();
        assertThat(checked.output()).contains("Response verify OK").contains("Cert Status: good")
                .contains("OCSP Nonce").doesNotContain("WARNING: no nonce").doesNotContain("Nonce Verify error");
    }

    /** Makes a request with openssl, answers it, and has openssl verify and print the response. */
    private String ask(String... options) {
        request(options);
        answer();
        OpenSslTool.Result response = openssl.run(dir, arguments(options, "-respin", "resp.der", "-issuer",
                "intermediate.pem", "-cert", "leaf.pem", "-CAfile", "root.pem", "-verify_other", "intermediate.pem",
                "-resp_text"));
        assertThat(response.exitCode()).as(response.output()).isZero();
        return response.output();
    }

    private void request(String... options) {
        OpenSslTool.Result request = openssl.run(dir, arguments(options, "-issuer", "intermediate.pem", "-cert",
                "leaf.pem", "-reqout", "req.der"));
        assertThat(request.exitCode()).as(request.output()).isZero();
    }

    private void answer() {
        InteropFiles.write(dir.resolve("resp.der"), responder.respond(InteropFiles.read(dir.resolve("req.der"))));
    }

    /** openssl ocsp wants options such as -sha256 before -cert. */
    private static String[] arguments(String[] options, String... rest) {
        List<String> all = new ArrayList<>();
        all.add("ocsp");
        all.addAll(List.of(options));
        all.addAll(List.of(rest));
        return all.toArray(new String[0]);
    }
}
