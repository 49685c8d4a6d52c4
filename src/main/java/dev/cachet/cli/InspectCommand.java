package dev.cachet.cli;

import dev.cachet.crypto.Passphrases;
import dev.cachet.crypto.PemDocument;
import dev.cachet.inspect.Inspection;
import dev.cachet.inspect.Inspector;
import dev.cachet.inspect.JsonRenderer;
import dev.cachet.inspect.TextRenderer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cachet inspect}: describes the certificates, CSRs, CRLs and keys of a PEM or DER file. */
@Command(name = "inspect", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Describe a certificate, chain, CSR, CRL, private or public key (PEM or DER). "
                + "Private key material is never shown.",
        footer = {"", "Examples:",
            "  cachet inspect fullchain.pem",
            "  cachet inspect --json cert.pem | jq -r '.objects[0].notAfter'",
            "  cachet inspect key.pem --passphrase-file pass.txt"})
final class InspectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Parameters(paramLabel = "FILE", description = "The file to describe.")
    Path file;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "Passphrase of an encrypted private key, to show its type and public key.")
    Path passphraseFile;

    @Override
    public Integer call() {
        byte[] data = PemDocument.readBytes(file);
        char[] passphrase = passphraseFile == null ? null : Passphrases.read(passphraseFile);
        Inspection inspection;
        try {
            inspection = new Inspector(Clock.systemUTC()).inspect(data, file.toString(), passphrase);
        } finally {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
        spec.commandLine().getOut().print(json ? JsonRenderer.render(inspection) : TextRenderer.render(inspection));
        return ExitCodes.OK;
    }
}
