package dev.cachet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.ca.CaDirectory;
import dev.cachet.ca.CaSettings;
import dev.cachet.testing.OpenSslTool;
import dev.cachet.testing.Processes;
import dev.cachet.testing.SoftHsm;
import dev.cachet.testing.TokenKeyProbe;
import dev.cachet.testing.Workspace;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CA keys in a PKCS#11 token (SoftHSM2, initialised by the test): {@code ca init --pkcs11},
 * {@code ca sign} and {@code serve} sign inside the token, openssl checks the results, no private
 * key file is written, and the keys in the token are sensitive and non-extractable.
 */
class Pkcs11CaIT {
    private static final Duration RUN = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"ec-p256", "rsa-2048"})
    void caInitAndCaSignKeepTheKeysInTheToken(String keyType) throws Exception {
        OpenSslTool openssl = OpenSslTool.require();
        SoftHsm token = SoftHsm.initialise(dir);
        Path ca = dir.resolve("ca");

        String created = run(token.environment(), "ca", "init", "--dir", ca.toString(), "--key-type", keyType,
                "--pkcs11", token.pkcs11Config().toString(), "--passphrase-file", token.pinFile().toString());

        CaSettings.Pkcs11Keys keys = new CaDirectory(ca).settings().pkcs11();
        assertThat(keys.config()).isEqualTo(token.pkcs11Config().toAbsolutePath().toString());
        assertThat(created).contains("  keys:         " + keyType + ", in the PKCS#11 token as " + keys.rootAlias()
                + ", " + keys.intermediateAlias() + "; no key file");
        assertNoPrivateKeyFile(ca);
        Workspace workspace = new Workspace(dir);
        Path csr = workspace.newCsr("leaf", "ec-p256", "--subject", "CN=www.example.org", "--san", "www.example.org");
        Map<String, String> withPin = new HashMap<>(token.environment());
        withPin.put("CACHET_CA_PIN", SoftHsm.PIN);
        run(withPin, "ca", "sign", "--dir", ca.toString(), "--csr", csr.toString(), "--out",
                dir.resolve("leaf.pem").toString());
        OpenSslTool.Result verified = openssl.run(dir, "verify", "-CAfile", "ca/root.pem", "-untrusted",
                "ca/intermediate.pem", "leaf.pem");
        assertThat(verified.stdout()).as(verified.stderr()).isEqualTo("leaf.pem: OK\n");
        assertExtractable(token, keys.rootAlias(), false);
        assertExtractable(token, keys.intermediateAlias(), false);
    }

    @Test
    void serveCreatesItsCaInTheTokenAndSignsCertificatesOcspAndCrlsThere() throws Exception {
        OpenSslTool openssl = OpenSslTool.require();
        SoftHsm token = SoftHsm.initialise(dir);
        Path data = dir.resolve("data");
        Map<String, String> environment = new HashMap<>(token.environment());
        environment.put("CACHET_CA_PKCS11_CONFIG", token.pkcs11Config().toString());
        environment.put("CACHET_CA_PIN_FILE", token.pinFile().toString());
        environment.put("CACHET_CA_KEY_TYPE", "rsa-2048");
        try (ServeProcess serve = ServeProcess.start(dir, environment, "serve", "--data", data.toString(),
                "--listen", "127.0.0.1:0", "--http-listen", "127.0.0.1:0")) {
            serve.awaitLine("ready ", RUN);
            assertThat(serve.lines()).contains("  CA keys:      in the PKCS#11 token of "
                    + token.pkcs11Config().toAbsolutePath());
            String http = serve.lines().stream().filter(l -> l.startsWith("  HTTP: ")).findFirst().orElseThrow()
                    .replaceAll("  HTTP: +(http://127\\.0\\.0\\.1:\\d+) .*", "$1");
            // The server's own TLS certificate is the first issuance, signed in the token.
            OpenSslTool.Result leaf = openssl.run(data, "verify", "-CAfile", "ca/root.pem", "-untrusted",
                    "ca/intermediate.pem", "tls/server.pem");
            assertThat(leaf.stdout()).as(leaf.stderr()).isEqualTo("tls/server.pem: OK\n");
            OpenSslTool.Result ocsp = openssl.run(data, "ocsp", "-issuer", "ca/intermediate.pem", "-cert",
                    "tls/server.pem", "-CAfile", "ca/root.pem", "-url", http + "/ocsp");
            assertThat(ocsp.stdout() + ocsp.stderr()).contains("Response verify OK", "tls/server.pem: good");
            Files.write(dir.resolve("crl.der"), get(http + "/crl/intermediate.crl"));
            OpenSslTool.Result crl = openssl.run(dir, "crl", "-inform", "DER", "-in", "crl.der", "-CAfile",
                    data.resolve("ca/chain.pem").toString(), "-noout");
            assertThat(crl.stdout() + crl.stderr()).contains("verify OK");
            serve.terminate();
            serve.awaitExit(RUN);
        }
        assertNoPrivateKeyFile(data.resolve("ca"));
        assertThat(data.resolve("ca/passphrase")).doesNotExist();
        assertExtractable(token, new CaDirectory(data.resolve("ca")).settings().pkcs11().intermediateAlias(), false);
    }

    private String run(Map<String, String> environment, String... args) throws Exception {
        try (ServeProcess command = ServeProcess.start(dir, environment, args)) {
            int exit = command.awaitExit(RUN);
            assertThat(exit).as("cachet %s: %s", String.join(" ", args), command.errors()).isZero();
            return command.output();
        }
    }

    private static void assertNoPrivateKeyFile(Path ca) throws Exception {
        try (Stream<Path> files = Files.walk(ca)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(file.getFileName().toString()).doesNotEndWith(".key");
                assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).as(file.toString())
                        .doesNotContain("PRIVATE KEY");
            }
        }
    }

    /** Asks the token, from a process of its own, whether a key can be read out. */
    private void assertExtractable(SoftHsm token, String alias, boolean extractable) throws Exception {
        Path report = dir.resolve("probe-" + alias + ".txt");
        Processes.Result probe = Processes.run(dir, RUN, token.environment(), List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), TokenKeyProbe.class.getName(),
                token.pkcs11Config().toString(), SoftHsm.PIN, alias, report.toString()));
        assertThat(probe.exitCode()).as(probe.output()).isZero();
        String text = Files.readString(report);
        assertThat(text).contains("token object", "sensitive",
                extractable ? ", extractable" : "unextractable");
        assertThat(text).endsWith(extractable ? "encoded: readable" : "encoded: none");
    }

    private static byte[] get(String url) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .timeout(RUN).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
