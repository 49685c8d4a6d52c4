package dev.cachet.testing;

import dev.cachet.cli.CliRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A folder (usually a JUnit {@code @TempDir}) in which a test prepares its inputs by running
 * Cachet's commands in process. Every command run here must succeed; tests run the command under
 * test themselves with {@link CliRunner#run}.
 */
public final class Workspace {
    /** A passphrase long enough for new keys. */
    public static final String PASSPHRASE = "correct horse battery staple";

    private final Path dir;

    /**
     * Uses a folder.
     *
     * @param dir the folder, which must exist
     */
    public Workspace(Path dir) {
        this.dir = dir;
    }

    /** @return the folder */
    public Path dir() {
        return dir;
    }

    /**
     * Resolves a file name in the folder.
     *
     * @param name the file name
     * @return the path, which may not exist
     */
    public Path path(String name) {
        return dir.resolve(name);
    }

    /**
     * Writes a text file.
     *
     * @param name the file name
     * @param text the content
     * @return the file
     */
    public Path write(String name, String text) {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes a file.
     *
     * @param name the file name
     * @param bytes the content
     * @return the file
     */
    public Path write(String name, byte[] bytes) {
        try {
            return Files.write(path(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a text file of the folder.
     *
     * @param name the file name
     * @return the content
     */
    public String read(String name) {
        try {
            return Files.readString(path(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@link #PASSPHRASE} to a file, as {@code --passphrase-file} reads it.
     *
     * @param name the file name
     * @return the file
     */
    public Path passphraseFile(String name) {
        return write(name, PASSPHRASE + "\n");
    }

    /**
     * Runs {@code cachet ca init}. Without {@code --passphrase-file} among the options, the keys are
     * written unencrypted ({@code --no-passphrase}): tests of signing need no passphrase.
     *
     * @param name the CA folder's name
     * @param keyType the CA key type, such as {@code ec-p256}
     * @param options more options, such as {@code --passphrase-file}
     * @return the CA folder
     */
    public Path initCa(String name, String keyType, String... options) {
        Path ca = path(name);
        String[] protection = List.of(options).contains("--passphrase-file") ? options
                : args(options, "--no-passphrase");
        CliRunner.runOk(args(protection, "ca", "init", "--dir", ca.toString(), "--key-type", keyType));
        return ca;
    }

    /**
     * Runs {@code cachet csr create} with a new key, written to {@code NAME.key}.
     *
     * @param name the base name: the CSR goes to {@code NAME.csr}
     * @param keyType the new key's type
     * @param options the names, such as {@code --subject CN=example.org --san www.example.org}
     * @return the CSR file
     */
    public Path newCsr(String name, String keyType, String... options) {
        Path csr = path(name + ".csr");
        CliRunner.runOk(args(options, "csr", "create", "--new-key", keyType, "--key-out",
                path(name + ".key").toString(), "--out", csr.toString()));
        return csr;
    }

    /**
     * Runs {@code cachet ca sign}.
     *
     * @param ca the CA folder
     * @param csr the CSR file
     * @param out the certificate's file name
     * @param options more options, such as {@code --profile tls-client}
     * @return the certificate file
     */
    public Path sign(Path ca, Path csr, String out, String... options) {
        Path certificate = path(out);
        CliRunner.runOk(args(options, "ca", "sign", "--dir", ca.toString(), "--csr", csr.toString(),
                "--out", certificate.toString()));
        return certificate;
    }

    private static String[] args(String[] options, String... command) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(List.of(options));
        return all.toArray(new String[0]);
    }
}
