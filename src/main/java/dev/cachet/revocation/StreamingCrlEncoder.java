package dev.cachet.revocation;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.RevocationReason;
import dev.cachet.store.RevokedEntry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.operator.ContentSigner;

/**
 * Writes a v2 CertificateList (RFC 5280 §5.1) without holding the entries as objects: each
 * revoked certificate is DER-encoded as it arrives and appended to a chunked buffer (about 40
 * bytes per entry), then the TBSCertList is streamed through the signer and framed once.
 * Bouncy Castle's {@code X509v2CRLBuilder} keeps an ASN.1 object tree per entry instead, several
 * hundred bytes each, and then encodes the whole list again.
 */
final class StreamingCrlEncoder {
    private static final byte[] VERSION_2 = Der.encode(new ASN1Integer(1));
    private static final Map<RevocationReason, Extensions> REASONS = reasonExtensions();

    private final ByteChunks entries = new ByteChunks();
    private long count;

    /**
     * Appends one revoked certificate.
     *
     * @param entry the serial, time and reason
     */
    void add(RevokedEntry entry) {
        ASN1EncodableVector fields = new ASN1EncodableVector(3);
        fields.add(new ASN1Integer(entry.serial()));
        fields.add(time(entry.revokedAt()));
        Extensions reason = REASONS.get(entry.reason());
        if (reason != null) {
            fields.add(reason);
        }
        entries.append(Der.encode(new DERSequence(fields)));
        count++;
    }

    /** @return how many entries were added */
    long count() {
        return count;
    }

    /**
     * Signs and encodes the CRL.
     *
     * @param signer the issuer's signer
     * @param issuer the issuer's subject name
     * @param thisUpdate the issue time
     * @param nextUpdate when the next CRL is due
     * @param extensions the CRL extensions
     * @return the DER of the CertificateList
     */
    byte[] sign(ContentSigner signer, X500Name issuer, Instant thisUpdate, Instant nextUpdate, Extensions extensions) {
        AlgorithmIdentifier algorithm = signer.getAlgorithmIdentifier();
        byte[] algorithmDer = Der.encode(algorithm);
        byte[][] head = {VERSION_2, algorithmDer, Der.encode(issuer), Der.encode(time(thisUpdate)),
            Der.encode(time(nextUpdate))};
        // RFC 5280 §5.1.2.6: with no revoked certificates the list is absent, not empty.
        byte[] listHeader = count == 0 ? new byte[0] : Der.header(Der.SEQUENCE, entries.size());
        byte[] tail = Der.encode(new DERTaggedObject(true, 0, extensions));
        long tbsLength = lengthOf(head) + listHeader.length + entries.size() + tail.length;
        byte[] tbsHeader = Der.header(Der.SEQUENCE, tbsLength);
        byte[] signature = signature(signer, tbsHeader, head, listHeader, tail);
        byte[] bitStringHeader = Der.header(Der.BIT_STRING, signature.length + 1L);
        long outerLength = tbsHeader.length + tbsLength + algorithmDer.length + bitStringHeader.length + 1
                + signature.length;
        byte[] outerHeader = Der.header(Der.SEQUENCE, outerLength);
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(outerHeader.length + outerLength));
        out.put(outerHeader).put(tbsHeader);
        for (byte[] part : head) {
            out.put(part);
        }
        out.put(listHeader);
        entries.copyTo(out);
        out.put(tail).put(algorithmDer).put(bitStringHeader).put((byte) 0).put(signature);
        return out.array();
    }

    private byte[] signature(ContentSigner signer, byte[] tbsHeader, byte[][] head, byte[] listHeader, byte[] tail) {
        try (OutputStream out = signer.getOutputStream()) {
            out.write(tbsHeader);
            for (byte[] part : head) {
                out.write(part);
            }
            out.write(listHeader);
            entries.writeTo(out);
            out.write(tail);
        } catch (IOException e) {
            throw new CachetException(ErrorType.INTERNAL, "cannot sign the CRL", e);
        }
        return signer.getSignature();
    }

    /** RFC 5280 §5.1.2.4: UTCTime through 2049, GeneralizedTime from 2050, whole seconds. */
    private static Time time(Instant instant) {
        return new Time(Date.from(Instant.ofEpochSecond(instant.getEpochSecond())));
    }

    private static long lengthOf(byte[][] parts) {
        long length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        return length;
    }

    /** BR 7.2.2: reasonCode is omitted for unspecified; certificateHold is never used. */
    private static Map<RevocationReason, Extensions> reasonExtensions() {
        Map<RevocationReason, Extensions> reasons = new EnumMap<>(RevocationReason.class);
        for (RevocationReason reason : RevocationReason.values()) {
            if (reason != RevocationReason.UNSPECIFIED) {
                byte[] value = Der.encode(CRLReason.lookup(reason.code()));
                reasons.put(reason, new Extensions(new Extension(Extension.reasonCode, false, value)));
            }
        }
        return reasons;
    }
}
