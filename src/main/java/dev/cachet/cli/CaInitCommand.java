package dev.cachet.cli;

import dev.cachet.ca.CaDirectory;
import dev.cachet.ca.CaMaterial;
import dev.cachet.ca.CaSettings;
import dev.cachet.ca.Hierarchy;
import dev.cachet.ca.Profiles;
import dev.cachet.crypto.Fingerprints;
import dev.cachet.crypto.KeyType;
import dev.cachet.csr.SubjectNames;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.bouncycastle.cert.X509CertificateHolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cachet ca init}: a new root (10 years) and intermediate (5 years, pathLen 0) in a folder. */
@Command(name = "init", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Create a root CA (self-signed, 10 years) and an intermediate CA (5 years) in a folder.")
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

    @Mixin
    NewKeyPassphrase passphrase;

    @Override
    public Integer call() {
        CaDirectory ca = new CaDirectory(dir);
        if (ca.exists()) {
            throw new dev.cachet.core.CachetException(dev.cachet.core.ErrorType.ALREADY_EXISTS,
                    dir + ": already holds a CA; not overwritten");
        }
        char[] secret = passphrase.read();
        SecureRandom random = new SecureRandom();
        CaMaterial material = new Hierarchy(random, Clock.systemUTC()).create(name, keyType);
        String rootSha256 = Fingerprints.sha256(encoded(material.root()));
        ca.create(material, new CaSettings(CaSettings.CURRENT_VERSION, name, keyType.id(), secret != null,
                Instant.now().toString(), rootSha256, Profiles.DEFAULT), secret, random);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Created CA in %s%n", dir);
        out.printf("  root:         %s, until %s%n", SubjectNames.format(material.root().getSubject()),
                material.root().getNotAfter().toInstant());
        out.printf("  intermediate: %s, until %s%n", SubjectNames.format(material.intermediate().getSubject()),
                material.intermediate().getNotAfter().toInstant());
        out.printf("  keys:         %s, %s, mode 0600%n", keyType, secret == null ? "NOT encrypted" : "encrypted");
        out.printf("  root SHA-256: %s%n", rootSha256);
        out.printf("Next: cachet ca sign --dir %s --csr cert.csr --out cert.pem%n", dir);
        return ExitCodes.OK;
    }

    private static byte[] encoded(X509CertificateHolder certificate) {
        try {
            return certificate.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
