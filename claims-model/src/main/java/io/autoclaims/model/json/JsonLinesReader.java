package io.autoclaims.model.json;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.Checksum;

/**
 * Cuts a JSON Lines byte stream into numbered physical lines, in batches: the one place where lines
 * are split and numbered for every entry point. Lines end at {@code \n} only (a lone {@code \r} is
 * JSON whitespace); bytes after the last {@code \n} are a line; a blank line is a line. Memory is
 * bounded by the batch: a line longer than the limit is skipped while streaming, never held, and only
 * its length is kept (it reads as a {@code LINE_TOO_LONG} record).
 */
public final class JsonLinesReader implements Closeable {
    private static final int READ = 64 << 10;

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[READ];
    private int position;
    private int limit;
    private boolean eof;
    private long nextLine;
    private long offset;
    private Checksum checksum;
    private int batchHint = READ;

    JsonLinesReader(InputStream in, int maxLineBytes, long firstLine, long startOffset) {
        this.in = Objects.requireNonNull(in, "in");
        this.maxLineBytes = maxLineBytes;
        this.nextLine = firstLine;
        this.offset = startOffset;
    }

    /**
     * Feeds every byte read (line ends, skipped lines and the BOM included) to {@code c}, reset at the
     * start of each batch; the batch's value is {@link RawLines#checksum}. For checkpoints: without
     * one, nothing is hashed.
     *
     * @param c the checksum to feed, e.g. a {@link java.util.zip.CRC32C}; null for none
     * @return this reader
     */
    public JsonLinesReader checksum(Checksum c) {
        this.checksum = Objects.requireNonNull(c, "c");
        return this;
    }

    /**
     * Where the reader stands, in lines.
     *
     * @return the 1-based number the next line will get
     */
    public long nextLine() {
        return nextLine;
    }

    /**
     * Where the reader stands, in bytes.
     *
     * @return the input offset of the next unread byte (counted from the stream's start offset)
     */
    public long offset() {
        return offset;
    }

    /**
     * The next lines: at most {@code maxLines}, cut at the first line end after {@code maxBytes}
     * held bytes; null at the end of input.
     *
     * @param maxLines the most lines in the batch, 1 or more
     * @param maxBytes the held bytes after which the batch ends at the next line end, 1 or more
     * @return the next lines, or null at the end of input
     * @throws IOException when reading the stream fails
     * @throws IllegalArgumentException when a limit is less than 1
     */
    public RawLines next(int maxLines, int maxBytes) throws IOException {
        if (maxLines < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("maxLines and maxBytes must be positive");
        }
        if (checksum != null) {
            checksum.reset();
        }
        long inputStart = offset;
        byte[] bytes = new byte[Math.max(256, Math.min(batchHint, maxBytes + 64))];
        int[] starts = new int[Math.min(maxLines, 1024)];
        int[] lengths = new int[starts.length];
        long[] skipped = new long[starts.length];
        int size = 0;
        int held = 0;
        while (size < maxLines && held < maxBytes) {
            if (position == limit && !fill()) {
                break;
            }
            if (size == starts.length) {
                int n = Math.min(maxLines, size * 2);
                starts = Arrays.copyOf(starts, n);
                lengths = Arrays.copyOf(lengths, n);
                skipped = Arrays.copyOf(skipped, n);
            }
            // one line: copy while it fits the limit (+3 for a BOM on line 1, +1 for the \r of \r\n), else only
            // count it; its first three bytes and its last are kept to see a BOM and a \r in a line too long to hold
            int lineStart = held;
            long lineBytes = 0;
            boolean ended = false;
            int head = 0;
            byte last = 0;
            while (true) {
                if (position == limit && !fill()) {
                    break;
                }
                int from = position;
                int nl = from;
                while (nl < limit && buffer[nl] != '\n') {
                    nl++;
                }
                int n = nl - from;
                for (int i = from; lineBytes + (i - from) < 3 && i < nl; i++) {
                    head = head << 8 | (buffer[i] & 0xFF);
                }
                if (n > 0) {
                    last = buffer[nl - 1];
                }
                if (lineBytes + n <= (long) maxLineBytes + 4) {
                    if (held + n > bytes.length) {
                        bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 8,
                                Math.max((long) held + n, bytes.length * 2L)));
                    }
                    System.arraycopy(buffer, from, bytes, held, n);
                    held += n;
                }
                lineBytes += n;
                position = nl < limit ? nl + 1 : nl;
                consumed(from, position - from);
                if (nl < limit) {
                    ended = true;
                    break;
                }
            }
            if (!ended && lineBytes == 0) {
                break; // the input ended right after a \n: no further line
            }
            int length = held - lineStart;
            boolean whole = length == lineBytes; // else too long (even without BOM and \r): only counted
            if (nextLine == 1 && inputStart == 0 && size == 0 && lineBytes >= 3 && head == BOM) {
                if (whole) {
                    System.arraycopy(bytes, lineStart + 3, bytes, lineStart, length - 3);
                    held -= 3;
                    length -= 3;
                }
                lineBytes -= 3;
            }
            if (lineBytes > 0 && last == '\r') {
                if (whole) {
                    held--;
                    length--;
                }
                lineBytes--;
            }
            starts[size] = lineStart;
            if (lineBytes > maxLineBytes) {
                held = lineStart;
                lengths[size] = 0;
                skipped[size] = lineBytes;
            } else {
                lengths[size] = length;
            }
            size++;
            nextLine++;
        }
        if (size == 0) {
            return null;
        }
        batchHint = Math.max(batchHint, held + held / 8);
        return new RawLines(bytes, starts, lengths, skipped, size, nextLine - size, inputStart, offset,
                checksum == null ? 0 : checksum.getValue());
    }

    private static final int BOM = 0xEFBBBF;

    private void consumed(int from, int n) {
        offset += n;
        if (checksum != null && n > 0) {
            checksum.update(buffer, from, n);
        }
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int read;
        do {
            read = in.read(buffer, 0, buffer.length);
        } while (read == 0);
        if (read < 0) {
            eof = true;
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
