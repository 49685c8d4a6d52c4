package dev.cachet.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.cli.CliRunner;
import dev.cachet.testing.OpenSsl;
import dev.cachet.testing.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Cachet parses and signs the CSRs that {@code openssl req -new} makes. */
class OpenSslCsrIT {
    private static final List<String> RSA = List.of("-newkey", "rsa:2048");
    private static final List<String> EC = List.of("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256");

    @TempDir
    Path dir;

    private Path ca;

    @BeforeEach
    void setUp() {
        OpenSsl.require();
        ca = new Workspace(dir).initCa("ca", "ec-p256");
    }

    static Stream<Arguments> keys() {
        return Stream.of(Arguments.of("RSA", RSA), Arguments.of("EC P-256", EC));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void signsARequestWithSubjectAltNames(String name, List<String> newKey) {
        request(newKey, "-subj", "/CN=host.example.org", "-addext",
                "subjectAltName=DNS:host.example.org,DNS:www.example.org,IP:192.0.2.7");

        CliRunner.Result result = sign();

        assertThat(result.out()).contains("  names: dns:host.example.org, dns:www.example.org, ip:192.0.2.7\n");
        String text = certificateText();
        assertThat(text).contains("Subject: CN = host.example.org");
        assertThat(OpenSsl.extension(text, "X509v3 Subject Alternative Name"))
                .isEqualTo("DNS:host.example.org, DNS:www.example.org, IP Address:192.0.2.7");
        assertThat(OpenSsl.runOk(dir, "verify", "-CAfile", "ca/root.pem", "-untrusted", "ca/intermediate.pem",
                "-purpose", "sslserver", "cert.pem")).isEqualTo("cert.pem: OK\n");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void putsTheCommonNameOfARequestWithoutSubjectAltNamesAmongThem(String name, List<String> newKey) {
        request(newKey, "-subj", "/CN=host.example.org");

        CliRunner.Result result = sign();

        assertThat(result.out()).contains("  names: dns:host.example.org\n");
        String text = certificateText();
        assertThat(text).contains("Subject: CN = host.example.org");
        assertThat(OpenSsl.extension(text, "X509v3 Subject Alternative Name")).isEqualTo("DNS:host.example.org");
    }

    private void request(List<String> newKey, String... names) {
        List<String> args = new ArrayList<>(List.of("req", "-new", "-nodes", "-keyout", "key.pem", "-out",
                "cert.csr"));
        args.addAll(newKey);
        args.addAll(List.of(names));
        OpenSsl.runOk(dir, args.toArray(new String[0]));
    }

    private CliRunner.Result sign() {
        return CliRunner.runOk("ca", "sign", "--dir", ca.toString(), "--csr", dir.resolve("cert.csr").toString(),
                "--out", dir.resolve("cert.pem").toString());
    }

    private String certificateText() {
        return OpenSsl.runOk(dir, "x509", "-in", "cert.pem", "-noout", "-text");
    }
}
