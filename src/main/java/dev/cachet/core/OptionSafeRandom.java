package dev.cachet.core;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random values that people pass on a command line (request ids, EAB key ids and keys): their
 * base64url form never starts with '-', which {@code cachet requests approve -x...} or certbot's
 * {@code --eab-kid -x...} would take for an option.
 */
public final class OptionSafeRandom {
    /** The index of '-' in the base64url alphabet (RFC 4648 §5). */
    private static final int DASH_INDEX = 62;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private OptionSafeRandom() {
    }

    /**
     * Random bytes whose base64url form does not start with '-': when the first six bits are 62
     * (the index of '-'), the top bit is flipped, which gives 30 ('e'); a loss of 0.02 bits.
     *
     * @param random the CSPRNG
     * @param length how many bytes
     * @return the bytes
     */
    public static byte[] bytes(SecureRandom random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        if ((bytes[0] & 0xff) >>> 2 == DASH_INDEX) {
            bytes[0] ^= (byte) 0x80;
        }
        return bytes;
    }

    /**
     * A random base64url string (no padding) that does not start with '-'.
     *
     * @param random the CSPRNG
     * @param length how many random bytes it encodes
     * @return the string
     */
    public static String base64Url(SecureRandom random, int length) {
        return BASE64URL.encodeToString(bytes(random, length));
    }
}
