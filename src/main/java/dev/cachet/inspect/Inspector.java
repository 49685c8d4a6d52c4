package dev.cachet.inspect;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.crypto.PemDocument;
import dev.cachet.crypto.PrivateKeys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * Describes the content of a file: PEM with any number of objects, or one raw DER object. Every
 * failure is a {@link CachetException} whose one-line message starts with the file name.
 */
public final class Inspector {
    private final CertificateDescriber certificates;
    private final CrlDescriber crls;

    /**
     * Creates an inspector.
     *
     * @param clock the time that days left and overdue CRLs are judged by
     */
    public Inspector(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        this.certificates = new CertificateDescriber(clock);
        this.crls = new CrlDescriber(clock);
    }

    /**
     * Describes a file's content.
     *
     * @param data the bytes of the file
     * @param source the file name, for messages
     * @param passphrase the passphrase of an encrypted private key in the file, or null not to decrypt it
     * @return one description per object, in file order
     */
    public Inspection inspect(byte[] data, String source, char[] passphrase) {
        String bytes = new String(data, StandardCharsets.ISO_8859_1);
        if (bytes.isBlank()) {
            throw new CachetException(ErrorType.MALFORMED, source + ": empty file");
        }
        boolean pem = bytes.contains("-----BEGIN ");
        List<Object> objects = pem ? PemDocument.parse(data, source).objects() : List.of(DerReader.read(data, source));
        List<Description> descriptions = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            descriptions.add(describe(objects, i, passphrase, source));
        }
        return new Inspection(source, pem ? "PEM" : "DER", descriptions);
    }

    private Description describe(List<Object> objects, int index, char[] passphrase, String source) {
        Object object = objects.get(index);
        try {
            if (object instanceof X509CertificateHolder) {
                return certificates.describe((X509CertificateHolder) object, nextCertificate(objects, index));
            }
            if (object instanceof PKCS10CertificationRequest) {
                return new CsrDescriber().describe((PKCS10CertificationRequest) object);
            }
            if (object instanceof X509CRLHolder) {
                return crls.describe((X509CRLHolder) object);
            }
            if (PrivateKeys.isPrivateKeyObject(object)) {
                return new PrivateKeyDescriber().describe(object, passphrase, source);
            }
            if (object instanceof SubjectPublicKeyInfo) {
                return new PublicKeyDescriber().describe((SubjectPublicKeyInfo) object);
            }
            return new OtherDescriber().describe(object);
        } catch (CachetException e) {
            if (e.getMessage().startsWith(source + ":")) {
                throw e;
            }
            throw new CachetException(e.type(), source + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new CachetException(ErrorType.MALFORMED, source + ": object " + (index + 1)
                    + " is malformed (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** @return the next certificate in the file after the one at the index, or null */
    private static X509CertificateHolder nextCertificate(List<Object> objects, int index) {
        for (int i = index + 1; i < objects.size(); i++) {
            if (objects.get(i) instanceof X509CertificateHolder) {
                return (X509CertificateHolder) objects.get(i);
            }
        }
        return null;
    }
}
