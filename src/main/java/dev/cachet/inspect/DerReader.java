package dev.cachet.inspect;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.CertificateList;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads one raw DER object, trying each structure in turn: certificate, CSR, CRL, PKCS#8 private
 * key (plain, then encrypted) and SubjectPublicKeyInfo. The result is the same object PEMParser
 * returns for the PEM form, so both go to the same describers.
 */
final class DerReader {
    /** The DER tag every structure read here starts with. */
    private static final byte SEQUENCE = 0x30;
    private static final List<Function<ASN1Primitive, Object>> STRUCTURES = List.of(
            der -> new X509CertificateHolder(Certificate.getInstance(der)),
            der -> new PKCS10CertificationRequest(CertificationRequest.getInstance(der)),
            der -> new X509CRLHolder(CertificateList.getInstance(der)),
            PrivateKeyInfo::getInstance,
            der -> new PKCS8EncryptedPrivateKeyInfo(EncryptedPrivateKeyInfo.getInstance(der)),
            SubjectPublicKeyInfo::getInstance);

    private DerReader() {
    }

    /**
     * Reads a DER file.
     *
     * @param data the file's bytes
     * @param source the file name, for messages
     * @return the object
     */
    static Object read(byte[] data, String source) {
        ASN1Primitive der;
        try {
            der = ASN1Primitive.fromByteArray(data);
        } catch (IOException | RuntimeException e) {
            String what = data[0] == SEQUENCE ? "looks like DER but is truncated or corrupt"
                    : "neither PEM (no -----BEGIN line) nor DER";
            throw new CachetException(ErrorType.MALFORMED, source + ": " + what, e);
        }
        for (Function<ASN1Primitive, Object> structure : STRUCTURES) {
            try {
                return structure.apply(der);
            } catch (RuntimeException e) {
                // Not this structure: try the next one.
                continue;
            }
        }
        throw new CachetException(ErrorType.MALFORMED, source
                + ": DER data, but not a certificate, CSR, CRL, PKCS#8 private key or public key");
    }
}
