package dev.cachet.verify;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;

/**
 * Converts Bouncy Castle certificates to the JDK's, with the JDK's own provider, so that the
 * PKIX validator and signature checks run on the JDK's implementation.
 */
public final class JdkCertificates {

    private JdkCertificates() {
    }

    /**
     * Converts certificates read from one source.
     *
     * @param certificates the certificates, in order
     * @param source a name for messages, usually the file name
     * @return the JDK certificates, in the same order
     */
    public static List<X509Certificate> convert(List<X509CertificateHolder> certificates, String source) {
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        List<X509Certificate> converted = new ArrayList<>();
        for (X509CertificateHolder certificate : certificates) {
            try {
                converted.add(converter.getCertificate(certificate));
            } catch (CertificateException e) {
                throw new CachetException(ErrorType.MALFORMED, source + ": certificate " + (converted.size() + 1)
                        + " cannot be read (" + CertificateNames.clean(String.valueOf(e.getMessage())) + ")", e);
            }
        }
        return converted;
    }
}
