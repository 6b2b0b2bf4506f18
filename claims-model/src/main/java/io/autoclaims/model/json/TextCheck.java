package io.autoclaims.model.json;

import io.autoclaims.model.InputError;
import java.util.Locale;

/**
 * Whether the bytes of one line are text a claim can be read from: well-formed UTF-8 (no overlong
 * forms, no encoded surrogates, nothing above U+10FFFF, no cut sequence) without NUL or other C0
 * control bytes (TAB and CR are JSON whitespace and stay allowed). Checked before parsing, so every
 * path reports the same {@code INVALID_ENCODING} record for the same bytes, and a record written back
 * is always valid UTF-8.
 */
final class TextCheck {

    static final String INVALID_ENCODING = "INVALID_ENCODING";
    static final String LINE_TOO_LONG = "LINE_TOO_LONG";

    private TextCheck() {
    }

    /** The problem with {@code b[off, off + len)}, or null when it is clean text. */
    static InputError bytes(byte[] b, int off, int len, long lineNumber) {
        int end = off + len;
        int i = off;
        while (i < end) {
            int c = b[i];
            if (c >= 0x20) { // ASCII, not a control: the common case
                i++;
                continue;
            }
            if (c == '\t' || c == '\r') {
                i++;
                continue;
            }
            int at = i - off + 1;
            if (c >= 0) {
                return control(c, at);
            }
            int lead = c & 0xFF;
            if (lineNumber == 1 && i == off && len >= 2 && ((lead == 0xFF && (b[off + 1] & 0xFF) == 0xFE)
                    || (lead == 0xFE && (b[off + 1] & 0xFF) == 0xFF))) {
                return encoding("the file starts with a UTF-16 byte order mark (" + hex(lead) + " "
                        + hex(b[off + 1] & 0xFF) + "): it is UTF-16 text, not UTF-8; save it as UTF-8 and run again");
            }
            int need;
            int min;
            if (lead >= 0xC2 && lead <= 0xDF) {
                need = 1;
                min = 0x80;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                need = 2;
                min = 0x800;
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                need = 3;
                min = 0x10000;
            } else {
                return notUtf8(b, i, 1, at, "cannot start a character");
            }
            int cp = lead & (0x3F >> need);
            for (int k = 1; k <= need; k++) {
                if (i + k >= end) {
                    return notUtf8(b, i, end - i, at, "is a character cut short by the end of the line");
                }
                int next = b[i + k] & 0xFF;
                if ((next & 0xC0) != 0x80) {
                    return notUtf8(b, i, k + 1, at, "is not a complete character");
                }
                cp = (cp << 6) | (next & 0x3F);
            }
            if (cp < min) {
                return notUtf8(b, i, need + 1, at, "is an overlong form of U+" + codePoint(cp));
            }
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                return encoding("the line holds the UTF-16 surrogate U+" + codePoint(cp) + " (bytes " + hexes(b, i, 3)
                        + " at byte " + at + "): half of a pair, not a character, and not UTF-8");
            }
            if (cp > 0x10FFFF) {
                return notUtf8(b, i, need + 1, at, "is beyond U+10FFFF, the last Unicode character");
            }
            i += need + 1;
        }
        return null;
    }

    static InputError tooLong(long bytes, int maxLineBytes) {
        return new InputError(LINE_TOO_LONG, null, String.format(Locale.ROOT,
                "the line has %,d bytes, more than the %,d a line may hold (option --max-line-bytes); it was skipped"
                        + " unread", bytes, maxLineBytes));
    }

    private static InputError control(int c, int at) {
        String what = c == 0
                ? "a NUL byte (0x00) at byte " + at + ": it is not UTF-8 text (UTF-16, or binary data?); save the file as"
                        + " UTF-8 and run again"
                : "the control byte " + hex(c) + " at byte " + at + ", which JSON Lines text cannot hold (only inside a"
                        + " string, escaped as \\u00" + hex(c).substring(2) + ")";
        return encoding("the line holds " + what);
    }

    private static InputError notUtf8(byte[] b, int from, int count, int at, String why) {
        return encoding("the line is not valid UTF-8: " + (count == 1 ? "byte " : "bytes ") + hexes(b, from, count)
                + " at byte " + at + " " + why + "; save the file as UTF-8 and run again");
    }

    private static String hexes(byte[] b, int from, int count) {
        StringBuilder bytes = new StringBuilder();
        for (int k = 0; k < count; k++) {
            bytes.append(k == 0 ? "" : " ").append(hex(b[from + k] & 0xFF));
        }
        return bytes.toString();
    }

    private static InputError encoding(String message) {
        return new InputError(INVALID_ENCODING, null, message);
    }

    private static String hex(int b) {
        return String.format(Locale.ROOT, "0x%02X", b);
    }

    static String codePoint(int cp) {
        return String.format(Locale.ROOT, "%04X", cp);
    }
}
