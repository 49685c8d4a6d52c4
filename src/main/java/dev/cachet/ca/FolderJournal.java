package dev.cachet.ca;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.crypto.PemWriter;
import dev.cachet.crypto.SecureFiles;
import dev.cachet.store.CertificateReservation;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The journal of an offline CA folder: {@code issued/SERIAL.lint.der} before signing, and
 * {@code issued/SERIAL.pem} after, so the folder keeps every certificate it ever signed.
 */
public final class FolderJournal implements IssuanceJournal {
    private final Path dir;

    /**
     * Creates a journal in a CA folder.
     *
     * @param caDir the CA folder; its {@code issued} subfolder is created when needed
     */
    public FolderJournal(Path caDir) {
        this.dir = caDir.resolve("issued");
    }

    @Override
    public void reserve(CertificateReservation reservation) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CachetException(ErrorType.IO, dir + ": cannot create (" + e.getMessage() + ")", e);
        }
        SecureFiles.write(new SecureFiles.Output(dir.resolve(hex(reservation.serial()) + ".lint.der"),
                reservation.lintCertificate(), false));
    }

    @Override
    public void issued(CertificateReservation reservation, byte[] certificate) {
        SecureFiles.write(new SecureFiles.Output(dir.resolve(hex(reservation.serial()) + ".pem"),
                PemWriter.encode(PemWriter.CERTIFICATE, certificate).getBytes(StandardCharsets.US_ASCII), false));
    }

    private static String hex(BigInteger serial) {
        return serial.toString(16);
    }
}
