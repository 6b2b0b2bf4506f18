package io.autoclaims.batch;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * Cuts the raw input bytes into batches of whole physical lines (each batch ends just after a
 * {@code \n}, or at the end of input), counting lines as {@code ClaimCodec.readLines} does: one line
 * per {@code \n}, plus the text after the last one if any. Cutting at the byte {@code 0x0A} is safe in
 * UTF-8, so a batch never splits a character or a {@code \r\n}. Keeps the SHA-256 of every byte handed
 * out so far (the consumed prefix). Single-threaded: the reader thread owns it.
 *
 * <p>A batch is a list of slices of the 64 KB read buffers, never one large array: with G1, an array
 * of half a region (512 KB in a small heap) or more is a humongous object, and allocating one per
 * batch starts a concurrent marking cycle each time.
 */
final class ChunkReader {
    static final int BUFFER = 64 << 10;

    /** {@code array[from..to)}, never written again once handed out. */
    record Slice(byte[] array, int from, int to) {
    }

    /** One batch of physical lines: the slices hold exactly {@code lines} lines, {@code length} bytes. */
    record Chunk(long firstLine, int lines, long startOffset, List<Slice> slices, long length,
                 long endOffset, String prefixSha256) {

        /** The batch's bytes, after {@code prefix}. */
        InputStream bytes(byte[] prefix) {
            List<InputStream> parts = new ArrayList<>(slices.size() + 1);
            if (prefix.length > 0) {
                parts.add(new ByteArrayInputStream(prefix));
            }
            for (Slice s : slices) {
                parts.add(new ByteArrayInputStream(s.array(), s.from(), s.to() - s.from()));
            }
            return new SequenceInputStream(Collections.enumeration(parts));
        }
    }

    private final InputStream in;
    private final MessageDigest sha;
    private final int maxLines;
    private final int maxBytes;
    private byte[] buffer = new byte[0];
    private int position;
    private int limit;
    private long offset;
    private long nextLine;

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

    /** The next batch, or null at the end of input. */
    Chunk next() throws IOException {
        List<Slice> slices = new ArrayList<>();
        long length = 0;
        int lines = 0;
        boolean partial = false;
        int sliceStart = position;
        while (lines < maxLines && (length < maxBytes || partial)) {
            if (position == limit) {
                if (position > sliceStart) {
                    slices.add(new Slice(buffer, sliceStart, position));
                }
                if (!fill()) {
                    sliceStart = position;
                    break;
                }
                sliceStart = position;
            }
            int i = position;
            while (i < limit && buffer[i] != '\n') {
                i++;
            }
            boolean newline = i < limit;
            int end = newline ? i + 1 : limit;
            length += end - position;
            position = end;
            if (newline) {
                lines++;
                partial = false;
            } else {
                partial = true;
            }
        }
        if (position > sliceStart) {
            slices.add(new Slice(buffer, sliceStart, position));
        }
        if (partial) {
            lines++; // the text after the last \n at the end of input is a line
        }
        if (length == 0) {
            return null;
        }
        for (Slice s : slices) {
            sha.update(s.array(), s.from(), s.to() - s.from());
        }
        long start = offset;
        offset += length;
        Chunk c = new Chunk(nextLine, lines, start, List.copyOf(slices), length, offset, prefixSha256());
        nextLine += lines;
        return c;
    }

    /** Reads into a fresh buffer: the old one may be referenced by batches handed out. */
    private boolean fill() throws IOException {
        byte[] next = new byte[BUFFER];
        int n;
        do {
            n = in.read(next);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        buffer = next;
        position = 0;
        limit = n;
        return true;
    }
}
