package dev.cachet.revocation;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * An append-only byte sequence in fixed-size chunks: it grows without the copying of a doubling
 * array, so a large CRL body costs its own size once while it is written.
 */
final class ByteChunks {
    private static final int CHUNK = 1 << 16;
    private final List<byte[]> chunks = new ArrayList<>();
    private byte[] current;
    private int position = CHUNK;
    private long size;

    /**
     * Appends bytes.
     *
     * @param bytes what to append
     */
    void append(byte[] bytes) {
        int offset = 0;
        while (offset < bytes.length) {
            if (position == CHUNK) {
                current = new byte[CHUNK];
                chunks.add(current);
                position = 0;
            }
            int n = Math.min(bytes.length - offset, CHUNK - position);
            System.arraycopy(bytes, offset, current, position, n);
            position += n;
            offset += n;
        }
        size += bytes.length;
    }

    /** @return how many bytes were appended */
    long size() {
        return size;
    }

    /**
     * Writes all bytes to a stream.
     *
     * @param out the stream
     * @throws IOException when the stream fails
     */
    void writeTo(OutputStream out) throws IOException {
        for (int i = 0; i < chunks.size(); i++) {
            out.write(chunks.get(i), 0, lengthOf(i));
        }
    }

    /**
     * Copies all bytes into a buffer.
     *
     * @param buffer the buffer, with room for {@link #size()} bytes
     */
    void copyTo(ByteBuffer buffer) {
        for (int i = 0; i < chunks.size(); i++) {
            buffer.put(chunks.get(i), 0, lengthOf(i));
        }
    }

    private int lengthOf(int index) {
        return index == chunks.size() - 1 ? position : CHUNK;
    }
}
