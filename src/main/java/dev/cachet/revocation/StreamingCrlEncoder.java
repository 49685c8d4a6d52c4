package dev.cachet.revocation;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.RevocationReason;
import dev.cachet.store.RevokedEntry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.operator.ContentSigner;

/**
 * Writes a v2 CertificateList (RFC 5280 §5.1) without holding the entries as objects: each
 * revoked certificate is DER-encoded by hand as it arrives and appended to a chunked buffer (49
 * bytes per entry with a 16-byte serial and a reason code), then the TBSCertList is streamed
 * through the signer and framed once. Peak memory is thus about twice the CRL's size.
 * Bouncy Castle's {@code X509v2CRLBuilder} keeps an ASN.1 object tree per entry (about 230 bytes)
 * and formats each time with a {@code SimpleDateFormat}, which made it several times slower.
 */
final class StreamingCrlEncoder {
    private static final byte[] VERSION_2 = Der.encode(new ASN1Integer(1));
    private static final Map<RevocationReason, byte[]> REASONS = reasonExtensions();

    private final ByteChunks entries = new ByteChunks();
    private long count;

    /**
     * Appends one revoked certificate.
     *
     * @param entry the serial, time and reason
     */
    void add(RevokedEntry entry) {
        // SEQUENCE { userCertificate INTEGER, revocationDate Time, crlEntryExtensions OPTIONAL }
        byte[] serial = entry.serial().toByteArray();
        byte[] serialHeader = Der.header(Der.INTEGER, serial.length);
        byte[] time = DerTime.encode(entry.revokedAt());
        byte[] reason = REASONS.get(entry.reason());
        int length = serialHeader.length + serial.length + time.length + (reason == null ? 0 : reason.length);
        entries.append(Der.header(Der.SEQUENCE, length));
        entries.append(serialHeader);
        entries.append(serial);
        entries.append(time);
        if (reason != null) {
            entries.append(reason);
        }
        count++;
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
        byte[][] head = {VERSION_2, algorithmDer, Der.encode(issuer), DerTime.encode(thisUpdate),
            DerTime.encode(nextUpdate)};
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

    private static long lengthOf(byte[][] parts) {
        long length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        return length;
    }

    /** BR 7.2.2: reasonCode is omitted for unspecified; certificateHold is never used. */
    private static Map<RevocationReason, byte[]> reasonExtensions() {
        Map<RevocationReason, byte[]> reasons = new EnumMap<>(RevocationReason.class);
        for (RevocationReason reason : RevocationReason.values()) {
            if (reason != RevocationReason.UNSPECIFIED) {
                byte[] value = Der.encode(CRLReason.lookup(reason.code()));
                reasons.put(reason, Der.encode(new Extensions(new Extension(Extension.reasonCode, false, value))));
            }
        }
        return reasons;
    }
}
