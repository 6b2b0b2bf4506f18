package io.autoclaims.model.json;

/**
 * The library's own account of why a line is not one JSON value, in its own words and columns, so
 * that no error record carries the JSON parser's message text (which changes between Jackson
 * releases: the same line read "(column 1)" under 2.15 and "(column 5)" under 2.16).
 *
 * <p>It is consulted only once the parser has refused a line or found more after its value, and it
 * follows the parser's grammar: RFC 8259 with Jackson's defaults (no comments, single quotes,
 * leading zeros, {@code NaN} or trailing commas; a number at the top level must be followed by
 * whitespace), nesting at most {@value #MAX_DEPTH} deep, and after the value only the next token is
 * read, as the parser reads it. Columns count characters from 1; the bytes were checked to be UTF-8
 * without control characters other than TAB and CR before.
 */
final class JsonSyntax {

    /** The deepest nesting read; the parser is held to the same ({@code StreamReadConstraints}). */
    static final int MAX_DEPTH = 1000;

    private final byte[] b;
    private final int off;
    private final int end;
    private int pos;
    private int depth;

    private JsonSyntax(byte[] b, int off, int len) {
        this.b = b;
        this.off = off;
        this.end = off + len;
        this.pos = off;
    }

    /** Thrown inside the walk at the first problem; carries the message of the error record. */
    private static final class Found extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final boolean moreContent;

        Found(String message, boolean moreContent) {
            super(message, null, false, false);
            this.moreContent = moreContent;
        }
    }

    /**
     * Why {@code b[off, off + len)} is not exactly one JSON value: a syntax problem worded
     * {@code "not valid JSON: ... (column N)"}, or {@code "expected one JSON object, got more content
     * after it at column N"}; null when it is one valid value.
     */
    static String problem(byte[] b, int off, int len) {
        return walk(b, off, len, false);
    }

    /**
     * The message for a line whose value the parser read whole and found more after it: as
     * {@link #problem}, but null unless the problem is that more content.
     */
    static String moreContent(byte[] b, int off, int len) {
        return walk(b, off, len, true);
    }

    private static String walk(byte[] b, int off, int len, boolean onlyMoreContent) {
        JsonSyntax s = new JsonSyntax(b, off, len);
        try {
            s.skipSpace();
            if (s.pos == s.end) {
                return null; // a blank line: its record says so before anything is parsed
            }
            boolean number = s.b[s.pos] == '-' || isDigit(s.b[s.pos]);
            s.value();
            s.afterRoot(number);
            return null;
        } catch (Found f) {
            return onlyMoreContent && !f.moreContent ? null : f.getMessage();
        }
    }

    /** The character column of byte {@code at}: characters before it plus one. */
    static int column(byte[] b, int off, int at) {
        int column = 1;
        for (int i = off; i < at; i++) {
            if ((b[i] & 0xC0) != 0x80) { // not a continuation byte: a character starts here
                column++;
            }
        }
        return column;
    }

    private Found invalid(String what, int at) {
        return new Found("not valid JSON: " + what + " (column " + column(b, off, at) + ")", false);
    }

    private void skipSpace() {
        while (pos < end && (b[pos] == ' ' || b[pos] == '\t' || b[pos] == '\r' || b[pos] == '\n')) {
            pos++;
        }
    }

    /**
     * One value, containers walked without recursion (a line may open a million brackets before the
     * limit is found, and a thread's stack may be small): {@code open} holds whether each open
     * container is an object.
     */
    private void value() {
        boolean[] open = new boolean[MAX_DEPTH + 1];
        boolean first = true; // no element yet in the innermost container
        while (true) {
            if (depth > 0 && open[depth - 1]) { // in an object: a field name and ':' before the value
                if (pos == end) {
                    throw invalid("the line ends inside an object", pos);
                }
                if (first && b[pos] == '}') {
                    pos++;
                    depth--;
                    first = false;
                    if (afterElement(open)) {
                        return;
                    }
                    continue;
                }
                if (b[pos] != '"') {
                    throw invalid("expected a field name in double quotes, got " + describe(pos), pos);
                }
                string();
                skipSpace();
                if (pos == end) {
                    throw invalid("the line ends inside an object", pos);
                }
                if (b[pos] != ':') {
                    throw invalid("expected ':' after the field name, got " + describe(pos), pos);
                }
                pos++;
                skipSpace();
            } else if (depth > 0 && first && pos < end && b[pos] == ']') {
                pos++;
                depth--;
                first = false;
                if (afterElement(open)) {
                    return;
                }
                continue;
            }
            if (pos == end) {
                throw invalid(depth == 0 ? "the line ends where a value should be"
                        : open[depth - 1] ? "the line ends inside an object" : "the line ends inside an array", pos);
            }
            byte c = b[pos];
            if (c == '{' || c == '[') {
                if (depth == MAX_DEPTH) {
                    throw invalid("the JSON nests deeper than " + MAX_DEPTH + " levels", pos);
                }
                open[depth++] = c == '{';
                pos++;
                skipSpace();
                first = true;
                continue;
            }
            if (c == '"') {
                string();
            } else if (c == '-' || isDigit(c)) {
                number();
            } else if (isWordByte(c)) {
                word();
            } else {
                throw invalid("expected a value, got " + describe(pos), pos);
            }
            first = false;
            if (afterElement(open)) {
                return;
            }
        }
    }

    /**
     * After a value inside the containers (or at the top): true when the top-level value is complete;
     * otherwise closes what the line closes and stands at the next element.
     */
    private boolean afterElement(boolean[] open) {
        while (depth > 0) {
            skipSpace();
            boolean object = open[depth - 1];
            if (pos == end) {
                throw invalid(object ? "the line ends inside an object" : "the line ends inside an array", pos);
            }
            if (b[pos] == ',') {
                pos++;
                skipSpace();
                return false;
            }
            if (b[pos] != (object ? '}' : ']')) {
                throw invalid(object ? "expected ',' or '}' after the field's value, got " + describe(pos)
                        : "expected ',' or ']' after the array element, got " + describe(pos), pos);
            }
            pos++;
            depth--;
        }
        return true;
    }

    private void string() {
        pos++; // the opening quote
        while (true) {
            if (pos == end) {
                throw invalid("the line ends inside a string", pos);
            }
            byte c = b[pos];
            if (c == '"') {
                pos++;
                return;
            }
            if (c >= 0 && c < 0x20) {
                throw invalid("a string holds " + (c == '\t' ? "a tab" : c == '\r' ? "a carriage return" : "a control character")
                        + " as it is; write it as " + escapeOf(c), pos);
            }
            if (c == '\\') {
                escape();
            } else {
                pos++;
            }
        }
    }

    private static String escapeOf(byte c) {
        return c == '\t' ? "\\t" : c == '\r' ? "\\r" : String.format("\\u%04X", (int) c);
    }

    private void escape() {
        int at = pos;
        pos++;
        if (pos == end) {
            throw invalid("the line ends inside a string", pos);
        }
        byte c = b[pos];
        switch (c) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> pos++;
            case 'u' -> {
                pos++;
                for (int k = 0; k < 4; k++) {
                    if (pos == end) {
                        throw invalid("the line ends inside a string", pos);
                    }
                    if (Character.digit(b[pos], 16) < 0) {
                        throw invalid("a \\u escape needs four hexadecimal digits, got " + describe(pos), at);
                    }
                    pos++;
                }
            }
            default -> throw invalid("a string holds the escape \\" + printable(pos)
                    + ", which JSON does not have (it has \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)", at);
        }
    }

    private void number() {
        if (b[pos] == '-') {
            pos++;
            if (pos == end || !isDigit(b[pos])) {
                throw invalid("a number needs a digit after the minus sign, got " + describe(pos), pos);
            }
        }
        if (b[pos] == '0' && pos + 1 < end && isDigit(b[pos + 1])) {
            throw invalid("a number may not start with 0 followed by more digits", pos);
        }
        digits();
        if (pos < end && b[pos] == '.') {
            pos++;
            if (pos == end || !isDigit(b[pos])) {
                throw invalid("a number needs a digit after the decimal point, got " + describe(pos), pos);
            }
            digits();
        }
        if (pos < end && (b[pos] == 'e' || b[pos] == 'E')) {
            pos++;
            if (pos < end && (b[pos] == '+' || b[pos] == '-')) {
                pos++;
            }
            if (pos == end || !isDigit(b[pos])) {
                throw invalid("a number needs a digit in its exponent, got " + describe(pos), pos);
            }
            digits();
        }
    }

    private void digits() {
        while (pos < end && isDigit(b[pos])) {
            pos++;
        }
    }

    /** true, false or null; any other run of letters is not JSON (the parser reads it as one word). */
    private void word() {
        int start = pos;
        while (pos < end && isWordByte(b[pos])) {
            pos++;
        }
        String w = new String(b, start, pos - start, java.nio.charset.StandardCharsets.UTF_8);
        if (!w.equals("true") && !w.equals("false") && !w.equals("null")) {
            throw invalid("expected a value, got the word " + quote(w) + " (JSON's words are true, false and null)", start);
        }
    }

    /**
     * After the value: nothing but whitespace, or more content. The parser reads only the next token
     * there, so a broken token is a syntax problem, a whole one is "more content", at the column the
     * codec has always given (the parser's position after that token): just past the opening of an
     * object, array or string, past a word, past a number and the space after it.
     */
    private void afterRoot(boolean number) {
        int valueEnd = pos;
        skipSpace();
        if (pos == end) {
            return;
        }
        if (number && pos == valueEnd) {
            throw invalid("expected a space or the end of the line after the number, got " + describe(pos), pos);
        }
        int start = pos;
        byte c = b[pos];
        int past;
        if (c == '{' || c == '[' || c == '"') {
            past = start + 1;
        } else if (c == '-' || isDigit(c)) {
            number();
            if (pos < end && !isSpace(b[pos])) {
                throw invalid("expected a space or the end of the line after the number, got " + describe(pos), pos);
            }
            past = pos < end ? pos + 1 : pos; // the parser takes the space that ends a top-level number
        } else if (isWordByte(c)) {
            word();
            past = pos;
        } else {
            throw invalid("expected the end of the line after the JSON value, got " + describe(pos), pos);
        }
        throw new Found("expected one JSON object, got more content after it at column " + column(b, off, past), true);
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    /** Letters, digits, '_' and '$', and any non-ASCII byte: what the parser takes as part of one word. */
    private static boolean isWordByte(byte c) {
        return c < 0 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '_' || c == '$';
    }

    /** The character at {@code at} as a message shows it, or "the end of the line". */
    private String describe(int at) {
        if (at >= end) {
            return "the end of the line";
        }
        if (b[at] == '\'') {
            return "a single quote (JSON strings take double quotes)";
        }
        return quote(printable(at));
    }

    /** The character starting at byte {@code at}. */
    private String printable(int at) {
        int lead = b[at] & 0xFF;
        int n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        return new String(b, at, Math.min(n, end - at), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String quote(String text) {
        return "'" + ValueTypes.shorten(text) + "'";
    }
}
