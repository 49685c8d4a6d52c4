package dev.cachet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.crypto.PemDocument;
import dev.cachet.crypto.PrivateKeys;
import dev.cachet.interop.CachetAcmeProvider;
import dev.cachet.testing.AcmeTestServer;
import dev.cachet.testing.CachetClient;
import dev.cachet.testing.Http01Responder;
import dev.cachet.testing.TestDnsServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.challenge.Http01Challenge;

/**
 * One full run of {@code cachet serve} as a process, with a CA passphrase, an API token, an EAB
 * key and an ACME issuance; afterwards nothing the server wrote (standard output and error, the
 * audit trail, any log file in the data folder) holds a secret: the passphrase, the token, the EAB
 * HMAC key in any form, a PEM private key, or the CA keys' PKCS#8 bytes in base64.
 */
class SecretsInLogsIT {
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void noSecretReachesTheServersOutputOrLogs() throws Exception {
        Path data = dir.resolve("data");
        String passphrase = "secrets-in-logs-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
        Path passphraseFile = Files.writeString(dir.resolve("ca-passphrase"), passphrase + "\n");
        int http01Port = AcmeTestServer.freePort();
        Map<String, String> secrets = new LinkedHashMap<>(Map.of("the CA passphrase", passphrase));
        try (TestDnsServer dns = TestDnsServer.start(); Http01Responder http = Http01Responder.start(http01Port)) {
            dns.addA("secrets.test", "127.0.0.1");
            Path config = Files.writeString(dir.resolve("cachet.yaml"), String.join("\n",
                    "ca:", "  passphraseFile: " + passphraseFile, "acme:", "  externalAccountRequired: true",
                    "validation:", "  resolvers: [\"127.0.0.1:" + dns.address().getPort() + "\"]",
                    "  http01Port: " + http01Port, "  allowPrivateTargets: true", "  timeoutSeconds: 5", ""));
            try (ServeProcess serve = ServeProcess.start(dir, "serve", "--config", config.toString(), "--data",
                    data.toString(), "--listen", "127.0.0.1:0", "--http-listen", "127.0.0.1:0")) {
                String httpsUrl = serve.awaitLine("ready ", START).substring("ready ".length()).strip();
                Path root = data.resolve("ca/root.pem");

                String token = lastLine(cachet("token", "create", "--data", data.toString(), "--name", "ops",
                        "--scopes", "issue,read", "--domains", "example.org"));
                secrets.put("the API token", token);
                CachetClient client = CachetClient.trusting(httpsUrl, root).withToken(token);
                client.issue(CachetClient.csr("secrets.example.org"));
                assertThat(client.get("/api/v1/no-such-resource").status()).isEqualTo(404);

                String eab = cachet("acme", "eab", "create", "--data", data.toString(), "--name", "secrets");
                String hmac = AcmeEabCreateCommandTest.value(eab, "hmac-key: ").strip();
                byte[] hmacBytes = Base64.getUrlDecoder().decode(hmac);
                secrets.put("the EAB HMAC key (base64url)", hmac);
                secrets.put("the EAB HMAC key (base64)", Base64.getEncoder().encodeToString(hmacBytes));
                secrets.put("the EAB HMAC key (hex)", HexFormat.of().formatHex(hmacBytes));
                secrets.put("the EAB HMAC key (raw bytes)", new String(hmacBytes, StandardCharsets.ISO_8859_1));
                issueWithAcme(httpsUrl, root, http, AcmeEabCreateCommandTest.value(eab, "kid: ").strip(), hmac);

                serve.terminate();
                assertThat(serve.awaitExit(Duration.ofSeconds(20))).isEqualTo(ServeProcess.SIGTERM_EXIT);
                secrets.putAll(caKeys(data, passphrase));
                secrets.put("a PEM private key", "PRIVATE KEY");
                assertNoSecretIn(written(serve, data), secrets);
            }
        }
    }

    private static void issueWithAcme(String httpsUrl, Path root, Http01Responder http, String kid, String hmac)
            throws Exception {
        Session session = new Session(URI.create(httpsUrl + "/acme/directory"), new CachetAcmeProvider(root));
        Login login = new AccountBuilder().agreeToTermsOfService().useKeyPair(ecKey())
                .withKeyIdentifier(kid, hmac).createLogin(session);
        Order order = login.newOrder().domain("secrets.test").create();
        for (Authorization authorization : order.getAuthorizations()) {
            Http01Challenge challenge = authorization.findChallenge(Http01Challenge.class).orElseThrow();
            http.answer(challenge.getToken(), challenge.getAuthorization());
            challenge.trigger();
            assertThat(authorization.waitForCompletion(WAIT)).isEqualTo(Status.VALID);
        }
        assertThat(order.waitUntilReady(WAIT)).isEqualTo(Status.READY);
        order.execute(ecKey());
        assertThat(order.waitForCompletion(WAIT)).isEqualTo(Status.VALID);
        order.getCertificate().download();
    }

    /** The CA keys' PKCS#8 encodings in base64, whole and as their first PEM line. */
    private static Map<String, String> caKeys(Path data, String passphrase) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String name : List.of("root.key", "intermediate.key")) {
            byte[] pkcs8 = PrivateKeys.read(PemDocument.read(data.resolve("ca").resolve(name)),
                    passphrase.toCharArray()).getEncoded();
            String base64 = Base64.getEncoder().encodeToString(pkcs8);
            keys.put(name + " (PKCS#8, base64)", base64);
            keys.put(name + " (PKCS#8, base64, first PEM line)", base64.substring(0, 64));
            keys.put(name + " (PKCS#8, base64url)", Base64.getUrlEncoder().withoutPadding().encodeToString(pkcs8));
        }
        return keys;
    }

    /** Everything the server wrote: standard output and error, and the log files of the data folder. */
    private static Map<String, byte[]> written(ServeProcess serve, Path data) throws Exception {
        Map<String, byte[]> written = new LinkedHashMap<>();
        written.put("standard output", serve.output().getBytes(StandardCharsets.UTF_8));
        written.put("standard error", serve.errors().getBytes(StandardCharsets.UTF_8));
        List<Path> logs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(data)) {
            files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString()
                    .matches(".*\\.(log|jsonl|txt|out|err|trace\\.db)")).forEach(logs::add);
        }
        assertThat(logs).contains(data.resolve("audit.jsonl"));
        for (Path log : logs) {
            written.put(data.relativize(log).toString(), Files.readAllBytes(log));
        }
        assertThat(new String(written.get("audit.jsonl"), StandardCharsets.UTF_8)).contains("token.used")
                .contains("certificate.reserved").contains("/acme/acct/");
        return written;
    }

    private static void assertNoSecretIn(Map<String, byte[]> written, Map<String, String> secrets) {
        for (Map.Entry<String, byte[]> where : written.entrySet()) {
            // Bytes are read as ISO-8859-1, one character each, so that raw key bytes are found too.
            String text = new String(where.getValue(), StandardCharsets.ISO_8859_1);
            for (Map.Entry<String, String> secret : secrets.entrySet()) {
                assertThat(text).as(secret.getKey() + " in " + where.getKey()).doesNotContain(secret.getValue());
            }
        }
    }

    /** Runs another {@code cachet} command from the jar and returns its standard output. */
    private String cachet(String... args) throws Exception {
        try (ServeProcess command = ServeProcess.start(dir, args)) {
            assertThat(command.awaitExit(START)).as(command.errors()).isZero();
            return command.output();
        }
    }

    private static String lastLine(String output) {
        List<String> lines = output.strip().lines().toList();
        return lines.get(lines.size() - 1).strip();
    }

    private static KeyPair ecKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
