package io.autoclaims.server.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A batch's body, counted as it streams: past the most bytes or lines it fails the read, which ends
 * the batch (the records of the lines before are already out).
 */
final class LimitedInput extends FilterInputStream {
    private final long maxBytes;
    private final long maxLines;
    private long bytes;
    private long lines;
    private volatile String exceeded;

    LimitedInput(InputStream in, long maxBytes, long maxLines) {
        super(in);
        this.maxBytes = maxBytes;
        this.maxLines = maxLines;
    }

    /** Which limit was passed, or null. */
    String exceeded() {
        return exceeded;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n <= 0) {
            return n;
        }
        bytes += n;
        for (int i = off; i < off + n && exceeded == null; i++) {
            if (lines >= maxLines) {
                // a byte after the last allowed line end starts one line too many
                exceeded = "the batch passed " + maxLines + " lines";
            } else if (b[i] == '\n') {
                lines++;
            }
        }
        if (exceeded == null && bytes > maxBytes) {
            exceeded = "the body passed " + maxBytes + " bytes";
        }
        if (exceeded != null) {
            throw new IOException(exceeded);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("not supported");
    }
}
