package dev.cachet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.crypto.Jca;
import dev.cachet.crypto.PemDocument;
import dev.cachet.testing.Workspace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaSignCommandTest {
    @TempDir
    static Path caHome;
    private static Path ca;

    @TempDir
    Path dir;

    @BeforeAll
    static void createCa() {
        ca = new Workspace(caHome).initCa("ca", "ec-p256");
    }

    @Test
    void issuesATlsServerCertificateAndItsFullChain() throws Exception {
        Workspace workspace = new Workspace(dir);
        Path csr = workspace.newCsr("host", "ec-p256", "--subject", "CN=example.org", "--san", "ip:192.0.2.1");
        Path out = workspace.path("cert.pem");
        Path fullchain = workspace.path("fullchain.pem");

        CliRunner.Result result = CliRunner.run("ca", "sign", "--dir", ca.toString(), "--csr", csr.toString(),
                "--out", out.toString(), "--fullchain-out", fullchain.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        X509CertificateHolder leaf = PemDocument.read(out).certificate();
        X509CertificateHolder intermediate = PemDocument.read(ca.resolve("intermediate.pem")).certificate();
        assertThat(leaf.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Jca.provider())
                .build(intermediate))).isTrue();
        assertThat(PemDocument.read(fullchain).certificates()).containsExactly(leaf, intermediate);
        assertThat(GeneralNames.fromExtensions(leaf.getExtensions(), Extension.subjectAlternativeName).getNames())
                .containsExactly(new GeneralName(GeneralName.dNSName, "example.org"),
                        new GeneralName(GeneralName.iPAddress, "192.0.2.1"));
        assertThat(BasicConstraints.fromExtensions(leaf.getExtensions()).isCA()).isFalse();
        assertThat(Duration.between(leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant()))
                .isEqualTo(Duration.ofDays(90).minusSeconds(1));
        assertThat(result.out().lines().toList()).containsExactly(
                "Issued tls-server certificate, serial " + leaf.getSerialNumber().toString(16),
                "  names: dns:example.org, ip:192.0.2.1",
                "  valid: " + leaf.getNotBefore().toInstant() + " to " + leaf.getNotAfter().toInstant()
                        + " (90 days)",
                "  wrote: " + out + ", " + fullchain);
    }

    @Test
    void issuesAClientCertificateForTheRequestedDays() {
        Workspace workspace = new Workspace(dir);
        Path csr = workspace.newCsr("client", "rsa-2048", "--subject", "CN=Alice Example", "--san",
                "email:alice@example.org");
        Path out = workspace.path("client.pem");

        CliRunner.Result result = CliRunner.run("ca", "sign", "--dir", ca.toString(), "--csr", csr.toString(),
                "--out", out.toString(), "--profile", "tls-client", "--days", "30");

        assertThat(result.exitCode()).as(result.err()).isZero();
        X509CertificateHolder leaf = PemDocument.read(out).certificate();
        assertThat(ExtendedKeyUsage.fromExtensions(leaf.getExtensions()).getUsages())
                .containsExactly(KeyPurposeId.id_kp_clientAuth);
        assertThat(Duration.between(leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant()))
                .isEqualTo(Duration.ofDays(30).minusSeconds(1));
        assertThat(result.out()).startsWith("Issued tls-client certificate, serial ")
                .contains("  names: email:alice@example.org\n").contains(" (30 days)\n")
                .endsWith("  wrote: " + out + "\n");
        assertThat(List.of(dir.toFile().list())).containsExactlyInAnyOrder("client.csr", "client.key",
                "client.pem");
    }
}
