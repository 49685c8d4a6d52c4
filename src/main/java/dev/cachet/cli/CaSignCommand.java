package dev.cachet.cli;

import dev.cachet.ca.CaDirectory;
import dev.cachet.ca.CaSecrets;
import dev.cachet.ca.FolderJournal;
import dev.cachet.ca.IssuanceRequest;
import dev.cachet.ca.IssuedCertificate;
import dev.cachet.ca.IssuerUrls;
import dev.cachet.ca.LeafIssuer;
import dev.cachet.ca.Profile;
import dev.cachet.ca.Profiles;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.crypto.PemDocument;
import dev.cachet.crypto.PemWriter;
import dev.cachet.crypto.SecureFiles;
import dev.cachet.csr.CsrParser;
import dev.cachet.csr.ParsedCsr;
import dev.cachet.policy.BlockedKeys;
import dev.cachet.policy.NamePolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.bouncycastle.cert.X509CertificateHolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cachet ca sign}: issues a leaf certificate for a CSR with the folder's intermediate. */
@Command(name = "sign", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Check a CSR and issue a certificate for it, signed by the CA's intermediate.",
        footer = {"", "Profiles: tls-server (90 days, default), tls-server-1y (365 days), tls-server-public "
                + "(CA/Browser Forum maximum in force), tls-client (90 days), short-lived (7 days)."})
final class CaSignCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The CA folder.")
    Path dir;

    @Option(names = "--csr", required = true, paramLabel = "FILE", description = "The CSR (PEM).")
    Path csrFile;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the certificate.")
    Path out;

    @Option(names = "--fullchain-out", paramLabel = "FILE",
            description = "Also write certificate + intermediate (what a TLS server sends).")
    Path fullchainOut;

    @Option(names = "--profile", paramLabel = "NAME", description = "Certificate profile (default from ca.json).")
    String profileName;

    @Option(names = "--days", paramLabel = "N", description = "Validity in days, within the profile's limit.")
    Integer days;

    @Option(names = "--passphrase-file", paramLabel = "FILE", description = "Passphrase of the CA key (or "
            + "CACHET_CA_PASSPHRASE); for keys in a PKCS#11 token, its PIN (or CACHET_CA_PIN).")
    Path passphraseFile;

    @Option(names = "--base-url", paramLabel = "URL", description = "Plain HTTP URL under which the CA serves "
            + "/ocsp, /ca/intermediate.der and /crl/intermediate.crl, written into the certificate "
            + "(tls-server-public needs it, BR 7.1.2.7.7).")
    String baseUrl;

    @Option(names = "--allow-domain", paramLabel = "DOMAIN", description = "Sign only names under these domains "
            + "(repeatable; default: any).")
    List<String> allowDomains = new ArrayList<>();

    @Option(names = "--deny-domain", paramLabel = "DOMAIN", description = "Never sign names under these domains "
            + "(repeatable; wins over --allow-domain).")
    List<String> denyDomains = new ArrayList<>();

    @Option(names = "--blocked-keys", paramLabel = "FILE", description = "Refuse keys whose SubjectPublicKeyInfo "
            + "SHA-256 (hex, one a line) is listed in FILE.")
    Path blockedKeysFile;

    @Override
    public Integer call() {
        SecureFiles.refuseExisting(out);
        if (fullchainOut != null) {
            SecureFiles.refuseExisting(fullchainOut);
        }
        CaDirectory ca = new CaDirectory(dir);
        Profile profile = Profiles.require(profileName != null ? profileName : ca.settings().defaultProfile());
        ParsedCsr csr = CsrParser.parseVerified(PemDocument.read(csrFile).csr());
        new NamePolicy(allowDomains, denyDomains).check(csr.requestedNames());
        BlockedKeys blocked = BlockedKeys.listedOnly(blockedKeysFile == null ? Set.of()
                : BlockedKeys.readFile(blockedKeysFile));
        char[] passphrase = CaSecrets.forExisting(ca.settings(), passphraseFile, System.getenv());
        LeafIssuer issuer = new LeafIssuer(ca.loadIssuer(passphrase), new FolderJournal(dir), new SecureRandom(),
                Clock.systemUTC(), baseUrl == null ? null : IssuerUrls.under(baseUrl), blocked);
        IssuedCertificate issued = issuer.issue(new IssuanceRequest(csr.publicKey(), csr.names(), csr.commonName(),
                profile, days == null ? OptionalInt.empty() : OptionalInt.of(days)), "cli");
        write(issued);
        X509CertificateHolder certificate = issued.certificate();
        long validDays = Duration.between(certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant()).plusSeconds(1).toDays();
        spec.commandLine().getOut().printf("Issued %s certificate, serial %s%n  names: %s%n  valid: %s to %s (%d days)"
                + "%n  wrote: %s%s%n", profile.name(), issued.serial().toString(16), names(certificate),
                certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(), validDays, out,
                fullchainOut == null ? "" : ", " + fullchainOut);
        return ExitCodes.OK;
    }

    private void write(IssuedCertificate issued) {
        String leaf = pem(issued.certificate());
        List<SecureFiles.Output> outputs = new ArrayList<>();
        outputs.add(new SecureFiles.Output(out, leaf.getBytes(StandardCharsets.US_ASCII), false));
        if (fullchainOut != null) {
            // The root stays out: a client must already trust it (RFC 8446 §4.4.2 allows omitting it).
            String chain = leaf + pem(issued.chain().get(0));
            outputs.add(new SecureFiles.Output(fullchainOut, chain.getBytes(StandardCharsets.US_ASCII), false));
        }
        SecureFiles.writeAll(outputs);
    }

    private static String names(X509CertificateHolder certificate) {
        var san = org.bouncycastle.asn1.x509.GeneralNames.fromExtensions(certificate.getExtensions(),
                org.bouncycastle.asn1.x509.Extension.subjectAlternativeName);
        if (san == null) {
            return dev.cachet.csr.SubjectNames.format(certificate.getSubject());
        }
        return dev.cachet.csr.SubjectAltNames.decode(san).stream().map(Object::toString)
                .collect(Collectors.joining(", "));
    }

    private static String pem(X509CertificateHolder certificate) {
        try {
            return PemWriter.encode(PemWriter.CERTIFICATE, certificate.getEncoded());
        } catch (IOException e) {
            throw new CachetException(ErrorType.INTERNAL, "cannot encode the certificate", e);
        }
    }
}
