package dev.cachet.interop;

import dev.cachet.crypto.PemWriter;
import dev.cachet.testing.StoredTestCa;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bouncycastle.cert.X509CertificateHolder;

/** Writes a test CA's certificates as PEM files for openssl. */
final class InteropFiles {

    private InteropFiles() {
    }

    /** Writes root.pem and intermediate.pem. */
    static void writeCa(Path directory, StoredTestCa ca) {
        writeCertificate(directory.resolve("root.pem"), ca.ca().material().root());
        writeCertificate(directory.resolve("intermediate.pem"), ca.ca().material().intermediate());
    }

    static void writeCertificate(Path file, X509CertificateHolder certificate) {
        try {
            write(file, PemWriter.encode(PemWriter.CERTIFICATE, certificate.getEncoded()).getBytes(
                    StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, byte[] content) {
        try {
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
