package io.autoclaims.batch;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Cuts the raw input bytes into batches of whole physical lines (each batch ends just after a
 * {@code \n}, or at the end of input), numbering lines as {@code ClaimCodec.readLines} does: one line
 * per {@code \n}, plus the text after the last one if any. Cutting at the byte {@code 0x0A} is safe in
 * UTF-8, so a batch never splits a character or a {@code \r\n}. Keeps the SHA-256 of every byte handed
 * out so far (the consumed prefix). Single-threaded: the reader thread owns it.
 */
final class ChunkReader {

    /** One batch of physical lines: {@code data[0..length)} holds exactly {@code lines} lines. */
    record Chunk(long firstLine, int lines, long startOffset, byte[] data, int length, long endOffset,
                 String prefixSha256) {
    }

    private static final int MAX_HINT = 16 << 20;

    private final InputStream in;
    private final MessageDigest sha;
    private final int maxLines;
    private final int maxBytes;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private long offset;
    private long nextLine;
    private int sizeHint = 1 << 16;

    /**
     * @param in        the input, positioned at {@code offset}
     * @param sha       the SHA-256 of the input's first {@code offset} bytes, continued here
     * @param offset    bytes before {@code in}'s position
     * @param firstLine the number of the line at {@code offset}
     * @param maxLines  lines per batch at most
     * @param maxBytes  bytes per batch at least before cutting early (a batch still ends at a line end)
     */
    ChunkReader(InputStream in, MessageDigest sha, long offset, long firstLine, int maxLines, int maxBytes) {
        this.in = in;
        this.sha = sha;
        this.offset = offset;
        this.nextLine = firstLine;
        this.maxLines = maxLines;
        this.maxBytes = maxBytes;
    }

    /** Consumes {@code n} more bytes, holding {@code lines} lines, into the hash without handing them out (resuming). */
    void skip(long n, long lines) throws IOException {
        nextLine += lines;
        long target = offset + n;
        while (offset < target) {
            if (position == limit && !fill()) {
                throw new EOFException("the input ended after " + offset + " bytes, expected at least " + target);
            }
            int k = (int) Math.min(limit - position, target - offset);
            sha.update(buffer, position, k);
            position += k;
            offset += k;
        }
    }

    /** The hex SHA-256 of the bytes consumed so far. */
    String prefixSha256() {
        try {
            return HexFormat.of().formatHex(((MessageDigest) sha.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digest cannot be cloned", e);
        }
    }

    long offset() {
        return offset;
    }

    /** The next batch, or null at the end of input. */
    Chunk next() throws IOException {
        byte[] data = new byte[sizeHint];
        int length = 0;
        int lines = 0;
        boolean partial = false;
        while (lines < maxLines && (length < maxBytes || partial)) {
            if (position == limit && !fill()) {
                break;
            }
            int i = position;
            while (i < limit && buffer[i] != '\n') {
                i++;
            }
            boolean newline = i < limit;
            int end = newline ? i + 1 : limit;
            int n = end - position;
            if (length + n > data.length) {
                data = java.util.Arrays.copyOf(data, Math.max(length + n, data.length * 2));
            }
            System.arraycopy(buffer, position, data, length, n);
            length += n;
            position = end;
            if (newline) {
                lines++;
                partial = false;
            } else {
                partial = true;
            }
        }
        if (partial) {
            lines++; // the text after the last \n at the end of input is a line
        }
        if (length == 0) {
            return null;
        }
        sizeHint = Math.min(MAX_HINT, Math.max(sizeHint, length + length / 8));
        long start = offset;
        sha.update(data, 0, length);
        offset += length;
        Chunk c = new Chunk(nextLine, lines, start, data, length, offset, prefixSha256());
        nextLine += lines;
        return c;
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }
}
