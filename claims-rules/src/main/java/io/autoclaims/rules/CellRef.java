package io.autoclaims.rules;

import io.autoclaims.rules.internal.NameText;
import java.util.Objects;

/**
 * A place in a rule workbook, as an analyst finds it: workbook file, sheet and A1 cell (or range).
 * Printed as {@code warranty.xlsx!Terms 保修期限!C7}, on one line whatever the names hold: a control
 * character or line separator in a name is printed as a {@code \}{@code uXXXX} escape (such names are
 * refused at load, and the issue saying so must not itself break the line).
 */
public record CellRef(String workbook, String sheet, String cell) {

    public CellRef {
        Objects.requireNonNull(workbook, "workbook");
    }

    /** A cell given by 0-based row and column indexes. */
    public static CellRef of(String workbook, String sheet, int row, int column) {
        return new CellRef(workbook, Objects.requireNonNull(sheet, "sheet"), columnLetters(column) + (row + 1));
    }

    /** A whole sheet. */
    public static CellRef sheet(String workbook, String sheet) {
        return new CellRef(workbook, Objects.requireNonNull(sheet, "sheet"), null);
    }

    /** A whole workbook. */
    public static CellRef workbook(String workbook) {
        return new CellRef(workbook, null, null);
    }

    /** Spreadsheet column letters for a 0-based index: 0 = A, 26 = AA. */
    public static String columnLetters(int column) {
        StringBuilder sb = new StringBuilder();
        for (int c = column; c >= 0; c = c / 26 - 1) {
            sb.insert(0, (char) ('A' + c % 26));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(NameText.oneLine(workbook));
        if (sheet != null) {
            sb.append('!').append(NameText.oneLine(sheet));
        }
        if (cell != null) {
            sb.append('!').append(cell);
        }
        return sb.toString();
    }
}
