package dev.cachet.revocation;

import dev.cachet.crypto.Jca;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** Builds OCSP requests and reads responses with Bouncy Castle, as a client would. */
public final class OcspTestClient {
    public static final AlgorithmIdentifier SHA256 = new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256);

    private OcspTestClient() {
    }

    public static CertificateID certId(X509CertificateHolder issuer, BigInteger serial) {
        return certId(CertificateID.HASH_SHA1, issuer, serial);
    }

    public static CertificateID certId(AlgorithmIdentifier hash, X509CertificateHolder issuer, BigInteger serial) {
        try {
            DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().setProvider(Jca.provider())
                    .build();
            return new CertificateID(digests.get(hash), issuer, serial);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] request(CertificateID... ids) {
        return request(null, ids);
    }

    public static byte[] request(byte[] nonce, CertificateID... ids) {
        try {
            OCSPReqBuilder builder = new OCSPReqBuilder();
            Arrays.stream(ids).forEach(builder::addRequest);
            if (nonce != null) {
                builder.setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
                        false, new DEROctetString(new DEROctetString(nonce)))));
            }
            return builder.build().getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static OCSPResp parse(byte[] der) {
        try {
            return new OCSPResp(der);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a successful response and checks that the issuer signed it. */
    public static BasicOCSPResp basic(byte[] der, X509CertificateHolder signer) {
        try {
            OCSPResp response = parse(der);
            if (response.getStatus() != OCSPResp.SUCCESSFUL) {
                throw new AssertionError("OCSP status " + response.getStatus());
            }
            BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
            if (!basic.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Jca.provider())
                    .build(signer))) {
                throw new AssertionError("bad OCSP signature");
            }
            return basic;
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
