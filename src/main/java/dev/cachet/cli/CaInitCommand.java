package dev.cachet.cli;

import dev.cachet.ca.CaCreation;
import dev.cachet.ca.CaDirectory;
import dev.cachet.ca.CaMaterial;
import dev.cachet.ca.CaSecrets;
import dev.cachet.ca.Profiles;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.crypto.Fingerprints;
import dev.cachet.crypto.KeyType;
import dev.cachet.crypto.Pkcs11Token;
import dev.cachet.csr.SubjectNames;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.bouncycastle.cert.X509CertificateHolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code cachet ca init}: a new root (10 years) and intermediate (5 years, pathLen 0) in a folder,
 * with the keys encrypted at rest, or generated inside a PKCS#11 token.
 */
@Command(name = "init", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Create a root CA (self-signed, 10 years) and an intermediate CA (5 years) in a folder.",
            "The keys are encrypted with a passphrase from --passphrase-file or CACHET_CA_PASSPHRASE,",
            "or kept in a PKCS#11 token with --pkcs11 (PIN from --passphrase-file or CACHET_CA_PIN)."})
final class CaInitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The CA folder (created if absent).")
    Path dir;

    @Option(names = "--name", defaultValue = "Cachet Root CA", paramLabel = "NAME",
            description = "The root's common name (default: ${DEFAULT-VALUE}); the intermediate's is derived.")
    String name;

    @Option(names = "--key-type", defaultValue = "ec-p256", converter = KeyTypeConverter.class, paramLabel = "TYPE",
            description = "Type of both CA keys (default: ${DEFAULT-VALUE}).")
    KeyType keyType;

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "Encrypt the keys with the passphrase on this file's first line (PBES2, AES-256);"
                    + " with --pkcs11, the token's PIN.")
    Path passphraseFile;

    @Option(names = "--pkcs11", paramLabel = "CONFIG",
            description = "Generate the keys inside the PKCS#11 token of this SunPKCS11 configuration file.")
    Path pkcs11;

    @Option(names = "--no-passphrase",
            description = "INSECURE: write the keys unencrypted (anyone who copies the folder can sign).")
    boolean noPassphrase;

    @Override
    public Integer call() {
        if (noPassphrase && (passphraseFile != null || pkcs11 != null)) {
            throw new ParameterException(spec.commandLine(),
                    "--no-passphrase cannot be combined with --passphrase-file or --pkcs11");
        }
        CaDirectory ca = new CaDirectory(dir);
        if (ca.exists()) {
            throw new CachetException(ErrorType.ALREADY_EXISTS, dir + ": already holds a CA; not overwritten");
        }
        CaCreation creation = new CaCreation(new SecureRandom(), Clock.systemUTC());
        CaCreation.Spec what = new CaCreation.Spec(name, keyType, Profiles.DEFAULT);
        CaMaterial material;
        String keys;
        if (pkcs11 != null) {
            Pkcs11Token token = Pkcs11Token.open(pkcs11, required(CaSecrets.pin(passphraseFile, System.getenv()),
                    "no PIN for the PKCS#11 token: give --passphrase-file FILE or set " + CaSecrets.PIN_VARIABLE));
            material = creation.inToken(ca, what, token);
            var aliases = ca.settings().pkcs11();
            keys = "in the PKCS#11 token as " + aliases.rootAlias() + ", " + aliases.intermediateAlias()
                    + "; no key file";
        } else {
            char[] secret = noPassphrase ? null : required(CaSecrets.newPassphrase(passphraseFile, System.getenv()),
                    "no passphrase for the CA keys: give --passphrase-file FILE or set "
                            + CaSecrets.PASSPHRASE_VARIABLE + " (--no-passphrase leaves them unencrypted: insecure)");
            material = creation.inFiles(ca, what, secret);
            keys = (secret == null ? "NOT encrypted" : "encrypted") + ", mode 0600";
        }
        report(material, keys);
        return ExitCodes.OK;
    }

    private static char[] required(char[] secret, String message) {
        if (secret == null) {
            throw new CachetException(ErrorType.BAD_PASSPHRASE, message);
        }
        return secret;
    }

    private void report(CaMaterial material, String keys) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Created CA in %s%n", dir);
        out.printf("  root:         %s, until %s%n", SubjectNames.format(material.root().getSubject()),
                material.root().getNotAfter().toInstant());
        out.printf("  intermediate: %s, until %s%n", SubjectNames.format(material.intermediate().getSubject()),
                material.intermediate().getNotAfter().toInstant());
        out.printf("  keys:         %s, %s%n", keyType, keys);
        out.printf("  root SHA-256: %s%n", Fingerprints.sha256(encoded(material.root())));
        out.printf("Next: cachet ca sign --dir %s --csr cert.csr --out cert.pem%n", dir);
    }

    private static byte[] encoded(X509CertificateHolder certificate) {
        try {
            return certificate.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
