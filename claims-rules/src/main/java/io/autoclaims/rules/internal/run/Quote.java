package io.autoclaims.rules.internal.run;

/**
 * Free text from a claim as a reason quotes it: shortened, so that a verdict stays a small multiple of
 * its claim whatever the claim's text fields hold. A reason may quote a value in both languages and in
 * its facts, and every reason appears twice in a verdict: unshortened, one 5 MB part name made a 63 MB
 * verdict.
 */
public final class Quote {
    /**
     * Enough to recognise any part name, problem code or id (the longest in the shipped scenarios has
     * 59), short enough that a reason reads as one line; the whole value stays in the claim.
     */
    public static final int MAX_CODE_POINTS = 80;
    /** Marks a shortened quote; one code point, U+2026. */
    static final String ELLIPSIS = "\u2026";

    private Quote() {
    }

    /**
     * The text itself when it has at most {@link #MAX_CODE_POINTS} code points, else its first
     * {@code MAX_CODE_POINTS} code points and {@link #ELLIPSIS}; the cut never splits a surrogate pair.
     */
    public static String shorten(String text) {
        if (text == null || text.length() <= MAX_CODE_POINTS) {
            return text;
        }
        int end = 0;
        for (int n = 0; n < MAX_CODE_POINTS; n++) {
            end += Character.charCount(text.codePointAt(end));
            if (end >= text.length()) {
                return text;
            }
        }
        return text.substring(0, end) + ELLIPSIS;
    }
}
