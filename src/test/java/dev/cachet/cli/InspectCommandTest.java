package dev.cachet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachet.ca.IssuedCertificate;
import dev.cachet.crypto.KeyPairFactory;
import dev.cachet.crypto.KeyType;
import dev.cachet.crypto.PemWriter;
import dev.cachet.crypto.PrivateKeys;
import dev.cachet.crypto.PublicKeyInfo;
import dev.cachet.csr.CsrBuilder;
import dev.cachet.csr.SubjectNames;
import dev.cachet.policy.Identifiers;
import dev.cachet.testing.PkiFixtures;
import dev.cachet.testing.TestCa;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TestCa CA = TestCa.create(KeyType.EC_P256, Clock.systemUTC());
    private static final KeyPair KEY = new KeyPairFactory(RANDOM).generate(KeyType.EC_P256);
    private static final IssuedCertificate LEAF = PkiFixtures.leaf(CA, Clock.systemUTC(), KEY,
            List.of(Identifiers.dns("www.example.org"), Identifiers.parse("ip:192.0.2.1")));
    private static final String KEY_SHA256 = PublicKeyInfo.of(KEY.getPublic()).sha256();

    @TempDir
    Path dir;

    private static CliRunner.Result inspect(Path file, String... options) {
        String[] args = new String[options.length + 2];
        args[0] = "inspect";
        args[1] = file.toString();
        System.arraycopy(options, 0, args, 2, options.length);
        CliRunner.Result result = CliRunner.run(args);
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        return result;
    }

    @Test
    void certificate() {
        Path file = PkiFixtures.write(dir, "cert.pem", PkiFixtures.pem(LEAF.certificate()));
        String out = inspect(file).out();
        assertThat(out).startsWith("Certificate\n")
                .containsPattern("\n  subject: +CN=www\\.example\\.org\n")
                .containsPattern("\n  subject alt names: +dns:www\\.example\\.org, ip:192\\.0\\.2\\.1\n")
                .containsPattern("\n  not after: +\\S+ \\(89 days left\\)\n")
                .containsPattern("\n  SHA-256 fingerprint: +" + PkiFixtures.sha256(PkiFixtures.der(LEAF.certificate()))
                        + "\n")
                .containsPattern("\n  public key SHA-256: +" + KEY_SHA256 + "\n")
                .containsPattern("\n  signature algorithm: +ecdsa-with-SHA256\n")
                .contains("serial:", LEAF.serial().toString(16));
    }

    @Test
    void chain() {
        Path file = PkiFixtures.write(dir, "chain.pem", PkiFixtures.pem(LEAF.certificate(),
                CA.material().intermediate(), CA.material().root()));
        String out = inspect(file).out();
        assertThat(out).contains("Certificate 1 of 3\n", "\n\nCertificate 2 of 3\n", "\n\nCertificate 3 of 3\n");
        assertThat(out.lines().filter(l -> l.matches("  signed by next: +yes"))).hasSize(2);
        assertThat(out.lines().filter(l -> l.matches("  self-signed: +yes"))).hasSize(1);
    }

    @Test
    void csrWithAValidAndWithABrokenSignature() throws IOException {
        byte[] der = CsrBuilder.build(KEY, SubjectNames.parse("CN=www.example.org"),
                List.of(Identifiers.dns("www.example.org"))).getEncoded();
        Path good = PkiFixtures.write(dir, "good.csr", PemWriter.encode(PemWriter.CERTIFICATE_REQUEST, der));
        assertThat(inspect(good).out()).startsWith("Certificate request\n")
                .containsPattern("\n  signature: +valid\n")
                .containsPattern("\n  subject alt names: +dns:www\\.example\\.org\n");
        der[der.length - 1] ^= 0x01;
        Path broken = PkiFixtures.write(dir, "broken.csr", PemWriter.encode(PemWriter.CERTIFICATE_REQUEST, der));
        assertThat(inspect(broken).out()).containsPattern("\n  signature: +INVALID");
    }

    @Test
    void unencryptedKeyShowsTheFingerprintAndNoKeyMaterial() {
        String pem = PrivateKeys.toPem(KEY.getPrivate(), null, RANDOM);
        Path file = PkiFixtures.write(dir, "key.pem", pem);
        String out = inspect(file).out();
        String json = inspect(file, "--json").out();
        assertThat(out).startsWith("Private key\n").containsPattern("\n  encrypted: +no\n")
                .containsPattern("\n  key: +EC P-256\n").contains(KEY_SHA256);
        assertThat(json).contains(KEY_SHA256);
        assertNoBase64Line(pem, out + json);
    }

    @Test
    void encryptedKeySaysSoAndShowsNoKeyMaterial() {
        char[] passphrase = "correct horse battery".toCharArray();
        String pem = PrivateKeys.toPem(KEY.getPrivate(), passphrase, RANDOM);
        Path file = PkiFixtures.write(dir, "key.pem", pem);
        String out = inspect(file).out();
        assertThat(out).containsPattern("\n  encrypted: +yes\n")
                .containsPattern("\n  encryption: +PBES2 \\(PBKDF2 with hmacWithSHA256, \\d+ iterations; "
                        + "AES-256-CBC\\)")
                .doesNotContain(KEY_SHA256);
        assertNoBase64Line(pem, out + inspect(file, "--json").out());
        Path passphraseFile = PkiFixtures.write(dir, "pass.txt", "correct horse battery\n");
        String decrypted = inspect(file, "--passphrase-file", passphraseFile.toString()).out();
        assertThat(decrypted).containsPattern("\n  key: +EC P-256\n").contains(KEY_SHA256);
        assertNoBase64Line(pem, decrypted);
        Path wrong = PkiFixtures.write(dir, "wrong.txt", "not the passphrase\n");
        assertOneLineError(CliRunner.run("inspect", file.toString(), "--passphrase-file", wrong.toString()),
                "cachet: " + file + ": cannot decrypt the private key (wrong passphrase?)");
    }

    @Test
    void crlWithARevokedSerialAndReason() throws IOException {
        Path file = PkiFixtures.write(dir, "ca.crl",
                PemWriter.encode(PemWriter.CRL, PkiFixtures.crl(CA, PkiFixtures.NOW, 3).getEncoded()));
        assertThat(inspect(file).out()).startsWith("CRL\n")
                .containsPattern("\n  issuer: +CN=Test Intermediate CA\n")
                .containsPattern("\n  CRL number: +7\n")
                .containsPattern("\n  revoked: +3 certificates\n")
                .containsPattern("\n  revoked entries: +1  2025-05-31T12:00:00Z  keyCompromise\n +2  2025-05-30");
    }

    @Test
    void derCertificate() {
        byte[] der = PkiFixtures.der(LEAF.certificate());
        Path file = PkiFixtures.write(dir, "cert.der", der);
        assertThat(inspect(file).out()).startsWith("Certificate (DER)\n").contains(PkiFixtures.sha256(der));
    }

    @Test
    void jsonOfAChainReadsBackFieldByField() throws IOException {
        Path file = PkiFixtures.write(dir, "chain.pem", PkiFixtures.pem(LEAF.certificate(),
                CA.material().intermediate(), CA.material().root()));
        JsonNode root = new ObjectMapper().readTree(inspect(file, "--json").out());
        assertThat(root.get("source").asText()).isEqualTo(file.toString());
        assertThat(root.get("format").asText()).isEqualTo("PEM");
        JsonNode objects = root.get("objects");
        assertThat(objects.size()).isEqualTo(3);
        JsonNode leaf = objects.get(0);
        assertThat(leaf.get("kind").asText()).isEqualTo("certificate");
        assertThat(leaf.get("subject").asText()).isEqualTo("CN=www.example.org");
        assertThat(leaf.get("issuer").asText()).isEqualTo("CN=Test Intermediate CA");
        assertThat(leaf.get("serial").asText()).isEqualTo(LEAF.serial().toString(16));
        assertThat(leaf.get("notAfter").asText())
                .isEqualTo(LEAF.certificate().getNotAfter().toInstant().toString());
        assertThat(leaf.get("daysLeft").asLong()).isEqualTo(89);
        assertThat(leaf.get("status").asText()).isEqualTo("valid");
        assertThat(leaf.get("selfSigned").asBoolean()).isFalse();
        assertThat(leaf.get("ca").asBoolean()).isFalse();
        assertThat(leaf.get("key").asText()).isEqualTo("EC P-256");
        assertThat(leaf.get("publicKeySha256").asText()).isEqualTo(KEY_SHA256);
        assertThat(leaf.get("signatureAlgorithm").asText()).isEqualTo("ecdsa-with-SHA256");
        assertThat(leaf.get("sha256").asText()).isEqualTo(PkiFixtures.sha256(PkiFixtures.der(LEAF.certificate())));
        assertThat(leaf.get("subjectAltNames")).extracting(JsonNode::asText)
                .containsExactly("dns:www.example.org", "ip:192.0.2.1");
        assertThat(leaf.get("keyUsage")).extracting(JsonNode::asText).containsExactly("digitalSignature");
        assertThat(leaf.get("extendedKeyUsage")).extracting(JsonNode::asText).containsExactly("serverAuth");
        assertThat(leaf.get("extensions")).anySatisfy(e -> {
            assertThat(e.get("name").asText()).isEqualTo("basicConstraints");
            assertThat(e.get("critical").asBoolean()).isTrue();
        });
        assertThat(leaf.get("signedByNext").asBoolean()).isTrue();
        assertThat(objects.get(1).get("pathLen").asInt()).isZero();
        assertThat(objects.get(2).get("selfSigned").asBoolean()).isTrue();
        assertThat(objects.get(2).has("signedByNext")).isFalse();
    }

    @Test
    void badInputIsOneLineAndExitCodeOne() {
        String pem = PkiFixtures.pem(LEAF.certificate());
        byte[] noise = new byte[512];
        new Random(7).nextBytes(noise);
        noise[0] = 0x04;
        Path empty = PkiFixtures.write(dir, "empty.pem", "");
        Path truncated = PkiFixtures.write(dir, "truncated.pem", pem.substring(0, pem.length() / 2));
        Path random = PkiFixtures.write(dir, "random.bin", noise);
        Path missing = dir.resolve("missing.pem");
        assertOneLineError(CliRunner.run("inspect", empty.toString()), "cachet: " + empty + ": empty file");
        assertOneLineError(CliRunner.run("inspect", truncated.toString()), "cachet: " + truncated + ": corrupt PEM");
        assertOneLineError(CliRunner.run("inspect", random.toString()), "cachet: " + random + ": neither PEM");
        assertOneLineError(CliRunner.run("inspect", missing.toString()), "cachet: " + missing + ": no such file");
        assertOneLineError(CliRunner.run("inspect", "--json", random.toString()), "cachet: " + random);
    }

    @Test
    void inspectIsACommandOfCachet() {
        assertThat(CliRunner.run("--help").out()).contains("inspect");
        assertThat(CliRunner.run("inspect").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    private static void assertOneLineError(CliRunner.Result result, String start) {
        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith(start).endsWith("\n").doesNotContain("Exception", "\tat ");
        assertThat(result.err().lines()).hasSize(1);
    }

    private static void assertNoBase64Line(String pem, String output) {
        pem.lines().filter(line -> !line.startsWith("-----") && !line.isBlank())
                .forEach(line -> assertThat(output).doesNotContain(line));
    }
}
