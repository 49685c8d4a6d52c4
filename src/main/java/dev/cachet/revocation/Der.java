package dev.cachet.revocation;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.io.IOException;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;

/** The little DER framing the streamed CRL writes by hand: identifier and definite-length octets. */
final class Der {
    /** Universal SEQUENCE, constructed. */
    static final int SEQUENCE = 0x30;
    /** Universal INTEGER. */
    static final int INTEGER = 0x02;
    /** Universal BIT STRING, primitive. */
    static final int BIT_STRING = 0x03;
    /** Context-specific [0], constructed: the EXPLICIT tag of crlExtensions (RFC 5280 §5.1). */
    static final int CONTEXT_0 = 0xA0;
    /** The largest content the streamed CRL writes in one byte array. */
    static final long MAX_LENGTH = Integer.MAX_VALUE - 64;

    private Der() {
    }

    /**
     * Encodes an identifier octet and a definite length (X.690 §8.1.3, §10.1: shortest form).
     *
     * @param tag the identifier octet
     * @param length the length of the contents
     * @return the header octets
     */
    static byte[] header(int tag, long length) {
        if (length < 0 || length > MAX_LENGTH) {
            throw new CachetException(ErrorType.INTERNAL, "DER length out of range: " + length);
        }
        if (length < 0x80) {
            return new byte[] {(byte) tag, (byte) length};
        }
        int octets = (64 - Long.numberOfLeadingZeros(length) + 7) / 8;
        byte[] header = new byte[2 + octets];
        header[0] = (byte) tag;
        header[1] = (byte) (0x80 | octets);
        for (int i = 0; i < octets; i++) {
            header[header.length - 1 - i] = (byte) (length >>> (8 * i));
        }
        return header;
    }

    /**
     * Encodes an ASN.1 value in DER.
     *
     * @param value the value
     * @return its encoding
     */
    static byte[] encode(ASN1Encodable value) {
        try {
            return value.toASN1Primitive().getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new CachetException(ErrorType.INTERNAL, "cannot DER-encode " + value.getClass().getSimpleName(), e);
        }
    }
}
