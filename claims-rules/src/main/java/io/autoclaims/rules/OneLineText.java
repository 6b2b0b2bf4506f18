package io.autoclaims.rules;

import io.autoclaims.rules.internal.workbook.NameText;

/**
 * Text from a workbook or a file name made safe for one line of output: workbook, sheet and rule
 * names, cell values and paths may hold characters that break or hide a line (controls, U+2028 and
 * U+2029, bidirectional overrides, zero-width spaces, lone surrogates). The library's own messages
 * ({@link WorkbookIssue}, {@link CellRef}) already print them this way; hosts and the command line use
 * this for text they print themselves.
 */
public final class OneLineText {
    private OneLineText() {
    }

    /**
     * Escapes what would break or hide a line.
     *
     * @param text the text, or null
     * @return {@code text} with every such character shown as a {@code \}{@code uXXXX} escape; the same
     *     string when it holds none; null for null
     */
    public static String escape(String text) {
        return NameText.oneLine(text);
    }
}
