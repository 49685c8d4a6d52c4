package dev.cachet.inspect;

import dev.cachet.core.CachetException;
import dev.cachet.crypto.PublicKeyInfo;
import dev.cachet.csr.CsrParser;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * Describes a PKCS#10 request: subject, key, requested extensions and whether its self-signature
 * verifies. A request with a broken signature is described, not refused.
 */
final class CsrDescriber {

    /**
     * Describes a request.
     *
     * @param request the request
     * @return its description
     */
    Description describe(PKCS10CertificationRequest request) {
        Fields fields = new Fields()
                .add("subject", "subject", Formats.name(request.getSubject()))
                .addAll(KeyFields.of(PublicKeyInfo.of(request.getSubjectPublicKeyInfo())))
                .add("signatureAlgorithm", "signature algorithm", AlgorithmNames.name(request.getSignatureAlgorithm()));
        signature(fields, request);
        Extensions requested = request.getRequestedExtensions();
        fields.addAll(ExtensionFields.basicConstraints(requested, false))
                .addAll(ExtensionFields.describe(requested));
        return new Description(Kind.CSR, fields.build());
    }

    private static void signature(Fields fields, PKCS10CertificationRequest request) {
        try {
            boolean valid = CsrParser.parse(request).signatureValid();
            fields.add("signatureValid", "signature", valid,
                    valid ? "valid" : "INVALID (does not verify with the request's own key)");
        } catch (CachetException e) {
            fields.text("signature", "not checked (" + e.getMessage() + ")");
        }
    }
}
