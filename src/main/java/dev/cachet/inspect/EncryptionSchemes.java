package dev.cachet.inspect;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.misc.MiscObjectIdentifiers;
import org.bouncycastle.asn1.misc.ScryptParams;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/** Names how an encrypted private key is protected, read from its parameters without decrypting it. */
final class EncryptionSchemes {

    private EncryptionSchemes() {
    }

    /**
     * Describes the encryption of an encrypted key.
     *
     * @param key a {@link PKCS8EncryptedPrivateKeyInfo} or a {@link PEMEncryptedKeyPair}
     * @return such as {@code PBES2 (PBKDF2 with hmacWithSHA256, 200000 iterations; AES-256-CBC)}
     */
    static String describe(Object key) {
        if (key instanceof PEMEncryptedKeyPair) {
            // RFC 1421 style: the key comes from the passphrase by one round of MD5 (EVP_BytesToKey).
            return "OpenSSL traditional (" + ((PEMEncryptedKeyPair) key).getDekAlgName() + ", MD5 key derivation)";
        }
        AlgorithmIdentifier algorithm = ((PKCS8EncryptedPrivateKeyInfo) key).getEncryptionAlgorithm();
        if (!PKCSObjectIdentifiers.id_PBES2.equals(algorithm.getAlgorithm())) {
            return AlgorithmNames.name(algorithm);
        }
        try {
            PBES2Parameters parameters = PBES2Parameters.getInstance(algorithm.getParameters());
            return "PBES2 (" + keyDerivation(parameters.getKeyDerivationFunc()) + "; "
                    + AlgorithmNames.name(parameters.getEncryptionScheme().getAlgorithm()) + ")";
        } catch (RuntimeException e) {
            return "PBES2 (unreadable parameters)";
        }
    }

    private static String keyDerivation(KeyDerivationFunc function) {
        ASN1ObjectIdentifier oid = function.getAlgorithm();
        if (PKCSObjectIdentifiers.id_PBKDF2.equals(oid)) {
            PBKDF2Params parameters = PBKDF2Params.getInstance(function.getParameters());
            return "PBKDF2 with " + AlgorithmNames.name(parameters.getPrf()) + ", "
                    + parameters.getIterationCount() + " iterations";
        }
        if (MiscObjectIdentifiers.id_scrypt.equals(oid)) {
            ScryptParams parameters = ScryptParams.getInstance(function.getParameters());
            return "scrypt with N=" + parameters.getCostParameter() + ", r=" + parameters.getBlockSize()
                    + ", p=" + parameters.getParallelizationParameter();
        }
        return AlgorithmNames.name(oid);
    }
}
