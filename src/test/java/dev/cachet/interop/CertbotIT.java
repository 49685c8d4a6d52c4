package dev.cachet.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.cli.CliRunner;
import dev.cachet.testing.AcmeTestServer;
import dev.cachet.testing.ExternalTool;
import dev.cachet.testing.KnotServer;
import dev.cachet.testing.OpenSsl;
import dev.cachet.testing.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Type;

/**
 * Cachet's ACME server with the real certbot: issue, renew, revoke, external account binding
 * with a key from {@code cachet acme eab create}, and dns-01 through a real DNS server (Knot)
 * that certbot updates with RFC 2136.
 */
class CertbotIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static Boolean installed;

    @TempDir
    Path dir;

    @BeforeAll
    static void requireCertbot() {
        OpenSsl.require();
        ExternalTool.require("certbot", isInstalled());
    }

    @Test
    void issuesRenewsAndRevokes() throws IOException {
        try (AcmeTestServer acme = AcmeTestServer.start(dir.resolve("data"), Map.of())) {
            acme.dns().addA("site.test", "127.0.0.1");
            Files.copy(acme.server().server().rootCertificate(), dir.resolve("root.pem"));

            Processes.Result issued = certbot(acme, "certonly", "--standalone", "-d", "site.test",
                    "--http-01-port", Integer.toString(acme.http01Port()), "--http-01-address", "127.0.0.1");
            assertThat(issued.exitCode()).as(issued.output()).isZero();
            Path live = dir.resolve("config/live/site.test");
            String verified = OpenSsl.runOk(dir, "verify", "-CAfile", "root.pem", "-untrusted",
                    live.resolve("chain.pem").toString(), live.resolve("cert.pem").toString());
            assertThat(verified).contains(": OK");
            String firstSerial = serial(live.resolve("cert.pem"));

            Processes.Result renewed = certbot(acme, "renew", "--force-renewal", "--no-random-sleep-on-renew");
            assertThat(renewed.exitCode()).as(renewed.output()).isZero();
            String secondSerial = serial(live.resolve("cert.pem"));
            assertThat(secondSerial).isNotEqualTo(firstSerial);
            assertThat(acme.acmeCertificates()).hasSize(2);

            Processes.Result revoked = certbot(acme, "revoke", "--cert-path", live.resolve("cert.pem").toString(),
                    "--reason", "keycompromise", "--no-delete-after-revoke");
            assertThat(revoked.exitCode()).as(revoked.output()).isZero();
            String ocsp = OpenSsl.runOk(dir, "ocsp", "-issuer", live.resolve("chain.pem").toString(), "-cert",
                    live.resolve("cert.pem").toString(), "-url", acme.server().server().httpUrl() + "/ocsp",
                    "-CAfile", "root.pem", "-timeout", "20");
            assertThat(ocsp).contains("Response verify OK").contains(": revoked").contains("keyCompromise");
        }
    }

    @Test
    void externalAccountBindingIsRequiredWhenConfigured() throws IOException {
        Map<String, String> eab = Map.of("acme.externalAccountRequired", "true");
        try (AcmeTestServer acme = AcmeTestServer.start(dir.resolve("data"), eab)) {
            acme.dns().addA("eab.test", "127.0.0.1");
            Files.copy(acme.server().server().rootCertificate(), dir.resolve("root.pem"));
            String created = CliRunner.runOk("acme", "eab", "create", "--data", acme.server().data().toString(),
                    "--name", "certbot test").out();
            String kid = line(created, "kid: ");
            String hmac = line(created, "hmac-key: ");
            assertThat(Base64.getUrlDecoder().decode(hmac)).hasSize(32);
            String port = Integer.toString(acme.http01Port());

            Processes.Result refused = certbot(acme, "certonly", "--standalone", "-d", "eab.test",
                    "--http-01-port", port, "--http-01-address", "127.0.0.1");
            assertThat(refused.exitCode()).as(refused.output()).isNotZero();
            assertThat(refused.output().toLowerCase(java.util.Locale.ROOT)).contains("external account");
            assertThat(acme.acmeCertificates()).isEmpty();

            Processes.Result issued = certbot(acme, "certonly", "--standalone", "-d", "eab.test",
                    "--http-01-port", port, "--http-01-address", "127.0.0.1", "--eab-kid", kid,
                    "--eab-hmac-key", hmac);
            assertThat(issued.exitCode()).as(issued.output()).isZero();
            assertThat(dir.resolve("config/live/eab.test/fullchain.pem")).exists();
            assertThat(acme.acmeCertificates()).hasSize(1);
        }
    }

    @Test
    void dns01ThroughKnotIssuesANameAndAWildcard() throws IOException {
        try (KnotServer knot = KnotServer.start(dir.resolve("knot"), "dns.test",
                "@ CAA 0 issue \"cachet.test\"", "@ CAA 0 issuewild \"cachet.test\"",
                "refused CAA 0 issue \"other-ca.example\"");
                AcmeTestServer acme = AcmeTestServer.start(dir.resolve("data"), Map.of(
                        "validation.resolvers", knot.hostPort(), "acme.caaIdentities", "cachet.test"))) {
            Files.copy(acme.server().server().rootCertificate(), dir.resolve("root.pem"));
            Path credentials = rfc2136Credentials(knot);
            long serialBefore = knot.serial();

            for (List<String> names : List.of(List.of("a.dns.test"), List.of("*.dns.test", "dns.test"))) {
                String lineage = names.get(0).replace("*.", "wildcard.");
                Processes.Result issued = certbotDns(acme, credentials, lineage, names);
                assertThat(issued.exitCode()).as(issued.output() + "\nknotd:\n" + knot.log()).isZero();
                Path live = dir.resolve("config/live/" + lineage);
                String verified = OpenSsl.runOk(dir, "verify", "-CAfile", "root.pem", "-untrusted",
                        live.resolve("chain.pem").toString(), live.resolve("cert.pem").toString());
                assertThat(verified).contains(": OK");
                String text = OpenSsl.runOk(dir, "x509", "-noout", "-ext", "subjectAltName", "-in",
                        live.resolve("cert.pem").toString());
                names.forEach(name -> assertThat(text).contains("DNS:" + name));
            }
            // certbot added, and on cleanup removed, the TXT records through Knot's RFC 2136 updates.
            assertThat(knot.serial()).isGreaterThan(serialBefore);
            assertThat(knot.query("_acme-challenge.dns.test", Type.TXT)).isEmpty();
            assertThat(acme.acmeCertificates()).hasSize(2);

            Processes.Result refused = certbotDns(acme, credentials, "refused", List.of("refused.dns.test"));
            assertThat(refused.exitCode()).as(refused.output()).isNotZero();
            // Debian's certbot 2.1 on Python 3.11 fails to print an ACME error from finalize
            // (josepy's "can't set attribute"), so the problem is read from certbot's log.
            assertThat(Files.readString(dir.resolve("logs/letsencrypt.log")))
                    .contains("urn:ietf:params:acme:error:caa").contains("other-ca.example");
            assertThat(acme.acmeCertificates()).hasSize(2);
        }
    }

    private Processes.Result certbotDns(AcmeTestServer acme, Path credentials, String lineage, List<String> names) {
        List<String> args = new ArrayList<>(List.of("certonly", "--dns-rfc2136", "--dns-rfc2136-credentials",
                credentials.toString(), "--dns-rfc2136-propagation-seconds", "1", "--cert-name", lineage));
        names.forEach(name -> args.addAll(List.of("-d", name)));
        return certbot(acme, args.toArray(new String[0]));
    }

    private Path rfc2136Credentials(KnotServer knot) throws IOException {
        Path credentials = dir.resolve("rfc2136.ini");
        Files.writeString(credentials, String.join("\n", "dns_rfc2136_server = 127.0.0.1",
                "dns_rfc2136_port = " + knot.address().getPort(), "dns_rfc2136_name = " + KnotServer.KEY_NAME,
                "dns_rfc2136_secret = " + knot.secret(), "dns_rfc2136_algorithm = " + KnotServer.ALGORITHM, ""));
        Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-------"));
        return credentials;
    }

    private Processes.Result certbot(AcmeTestServer acme, String... args) {
        List<String> command = new ArrayList<>(List.of("certbot"));
        command.addAll(List.of(args));
        command.addAll(List.of("--config-dir", dir.resolve("config").toString(), "--work-dir",
                dir.resolve("work").toString(), "--logs-dir", dir.resolve("logs").toString(), "--non-interactive",
                "--agree-tos", "--register-unsafely-without-email", "--server", acme.directoryUrl()));
        return Processes.run(dir, TIMEOUT, Map.of("REQUESTS_CA_BUNDLE", dir.resolve("root.pem").toString()),
                command);
    }

    private static String line(String output, String prefix) {
        return output.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).strip())
                .findFirst().orElseThrow(() -> new AssertionError("no '" + prefix + "' in:\n" + output));
    }

    private String serial(Path certificate) {
        return OpenSsl.runOk(dir, "x509", "-noout", "-serial", "-in", certificate.toString()).strip();
    }

    private static synchronized boolean isInstalled() {
        if (installed == null) {
            try {
                installed = Processes.run(Path.of("."), Duration.ofSeconds(60), Map.of(),
                        List.of("certbot", "--version")).exitCode() == 0;
            } catch (AssertionError e) {
                installed = false;
            }
        }
        return installed;
    }
}
