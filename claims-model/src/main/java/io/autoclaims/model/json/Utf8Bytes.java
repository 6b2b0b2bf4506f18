package io.autoclaims.model.json;

import io.autoclaims.model.internal.Contract;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A text source as UTF-8 bytes, so text and bytes go through one line reader. A lone surrogate is
 * encoded as its three bytes (as CESU-8 would), which {@link TextCheck} then reports on its line
 * instead of this stream replacing it with {@code ?} as {@code String.getBytes} would.
 */
final class Utf8Bytes extends InputStream {
    private final Reader in;
    private final char[] chars = new char[8192];
    private final byte[] bytes = new byte[8192 * 3 + 4];
    private int position;
    private int limit;
    /** A high surrogate read at the end of the last chunk, waiting for its low half; -1 if none. */
    private int pendingHigh = -1;
    private boolean eof;

    Utf8Bytes(Reader in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (position == limit) {
            if (eof || !fill()) {
                return -1;
            }
        }
        int n = Math.min(len, limit - position);
        System.arraycopy(bytes, position, b, off, n);
        position += n;
        return n;
    }

    private boolean fill() throws IOException {
        int read = in.read(chars);
        position = 0;
        limit = 0;
        if (read < 0) {
            eof = true;
            if (pendingHigh >= 0) {
                put(pendingHigh);
                pendingHigh = -1;
            }
            return limit > 0;
        }
        for (int i = 0; i < read; i++) {
            char c = chars[i];
            if (pendingHigh >= 0) {
                int high = pendingHigh;
                pendingHigh = -1;
                if (Character.isLowSurrogate(c)) {
                    put(Character.toCodePoint((char) high, c));
                    continue;
                }
                put(high);
            }
            if (Character.isHighSurrogate(c)) {
                pendingHigh = c;
            } else {
                put(c);
            }
        }
        return true;
    }

    private void put(int cp) {
        limit = put(bytes, limit, cp);
    }

    /** {@code s} as UTF-8, a lone surrogate as its three bytes (see the class comment). */
    static byte[] encode(String s) {
        if (Contract.loneSurrogate(s) < 0) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        byte[] out = new byte[s.length() * 3];
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i); // a lone surrogate comes back as itself
            n = put(out, n, cp);
            i += Character.charCount(cp);
        }
        return Arrays.copyOf(out, n);
    }

    private static int put(byte[] b, int at, int cp) {
        int i = at;
        if (cp < 0x80) {
            b[i++] = (byte) cp;
        } else if (cp < 0x800) {
            b[i++] = (byte) (0xC0 | cp >> 6);
            b[i++] = (byte) (0x80 | cp & 0x3F);
        } else if (cp < 0x10000) {
            b[i++] = (byte) (0xE0 | cp >> 12);
            b[i++] = (byte) (0x80 | cp >> 6 & 0x3F);
            b[i++] = (byte) (0x80 | cp & 0x3F);
        } else {
            b[i++] = (byte) (0xF0 | cp >> 18);
            b[i++] = (byte) (0x80 | cp >> 12 & 0x3F);
            b[i++] = (byte) (0x80 | cp >> 6 & 0x3F);
            b[i++] = (byte) (0x80 | cp & 0x3F);
        }
        return i;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
