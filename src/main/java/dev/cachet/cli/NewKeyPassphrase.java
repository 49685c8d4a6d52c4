package dev.cachet.cli;

import dev.cachet.crypto.Passphrases;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --passphrase-file} for commands that write a new key: encrypts it when given. */
final class NewKeyPassphrase {
    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "Encrypt the key with the passphrase on this file's first line (PBES2, AES-256).")
    Path file;

    /** @return the passphrase, or null when no file was given */
    char[] read() {
        return file == null ? null : Passphrases.readNew(file);
    }
}
