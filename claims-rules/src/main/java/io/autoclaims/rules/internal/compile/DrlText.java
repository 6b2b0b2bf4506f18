package io.autoclaims.rules.internal.compile;

import java.util.regex.Pattern;

/**
 * The only two ways text gets into generated DRL. Anything that came from a workbook (a cell, a sheet
 * name, a title, a file name, an About field) may reach the DRL only as a string {@link #literal};
 * rule names, type names and comments are made by the compiler from {@link #identifier}s it has
 * checked against a strict grammar and from numbers.
 *
 * <p>The literal is plain printable ASCII whatever the input: every other character, and every
 * character that means something to the DRL lexer, MVEL or Java ({@code " ' \ $ # / *}, line
 * terminators including U+0085, U+2028 and U+2029), is written as a {@code \}{@code uXXXX} escape.
 * So no input can end the literal, a comment or a line, and {@code end}, {@code rule} or {@code * /}
 * inside it stay characters of a string. The one character no literal can hold is NUL: MVEL drops it
 * from a string while it resolves the escapes, so a literal with it would match another text. It is
 * refused (no value the compiler writes, a code or a number, can hold one: they are checked first).
 *
 * <p>A literal is for the DRL lexer and MVEL only, that is for constraints: never put one into a
 * consequence ({@code then}) or any other Java code, where the compiler turns {@code \}{@code u0022}
 * into a quote before it reads the string. The writer's consequences hold row numbers only.
 */
public final class DrlText {
    /** What the compiler accepts as part of a rule or type name. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    private DrlText() {
    }

    /**
     * A DRL string literal, quotes included, that Drools reads back as exactly {@code text}.
     *
     * @throws IllegalArgumentException when {@code text} holds NUL
     */
    public static String literal(String text) {
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("NUL cannot be written in a DRL string literal");
        }
        StringBuilder sb = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isPlain(c)) {
                sb.append(c);
            } else {
                sb.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
                        .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
            }
        }
        return sb.append('"').toString();
    }

    /**
     * {@code name} unchanged when it is a compiler identifier ({@code [A-Za-z][A-Za-z0-9_]*}, at most
     * 64 characters); anything else is a bug in the caller, which must have validated it.
     */
    static String identifier(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a DRL identifier: " + (name == null ? null : literal(name)));
        }
        return name;
    }

    /** Letters, digits, space and punctuation no DRL, MVEL or Java lexer gives a meaning inside a string. */
    private static boolean isPlain(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == ' ' || c == '_' || c == '-' || c == '.' || c == ',' || c == ':' || c == ';'
                || c == '+' || c == '=' || c == '(' || c == ')' || c == '[' || c == ']' || c == '%';
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
}
