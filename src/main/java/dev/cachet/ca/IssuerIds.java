package dev.cachet.ca;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.crypto.Fingerprints;
import java.io.IOException;
import java.util.HexFormat;
import org.bouncycastle.cert.X509CertificateHolder;

/** Short, stable ids of issuing CAs, used as keys in the store. */
public final class IssuerIds {
    private static final int BYTES = 8;

    private IssuerIds() {
    }

    /**
     * Computes an issuer's id.
     *
     * @param certificate the issuing CA's certificate
     * @return the first 16 hex digits of its SHA-256
     */
    public static String of(X509CertificateHolder certificate) {
        try {
            byte[] digest = Fingerprints.sha256Bytes(certificate.getEncoded());
            return HexFormat.of().formatHex(digest, 0, BYTES);
        } catch (IOException e) {
            throw new CachetException(ErrorType.INTERNAL, "cannot encode the issuer certificate", e);
        }
    }
}
