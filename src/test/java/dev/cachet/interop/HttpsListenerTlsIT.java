package dev.cachet.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.testing.OpenSsl;
import dev.cachet.testing.Processes;
import dev.cachet.testing.RunningServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTPS listener's TLS, probed with the real {@code openssl s_client}: TLS 1.2 and 1.3 only,
 * and in TLS 1.2 only ECDHE key exchange with AEAD ciphers (no CBC, no RSA key exchange). The
 * refused cases let the client offer what it would otherwise refuse itself ({@code @SECLEVEL=0}),
 * so that it is the server that says no.
 */
class HttpsListenerTlsIT {
    @TempDir
    static Path dir;

    private static RunningServer server;

    @BeforeAll
    static void start() {
        OpenSsl.require();
        server = RunningServer.start(dir.resolve("data"), Map.of());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void tls13IsAccepted() {
        String output = accepted("-tls1_3");
        assertThat(output).contains("Protocol version: TLSv1.3");
    }

    @Test
    void tls12WithEcdheEcdsaAesGcmIsAccepted() {
        String output = accepted("-tls1_2", "-cipher", "ECDHE-ECDSA-AES128-GCM-SHA256");
        assertThat(output).contains("Protocol version: TLSv1.2").contains("Ciphersuite: ECDHE-ECDSA-AES128-GCM-SHA256");
    }

    @Test
    void tls11IsRefused() {
        refused("-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0");
    }

    @Test
    void tls10IsRefused() {
        refused("-tls1", "-cipher", "DEFAULT@SECLEVEL=0");
    }

    @Test
    void cbcOnlyCipherListIsRefused() {
        refused("-tls1_2", "-cipher", "ECDHE-ECDSA-AES128-SHA256:ECDHE-ECDSA-AES256-SHA384:ECDHE-ECDSA-AES128-SHA"
                + ":ECDHE-ECDSA-AES256-SHA:ECDHE-RSA-AES128-SHA256:ECDHE-RSA-AES128-SHA:@SECLEVEL=0");
    }

    @Test
    void rsaKeyExchangeIsRefused() {
        refused("-tls1_2", "-cipher", "AES128-GCM-SHA256:AES256-GCM-SHA384:AES128-SHA256:@SECLEVEL=0");
    }

    private static String accepted(String... options) {
        Processes.Result result = sClient(options);
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("Verification: OK");
        return result.output();
    }

    private static void refused(String... options) {
        Processes.Result result = sClient(options);
        assertThat(result.exitCode()).as(result.output()).isNotZero();
        // The client did offer it (no local "no protocols/ciphers available"): the server refused.
        assertThat(result.output()).as(result.output()).containsPattern("alert (protocol version|handshake failure)")
                .doesNotContain("Protocol version:");
    }

    private static Processes.Result sClient(String... options) {
        URI https = URI.create(server.server().httpsUrl());
        List<String> args = new ArrayList<>(List.of("s_client", "-brief", "-connect",
                https.getHost() + ":" + https.getPort(), "-CAfile", server.server().rootCertificate().toString(),
                "-verify_return_error"));
        args.addAll(List.of(options));
        return OpenSsl.run(dir, args.toArray(new String[0]));
    }
}
