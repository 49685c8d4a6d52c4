package dev.cachet.revocation;

import dev.cachet.crypto.Jca;
import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/** Reads CRLs in tests and checks their signatures. */
final class CrlTestSupport {

    private CrlTestSupport() {
    }

    /** Parses a CRL and checks that the issuer signed it. */
    static X509CRLHolder parse(byte[] der, X509CertificateHolder issuer) {
        try {
            X509CRLHolder crl = new X509CRLHolder(der);
            if (!crl.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Jca.provider())
                    .build(issuer))) {
                throw new AssertionError("bad CRL signature");
            }
            return crl;
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static BigInteger number(X509CRLHolder crl) {
        return ASN1Integer.getInstance(crl.getExtension(Extension.cRLNumber).getParsedValue()).getValue();
    }
}
