package io.autoclaims.rules.internal.workbook;

/**
 * What a name may hold. Sheet names, table titles, workbook file names and the rulebook's name and
 * version are printed on one line in every issue, report and checkpoint, so characters that break or
 * hide a line are refused there: controls (C0, DEL, C1 with U+0085), U+2028 and U+2029, invisible
 * format characters (bidirectional overrides, zero-width spaces, the byte order mark) and lone
 * surrogates. Free texts (reason texts, notes) may still hold line breaks; they never reach a line of
 * output or the DRL unescaped.
 */
public final class NameText {
    private NameText() {
    }

    /** The index of the first character a name may not hold, or -1. */
    public static int firstUnsafe(String text) {
        if (text == null) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            if (isUnsafe(text, i)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code text} with every character a name may not hold shown as a {@code \}{@code uXXXX} escape. */
    public static String oneLine(String text) {
        if (firstUnsafe(text) < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            if (isUnsafe(text, i)) {
                sb.append(escape(text.charAt(i)));
            } else {
                sb.append(text.charAt(i));
            }
        }
        return sb.toString();
    }

    /** {@code U+000A}: how a message names a character the analyst cannot see. */
    public static String codePoint(String text, int index) {
        return String.format("U+%04X", (int) text.charAt(index));
    }

    private static String escape(char c) {
        return String.format("\\u%04X", (int) c);
    }

    private static boolean isUnsafe(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.FORMAT;
    }
}
