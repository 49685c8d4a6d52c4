package dev.cachet.cli;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.crypto.PemDocument;
import dev.cachet.verify.ChainVerifier;
import dev.cachet.verify.JdkCertificates;
import dev.cachet.verify.Purpose;
import dev.cachet.verify.VerificationRequest;
import dev.cachet.verify.VerificationResult;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
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

/**
 * {@code cachet verify}: checks a certificate against trusted roots, the equivalent of
 * {@code openssl verify -CAfile root.pem -untrusted chain.pem -verify_hostname example.org cert.pem}.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Check that a certificate chains to a trusted root, is valid now (or at --at), "
                + "may be used for its purpose and names the host.",
            "Prints one line: OK with the chain, or why the certificate is not trusted (exit code 3)."},
        footer = {"", "Examples:",
            "  cachet verify --trust root.pem cert.pem",
            "  cachet verify --trust root.pem --chain chain.pem --host example.org cert.pem",
            "  cachet verify --trust root.pem --host 192.0.2.1 fullchain.pem",
            "  cachet verify --trust root.pem --purpose tls-client --at 2030-01-01 client.pem",
            "", "Revocation is not checked. Exit codes: 0 trusted, 1 unreadable input, 2 usage error, 3 not trusted."})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Option(names = "--trust", required = true, paramLabel = "FILE",
            description = "Trusted certificates (PEM), usually the root; every certificate in it is trusted. "
                    + "Repeatable.")
    List<Path> trustFiles;

    @Option(names = "--chain", paramLabel = "FILE",
            description = "Untrusted intermediates (PEM) that may complete the chain, in any order. Repeatable.")
    List<Path> chainFiles = new ArrayList<>();

    @Option(names = "--host", paramLabel = "NAME", converter = HostConverter.class,
            description = "A DNS name or IP address the certificate must name (implies --purpose tls-server).")
    String host;

    @Option(names = "--at", paramLabel = "TIME", converter = InstantConverter.class,
            description = "Verify at this time, not now: an instant such as 2030-01-01T00:00:00Z, or a date "
                    + "(midnight UTC).")
    Instant at;

    @Option(names = "--purpose", paramLabel = "PURPOSE", converter = PurposeConverter.class,
            description = "tls-server, tls-client or any (default: tls-server with --host, else any).")
    Purpose purpose;

    @Parameters(paramLabel = "CERT", description = "The certificate (PEM); further certificates in the file, "
            + "as in a fullchain.pem, count as untrusted intermediates.")
    Path certificateFile;

    @Override
    public Integer call() {
        List<X509Certificate> certificates = read(certificateFile);
        List<X509Certificate> untrusted = new ArrayList<>(certificates.subList(1, certificates.size()));
        chainFiles.forEach(file -> untrusted.addAll(read(file)));
        List<X509Certificate> anchors = new ArrayList<>();
        trustFiles.forEach(file -> anchors.addAll(read(file)));
        VerificationRequest request = new VerificationRequest(certificates.get(0), untrusted, anchors,
                Optional.ofNullable(host), Optional.ofNullable(at), Optional.ofNullable(purpose));
        VerificationResult result = new ChainVerifier(Clock.systemUTC()).verify(request);
        if (!result.trusted()) {
            throw new CachetException(ErrorType.VERIFICATION, certificateFile + ": " + result.message());
        }
        spec.commandLine().getOut().println(certificateFile + ": " + result.message());
        return ExitCodes.OK;
    }

    private static List<X509Certificate> read(Path file) {
        PemDocument document = PemDocument.read(file);
        return JdkCertificates.convert(document.certificates(), document.source());
    }
}
