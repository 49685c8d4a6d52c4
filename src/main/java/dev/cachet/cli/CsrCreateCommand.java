package dev.cachet.cli;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.Identifier;
import dev.cachet.crypto.KeyPairFactory;
import dev.cachet.crypto.KeyType;
import dev.cachet.crypto.PemDocument;
import dev.cachet.crypto.PemWriter;
import dev.cachet.crypto.Passphrases;
import dev.cachet.crypto.PrivateKeys;
import dev.cachet.crypto.PublicKeys;
import dev.cachet.crypto.SecureFiles;
import dev.cachet.csr.CsrBuilder;
import dev.cachet.csr.SubjectNames;
import dev.cachet.policy.Identifiers;
import dev.cachet.policy.KeyPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cachet csr create}: a PKCS#10 request with subjectAltNames, the equivalent of
 * {@code openssl req -new -nodes -newkey rsa:4096 -keyout key.pem -out cert.csr}.
 */
@Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Create a certificate signing request (PKCS#10, PEM) for an existing or a new key.",
        footer = {"", "Examples:",
            "  cachet csr create --subject CN=example.org --new-key ec-p256 --key-out key.pem --out cert.csr",
            "  cachet csr create --subject \"CN=example.org,O=Example,C=BE\" --san www.example.org "
                + "--san ip:192.0.2.1 --key key.pem --out cert.csr"})
final class CsrCreateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Option(names = "--subject", paramLabel = "DN",
            description = "Subject, e.g. \"CN=example.org,O=Example,C=BE\" (or /C=BE/O=Example/CN=example.org).")
    String subject;

    @Option(names = "--san", paramLabel = "NAME", description = "A subjectAltName, repeatable: example.org, "
            + "dns:*.example.org, ip:192.0.2.1, email:admin@example.org. A host-name CN is added automatically.")
    List<String> sans = new ArrayList<>();

    @ArgGroup(exclusive = true, multiplicity = "1")
    KeySource keySource;

    @Option(names = "--key-out", paramLabel = "FILE", description = "With --new-key: where to write the new key.")
    Path keyOut;

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "Passphrase of --key, or to encrypt the --new-key with.")
    Path passphraseFile;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the CSR.")
    Path out;

    /** Either an existing key or the type of a new one. */
    static final class KeySource {
        @Option(names = "--key", paramLabel = "FILE", description = "The private key to sign the request with.")
        Path key;

        @Option(names = "--new-key", paramLabel = "TYPE", converter = KeyTypeConverter.class,
                description = "Create a new key of this type (ec-p256, rsa-4096, ...) and write it to --key-out.")
        KeyType newKey;
    }

    @Override
    public Integer call() {
        checkOutputs();
        X500Name name = subject == null ? new X500Name(new org.bouncycastle.asn1.x500.RDN[0])
                : SubjectNames.parse(subject);
        List<Identifier> names = names(name);
        SecureRandom random = new SecureRandom();
        KeyPair pair = keyPair(random);
        new KeyPolicy(true).check(SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded()));
        PKCS10CertificationRequest csr = CsrBuilder.build(pair, name, names);
        List<SecureFiles.Output> outputs = new ArrayList<>();
        if (keySource.newKey != null) {
            char[] passphrase = passphraseFile == null ? null : Passphrases.readNew(passphraseFile);
            outputs.add(new SecureFiles.Output(keyOut, ascii(PrivateKeys.toPem(pair.getPrivate(), passphrase, random)),
                    true));
        }
        outputs.add(new SecureFiles.Output(out, ascii(PemWriter.encode(PemWriter.CERTIFICATE_REQUEST, encoded(csr))),
                false));
        SecureFiles.writeAll(outputs);
        spec.commandLine().getOut().printf("Wrote CSR to %s%n  subject: %s%n  names:   %s%n%s", out,
                SubjectNames.format(name), names.isEmpty() ? "(none)" : names,
                keySource.newKey == null ? "" : "  key:     " + keyOut + " (" + keySource.newKey + ", mode 0600)\n");
        return ExitCodes.OK;
    }

    private void checkOutputs() {
        if (keySource.newKey != null && keyOut == null) {
            throw new CachetException(ErrorType.MALFORMED, "--new-key needs --key-out FILE for the new key");
        }
        if (keySource.key != null && keyOut != null) {
            throw new CachetException(ErrorType.MALFORMED, "--key-out goes with --new-key, not with --key");
        }
        if (subject == null && sans.isEmpty()) {
            throw new CachetException(ErrorType.MALFORMED, "give --subject, --san or both");
        }
        SecureFiles.refuseExisting(out);
        if (keyOut != null) {
            SecureFiles.refuseExisting(keyOut);
        }
    }

    private List<Identifier> names(X500Name name) {
        List<Identifier> names = new ArrayList<>();
        for (String san : sans) {
            Identifier identifier = Identifiers.parse(san);
            if (!names.contains(identifier)) {
                names.add(identifier);
            }
        }
        // Browsers ignore the CN: a host name there is only useful when it is also a SAN.
        Optional<Identifier> cn = SubjectNames.commonName(name).flatMap(Identifiers::parseHost);
        if (cn.isPresent() && !names.contains(cn.get())) {
            names.add(0, cn.get());
        }
        return names;
    }

    private KeyPair keyPair(SecureRandom random) {
        if (keySource.newKey != null) {
            return KeyGeneration.generate(new KeyPairFactory(random), keySource.newKey, spec.commandLine().getErr());
        }
        char[] passphrase = passphraseFile == null ? null : Passphrases.read(passphraseFile);
        PrivateKey key = PrivateKeys.read(PemDocument.read(keySource.key), passphrase);
        return new KeyPair(PublicKeys.derive(key), key);
    }

    private static byte[] encoded(PKCS10CertificationRequest csr) {
        try {
            return csr.getEncoded();
        } catch (IOException e) {
            throw new CachetException(ErrorType.INTERNAL, "cannot encode the CSR", e);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
