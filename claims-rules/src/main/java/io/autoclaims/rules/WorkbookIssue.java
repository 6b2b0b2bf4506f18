package io.autoclaims.rules;

import io.autoclaims.rules.internal.workbook.NameText;
import java.util.Comparator;
import java.util.Objects;

/**
 * A problem found in a rule workbook: where it is, what is wrong and how to fix it, in English and,
 * where given, Chinese. Errors stop a rulebook from loading; warnings never do.
 *
 * @param severity  error or warning
 * @param code      a stable code for the kind of problem, e.g. {@code NOT_A_NUMBER}
 * @param where     the workbook, sheet and cell
 * @param message   what is wrong, in English
 * @param hint      how to fix it, in English, or null
 * @param messageZh what is wrong, in Chinese, or null
 * @param hintZh    how to fix it, in Chinese, or null
 */
public record WorkbookIssue(Severity severity, String code, CellRef where, String message, String hint,
        String messageZh, String hintZh) {

    /** How bad an issue is. */
    public enum Severity {
        /** Worth a look; the rulebook still loads. */
        WARNING,
        /** The rulebook does not load (or, found by a check, is not swapped in). */
        ERROR
    }

    /** Sheet, then row, then column order, so that a list of issues reads top to bottom. */
    public static final Comparator<WorkbookIssue> IN_SHEET_ORDER = Comparator
            .comparing((WorkbookIssue i) -> i.where().workbook())
            .thenComparing(i -> String.valueOf(i.where().sheet()))
            .thenComparingInt(i -> rowOf(i.where().cell()))
            .thenComparingInt(i -> columnOf(i.where().cell()))
            .thenComparing(WorkbookIssue::message);

    /**
     * An issue.
     *
     * @param severity  error or warning, not null
     * @param code      the kind of problem, not null
     * @param where     the place, not null
     * @param message   what is wrong, in English, not null
     * @param hint      how to fix it, or null
     * @param messageZh what is wrong, in Chinese, or null
     * @param hintZh    how to fix it, in Chinese, or null
     * @throws NullPointerException when {@code severity}, {@code code}, {@code where} or {@code message} is
     *     null
     */
    public WorkbookIssue {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(message, "message");
    }

    /**
     * An error, in English only until {@link #withZh} adds the Chinese.
     *
     * @param code    the kind of problem
     * @param where   the place
     * @param message what is wrong
     * @param hint    how to fix it, or null
     * @return the issue
     */
    public static WorkbookIssue error(String code, CellRef where, String message, String hint) {
        return new WorkbookIssue(Severity.ERROR, code, where, message, hint, null, null);
    }

    /**
     * A warning, in English only until {@link #withZh} adds the Chinese.
     *
     * @param code    the kind of problem
     * @param where   the place
     * @param message what deserves a look
     * @param hint    what to do, or null
     * @return the issue
     */
    public static WorkbookIssue warning(String code, CellRef where, String message, String hint) {
        return new WorkbookIssue(Severity.WARNING, code, where, message, hint, null, null);
    }

    /**
     * The same issue with its Chinese message and hint.
     *
     * @param zhMessage what is wrong, in Chinese
     * @param zhHint    how to fix it, in Chinese, or null
     * @return a new issue; this one is unchanged
     */
    public WorkbookIssue withZh(String zhMessage, String zhHint) {
        Objects.requireNonNull(zhMessage, "zhMessage");
        return new WorkbookIssue(severity, code, where, message, hint, zhMessage, zhHint);
    }

    /**
     * The issue in Chinese, on one line.
     *
     * @return {@code workbook!Sheet!Cell: 中文说明（修改方法）}, or the English text when no Chinese is given
     */
    public String toStringZh() {
        if (messageZh == null) {
            return toString();
        }
        String text = where + ": " + messageZh;
        return NameText.oneLine(hintZh == null || hintZh.isEmpty() ? text : text + "（" + hintZh + "）");
    }

    /**
     * Whether the issue stops a rulebook.
     *
     * @return true for an error, false for a warning
     */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * {@code warranty.xlsx!Terms!C7: "3 years" is not a whole number of months (write a number such as 36)},
     * always one line: a quoted cell value's line breaks are shown as escapes.
     */
    @Override
    public String toString() {
        String text = where + ": " + message;
        return NameText.oneLine(hint == null || hint.isEmpty() ? text : text + " (" + hint + ")");
    }

    private static int rowOf(String cell) {
        if (cell == null) {
            return -1;
        }
        String digits = cell.replaceAll("^[A-Z]+", "").replaceAll("[^0-9].*$", "");
        // a row out of the sheet's range is reported with its number as the file wrote it
        return digits.isEmpty() ? -1 : digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }

    private static int columnOf(String cell) {
        if (cell == null) {
            return -1;
        }
        int col = 0;
        for (int i = 0; i < cell.length() && Character.isUpperCase(cell.charAt(i)); i++) {
            col = col * 26 + (cell.charAt(i) - 'A' + 1);
        }
        return col;
    }
}
