package dev.cachet.ca;

import java.math.BigInteger;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * A certificate Cachet signed, with the chain to send beside it.
 *
 * @param serial its serial number
 * @param certificate the certificate
 * @param chain the issuing CA certificate and its issuers, up to the root
 */
public record IssuedCertificate(BigInteger serial, X509CertificateHolder certificate,
        List<X509CertificateHolder> chain) {

    /** Copies the chain. */
    public IssuedCertificate {
        chain = List.copyOf(chain);
    }
}
