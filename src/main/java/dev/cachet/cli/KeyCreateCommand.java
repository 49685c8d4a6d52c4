package dev.cachet.cli;

import dev.cachet.crypto.KeyPairFactory;
import dev.cachet.crypto.KeyType;
import dev.cachet.crypto.PrivateKeys;
import dev.cachet.crypto.PublicKeyInfo;
import dev.cachet.crypto.SecureFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cachet key create}: a new private key in a PKCS#8 PEM file, mode 0600. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Create a private key (PKCS#8 PEM, file mode 0600), optionally encrypted.")
final class KeyCreateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Option(names = "--type", defaultValue = "ec-p256", converter = KeyTypeConverter.class, paramLabel = "TYPE",
            description = "Key type: ec-p256 (default), ec-p384, rsa-2048, rsa-3072, rsa-4096, ed25519.")
    KeyType type;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the key.")
    Path out;

    @Mixin
    NewKeyPassphrase passphrase;

    @Override
    public Integer call() {
        SecureFiles.refuseExisting(out);
        char[] secret = passphrase.read();
        SecureRandom random = new SecureRandom();
        KeyPair pair = KeyGeneration.generate(new KeyPairFactory(random), type, spec.commandLine().getErr());
        String pem = PrivateKeys.toPem(pair.getPrivate(), secret, random);
        SecureFiles.write(new SecureFiles.Output(out, pem.getBytes(StandardCharsets.US_ASCII), true));
        spec.commandLine().getOut().printf("Wrote %s private key to %s (mode 0600, %s)%npublic key SHA-256 %s%n",
                type, out, secret == null ? "not encrypted" : "encrypted with AES-256",
                PublicKeyInfo.of(pair.getPublic()).sha256());
        return ExitCodes.OK;
    }
}
