package dev.cachet.crypto;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * The parsed content of a PEM file: its objects in file order, with typed accessors that fail
 * with one clear line naming the file when the expected object is missing or corrupt.
 */
public final class PemDocument {
    /** Files larger than this are not PEM documents Cachet reads (certificate chains are small). */
    public static final int MAX_BYTES = 1 << 20;

    private final String source;
    private final List<Object> objects;

    private PemDocument(String source, List<Object> objects) {
        this.source = source;
        this.objects = List.copyOf(objects);
    }

    /**
     * Reads and parses a PEM file.
     *
     * @param path the file
     * @return the parsed document
     */
    public static PemDocument read(Path path) {
        return parse(readBytes(path), path.toString());
    }

    /**
     * Reads a whole input file with a size limit, with clear errors for the usual mistakes.
     *
     * @param path the file
     * @return its bytes
     */
    public static byte[] readBytes(Path path) {
        try {
            if (Files.isDirectory(path)) {
                throw new CachetException(ErrorType.IO, path + ": is a directory, not a file");
            }
            if (Files.size(path) > MAX_BYTES) {
                throw new CachetException(ErrorType.MALFORMED, path + ": file too large (over 1 MiB)");
            }
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new CachetException(ErrorType.NOT_FOUND, path + ": no such file", e);
        } catch (IOException e) {
            throw new CachetException(ErrorType.IO, path + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Parses PEM text.
     *
     * @param data the bytes of a PEM file
     * @param source a name for messages, usually the file name
     * @return the parsed document
     */
    public static PemDocument parse(byte[] data, String source) {
        if (looksBinary(data)) {
            throw new CachetException(ErrorType.MALFORMED, source
                    + ": not PEM (binary data, probably DER); expected text starting with -----BEGIN");
        }
        String text = new String(data, StandardCharsets.US_ASCII);
        if (!text.contains("-----BEGIN ")) {
            throw new CachetException(ErrorType.MALFORMED, source + ": not PEM (no -----BEGIN line)");
        }
        List<Object> objects = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                objects.add(o);
            }
        } catch (IOException | RuntimeException e) {
            throw new CachetException(ErrorType.MALFORMED, source + ": corrupt PEM (" + reason(e) + ")", e);
        }
        if (objects.isEmpty()) {
            throw new CachetException(ErrorType.MALFORMED, source + ": no PEM object could be read");
        }
        return new PemDocument(source, objects);
    }

    /** @return the name used in messages */
    public String source() {
        return source;
    }

    /** @return every object in file order, as Bouncy Castle's PEMParser returns them */
    public List<Object> objects() {
        return objects;
    }

    /** @return every certificate in file order; fails when there is none */
    public List<X509CertificateHolder> certificates() {
        List<X509CertificateHolder> certificates = all(X509CertificateHolder.class);
        if (certificates.isEmpty()) {
            throw new CachetException(ErrorType.MALFORMED, source + ": no certificate found (expected "
                    + "-----BEGIN CERTIFICATE-----, found " + kinds() + ")");
        }
        return certificates;
    }

    /** @return the first certificate; fails when there is none */
    public X509CertificateHolder certificate() {
        return certificates().get(0);
    }

    /** @return the single CSR of the file; fails when there is none or several */
    public PKCS10CertificationRequest csr() {
        List<PKCS10CertificationRequest> csrs = all(PKCS10CertificationRequest.class);
        if (csrs.size() != 1) {
            throw new CachetException(ErrorType.MALFORMED, source + ": expected one certificate signing request "
                    + "(-----BEGIN CERTIFICATE REQUEST-----), found " + kinds());
        }
        return csrs.get(0);
    }

    /** @return the CRLs in the file, possibly none */
    public List<X509CRLHolder> crls() {
        return all(X509CRLHolder.class);
    }

    /** @return true when the file holds a private key, encrypted or not */
    public boolean hasPrivateKey() {
        return objects.stream().anyMatch(PrivateKeys::isPrivateKeyObject);
    }

    /** @return a short list of what the file holds, such as {@code CERTIFICATE, PRIVATE KEY} */
    public String kinds() {
        return String.join(", ", objects.stream().map(PemDocument::kind).toList());
    }

    private <T> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static String kind(Object o) {
        if (o instanceof X509CertificateHolder) {
            return "CERTIFICATE";
        }
        if (o instanceof PKCS10CertificationRequest) {
            return "CERTIFICATE REQUEST";
        }
        if (o instanceof X509CRLHolder) {
            return "X509 CRL";
        }
        if (PrivateKeys.isPrivateKeyObject(o)) {
            return "PRIVATE KEY";
        }
        if (o instanceof org.bouncycastle.asn1.x509.SubjectPublicKeyInfo) {
            return "PUBLIC KEY";
        }
        return o.getClass().getSimpleName();
    }

    private static boolean looksBinary(byte[] data) {
        int limit = Math.min(data.length, 512);
        for (int i = 0; i < limit; i++) {
            int b = data[i] & 0xff;
            if (b == 0 || b >= 0x80 || (b < 0x20 && b != '\n' && b != '\r' && b != '\t')) {
                return true;
            }
        }
        return false;
    }

    private static String reason(Exception e) {
        // PEMParser wraps a content that does not decode as "problem parsing cert: java.io.IOException: detail";
        // the class name means nothing to the user, the detail does.
        boolean wrapped = e instanceof PEMException && e.getCause() != null;
        Throwable cause = wrapped ? e.getCause() : e;
        String message = cause.getMessage();
        String detail = message == null || message.isBlank() ? "unreadable content" : message.strip();
        return wrapped ? "the content does not decode: " + detail : detail;
    }
}
