package io.autoclaims.rules.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * A workbook as {@link WorkbookReader} reads it: its sheets in order, each a grid of typed cells with
 * their values and display text worked out once. Two readers fill it with the same content:
 * {@link FastXlsx} (SAX over the .xlsx parts, for the workbooks analysts save) and
 * {@link #of(Workbook)} (Apache POI's usermodel, for everything else: .xls, formulas, unusual
 * parts). {@link #equals} compares content, so the two can be checked against each other.
 */
final class Grid {
    final List<Sheet> sheets;

    Grid(List<Sheet> sheets) {
        this.sheets = List.copyOf(sheets);
    }

    /** One cell as POI's usermodel sees it (type, raw value, formula) with what the reader derives from it. */
    record Cell(int column, CellType type, String string, double number, boolean bool, String formula,
            LocalDate date, String display) {
        /**
         * The value as typed: String (trimmed, null when empty), BigDecimal, LocalDate or Boolean; null
         * for blank, formulas and errors.
         */
        Object value() {
            return switch (type) {
                case STRING -> {
                    String s = string.trim();
                    yield s.isEmpty() ? null : s;
                }
                case NUMERIC -> date != null ? date : BigDecimal.valueOf(number);
                case BOOLEAN -> bool;
                default -> null;
            };
        }

        boolean isFormula() {
            return type == CellType.FORMULA;
        }
    }

    static final class Row implements Iterable<Cell> {
        final int rowNum;
        private final Cell[] cells;
        private final int[] columns;

        Row(int rowNum, Collection<Cell> sortedCells) {
            this.rowNum = rowNum;
            this.cells = sortedCells.toArray(new Cell[0]);
            this.columns = new int[cells.length];
            for (int i = 0; i < cells.length; i++) {
                columns[i] = cells[i].column();
            }
        }

        /** The cell at a 0-based column, or null when the row has none there. */
        Cell cell(int column) {
            int i = java.util.Arrays.binarySearch(columns, column);
            return i < 0 ? null : cells[i];
        }

        /** One past the last column that has a cell (POI's {@code getLastCellNum}), -1 for none. */
        int lastCellNum() {
            return cells.length == 0 ? -1 : columns[columns.length - 1] + 1;
        }

        @Override
        public Iterator<Cell> iterator() {
            return List.of(cells).iterator();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Row r && r.rowNum == rowNum && java.util.Arrays.equals(r.cells, cells);
        }

        @Override
        public int hashCode() {
            return rowNum;
        }

        @Override
        public String toString() {
            return "row " + (rowNum + 1) + List.of(cells);
        }
    }

    static final class Sheet implements Iterable<Row> {
        final String name;
        private final NavigableMap<Integer, Row> rows;
        final List<CellRangeAddress> merged;

        Sheet(String name, NavigableMap<Integer, Row> rows, List<CellRangeAddress> merged) {
            this.name = name;
            this.rows = rows;
            this.merged = List.copyOf(merged);
        }

        Row row(int rowNum) {
            return rows.get(rowNum);
        }

        Cell cell(int row, int column) {
            Row r = rows.get(row);
            return r == null ? null : r.cell(column);
        }

        /** The last row's 0-based number, -1 for an empty sheet (as POI's {@code getLastRowNum}). */
        int lastRowNum() {
            return rows.isEmpty() ? -1 : rows.lastKey();
        }

        @Override
        public Iterator<Row> iterator() {
            return rows.values().iterator();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Sheet s && s.name.equals(name) && s.rows.equals(rows)
                    && s.merged.stream().map(CellRangeAddress::formatAsString).toList()
                            .equals(merged.stream().map(CellRangeAddress::formatAsString).toList());
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }

        @Override
        public String toString() {
            return "sheet " + name + " " + rows.values() + " merged " + merged;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Grid g && g.sheets.equals(sheets);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sheets);
    }

    @Override
    public String toString() {
        return sheets.toString();
    }

    /** The display text of a number that is not a date: its plain decimal form, no trailing zeros. */
    static String plainNumber(double number) {
        return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }

    /**
     * The value of a formula that is only a boolean constant, as spreadsheet programs save a boolean
     * the analyst typed or picked ({@code TRUE()}, {@code FALSE()} from LibreOffice; {@code TRUE},
     * {@code FALSE}); null for any other formula, which stays a formula and is refused where it stands.
     */
    static Boolean constantBoolean(String formula) {
        if (formula == null) {
            return null;
        }
        String f = formula.strip();
        if (f.startsWith("=")) {
            f = f.substring(1).strip();
        }
        return switch (f.toUpperCase(Locale.ROOT)) {
            case "TRUE()", "TRUE" -> Boolean.TRUE;
            case "FALSE()", "FALSE" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** A boolean cell as POI's usermodel reads a plain {@code t="b"} cell. */
    static Cell booleanCell(int column, boolean value) {
        return new Cell(column, CellType.BOOLEAN, null, 0, value, null, null, value ? "TRUE" : "FALSE");
    }

    /** The grid of a workbook POI has opened: every cell read through the usermodel. */
    static Grid of(Workbook workbook) {
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        List<Sheet> sheets = new ArrayList<>();
        for (org.apache.poi.ss.usermodel.Sheet sheet : workbook) {
            NavigableMap<Integer, Row> rows = new TreeMap<>();
            for (org.apache.poi.ss.usermodel.Row row : sheet) {
                Map<Integer, Cell> cells = new TreeMap<>();
                for (org.apache.poi.ss.usermodel.Cell c : row) {
                    cells.put(c.getColumnIndex(), cell(c, formatter));
                }
                rows.put(row.getRowNum(), new Row(row.getRowNum(), cells.values()));
            }
            sheets.add(new Sheet(sheet.getSheetName(), rows, sheet.getMergedRegions()));
        }
        return new Grid(sheets);
    }

    private static Cell cell(org.apache.poi.ss.usermodel.Cell c, DataFormatter formatter) {
        CellType type = c.getCellType();
        String string = null;
        double number = 0;
        boolean bool = false;
        String formula = null;
        LocalDate date = null;
        String display;
        switch (type) {
            case STRING -> {
                string = c.getStringCellValue();
                display = formatter.formatCellValue(c);
            }
            case NUMERIC -> {
                number = c.getNumericCellValue();
                if (DateUtil.isCellDateFormatted(c)) {
                    date = c.getLocalDateTimeCellValue().toLocalDate();
                    display = formatter.formatCellValue(c);
                } else {
                    display = plainNumber(number);
                }
            }
            case BOOLEAN -> {
                bool = c.getBooleanCellValue();
                display = formatter.formatCellValue(c);
            }
            case FORMULA -> {
                Boolean constant = constantBoolean(c.getCellFormula());
                if (constant != null) {
                    // LibreOffice saves a typed or picked TRUE/FALSE as the formula TRUE()/FALSE()
                    return booleanCell(c.getColumnIndex(), constant);
                }
                formula = c.getCellFormula();
                display = formatter.formatCellValue(c);
            }
            default -> display = formatter.formatCellValue(c);
        }
        return new Cell(c.getColumnIndex(), type, string, number, bool, formula, date, display);
    }
}
