package dev.cachet.crypto;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.bouncycastle.util.io.pem.PemObject;

/** Encodes DER objects (certificates, CSRs, CRLs) as PEM text. */
public final class PemWriter {
    /** PEM label of an X.509 certificate (RFC 7468 §5). */
    public static final String CERTIFICATE = "CERTIFICATE";
    /** PEM label of a PKCS#10 request (RFC 7468 §7). */
    public static final String CERTIFICATE_REQUEST = "CERTIFICATE REQUEST";
    /** PEM label of a CRL (RFC 7468 §6). */
    public static final String CRL = "X509 CRL";

    private PemWriter() {
    }

    /**
     * Encodes one object.
     *
     * @param label the PEM label, such as {@link #CERTIFICATE}
     * @param der the DER encoding
     * @return the PEM text, ending with a newline
     */
    public static String encode(String label, byte[] der) {
        StringWriter out = new StringWriter();
        try (org.bouncycastle.util.io.pem.PemWriter writer = new org.bouncycastle.util.io.pem.PemWriter(out)) {
            writer.writeObject(new PemObject(label, der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Encodes certificates one after another, as in a chain file.
     *
     * @param ders the DER encodings, leaf first
     * @return the PEM text
     */
    public static String certificates(List<byte[]> ders) {
        StringBuilder out = new StringBuilder();
        ders.forEach(der -> out.append(encode(CERTIFICATE, der)));
        return out.toString();
    }
}
