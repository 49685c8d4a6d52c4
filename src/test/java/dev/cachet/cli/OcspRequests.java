package dev.cachet.cli;

import dev.cachet.crypto.Jca;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** OCSP requests about the server's own certificate in a data folder, and checks of the answers. */
final class OcspRequests {

    private OcspRequests() {
    }

    /**
     * Asks about {@code tls/server.pem}, issued by {@code ca/intermediate.pem}.
     *
     * @param data the data folder
     * @return the DER of the request
     */
    static byte[] forServerCertificate(Path data) throws Exception {
        OCSPReqBuilder builder = new OCSPReqBuilder();
        builder.addRequest(certId(data));
        return builder.build().getEncoded();
    }

    /**
     * Tells whether an OCSP response says "good" for the server certificate, signed by the intermediate.
     *
     * @param der the response
     * @param data the data folder
     * @return whether it says "good"
     */
    static boolean isGood(byte[] der, Path data) throws Exception {
        OCSPResp response = new OCSPResp(der);
        if (response.getStatus() != OCSPResp.SUCCESSFUL) {
            return false;
        }
        BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
        boolean signed = basic.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Jca.provider())
                .build(holder(data.resolve("ca/intermediate.pem"))));
        SingleResp single = basic.getResponses()[0];
        return signed && single.getCertID().equals(certId(data)) && single.getCertStatus() == null;
    }

    private static CertificateID certId(Path data) throws Exception {
        return new CertificateID(new JcaDigestCalculatorProviderBuilder().setProvider(Jca.provider()).build()
                .get(CertificateID.HASH_SHA1), holder(data.resolve("ca/intermediate.pem")),
                holder(data.resolve("tls/server.pem")).getSerialNumber());
    }

    private static X509CertificateHolder holder(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(in);
            return new X509CertificateHolder(certificate.getEncoded());
        } catch (IOException e) {
            throw new AssertionError(pem + ": " + e.getMessage(), e);
        }
    }
}
