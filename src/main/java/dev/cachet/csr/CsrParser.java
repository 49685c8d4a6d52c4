package dev.cachet.csr;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.Identifier;
import dev.cachet.crypto.SignatureVerifiers;
import java.io.IOException;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;

/** Parses PKCS#10 requests defensively: every failure is a {@link CachetException} naming the cause. */
public final class CsrParser {

    private CsrParser() {
    }

    /**
     * Parses a DER-encoded request.
     *
     * @param der the bytes
     * @return the parsed request
     */
    public static ParsedCsr parse(byte[] der) {
        try {
            return parse(new PKCS10CertificationRequest(der));
        } catch (IOException | RuntimeException e) {
            throw new CachetException(ErrorType.BAD_CSR, "malformed CSR: not a PKCS#10 request", e);
        }
    }

    /**
     * Parses a request read from PEM.
     *
     * @param request the request
     * @return the parsed request
     */
    public static ParsedCsr parse(PKCS10CertificationRequest request) {
        try {
            List<Identifier> names = subjectAltNames(request);
            return new ParsedCsr(request.getSubject(), SubjectNames.commonName(request.getSubject()), names,
                    request.getSubjectPublicKeyInfo(), verifies(request), request.getEncoded());
        } catch (IOException | IllegalArgumentException | IllegalStateException | ClassCastException e) {
            throw new CachetException(ErrorType.BAD_CSR, "malformed CSR: " + e.getMessage(), e);
        }
    }

    /**
     * Parses a request and requires a valid self-signature (RFC 2986 §3: proof of possession).
     *
     * @param request the request
     * @return the parsed request
     */
    public static ParsedCsr parseVerified(PKCS10CertificationRequest request) {
        ParsedCsr csr = parse(request);
        if (!csr.signatureValid()) {
            throw new CachetException(ErrorType.BAD_CSR, "the CSR's signature does not verify with its own key");
        }
        return csr;
    }

    private static boolean verifies(PKCS10CertificationRequest request) {
        try {
            return request.isSignatureValid(SignatureVerifiers.of(request.getSubjectPublicKeyInfo()));
        } catch (PKCSException | OperatorCreationException | RuntimeException e) {
            return false;
        }
    }

    private static List<Identifier> subjectAltNames(PKCS10CertificationRequest request) {
        Attribute[] attributes = request.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest);
        if (attributes.length == 0) {
            return List.of();
        }
        if (attributes.length > 1 || attributes[0].getAttrValues().size() != 1) {
            throw new CachetException(ErrorType.BAD_CSR, "malformed CSR: more than one extensionRequest");
        }
        ASN1Encodable value = attributes[0].getAttrValues().getObjectAt(0);
        Extensions extensions = Extensions.getInstance(value);
        Extension san = extensions.getExtension(Extension.subjectAlternativeName);
        if (san == null) {
            return List.of();
        }
        return SubjectAltNames.decode(GeneralNames.getInstance(san.getParsedValue()));
    }
}
