package dev.cachet.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.testing.OpenSsl;
import dev.cachet.testing.Processes;
import dev.cachet.testing.TlsTestServer;
import dev.cachet.testing.Workspace;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code openssl s_client} completes a TLS handshake with a server using a Cachet certificate. */
class TlsHandshakeIT {
    @TempDir
    Path dir;

    private Workspace workspace;

    @BeforeEach
    void setUp() {
        OpenSsl.require();
        workspace = new Workspace(dir);
        workspace.initCa("ca", "ec-p256");
    }

    @Test
    void opensslTrustsACachetCertificateForLocalhost() throws Exception {
        TlsTestServer server = localhostServer();
        Processes.Result result = handshake(server, "localhost");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("Verify return code: 0 (ok)").doesNotContain("verify error");
        assertThat(server.completedHandshakes()).isEqualTo(1);
        assertThat(server.failedConnections()).isZero();
    }

    @Test
    void opensslRefusesACachetCertificateForAnotherHost() throws Exception {
        TlsTestServer server = localhostServer();
        Processes.Result result = handshake(server, "other.example");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("verify error").contains("hostname mismatch");
        assertThat(server.completedHandshakes()).isZero();
        assertThat(server.failedConnections()).isEqualTo(1);
    }

    @Test
    void opensslRefusesASelfSignedCertificate() throws Exception {
        OpenSsl.runOk(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "self.key", "-out", "self.pem", "-days", "1", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost");

        TlsTestServer server = TlsTestServer.start(dir.resolve("self.key"), dir.resolve("self.pem"), 1);
        Processes.Result result = handshake(server, "localhost");

        assertThat(result.exitCode()).isNotZero();
        // "self-signed" since OpenSSL 3.0, "self signed" before.
        assertThat(result.output()).contains("verify error").containsPattern("self[- ]signed certificate");
        assertThat(server.completedHandshakes()).isZero();
        assertThat(server.failedConnections()).isEqualTo(1);
    }

    /** A TLS server for one connection, with a Cachet certificate for localhost and its intermediate. */
    private TlsTestServer localhostServer() throws Exception {
        Path csr = workspace.newCsr("localhost", "ec-p256", "--subject", "CN=localhost");
        workspace.sign(dir.resolve("ca"), csr, "localhost.pem", "--fullchain-out",
                dir.resolve("fullchain.pem").toString());
        return TlsTestServer.start(dir.resolve("localhost.key"), dir.resolve("fullchain.pem"), 1);
    }

    /** Runs openssl s_client against the server, checking the given host name, then stops the server. */
    private Processes.Result handshake(TlsTestServer server, String hostName) throws Exception {
        try (server) {
            return OpenSsl.run(dir, connect(server, hostName));
        }
    }

    private static String[] connect(TlsTestServer server, String hostName) {
        return new String[] {"s_client", "-connect", "127.0.0.1:" + server.port(), "-servername", "localhost",
            "-verify_return_error", "-CAfile", "ca/root.pem", "-verify_hostname", hostName};
    }
}
