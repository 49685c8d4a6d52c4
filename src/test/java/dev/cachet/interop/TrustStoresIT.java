package dev.cachet.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.cli.CliRunner;
import dev.cachet.testing.CertificateBuilder;
import dev.cachet.testing.ExternalTool;
import dev.cachet.testing.PkiFixtures;
import dev.cachet.testing.Processes;
import dev.cachet.trust.RootCertificate;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cachet trust} with the real tools: Debian's update-ca-certificates on a system store built
 * under a folder of the test's (never the machine's), certutil on a new NSS database, keytool on a
 * PKCS#12 truststore. Each install is seen by the tool itself, and each uninstall undone.
 */
class TrustStoresIT {
    private static final char[] CHANGEIT = "changeit".toCharArray();

    @TempDir
    Path dir;

    private Path rootFile;
    private RootCertificate root;

    @BeforeEach
    void root() {
        rootFile = PkiFixtures.write(dir, "root.pem", PkiFixtures.pem(CertificateBuilder
                .certificate("Trust Test Root CA", CertificateBuilder.ecKey()).ca(-1).build()));
        root = RootCertificate.read(rootFile);
    }

    @Test
    void systemStoreGainsAndLosesTheRootThroughUpdateCaCertificates() throws Exception {
        ExternalTool.require("update-ca-certificates", Files.isExecutable(Path.of("/usr/sbin/update-ca-certificates")));
        Path prefix = dir.resolve("sysroot");
        Path local = Files.createDirectories(prefix.resolve("usr/local/share/ca-certificates"));
        Path certs = Files.createDirectories(prefix.resolve("etc/ssl/certs"));
        Files.createFile(prefix.resolve("etc/ca-certificates.conf"));
        // Another CA already trusted, as on every real system: it must stay.
        String other = PkiFixtures.pem(CertificateBuilder.certificate("Other CA", CertificateBuilder.ecKey()).ca(-1)
                .build());
        PkiFixtures.write(local, "other.crt", other);
        String[] store = {"--root", rootFile.toString(), "--system-prefix", prefix.toString()};

        CliRunner.Result installed = trust("install", store);
        assertThat(installed.out()).contains("system  installed          " + local);
        assertThat(bundle(certs)).contains(base64(root.der())).contains(other.lines().skip(1).findFirst().get());
        assertThat(certs.resolve(root.id() + ".pem")).isSymbolicLink();
        assertThat(trust("install", store).out()).contains("system  already installed");
        assertThat(trust("status", store).out()).contains("system  installed ");
        assertThat(Path.of("/usr/local/share/ca-certificates", root.id() + ".crt")).as("the machine's store")
                .doesNotExist();

        assertThat(trust("uninstall", store).out()).contains("system  removed");
        assertThat(bundle(certs)).doesNotContain(base64(root.der()))
                .contains(other.lines().skip(1).findFirst().get());
        assertThat(local.resolve(root.id() + ".crt")).doesNotExist();
        assertThat(certs.resolve(root.id() + ".pem")).doesNotExist();
        assertThat(trust("status", store).out()).contains("system  not installed");
        assertThat(trust("uninstall", store).out()).contains("system  was not installed");
    }

    @Test
    void nssDatabaseIsCreatedAndTrustsTheRootForTlsServers() {
        requireCertutil();
        Path db = dir.resolve("home/.pki/nssdb");
        String[] store = {"--root", rootFile.toString(), "--nss-db", db.toString()};

        assertThat(trust("install", store).out()).contains("nss     installed          " + db);
        Processes.Result listed = Processes.run(dir, Duration.ofSeconds(30), Map.of(),
                List.of("certutil", "-L", "-d", "sql:" + db));
        assertThat(listed.output()).containsPattern(root.id() + "\\s+C,,");
        assertThat(trust("status", store).out()).contains("nss     installed ");

        assertThat(trust("uninstall", store).out()).contains("nss     removed");
        assertThat(Processes.run(dir, Duration.ofSeconds(30), Map.of(), List.of("certutil", "-L", "-d",
                "sql:" + db)).output()).doesNotContain(root.id());
    }

    @Test
    void javaTruststoreGainsATrustedCertificateEntry() throws Exception {
        Path truststore = emptyTruststore();
        String[] store = {"--root", rootFile.toString(), "--java-truststore", truststore.toString()};

        assertThat(trust("install", store).out()).contains("java    installed          " + truststore);
        KeyStore loaded = load(truststore);
        assertThat(loaded.isCertificateEntry(root.id())).isTrue();
        assertThat(loaded.getCertificate(root.id()).getEncoded()).isEqualTo(root.der());

        assertThat(trust("uninstall", store).out()).contains("java    removed");
        assertThat(load(truststore).containsAlias(root.id())).isFalse();
    }

    @Test
    void withoutCertutilNothingIsChanged() throws Exception {
        Path truststore = emptyTruststore();
        byte[] before = Files.readAllBytes(truststore);
        Path home = Files.createDirectories(dir.resolve("home"));
        // PATH without certutil, as on a machine without libnss3-tools.
        Processes.Result result = cachet(home, "trust", "install", "--root", rootFile.toString(), "--nss",
                "--java-truststore", truststore.toString());

        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        assertThat(result.output().strip()).isEqualTo("cachet: cannot install, nothing was changed: nss needs "
                + "certutil (Debian package libnss3-tools)");
        assertThat(Files.readAllBytes(truststore)).isEqualTo(before);
        assertThat(home.resolve(".pki")).doesNotExist();

        Processes.Result status = cachet(home, "trust", "status", "--root", rootFile.toString(), "--nss");
        assertThat(status.exitCode()).isZero();
        assertThat(status.output()).contains("nss     unknown (needs certutil (Debian package libnss3-tools))");
    }

    private CliRunner.Result trust(String command, String... options) {
        List<String> args = new ArrayList<>(List.of("trust", command));
        args.addAll(List.of(options));
        CliRunner.Result result = CliRunner.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result;
    }

    /** Runs the packaged jar with another HOME and a PATH of nothing but java. */
    private Processes.Result cachet(Path home, String... args) {
        String jar = System.getenv().getOrDefault("CACHET_JAR", Path.of("target", "cachet.jar").toAbsolutePath()
                .toString());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar));
        command.addAll(List.of(args));
        return Processes.run(dir, Duration.ofSeconds(60), Map.of("HOME", home.toString(), "PATH",
                dir.resolve("no-tools").toString()), command);
    }

    private Path emptyTruststore() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        Path file = dir.resolve("truststore.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, CHANGEIT);
        }
        return file;
    }

    private static KeyStore load(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, CHANGEIT);
        }
        return store;
    }

    private static String bundle(Path certs) throws Exception {
        return Files.readString(certs.resolve("ca-certificates.crt"), StandardCharsets.US_ASCII).replaceAll("\\s", "");
    }

    private static String base64(byte[] der) {
        return Base64.getEncoder().encodeToString(der);
    }

    private static void requireCertutil() {
        ExternalTool.require("certutil", Files.isExecutable(Path.of("/usr/bin/certutil")));
    }
}
