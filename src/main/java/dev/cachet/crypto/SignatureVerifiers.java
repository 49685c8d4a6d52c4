package dev.cachet.crypto;

import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jcajce.io.OutputStreamFactory;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.AlgorithmNameFinder;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * Checks the signatures of certificates and certification requests with one JCA {@link Signature}
 * each. Bouncy Castle's {@link JcaContentVerifierProviderBuilder} follows every RSA and ECDSA check
 * with a second, "raw" one (kept for PKCS#11 sessions) that repeats the EC arithmetic: it made the
 * CSR check of every issuance cost two signature verifications. RSASSA-PSS, whose parameters travel
 * in the algorithm identifier, still goes through Bouncy Castle's builder.
 */
public final class SignatureVerifiers {
    private static final AlgorithmNameFinder NAMES = new DefaultAlgorithmNameFinder();

    private SignatureVerifiers() {
    }

    /**
     * Verifiers of what a key signed.
     *
     * @param key the signer's public key
     * @return the verifiers, one per signature algorithm asked for
     * @throws OperatorCreationException when the key cannot be read
     */
    public static ContentVerifierProvider of(SubjectPublicKeyInfo key) throws OperatorCreationException {
        PublicKey publicKey;
        try {
            publicKey = new JcaPEMKeyConverter().setProvider(Jca.provider()).getPublicKey(key);
        } catch (PEMException | RuntimeException e) {
            throw new OperatorCreationException("unreadable public key: " + e.getMessage(), e);
        }
        return new OneCheckEach(publicKey);
    }

    /**
     * Verifiers of what a certificate's key signed.
     *
     * @param issuer the signer's certificate
     * @return the verifiers, one per signature algorithm asked for
     * @throws OperatorCreationException when the certificate's key cannot be read
     */
    public static ContentVerifierProvider of(X509CertificateHolder issuer) throws OperatorCreationException {
        return of(issuer.getSubjectPublicKeyInfo());
    }

    /** Creates a verifier on each call, as {@link ContentVerifierProvider} asks. */
    private record OneCheckEach(PublicKey key) implements ContentVerifierProvider {
        @Override
        public boolean hasAssociatedCertificate() {
            return false;
        }

        @Override
        public X509CertificateHolder getAssociatedCertificate() {
            return null;
        }

        @Override
        public ContentVerifier get(AlgorithmIdentifier algorithm) throws OperatorCreationException {
            if (PKCSObjectIdentifiers.id_RSASSA_PSS.equals(algorithm.getAlgorithm())) {
                return new JcaContentVerifierProviderBuilder().setProvider(Jca.provider()).build(key).get(algorithm);
            }
            String name = NAMES.getAlgorithmName(algorithm);
            try {
                Signature signature = Signature.getInstance(name, Jca.provider());
                signature.initVerify(key);
                return new OneCheck(algorithm, signature);
            } catch (GeneralSecurityException | RuntimeException e) {
                throw new OperatorCreationException("cannot verify " + name + " signatures with this key: "
                        + e.getMessage(), e);
            }
        }
    }

    /** One signature check over the bytes written to its stream. */
    private record OneCheck(AlgorithmIdentifier algorithm, Signature signature) implements ContentVerifier {
        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return algorithm;
        }

        @Override
        public OutputStream getOutputStream() {
            return OutputStreamFactory.createStream(signature);
        }

        @Override
        public boolean verify(byte[] expected) {
            try {
                return signature.verify(expected);
            } catch (GeneralSecurityException e) {
                return false;  // a signature that does not even parse does not verify
            }
        }
    }
}
