package dev.cachet.revocation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ocsp.CertID;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPRequest;
import org.bouncycastle.asn1.ocsp.Request;
import org.bouncycastle.asn1.ocsp.TBSRequest;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;

/** Reads an OCSPRequest (RFC 6960 §4.1.1) strictly and within the size limits. */
final class OcspRequestParser {
    /** RFC 9654 (which obsoletes RFC 8954): a nonce is 1 to 128 octets; others are malformed. */
    static final int MAX_NONCE = 128;

    private final int maxBytes;
    private final int maxCertIds;

    /** What the responder needs from a request. */
    record Parsed(List<CertID> certIds, Optional<Extension> nonce) {
    }

    OcspRequestParser(int maxBytes, int maxCertIds) {
        this.maxBytes = maxBytes;
        this.maxCertIds = maxCertIds;
    }

    /**
     * Parses a request.
     *
     * @param der the request as received
     * @return its CertIDs and nonce, or empty when it is malformed, empty or beyond the limits
     */
    Optional<Parsed> parse(byte[] der) {
        if (der == null || der.length == 0 || der.length > maxBytes) {
            return Optional.empty();
        }
        try {
            // fromByteArray refuses trailing bytes; getInstance checks the structure.
            TBSRequest tbs = OCSPRequest.getInstance(ASN1Primitive.fromByteArray(der)).getTbsRequest();
            if (tbs.getVersion().intValueExact() != 0) {
                return Optional.empty(); // RFC 6960 §4.1.1: v1 only
            }
            ASN1Sequence list = tbs.getRequestList();
            if (list.size() == 0 || list.size() > maxCertIds) {
                return Optional.empty();
            }
            List<CertID> certIds = new ArrayList<>(list.size());
            for (ASN1Encodable request : list) {
                certIds.add(Request.getInstance(request).getReqCert());
            }
            Optional<Extension> nonce = nonce(tbs.getRequestExtensions());
            if (nonce.isPresent() && !validNonce(nonce.get())) {
                return Optional.empty();
            }
            return Optional.of(new Parsed(List.copyOf(certIds), nonce));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Extension> nonce(Extensions extensions) {
        return extensions == null ? Optional.empty()
                : Optional.ofNullable(extensions.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce));
    }

    /**
     * RFC 9654 §2.1: extnValue holds a DER OCTET STRING of 1 to 128 octets. Older clients put the
     * octets directly in extnValue; those are measured as they are.
     */
    private static boolean validNonce(Extension nonce) {
        byte[] value = nonce.getExtnValue().getOctets();
        int length = value.length;
        try {
            ASN1Primitive inner = ASN1Primitive.fromByteArray(value);
            if (inner instanceof ASN1OctetString) {
                length = ((ASN1OctetString) inner).getOctets().length;
            }
        } catch (IOException | RuntimeException notDer) {
            // Raw nonce octets: measured as they are.
        }
        return length >= 1 && length <= MAX_NONCE;
    }
}
