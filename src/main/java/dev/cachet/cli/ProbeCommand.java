package dev.cachet.cli;

import dev.cachet.crypto.PemDocument;
import dev.cachet.probe.JdkRoots;
import dev.cachet.probe.ProbeResult;
import dev.cachet.probe.ProbeTarget;
import dev.cachet.probe.ProbeVerdict;
import dev.cachet.probe.TlsProbe;
import dev.cachet.verify.CertificateNames;
import dev.cachet.verify.HostnameMatcher;
import dev.cachet.verify.JdkCertificates;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cachet probe}: a TLS handshake with a server and a verdict on its chain, like a readable s_client. */
@Command(name = "probe", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Connect to a TLS server, complete the handshake and show the protocol, the cipher and "
                + "the chain the server sent (subject, issuer, validity, names of each certificate).",
            "The last line is the verdict: trusted, self-signed, unknown issuer, incomplete chain, expired, "
                + "name mismatch, wrong order (trusted, but the chain is not sent leaf first, then its "
                + "issuer...) or invalid chain (the reason follows)."},
        footer = {"", "Examples:",
            "  cachet probe https://example.org",
            "  cachet probe --trust cachet-data/ca/root.pem https://127.0.0.1:8443",
            "  cachet probe --trust ca/root.pem --servername site.test https://127.0.0.1:8444",
            "", "Revocation is not checked. Exit codes: 0 trusted, 1 no TLS handshake (refused, timeout, not TLS) "
                + "or bad input, 2 usage error, 3 any other verdict."})
final class ProbeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Option(names = "--trust", paramLabel = "FILE",
            description = "Trusted roots (PEM), repeatable (default: the roots the JDK trusts).")
    List<Path> trustFiles = new ArrayList<>();

    @Option(names = "--servername", paramLabel = "NAME", converter = HostConverter.class,
            description = "The name to send in SNI and to check the certificate against (default: the URL's host).")
    String serverName;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long the connection, and then the handshake, may take (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Parameters(paramLabel = "URL", description = "The server, such as https://example.org:8443.")
    String url;

    @Override
    public Integer call() {
        ProbeTarget target = ProbeTarget.parse(url, Optional.ofNullable(serverName));
        List<X509Certificate> anchors = new ArrayList<>();
        for (Path file : trustFiles) {
            PemDocument document = PemDocument.read(file);
            anchors.addAll(JdkCertificates.convert(document.certificates(), document.source()));
        }
        if (trustFiles.isEmpty()) {
            anchors.addAll(JdkRoots.load());
        }
        ProbeResult result = new TlsProbe(Clock.systemUTC(), Duration.ofSeconds(Math.max(1, timeoutSeconds)))
                .probe(target, anchors);
        print(spec.commandLine().getOut(), result);
        return result.verdict() == ProbeVerdict.TRUSTED ? ExitCodes.OK : ExitCodes.NOT_VERIFIED;
    }

    private static void print(PrintWriter out, ProbeResult result) {
        ProbeTarget target = result.target();
        out.printf("connected to %s%s%n", target.authority(),
                target.sniName().map(name -> ", server name " + name).orElse(""));
        out.printf("protocol  %s, cipher %s%n", result.protocol(), result.cipher());
        List<X509Certificate> sent = result.sent();
        for (int i = 0; i < sent.size(); i++) {
            X509Certificate certificate = sent.get(i);
            out.printf("certificate %d of %d sent%n", i + 1, sent.size());
            out.printf("  subject   %s%n", CertificateNames.distinguishedName(certificate.getSubjectX500Principal()));
            out.printf("  issuer    %s%n", CertificateNames.distinguishedName(certificate.getIssuerX500Principal()));
            out.printf("  validity  %s to %s%n", certificate.getNotBefore().toInstant(),
                    certificate.getNotAfter().toInstant());
            List<String> names = HostnameMatcher.presentedNames(certificate);
            out.printf("  names     %s%n", names.isEmpty() ? "(none)" : String.join(", ", names));
        }
        out.printf("verdict   %s%n", result.verdictLine());
    }
}
