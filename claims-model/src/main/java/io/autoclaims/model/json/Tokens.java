package io.autoclaims.model.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import io.autoclaims.model.InputError;
import io.autoclaims.model.internal.Contract;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The parser of one line, standing at a value, for the {@link ValueType}s that read claims straight
 * from the token stream. Every token is taken as one kind of JSON value and checked the same way
 * wherever it stands: strings and field names for escaped lone surrogates, numbers as the exact
 * {@code Integer}, {@code Long}, {@code BigInteger} or {@code BigDecimal} they spell.
 */
final class Tokens {

    /** The most digits read before, and after, a number's decimal point (the parser counts none). */
    static final int MAX_NUMBER_DIGITS = 1000;
    /** The longest field name read, in characters (the parser counts none). */
    static final int MAX_NAME_LENGTH = 50_000;

    private final JsonParser parser;
    /** The line, for the column of a token in a message. */
    private final byte[] line;
    private final int off;
    /**
     * Whether the line holds a backslash. A lone surrogate can only come from an escape: the bytes
     * were checked to be UTF-8 without encoded surrogates, and a 4-byte character decodes to a pair.
     */
    private final boolean escapes;

    Tokens(JsonParser parser, byte[] line, int off, int len) {
        this.parser = parser;
        this.line = line;
        this.off = off;
        this.escapes = hasBackslash(line, off, len);
    }

    /** Whether {@code b[off, off + len)} holds a {@code \\}, eight bytes at a time. */
    static boolean hasBackslash(byte[] b, int off, int len) {
        int end = off + len;
        int i = off;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            long x = (long) LONGS.get(b, i) ^ 0x5C5C5C5C5C5C5C5CL; // a zero byte where b held '\\'
            if (((x - 0x0101010101010101L) & ~x & 0x8080808080808080L) != 0) {
                return true;
            }
        }
        for (; i < end; i++) {
            if (b[i] == '\\') {
                return true;
            }
        }
        return false;
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /** The current token. */
    JsonToken token() {
        return parser.currentToken();
    }

    /** Moves to the next token (null at the end of the input). */
    JsonToken next() throws IOException {
        return parser.nextToken();
    }

    /** The text of the current {@code VALUE_STRING}; throws when an escape made a lone surrogate of it. */
    String text() throws IOException {
        return escapes ? checked(parser.getText(), parser, false, null) : parser.getText();
    }

    /** The name of the current {@code FIELD_NAME}, checked as {@link #text} is, and for its length. */
    String name() throws IOException {
        return nameChecked(escapes ? checked(parser.currentName(), parser, true, null) : parser.currentName(),
                parser, line, off);
    }

    /**
     * The name, unless it is longer than {@value #MAX_NAME_LENGTH} characters: then the line is not
     * read ({@link JsonLine.Refused}), whichever Jackson reads it (2.16 and later would refuse it
     * themselves by default, with their own words; the codec lifts that limit and keeps this one).
     */
    static String nameChecked(String name, JsonParser parser, byte[] line, int off) {
        if (name.length() > MAX_NAME_LENGTH) {
            throw new JsonLine.Refused(String.format(java.util.Locale.ROOT, "not valid JSON: a field name of %,d characters; at most %,d are read"
                    + " (column %d)", name.length(), MAX_NAME_LENGTH, column(parser, line, off)));
        }
        return name;
    }

    /** The character column where the current token starts. */
    static int column(JsonParser parser, byte[] line, int off) {
        long at = parser.currentTokenLocation().getByteOffset(); // from the start of the line's bytes
        return JsonSyntax.column(line, off, off + (int) at);
    }

    /**
     * The value of the current number token, as exact as JSON spells it: an integer is the smallest
     * of {@code Integer}, {@code Long} and {@code BigInteger} that holds it, any other number a
     * {@code BigDecimal} with the scale written (never a double). Throws {@link JsonLine.Refused} for
     * more than {@value #MAX_NUMBER_DIGITS} digits before or after the decimal point, and for an
     * exponent beyond {@code BigDecimal}'s range.
     */
    Number number() throws IOException {
        return number(parser, line, off);
    }

    static Number number(JsonParser parser, byte[] line, int off) throws IOException {
        char[] text = parser.getTextCharacters();
        int start = parser.getTextOffset();
        int length = parser.getTextLength();
        if (length > MAX_NUMBER_DIGITS) { // rare: count the digits only then
            checkDigits(text, start, length, parser, line, off);
        }
        if (parser.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
            // Java's own BigDecimal from the token's text, not the parser's: the value and the failure
            // of an exponent out of range are then the same under every Jackson release
            try {
                return new BigDecimal(text, start, length);
            } catch (NumberFormatException e) {
                throw new JsonLine.Refused("not a usable JSON number: the exponent of "
                        + ValueTypes.shorten(new String(text, start, length)) + " is beyond the range of a decimal number"
                        + " (column " + column(parser, line, off) + ")");
            }
        }
        return switch (parser.getNumberType()) {
            case INT -> parser.getIntValue();
            case LONG -> parser.getLongValue();
            default -> parser.getBigIntegerValue();
        };
    }

    private static void checkDigits(char[] text, int start, int length, JsonParser parser, byte[] line, int off) {
        int before = 0;
        int after = 0;
        boolean fraction = false;
        for (int i = start; i < start + length; i++) {
            char c = text[i];
            if (c == '.') {
                fraction = true;
            } else if (c == 'e' || c == 'E') {
                break;
            } else if (c >= '0' && c <= '9') {
                if (fraction) {
                    after++;
                } else {
                    before++;
                }
            }
        }
        int most = Math.max(before, after);
        if (most > MAX_NUMBER_DIGITS) {
            String where = !fraction ? "" : before >= after ? " before its decimal point" : " after its decimal point";
            throw new JsonLine.Refused(String.format(java.util.Locale.ROOT, "not a usable JSON number: it has %,d digits%s; at most %,d are read"
                    + " (column %d)", most, where, MAX_NUMBER_DIGITS, column(parser, line, off)));
        }
    }

    /** The exact value of a number read by {@link #number}. */
    static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        return BigDecimal.valueOf(n.longValue()); // Integer, Long
    }

    /** How the value at the current token is shown in a message: strings quoted, containers by kind. */
    String describe() throws IOException {
        return switch (parser.currentToken()) {
            case VALUE_STRING -> "the string " + ValueTypes.quote(text());
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> ValueTypes.shorten(number().toString()); // 12000.0 stays 12000.0
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> "null";
            default -> throw new IllegalStateException("not a value token: " + parser.currentToken());
        };
    }

    /**
     * The string, unless an escape made a lone surrogate of it (JSON allows {@code "\\uD800"}): that
     * is not a character, and no record holding it could be written as UTF-8. The field is where the
     * parser stands; {@code claimId} is the line's claimId read so far, for the error record.
     */
    static String checked(String s, JsonParser parser, boolean fieldName, String claimId) {
        int at = Contract.loneSurrogate(s);
        if (at >= 0) {
            JsonStreamContext context = parser.getParsingContext();
            String field = path(fieldName ? context.getParent() : context);
            throw new JsonLine.Unwritable(claimId, new InputError(TextCheck.INVALID_ENCODING,
                    field.isEmpty() ? null : field, Contract.loneSurrogateMessage(fieldName, s.charAt(at))));
        }
        return s;
    }

    /** The dotted path of the parser's current position, spelled as {@link Path} spells it. */
    private static String path(JsonStreamContext context) {
        if (context == null || context.inRoot()) {
            return "";
        }
        String parent = path(context.getParent());
        return context.inArray()
                ? Path.join(parent, context.getCurrentIndex())
                : Path.join(parent, context.getCurrentName());
    }
}
