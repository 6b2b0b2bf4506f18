package io.autoclaims.rules;

import io.autoclaims.rules.internal.workbook.NameText;
import java.util.Objects;

/**
 * A place in a rule workbook, as an analyst finds it: workbook file, sheet and A1 cell (or range).
 * Printed as {@code warranty.xlsx!Terms 保修期限!C7}, on one line whatever the names hold: a control
 * character or line separator in a name is printed as a {@code \}{@code uXXXX} escape (such names are
 * refused at load, and the issue saying so must not itself break the line).
 *
 * @param workbook the workbook's file name
 * @param sheet    the sheet's name, or null for the whole workbook
 * @param cell     the A1 cell or range, e.g. {@code C7}, or null for the whole sheet
 */
public record CellRef(String workbook, String sheet, String cell) {

    /**
     * A place.
     *
     * @param workbook the workbook's file name, not null
     * @param sheet    the sheet's name, or null
     * @param cell     the A1 cell or range, or null
     * @throws NullPointerException when {@code workbook} is null
     */
    public CellRef {
        Objects.requireNonNull(workbook, "workbook");
    }

    /**
     * A cell given by 0-based row and column indexes.
     *
     * @param workbook the workbook's file name
     * @param sheet    the sheet's name
     * @param row      the 0-based row index (0 is row 1)
     * @param column   the 0-based column index (0 is column A)
     * @return the cell, e.g. {@code C7} for row 6 and column 2
     */
    public static CellRef of(String workbook, String sheet, int row, int column) {
        return new CellRef(workbook, Objects.requireNonNull(sheet, "sheet"), columnLetters(column) + (row + 1));
    }

    /**
     * A whole sheet.
     *
     * @param workbook the workbook's file name
     * @param sheet    the sheet's name
     * @return the place, printed {@code warranty.xlsx!Terms 保修期限}
     */
    public static CellRef sheet(String workbook, String sheet) {
        return new CellRef(workbook, Objects.requireNonNull(sheet, "sheet"), null);
    }

    /**
     * A whole workbook.
     *
     * @param workbook the workbook's file name
     * @return the place, printed as the file name
     */
    public static CellRef workbook(String workbook) {
        return new CellRef(workbook, null, null);
    }

    /**
     * Spreadsheet column letters for a 0-based index.
     *
     * @param column the 0-based column index
     * @return the letters: 0 = A, 25 = Z, 26 = AA
     */
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
