package dev.cachet.cli;

import static dev.cachet.cli.CliAssertions.assertBadInput;
import static dev.cachet.cli.CliAssertions.assertNothingWritten;
import static dev.cachet.cli.CliAssertions.assertUsageError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.policy.BlockedKeys;
import dev.cachet.policy.PublicTrustValidity;
import dev.cachet.testing.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code ca sign} with bad options, existing outputs or no CA. */
class CaSignBadInputTest {
    @TempDir
    static Path caHome;
    private static Path ca;
    private static Path csr;

    @TempDir
    Path dir;

    private Workspace workspace;
    private Path out;

    @BeforeAll
    static void createCaAndCsr() {
        Workspace home = new Workspace(caHome);
        ca = home.initCa("ca", "ec-p256");
        csr = home.newCsr("host", "ec-p256", "--subject", "CN=example.org");
    }

    @BeforeEach
    void setUp() {
        workspace = new Workspace(dir);
        out = workspace.path("cert.pem");
    }

    @ParameterizedTest
    @CsvSource({"tls-server, 399", "tls-server-1y, 826", "tls-client, 826", "short-lived, 11", "tls-server, 0"})
    void daysOutsideTheProfilesLimitAreRefused(String profile, int days) {
        CliRunner.Result result = sign("--profile", profile, "--days", Integer.toString(days));

        assertBadInput(result, "validity of " + days + " days not allowed: profile " + profile + " allows 1 to ");
        assertNothingWritten(dir, out);
    }

    @Test
    void daysBeyondTheCaBrowserForumMaximumInForceAreRefused() {
        int max = PublicTrustValidity.maxDays(Instant.now());

        CliRunner.Result result = sign("--profile", "tls-server-public", "--days", Integer.toString(max + 1));

        assertBadInput(result, "profile tls-server-public allows 1 to " + max
                + " days (the CA/Browser Forum maximum in force today)");
        assertNothingWritten(dir, out);
    }

    @Test
    void namesOutsideTheAllowedOrUnderADeniedDomainAreRefused() {
        assertBadInput(sign("--allow-domain", "example.net"),
                "example.org is not under a domain this CA certifies (policy.allowDomains)");
        assertBadInput(sign("--allow-domain", "org", "--deny-domain", "example.org"),
                "example.org is under a domain this CA does not certify (policy.denyDomains)");
        assertNothingWritten(dir, out);
    }

    @Test
    void aKeyListedInTheBlockedKeysFileIsRefused() {
        var key = dev.cachet.csr.CsrParser.parseVerified(dev.cachet.crypto.PemDocument.read(csr).csr()).publicKey();
        Path blocked = workspace.write("blocked.txt", BlockedKeys.spkiSha256(key) + "\n");

        CliRunner.Result result = sign("--blocked-keys", blocked.toString());

        assertBadInput(result, "key refused (EC P-256): it is on the blocked-keys list");
        assertNothingWritten(dir, out);
    }

    @Test
    void aPubliclyTrustedCertificateNeedsTheRevocationUrls() {
        CliRunner.Result result = sign("--profile", "tls-server-public");

        assertBadInput(result, "not signed, lint failed: revocation_pointers: a publicly trusted certificate needs"
                + " authorityInformationAccess");
        assertNothingWritten(dir, out);
    }

    @Test
    void daysThatAreNoNumberAreAUsageError() {
        CliRunner.Result result = sign("--days", "ninety");

        assertUsageError(result, "cachet ca sign", "'ninety' is not an int");
        assertNothingWritten(dir, out);
    }

    @Test
    void anUnknownProfileIsRefusedWithTheKnownOnes() {
        CliRunner.Result result = sign("--profile", "tls-server-2y");

        assertBadInput(result, "unknown profile 'tls-server-2y' (known: tls-server, tls-server-1y, "
                + "tls-server-public, tls-client, short-lived)");
        assertNothingWritten(dir, out);
    }

    @Test
    void aFolderWithoutCaIsRefused() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));

        CliRunner.Result result = CliRunner.run("ca", "sign", "--dir", empty.toString(), "--csr", csr.toString(),
                "--out", out.toString());

        assertBadInput(result, empty + ": no CA here (create one with 'cachet ca init --dir " + empty + "')");
        assertNothingWritten(dir, out);
        assertThat(empty).isEmptyDirectory();
    }

    @Test
    void aMissingFolderIsRefusedAndNotCreated() {
        Path missing = dir.resolve("missing");

        CliRunner.Result result = CliRunner.run("ca", "sign", "--dir", missing.toString(), "--csr", csr.toString(),
                "--out", out.toString());

        assertBadInput(result, missing + ": no CA here");
        assertNothingWritten(dir, out, missing);
    }

    @Test
    void anExistingCertificateIsLeftUnchanged() {
        workspace.write("cert.pem", "precious\n");
        Path fullchain = workspace.path("fullchain.pem");

        CliRunner.Result result = sign("--fullchain-out", fullchain.toString());

        assertBadInput(result, out + ": already exists; not overwritten");
        assertThat(out).hasContent("precious");
        assertNothingWritten(dir, fullchain);
    }

    @Test
    void anExistingFullChainIsLeftUnchanged() {
        Path fullchain = workspace.write("fullchain.pem", "precious\n");

        CliRunner.Result result = sign("--fullchain-out", fullchain.toString());

        assertBadInput(result, fullchain + ": already exists; not overwritten");
        assertThat(fullchain).hasContent("precious");
        assertNothingWritten(dir, out);
    }

    @Test
    void oneFileForBothOutputsIsRefused() {
        CliRunner.Result result = sign("--fullchain-out", out.toString());

        assertBadInput(result, out + ": given for two outputs; choose a different file for each");
        assertNothingWritten(dir, out);
    }

    private CliRunner.Result sign(String... options) {
        String[] args = {"ca", "sign", "--dir", ca.toString(), "--csr", csr.toString(), "--out", out.toString()};
        String[] all = new String[args.length + options.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(options, 0, all, args.length, options.length);
        return CliRunner.run(all);
    }
}
