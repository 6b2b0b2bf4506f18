package io.autoclaims.rules.internal.workbook;

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
import org.apache.poi.xssf.model.SharedStringsTable;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCell;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType;

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

        /** True for a cell neither reader could read (see {@link Grid#unreadable}). */
        boolean isUnreadable() {
            return type == CellType._NONE;
        }

        /** Why an unreadable cell cannot be read, in English. */
        String whyUnreadable() {
            return string;
        }

        /** Why an unreadable cell cannot be read, in Chinese. */
        String whyUnreadableZh() {
            return display;
        }
    }

    /**
     * A cell whose content cannot be read (a shared string that does not exist, a number or boolean
     * that is none, an unknown type): never blank, which would mean "any" in a rule row, but an
     * error at the cell. Its value is null; the reasons ride in the string and display fields so
     * that both readers' grids still compare equal.
     */
    static Cell unreadable(int column, String why, String whyZh) {
        return new Cell(column, CellType._NONE, why, 0, false, null, null, whyZh);
    }

    /** Excel's own limit on the text of a cell; a longer text was not written by a spreadsheet program. */
    static final int MAX_CELL_CHARS = 32_767;
    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /** A cell's raw {@code <v>} text quoted for a message, cut short when long. */
    private static String quote(String v) {
        return "\"" + (v.length() > 40 ? v.substring(0, 40) + "…" : v) + "\"";
    }

    /** The unreadable cell for a number literal that is none (Excel writes plain decimals), or null. */
    static Cell badNumber(int column, String v) {
        String t = v.trim();
        if (NUMBER.matcher(t).matches() && Double.isFinite(Double.parseDouble(t))) {
            return null;
        }
        return unreadable(column, "the number " + quote(v) + " stored in the file is not a number",
                "文件中保存的数字 " + quote(v) + " 不是数字");
    }

    /** The unreadable cell for a boolean stored as anything but 0 or 1, or null. */
    static Cell badBoolean(int column, String v) {
        String t = v.trim();
        if (t.equals("0") || t.equals("1")) {
            return null;
        }
        return unreadable(column, "the boolean " + quote(v) + " stored in the file is neither 0 nor 1",
                "文件中保存的布尔值 " + quote(v) + " 既不是 0 也不是 1");
    }

    /** The unreadable cell for a shared-string index outside the table of {@code count} strings. */
    static Cell badSharedString(int column, String v, int count) {
        return unreadable(column, "the cell refers to shared string " + quote(v) + ", but the workbook has "
                        + count + " shared strings (0 to " + (count - 1) + ")",
                "单元格引用了共享字符串 " + quote(v) + "，但工作簿只有 " + count + " 个共享字符串（0 到 " + (count - 1) + "）");
    }

    /** The 0-based index a shared-string cell names, or -1 when it names none of {@code count}. */
    static int sharedIndex(String v, int count) {
        try {
            int i = Integer.parseInt(v.trim());
            return i >= 0 && i < count ? i : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The unreadable cell for an error value Excel does not have, or null. */
    static Cell badError(int column, String v) {
        try {
            org.apache.poi.ss.usermodel.FormulaError.forString(v);
            return null;
        } catch (IllegalArgumentException e) {
            return unreadable(column, "the error value " + quote(v) + " is not one Excel has",
                    "错误值 " + quote(v) + " 不是 Excel 中存在的错误值");
        }
    }

    /** The cell types SpreadsheetML has. */
    static final java.util.Set<String> CELL_TYPES = java.util.Set.of("b", "d", "e", "inlineStr", "n", "s", "str");

    /** The unreadable cell for a cell type SpreadsheetML does not have. */
    static Cell badType(int column, String type) {
        return unreadable(column, "the cell type " + quote(type) + " is not one Excel writes",
                "单元格类型 " + quote(type) + " 不是 Excel 会写入的类型");
    }

    /** The unreadable cell for a text longer than Excel allows, or null. */
    static Cell tooLong(int column, int length) {
        if (length <= MAX_CELL_CHARS) {
            return null;
        }
        return unreadable(column, "the text has " + (length > 8 * MAX_CELL_CHARS ? "more than " + 8 * MAX_CELL_CHARS
                        : length) + " characters, more than Excel's " + MAX_CELL_CHARS,
                "文本有 " + (length > 8 * MAX_CELL_CHARS ? "超过 " + 8 * MAX_CELL_CHARS : length) + " 个字符，超过 Excel 上限 "
                        + MAX_CELL_CHARS + " 个");
    }

    /**
     * Thrown by either reader when a workbook holds more than the loader keeps in memory (cells,
     * sheets): the workbook is refused before it is all read. {@code sheet} is null for the workbook.
     */
    static final class TooLarge extends RuntimeException {
        final String sheet;
        final String zh;

        TooLarge(String sheet, String message, String zh) {
            super(message, null, false, false);
            this.sheet = sheet;
            this.zh = zh;
        }
    }

    /** Counts cells as a reader reads them, refusing past {@link WorkbookGuard#MAX_CELLS}. */
    static final class Budget {
        private long cells;

        void cell(String sheet) {
            if (++cells > WorkbookGuard.MAX_CELLS) {
                throw new TooLarge(sheet, String.format(Locale.ROOT,
                        "the workbook has more than %,d cells (reached in this sheet); a rule workbook has far fewer",
                        WorkbookGuard.MAX_CELLS), String.format(Locale.ROOT,
                        "工作簿的单元格超过 %,d 个（在此工作表达到上限）；规则工作簿的单元格远少于此", WorkbookGuard.MAX_CELLS));
            }
        }

        static void sheets(int count) {
            if (count > WorkbookGuard.MAX_SHEETS) {
                throw new TooLarge(null, "the workbook has " + count + " sheets, more than the "
                        + WorkbookGuard.MAX_SHEETS + " a rule workbook may have",
                        "工作簿有 " + count + " 个工作表，超过规则工作簿允许的 " + WorkbookGuard.MAX_SHEETS + " 个");
            }
        }
    }

    /**
     * A row or cell the file places where the sheet already has one (both readers would keep the last
     * and lose the other silently: a rule row could vanish), or a cell whose reference names another
     * row than the row element holding it. {@code code} is DUPLICATE_ROW, DUPLICATE_CELL or
     * MISPLACED_CELL; {@code address} the row ({@code 6:6}) or cell ({@code B6}) where it stands.
     */
    record Misplaced(String code, String address, String why, String whyZh) {
    }

    /**
     * Finds {@link Misplaced} rows and cells as a sheet's XML is read, in file order: {@link FastXlsx}
     * calls it while it parses, and {@link #scan} runs it over the XML of a sheet POI's usermodel
     * read, so both readers report the same at the same place. Rows outside the sheet are left to
     * {@code badRows}.
     */
    static final class Layout {
        final List<Misplaced> found = new ArrayList<>();
        private final java.util.BitSet rows = new java.util.BitSet();
        private final java.util.BitSet columns = new java.util.BitSet();
        /** The current row element's 1-based number, -1 when unknown or outside the sheet. */
        private long row = -1;

        /** A row element, numbered as its {@code r} attribute (null when it has none). */
        void row(Long number) {
            columns.clear();
            row = number != null && rowInRange(number) ? number : -1;
            if (row < 0) {
                return;
            }
            if (rows.get((int) row)) {
                found.add(new Misplaced("DUPLICATE_ROW", row + ":" + row,
                        "the file holds row " + row + " twice; a reader keeps only the last, so what the other "
                                + "holds (a rule row) would vanish",
                        "文件中第 " + row + " 行出现了两次；读取时只保留后一行，另一行的内容（如规则行）会丢失"));
            }
            rows.set((int) row);
        }

        /** A cell element of the current row, with its {@code r} attribute (null when it has none). */
        void cell(String ref) {
            if (row < 0 || ref == null) {
                return;
            }
            int i = ref.startsWith("$") ? 1 : 0;
            int column = 0;
            int start = i;
            for (; i < ref.length() && Character.toUpperCase(ref.charAt(i)) >= 'A'
                    && Character.toUpperCase(ref.charAt(i)) <= 'Z'; i++) {
                column = column * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
            }
            if (i == start || i - start > 3) {
                return; // no column: each reader says what it makes of it
            }
            String address = ref.substring(start, i).toUpperCase(Locale.ROOT) + row;
            if (columns.get(column)) {
                found.add(new Misplaced("DUPLICATE_CELL", address,
                        "the file holds cell " + address + " twice; a reader keeps only the last of the two values",
                        "文件中单元格 " + address + " 出现了两次；读取时只保留后一个取值"));
            }
            columns.set(column);
            String digits = ref.substring(i).startsWith("$") ? ref.substring(i + 1) : ref.substring(i);
            if (!digits.isEmpty()) {
                long named;
                try {
                    named = Long.parseLong(digits);
                } catch (NumberFormatException e) {
                    named = -1;
                }
                if (named != row) {
                    found.add(new Misplaced("MISPLACED_CELL", address,
                            "the cell's reference \"" + shortened(ref) + "\" names another row than row " + row
                                    + ", which holds it in the file",
                            "单元格的引用 \"" + shortened(ref) + "\" 指向的行不是文件中包含它的第 " + row + " 行"));
                }
            }
        }

        private static String shortened(String ref) {
            return ref.length() > 20 ? ref.substring(0, 20) + "…" : ref;
        }

        /** The misplaced rows and cells of a sheet POI has read, from its XML. */
        static List<Misplaced> scan(org.apache.poi.xssf.usermodel.XSSFSheet sheet) {
            Layout layout = new Layout();
            try (java.io.InputStream in = sheet.getPackagePart().getInputStream()) {
                javax.xml.parsers.SAXParserFactory f = javax.xml.parsers.SAXParserFactory.newDefaultInstance();
                f.setNamespaceAware(true);
                f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                f.setFeature(javax.xml.XMLConstants.FEATURE_SECURE_PROCESSING, true);
                f.newSAXParser().parse(in, new org.xml.sax.helpers.DefaultHandler() {
                    private String dataNs;

                    @Override
                    public void startElement(String uri, String local, String qName, org.xml.sax.Attributes a) {
                        if (dataNs == null) {
                            if (local.equals("sheetData")) {
                                dataNs = uri;
                            }
                        } else if (uri.equals(dataNs) && local.equals("row")) {
                            Long number;
                            try {
                                number = a.getValue("r") == null ? null : Long.parseLong(a.getValue("r").trim());
                            } catch (NumberFormatException e) {
                                number = null;
                            }
                            layout.row(number);
                        } else if (uri.equals(dataNs) && local.equals("c")) {
                            layout.cell(a.getValue("r"));
                        }
                    }

                    @Override
                    public void endElement(String uri, String local, String qName) {
                        if (local.equals("sheetData") && uri.equals(dataNs)) {
                            dataNs = null;
                        }
                    }
                });
            } catch (java.io.IOException | javax.xml.parsers.ParserConfigurationException
                    | org.xml.sax.SAXException e) {
                // POI has read this XML already: what it cannot parse again it has reported
            }
            return layout.found;
        }
    }

    /** True when a 1-based row number is one a sheet can have (1 to 1,048,576). */
    static boolean rowInRange(long rowNumber) {
        return rowNumber >= 1 && rowNumber <= MAX_ROWS;
    }

    /** Rows a sheet has in Excel, LibreOffice and WPS. */
    static final int MAX_ROWS = 1_048_576;

    /** True when any cell is unreadable or any row out of range: damage the tests' cross-check allows POI to refuse. */
    boolean damaged() {
        for (Sheet s : sheets) {
            if (!s.badRows.isEmpty() || !s.misplaced.isEmpty()) {
                return true;
            }
            for (Row r : s) {
                for (Cell c : r) {
                    if (c.isUnreadable()) {
                        return true;
                    }
                }
            }
        }
        return false;
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
        /** Hidden or very hidden in the workbook: an analyst does not see it. */
        final boolean hidden;
        /** Row numbers (1-based, as in the file) outside 1..1,048,576; their cells are not kept. */
        final List<Long> badRows;
        /** Rows and cells the file places over others, or cells whose reference names another row. */
        final List<Misplaced> misplaced;

        Sheet(String name, NavigableMap<Integer, Row> rows, List<CellRangeAddress> merged) {
            this(name, rows, merged, false, List.of());
        }

        Sheet(String name, NavigableMap<Integer, Row> rows, List<CellRangeAddress> merged, boolean hidden,
                List<Long> badRows) {
            this(name, rows, merged, hidden, badRows, List.of());
        }

        Sheet(String name, NavigableMap<Integer, Row> rows, List<CellRangeAddress> merged, boolean hidden,
                List<Long> badRows, List<Misplaced> misplaced) {
            this.name = name;
            this.misplaced = List.copyOf(misplaced);
            this.rows = rows;
            this.merged = List.copyOf(merged);
            this.hidden = hidden;
            this.badRows = badRows.stream().sorted().toList(); // POI gives them in order, the file need not
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
            return o instanceof Sheet s && s.name.equals(name) && s.rows.equals(rows) && s.hidden == hidden
                    && s.badRows.equals(badRows) && s.misplaced.equals(misplaced)
                    && s.merged.stream().map(CellRangeAddress::formatAsString).toList()
                            .equals(merged.stream().map(CellRangeAddress::formatAsString).toList());
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }

        @Override
        public String toString() {
            return "sheet " + name + (hidden ? " (hidden)" : "") + " " + rows.values() + " merged " + merged
                    + (badRows.isEmpty() ? "" : " rows out of range " + badRows)
                    + (misplaced.isEmpty() ? "" : " misplaced " + misplaced);
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
        Budget.sheets(workbook.getNumberOfSheets());
        Budget budget = new Budget();
        // the strings the table really holds, not its uniqueCount attribute, which a file can misstate
        SharedStringsTable sst = workbook instanceof XSSFWorkbook x ? x.getSharedStringSource() : null;
        int sharedCount = sst == null ? 0 : sst.getSharedStringItems().size();
        for (org.apache.poi.ss.usermodel.Sheet sheet : workbook) {
            // POI's usermodel keeps the last of two rows or cells at one place: what it lost is found in the XML
            List<Misplaced> misplaced = sheet instanceof org.apache.poi.xssf.usermodel.XSSFSheet x
                    ? Layout.scan(x) : List.of();
            NavigableMap<Integer, Row> rows = new TreeMap<>();
            List<Long> badRows = new ArrayList<>();
            for (org.apache.poi.ss.usermodel.Row row : sheet) {
                // POI numbers a row 1 less than its r attribute, and keeps rows Excel cannot have
                long number = row.getRowNum() + 1L;
                Map<Integer, Cell> cells = new TreeMap<>();
                for (org.apache.poi.ss.usermodel.Cell c : row) {
                    budget.cell(sheet.getSheetName());
                    cells.put(c.getColumnIndex(), checkedCell(c, formatter, sharedCount));
                }
                if (!rowInRange(number)) {
                    badRows.add(number);
                    continue;
                }
                rows.put(row.getRowNum(), new Row(row.getRowNum(), cells.values()));
            }
            int index = workbook.getSheetIndex(sheet);
            sheets.add(new Sheet(sheet.getSheetName(), rows, sheet.getMergedRegions(),
                    workbook.isSheetHidden(index) || workbook.isSheetVeryHidden(index), badRows, misplaced));
        }
        return new Grid(sheets);
    }

    /**
     * A cell through POI, first checking what POI's usermodel reads leniently: a shared-string
     * index out of range (POI gives an empty string, i.e. a blank rule cell), a number literal that
     * is none (POI takes Java's literals: "NaN", "1f"), a boolean neither 0 nor 1 (POI gives false),
     * an unknown error value, text longer than Excel allows. Whatever else POI fails on is
     * unreadable at the cell, never a failure of the whole workbook.
     */
    private static Cell checkedCell(org.apache.poi.ss.usermodel.Cell c, DataFormatter formatter,
            int sharedCount) {
        int column = c.getColumnIndex();
        try {
            if (c instanceof XSSFCell x && !x.getCTCell().isSetF() && x.getCTCell().isSetV()) {
                CTCell ct = x.getCTCell();
                String v = ct.getV();
                // XMLBeans throws on a type it does not know: read the attribute as written
                String raw = ct.getDomNode() instanceof org.w3c.dom.Element e ? e.getAttribute("t") : "";
                if (!raw.isEmpty() && !CELL_TYPES.contains(raw)) {
                    return badType(column, raw);
                }
                STCellType.Enum t = ct.getT();
                Cell bad = null;
                if (t == null || t == STCellType.N) {
                    bad = badNumber(column, v);
                } else if (t == STCellType.B) {
                    bad = badBoolean(column, v);
                } else if (t == STCellType.E) {
                    bad = badError(column, v);
                } else if (t == STCellType.S) {
                    bad = sharedIndex(v, sharedCount) < 0 ? badSharedString(column, v, sharedCount) : null;
                }
                if (bad != null) {
                    return bad;
                }
            }
            Cell cell = cell(c, formatter);
            Cell bad = cell.string() == null ? null : tooLong(column, cell.string().length());
            return bad != null ? bad : cell;
        } catch (RuntimeException e) {
            // the reader's own text is English only and may quote the file: the cell is named instead
            return unreadable(column, "the value stored in the file is malformed", "文件中保存的值格式不正确");
        }
    }

    /**
     * True for a formula of its own cell only: not part of an array formula's range, and (.xlsx) its
     * {@code <f>} has no type but normal and no range. An array or shared TRUE() stays a formula, as
     * {@link FastXlsx} declines it, so both readers refuse it where it stands.
     */
    private static boolean plainFormula(org.apache.poi.ss.usermodel.Cell c) {
        if (c.isPartOfArrayFormulaGroup()) {
            return false;
        }
        if (c instanceof XSSFCell x) {
            org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCellFormula f = x.getCTCell().getF();
            return f != null && !f.isSetRef()
                    && (!f.isSetT() || f.getT() == org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellFormulaType.NORMAL);
        }
        return true;
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
                Boolean constant = plainFormula(c) ? constantBoolean(c.getCellFormula()) : null;
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
