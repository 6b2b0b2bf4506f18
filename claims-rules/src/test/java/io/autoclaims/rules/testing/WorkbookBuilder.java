package io.autoclaims.rules.testing;

import io.autoclaims.model.Labelled;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes rule workbooks in the layout of {@code docs/workbook-format.md} with Apache POI (XSSF).
 * Test scope: synthetic workbooks for tests. It never builds the shipped workbooks: those are the source,
 * edited in a spreadsheet program (tests read them through {@link ShippedWorkbooks}).
 *
 * <pre>{@code
 * WorkbookBuilder wb = WorkbookBuilder.create()
 *         .about("my rulebook", "1.0", LocalDate.of(2026, 1, 1), "Policy team 政策组");
 * wb.table("Terms 保修期限", "Terms").hit("FIRST").per("LINE").claimType("WARRANTY").step(30)
 *         .column("ID", "rule id", "Rule id 规则编号")
 *         .column("IF line.system", "enum set PartSystem", "System 系统")
 *         .row("T-01", "TRACTION_BATTERY, DRIVE_MOTOR");
 * byte[] xlsx = wb.toBytes();
 * }</pre>
 *
 * <p>Every table sheet gets: the title (A1), the properties (row 2), bindings and types (rows 3-4, each
 * row-3 cell with a comment saying what the column reads or sets), the bilingual header (row 5),
 * rows 1-5 frozen, and rule rows from row 6. Enum and boolean columns carry a drop-down, integer,
 * rate, decimal and money outputs a numeric validation. No formulas, no merged cells. The output is
 * byte-for-byte deterministic for the same input.
 *
 * <p>{@link #reference(String)} adds a plain sheet for readers (e.g. the formulas a table may apply):
 * a title, a line saying it is for reference only (never {@code Table 表}, so the rule compiler
 * ignores it), a header row and text rows.
 */
public final class WorkbookBuilder {

    /** Row index (0-based) of the first rule row, and the last row validations cover (row 200). */
    static final int FIRST_RULE_ROW = 5;
    static final int LAST_VALIDATED_ROW = 199;

    private static final String MODEL_PACKAGE = "io.autoclaims.model.";
    private static final String LISTS_SHEET = "Lists 列表";
    /** Timestamp written into the package properties and zip entries, so output is reproducible. */
    private static final LocalDate FIXED_DAY = LocalDate.of(2026, 1, 1);
    private static final Date FIXED_TIME = Date.from(FIXED_DAY.atStartOfDay().toInstant(ZoneOffset.UTC));
    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final List<String> CLAIM_TYPES = List.of("WARRANTY", "INSURANCE", "ASSISTANCE");
    /** Marks a table sheet in A2; a reference sheet must not read so. */
    private static final String TABLE_MARK = "Table 表";

    private String name;
    private String version;
    private LocalDate effective;
    private String owner;
    private final List<Object[]> changeLog = new ArrayList<>();
    private final List<TableBuilder> tables = new ArrayList<>();
    /** Table and reference sheets in the order they were added. */
    private final List<Object> sheets = new ArrayList<>();

    private WorkbookBuilder() {
    }

    public static WorkbookBuilder create() {
        return new WorkbookBuilder();
    }

    /** The {@code About 说明} sheet: rulebook name, version, effective date, owner. */
    public WorkbookBuilder about(String name, String version, LocalDate effective, String owner) {
        this.name = Objects.requireNonNull(name, "name");
        this.version = Objects.requireNonNull(version, "version");
        this.effective = effective;
        this.owner = owner;
        return this;
    }

    /** One line of the change log table on the About sheet. */
    public WorkbookBuilder changeLog(String version, LocalDate date, String author, String change) {
        changeLog.add(new Object[] {version, date, author, change});
        return this;
    }

    /** A new table sheet; sheets appear in the order they are added, after the About sheet. */
    public TableBuilder table(String sheetName, String key) {
        Objects.requireNonNull(sheetName, "sheetName");
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("table key must be letters, digits and _: " + key);
        }
        for (TableBuilder t : tables) {
            if (t.sheetName.equals(sheetName) || t.key.equals(key)) {
                throw new IllegalArgumentException("duplicate table " + sheetName + " / " + key);
            }
        }
        checkNewSheetName(sheetName);
        TableBuilder t = new TableBuilder(sheetName, key);
        tables.add(t);
        sheets.add(t);
        return t;
    }

    /**
     * A new plain reference sheet (not a decision table; the rule compiler ignores it), in the order
     * it is added among the table sheets.
     */
    public ReferenceBuilder reference(String sheetName) {
        Objects.requireNonNull(sheetName, "sheetName");
        for (TableBuilder t : tables) {
            if (t.sheetName.equals(sheetName)) {
                throw new IllegalArgumentException("duplicate sheet " + sheetName);
            }
        }
        checkNewSheetName(sheetName);
        ReferenceBuilder r = new ReferenceBuilder(sheetName);
        sheets.add(r);
        return r;
    }

    private void checkNewSheetName(String sheetName) {
        for (Object o : sheets) {
            if (o instanceof ReferenceBuilder r && r.sheetName.equals(sheetName)) {
                throw new IllegalArgumentException("duplicate sheet " + sheetName);
            }
        }
        if (sheetName.equals("About 说明") || sheetName.equals(LISTS_SHEET)) {
            throw new IllegalArgumentException("reserved sheet name " + sheetName);
        }
    }

    /** A plain sheet for readers: title (A1), a note (A2), a header row (row 4) and text rows from row 5. */
    public static final class ReferenceBuilder {
        private final String sheetName;
        private String title;
        private String note = "Reference only, not a rule table: the rule compiler ignores this sheet. "
                + "仅供参考，不是规则表：规则编译器不读取本页。";
        private final List<String> headers = new ArrayList<>();
        private final List<Integer> widths = new ArrayList<>();
        private final List<Object[]> rows = new ArrayList<>();

        private ReferenceBuilder(String sheetName) {
            this.sheetName = sheetName;
        }

        public ReferenceBuilder title(String title) {
            this.title = title;
            return this;
        }

        /** The line in A2; it must not read {@code Table 表}, which would make the sheet a table. */
        public ReferenceBuilder note(String note) {
            if (note != null && note.strip().equalsIgnoreCase(TABLE_MARK)) {
                throw new IllegalArgumentException("a reference sheet's A2 must not read \"" + TABLE_MARK + "\"");
            }
            this.note = note;
            return this;
        }

        /** A column: its bilingual header and width in characters. */
        public ReferenceBuilder column(String header, int width) {
            if (!rows.isEmpty()) {
                throw new IllegalStateException("declare all columns before the first row");
            }
            headers.add(Objects.requireNonNull(header, "header"));
            widths.add(width);
            return this;
        }

        /** One row, one value per column (the same value kinds as a table row). */
        public ReferenceBuilder row(Object... cells) {
            if (cells.length != headers.size()) {
                throw new IllegalArgumentException(sheetName + ": row has " + cells.length + " cells, sheet has "
                        + headers.size() + " columns: " + Arrays.toString(cells));
            }
            TableBuilder.checkCells(sheetName, cells);
            rows.add(cells.clone());
            return this;
        }
    }

    /** One decision table (one sheet). */
    public static final class TableBuilder {
        private final String sheetName;
        private final String key;
        private String title;
        private String hit = "FIRST";
        private String per = "CLAIM";
        private String claimType = "WARRANTY";
        private int step = 10;
        private String gate;
        private final List<Column> columns = new ArrayList<>();
        private final List<Object[]> rows = new ArrayList<>();

        private TableBuilder(String sheetName, String key) {
            this.sheetName = sheetName;
            this.key = key;
        }

        public TableBuilder title(String title) {
            this.title = title;
            return this;
        }

        public TableBuilder hit(String hit) {
            this.hit = oneOf(hit, "FIRST", "UNIQUE", "COLLECT");
            return this;
        }

        public TableBuilder per(String per) {
            this.per = oneOf(per, "CLAIM", "LINE");
            return this;
        }

        /**
         * One or more of {@code WARRANTY}, {@code INSURANCE}, {@code ASSISTANCE}, comma-separated
         * ({@code "WARRANTY, ASSISTANCE"}); written into the cell as given.
         */
        public TableBuilder claimType(String claimType) {
            Objects.requireNonNull(claimType, "claimType");
            List<String> seen = new ArrayList<>();
            for (String item : claimType.split(",", -1)) {
                String type = oneOf(item.strip(), CLAIM_TYPES.toArray(String[]::new));
                if (seen.contains(type)) {
                    throw new IllegalArgumentException("claim type " + type + " named twice: " + claimType);
                }
                seen.add(type);
            }
            this.claimType = claimType;
            return this;
        }

        public TableBuilder step(int step) {
            this.step = step;
            return this;
        }

        /** The boolean claim fact that gates this table, or null for none. */
        public TableBuilder gate(String fact) {
            this.gate = fact == null || fact.isBlank() ? null : fact;
            return this;
        }

        /** A column: binding (row 3), declared type (row 4), bilingual header (row 5). */
        public TableBuilder column(String binding, String type, String header) {
            if (!rows.isEmpty()) {
                throw new IllegalStateException("declare all columns before the first row");
            }
            columns.add(new Column(Objects.requireNonNull(binding, "binding"),
                    Objects.requireNonNull(type, "type"), Objects.requireNonNull(header, "header")));
            return this;
        }

        /**
         * One rule row, one value per column: {@code String} text, {@code Integer}/{@code Long}/
         * {@code BigInteger}/{@code BigDecimal} number, {@code Boolean}, {@code LocalDate}, null blank.
         */
        public TableBuilder row(Object... cells) {
            if (cells.length != columns.size()) {
                throw new IllegalArgumentException(key + ": row has " + cells.length + " cells, table has "
                        + columns.size() + " columns: " + Arrays.toString(cells));
            }
            checkCells(key, cells);
            rows.add(cells.clone());
            return this;
        }

        private static void checkCells(String where, Object[] cells) {
            for (Object c : cells) {
                if (c != null && !(c instanceof String || c instanceof Integer || c instanceof Long
                        || c instanceof BigInteger || c instanceof BigDecimal || c instanceof Boolean
                        || c instanceof LocalDate)) {
                    throw new IllegalArgumentException(where + ": unsupported cell value " + c.getClass());
                }
            }
        }

        private static String oneOf(String value, String... allowed) {
            if (!Arrays.asList(allowed).contains(value)) {
                throw new IllegalArgumentException(value + " is not one of " + Arrays.toString(allowed));
            }
            return value;
        }
    }

    private record Column(String binding, String type, String header) {
        boolean isText() {
            return type.equals("text");
        }
    }

    /** The workbook as .xlsx bytes. */
    public byte[] toBytes() {
        if (name == null) {
            throw new IllegalStateException("about(...) is required: the About sheet needs a name and a version");
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(wb);
            Lists lists = new Lists(wb);
            writeAbout(wb, styles);
            for (Object sheet : sheets) {
                if (sheet instanceof TableBuilder t) {
                    writeTable(wb, t, styles, lists);
                } else {
                    writeReference(wb, (ReferenceBuilder) sheet, styles);
                }
            }
            lists.finish();
            var core = wb.getProperties().getCoreProperties();
            core.setCreator("autoclaims");
            core.setTitle(name + " " + version);
            core.setCreated(Optional.of(FIXED_TIME));
            core.setModified(Optional.of(FIXED_TIME));
            wb.setActiveSheet(0);
            wb.write(out);
            return Reproducible.normalize(out.toByteArray(), FIXED_DAY.atStartOfDay());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void writeTo(Path path) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(path, toBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // About sheet

    private void writeAbout(XSSFWorkbook wb, Styles s) {
        Sheet sheet = wb.createSheet("About 说明");
        sheet.setColumnWidth(0, 24 * 256);
        sheet.setColumnWidth(1, 40 * 256);
        sheet.setColumnWidth(2, 24 * 256);
        sheet.setColumnWidth(3, 60 * 256);
        int r = 0;
        labelValue(sheet, r++, "Rulebook 规则集", name, s);
        labelValue(sheet, r++, "Version 版本", version, s);
        labelValue(sheet, r++, "Effective 生效日期", effective, s);
        labelValue(sheet, r++, "Owner 负责人", owner, s);
        r++;
        text(sheet.createRow(r++), 0, "Change log 变更记录", s.title);
        Row head = sheet.createRow(r++);
        String[] heads = {"Version", "Date", "Author", "Change"};
        for (int c = 0; c < heads.length; c++) {
            text(head, c, heads[c], s.header);
        }
        for (Object[] line : changeLog) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < line.length; c++) {
                value(row, c, line[c], null, s);
            }
        }
    }

    private static void labelValue(Sheet sheet, int r, String label, Object value, Styles s) {
        Row row = sheet.createRow(r);
        text(row, 0, label, s.label);
        if (value instanceof String str) {
            text(row, 1, str, s.valueBold);
        } else {
            value(row, 1, value, null, s);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Table sheets

    private static void writeTable(XSSFWorkbook wb, TableBuilder t, Styles s, Lists lists) {
        XSSFSheet sheet = wb.createSheet(t.sheetName);
        Drawing<?> drawing = sheet.createDrawingPatriarch();
        List<Column> cols = t.columns;

        // row 1: title
        Row title = sheet.createRow(0);
        title.setHeightInPoints(24);
        text(title, 0, t.title != null ? t.title : t.sheetName, s.title);

        // row 2: properties
        Row props = sheet.createRow(1);
        text(props, 0, "Table 表", s.label);
        text(props, 1, t.key, s.valueBold);
        text(props, 2, "Hit 命中", s.label);
        text(props, 3, t.hit, s.valueBold);
        text(props, 4, "Per 每", s.label);
        text(props, 5, t.per, s.valueBold);
        text(props, 6, "Claim type 索赔类型", s.label);
        text(props, 7, t.claimType, s.valueBold);
        text(props, 8, "Step 步骤", s.label);
        Cell step = props.createCell(9);
        step.setCellValue(t.step);
        step.setCellStyle(s.valueBoldNumber);
        text(props, 10, "Gate 生效条件", s.label);
        if (t.gate != null) {
            text(props, 11, t.gate, s.valueBold);
        } else {
            props.createCell(11).setCellStyle(s.valueBold);
        }

        // rows 3-5: bindings, types, headers
        Row bindings = sheet.createRow(2);
        Row types = sheet.createRow(3);
        Row headers = sheet.createRow(4);
        headers.setHeightInPoints(32);
        for (int c = 0; c < cols.size(); c++) {
            Column col = cols.get(c);
            Cell b = text(bindings, c, col.binding(), s.meta);
            comment(drawing, b, ColumnDocs.describe(col.binding(), col.type()), 5, 7);
            text(types, c, col.type(), s.meta);
            Cell h = text(headers, c, col.header(), s.header);
            List<EnumValue> values = enumValues(col.type());
            if (col.type().startsWith("enum set ")) {
                StringBuilder sb = new StringBuilder("Allowed values 可选值 (one or more, separated by , ; 、 "
                        + "or line breaks 可填多个，用逗号、分号、顿号或换行分隔; blank = any 空白表示任意):");
                for (EnumValue v : values) {
                    sb.append('\n').append(v.name()).append(v.zh().isEmpty() ? "" : "  " + v.zh());
                }
                comment(drawing, h, sb.toString(), 4, values.size() + 4);
            }
            sheet.setColumnWidth(c, width(col) * 256);
        }
        // the property labels of row 2 need room even when the table has few columns
        for (int c = cols.size(); c < 12; c++) {
            sheet.setColumnWidth(c, 16 * 256);
        }

        // rule rows
        int r = FIRST_RULE_ROW;
        for (Object[] cells : t.rows) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < cells.length; c++) {
                value(row, c, cells[c], cols.get(c), s);
            }
        }

        // validations over the rule rows
        XSSFDataValidationHelper helper = new XSSFDataValidationHelper(sheet);
        for (int c = 0; c < cols.size(); c++) {
            Column col = cols.get(c);
            DataValidationConstraint constraint = null;
            String error = null;
            if (col.type().equals("boolean")) {
                constraint = helper.createExplicitListConstraint(new String[] {"TRUE", "FALSE"});
                error = "Choose TRUE or FALSE, or leave blank 请选择 TRUE 或 FALSE，或留空";
            } else if (col.type().startsWith("enum ") && !col.type().startsWith("enum set ")) {
                String[] names = enumValues(col.type()).stream().map(EnumValue::name).toArray(String[]::new);
                constraint = String.join(",", names).length() <= 250
                        ? helper.createExplicitListConstraint(names)
                        : helper.createFormulaListConstraint(lists.range(col.type(), names));
                error = "Choose one of the listed values, or leave blank 请从下拉列表中选择，或留空";
            } else if (col.binding().startsWith("THEN ") && col.type().equals("integer")) {
                constraint = helper.createIntegerConstraint(OperatorType.GREATER_OR_EQUAL, "0", null);
                error = "Enter a whole number (0 or more), or leave blank 请输入不小于 0 的整数，或留空";
            } else if (col.binding().startsWith("THEN ") && col.type().equals("rate")) {
                constraint = helper.createDecimalConstraint(OperatorType.BETWEEN, "0", "1");
                error = "Enter a rate between 0 and 1 (e.g. 0.005 = 0.5%), or leave blank "
                        + "请输入 0 到 1 之间的系数（如 0.005 即 0.5%），或留空";
            } else if (col.binding().startsWith("THEN ") && col.type().equals("money")) {
                constraint = helper.createDecimalConstraint(OperatorType.GREATER_OR_EQUAL, "0", null);
                error = "Enter an amount in CNY (0 or more), or leave blank 请输入金额（元，不小于 0），或留空";
            } else if (col.binding().startsWith("THEN ") && col.type().equals("decimal")) {
                constraint = helper.createDecimalConstraint(OperatorType.GREATER_OR_EQUAL, "0", null);
                error = "Enter a number (0 or more), or leave blank 请输入不小于 0 的数值，或留空";
            }
            if (constraint != null) {
                DataValidation dv = helper.createValidation(constraint,
                        new CellRangeAddressList(FIRST_RULE_ROW, LAST_VALIDATED_ROW, c, c));
                dv.setEmptyCellAllowed(true);
                dv.setShowErrorBox(true);
                dv.setErrorStyle(DataValidation.ErrorStyle.STOP);
                dv.createErrorBox("Invalid value 值无效", error);
                if (constraint.getValidationType() == DataValidationConstraint.ValidationType.LIST) {
                    dv.setSuppressDropDownArrow(true); // XSSF: true shows the in-cell drop-down arrow
                }
                sheet.addValidationData(dv);
            }
        }

        sheet.createFreezePane(0, FIRST_RULE_ROW);
    }

    // ---------------------------------------------------------------------------------------------
    // Reference sheets

    private static void writeReference(XSSFWorkbook wb, ReferenceBuilder ref, Styles s) {
        Sheet sheet = wb.createSheet(ref.sheetName);
        Row title = sheet.createRow(0);
        title.setHeightInPoints(24);
        text(title, 0, ref.title != null ? ref.title : ref.sheetName, s.title);
        if (ref.note != null && !ref.note.isEmpty()) {
            text(sheet.createRow(1), 0, ref.note, s.note);
        }
        Row head = sheet.createRow(3);
        head.setHeightInPoints(32);
        for (int c = 0; c < ref.headers.size(); c++) {
            text(head, c, ref.headers.get(c), s.header);
            sheet.setColumnWidth(c, ref.widths.get(c) * 256);
        }
        int r = 4;
        for (Object[] cells : ref.rows) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < cells.length; c++) {
                value(row, c, cells[c], null, s);
            }
        }
        sheet.createFreezePane(0, 4);
    }

    private static int width(Column col) {
        String b = col.binding();
        int w;
        if (b.equals("ID")) {
            w = 10;
        } else if (b.startsWith("TEXT")) {
            w = 50;
        } else if (b.equals("NOTE")) {
            w = 44;
        } else if (b.equals("CODE")) {
            w = 26;
        } else if (col.type().startsWith("enum set") || col.type().equals("code set")) {
            w = 30;
        } else if (col.type().equals("text")) {
            w = 30;
        } else {
            w = 16;
        }
        // rows 3-4 use a small font: about 0.8 of a character width per character
        int meta = (int) Math.ceil(Math.max(b.length(), col.type().length()) * 0.8) + 1;
        return Math.max(w, meta);
    }

    // ---------------------------------------------------------------------------------------------
    // cells

    private static Cell text(Row row, int c, String value, CellStyle style) {
        Cell cell = row.createCell(c);
        cell.setCellValue(value);
        cell.setCellStyle(style);
        return cell;
    }

    private static void value(Row row, int c, Object v, Column col, Styles s) {
        if (v == null || (v instanceof String str && str.isEmpty())) {
            return; // blank: "any" in a condition, "unchanged" in an output
        }
        Cell cell = row.createCell(c);
        String type = col == null ? "" : col.type();
        if (v instanceof String str) {
            cell.setCellValue(str);
            cell.setCellStyle(col != null && col.binding().equals("ID") ? s.id : s.text);
        } else if (v instanceof Boolean bool) {
            cell.setCellValue(bool);
            cell.setCellStyle(s.bool);
        } else if (v instanceof LocalDate date) {
            cell.setCellValue(date);
            cell.setCellStyle(s.date);
        } else if (v instanceof BigDecimal dec) {
            cell.setCellValue(dec.doubleValue());
            cell.setCellStyle(type.equals("rate") ? s.rate
                    : type.startsWith("integer") ? s.integer
                    : type.startsWith("decimal") ? s.decimal : s.money);
        } else {
            long n = ((Number) v).longValue();
            if (v instanceof BigInteger big && !BigInteger.valueOf(n).equals(big)) {
                throw new IllegalArgumentException("number too large: " + big);
            }
            cell.setCellValue(n);
            // a whole number in a money column still shows as an amount (0.00), so 0 is visibly a price
            cell.setCellStyle(type.equals("rate") ? s.rate
                    : type.startsWith("money") ? s.money
                    : type.startsWith("decimal") ? s.decimal : s.integer);
        }
    }

    private static void comment(Drawing<?> drawing, Cell cell, String text, int cols, int rows) {
        var helper = cell.getSheet().getWorkbook().getCreationHelper();
        ClientAnchor anchor = helper.createClientAnchor();
        anchor.setCol1(cell.getColumnIndex() + 1);
        anchor.setCol2(cell.getColumnIndex() + 1 + cols);
        anchor.setRow1(cell.getRowIndex());
        anchor.setRow2(cell.getRowIndex() + rows);
        Comment comment = drawing.createCellComment(anchor);
        comment.setString(helper.createRichTextString(text));
        comment.setAuthor("autoclaims");
        cell.setCellComment(comment);
    }

    // ---------------------------------------------------------------------------------------------
    // enumerations

    record EnumValue(String name, String zh) {
    }

    /** {@code THEN claim.compute}: the formulas of docs/workbook-format.md, in its order. */
    static final List<EnumValue> FORMULAS = List.of(
            new EnumValue("LINES_SUM", "损失 = 各核定项目金额之和"),
            new EnumValue("MIN_ASSESSED", "损失取其与定损金额的较低者"),
            new EnumValue("MIN_INVOICED", "损失取其与维修发票金额的较低者"),
            new EnumValue("CAP_SUM_INSURED", "损失以保险金额为限"),
            new EnumValue("DEDUCTIBLE", "扣除第三方已赔付和绝对免赔后的赔款"),
            new EnumValue("PLUS_RESCUE", "加施救费，以保险金额为限"));

    /** {@code THEN charge.basis}: how an assistance charge is priced. */
    static final List<EnumValue> CHARGE_BASES = List.of(
            new EnumValue("TARIFF", "按救援价目"),
            new EnumValue("HIGHWAY_TOLL", "高速通行费（实报实销）"));

    /** The constants of the enum named in a type ({@code enum X}, {@code enum set X}); empty otherwise. */
    static List<EnumValue> enumValues(String type) {
        String simple;
        if (type.startsWith("enum set ")) {
            simple = type.substring("enum set ".length()).trim();
        } else if (type.startsWith("enum ")) {
            simple = type.substring("enum ".length()).trim();
        } else {
            return List.of();
        }
        if (simple.equals("Effect")) {
            return List.of(new EnumValue("DENY", "拒赔"), new EnumValue("REFER", "转人工审核"),
                    new EnumValue("INFO", "提示"));
        }
        // The rule engine's own vocabularies (io.autoclaims.rules.internal), written out here so the
        // drop-downs, and so the generated workbooks, do not depend on the engine's internals.
        // WorkbookBuilderTest checks them against the engine's enums.
        if (simple.equals("Formula")) {
            return FORMULAS;
        }
        if (simple.equals("ChargeBasis")) {
            return CHARGE_BASES;
        }
        Class<?> cls;
        try {
            cls = Class.forName(MODEL_PACKAGE + simple);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("unknown enumeration in type '" + type + "'", e);
        }
        if (!cls.isEnum()) {
            throw new IllegalArgumentException(cls.getName() + " is not an enumeration");
        }
        List<EnumValue> out = new ArrayList<>();
        for (Object o : cls.getEnumConstants()) {
            out.add(new EnumValue(((Enum<?>) o).name(), o instanceof Labelled l ? l.zh() : ""));
        }
        return out;
    }

    /** A hidden sheet holding drop-down lists too long for an inline list (255 characters). */
    private static final class Lists {
        private final XSSFWorkbook wb;
        private final Map<String, String> ranges = new LinkedHashMap<>();
        private Sheet sheet;

        Lists(XSSFWorkbook wb) {
            this.wb = wb;
        }

        String range(String type, String[] names) {
            return ranges.computeIfAbsent(type, k -> {
                if (sheet == null) {
                    sheet = wb.createSheet(LISTS_SHEET);
                }
                int c = ranges.size();
                for (int r = 0; r < names.length; r++) {
                    Row row = sheet.getRow(r) != null ? sheet.getRow(r) : sheet.createRow(r);
                    row.createCell(c).setCellValue(names[r]);
                }
                String col = org.apache.poi.ss.util.CellReference.convertNumToColString(c);
                return "'" + LISTS_SHEET + "'!$" + col + "$1:$" + col + "$" + names.length;
            });
        }

        void finish() {
            if (sheet != null) {
                wb.setSheetOrder(LISTS_SHEET, wb.getNumberOfSheets() - 1);
                wb.setSheetVisibility(wb.getSheetIndex(LISTS_SHEET), SheetVisibility.HIDDEN);
            }
        }
    }

    /** Rewrites the zip container with fixed entry times, so the same workbook gives the same bytes. */
    private static final class Reproducible {
        static byte[] normalize(byte[] xlsx, LocalDateTime time) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream(xlsx.length);
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
                    ZipOutputStream zip = new ZipOutputStream(out)) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    ZipEntry copy = new ZipEntry(e.getName());
                    copy.setTimeLocal(time);
                    zip.putNextEntry(copy);
                    in.transferTo(zip);
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // styles

    private static final class Styles {
        final CellStyle title;
        final CellStyle label;
        final CellStyle valueBold;
        final CellStyle valueBoldNumber;
        final CellStyle meta;
        final CellStyle header;
        final CellStyle id;
        final CellStyle text;
        final CellStyle bool;
        final CellStyle date;
        final CellStyle integer;
        final CellStyle rate;
        final CellStyle money;
        final CellStyle decimal;
        final CellStyle note;

        Styles(XSSFWorkbook wb) {
            Font titleFont = wb.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 14);
            Font bold = wb.createFont();
            bold.setBold(true);
            Font small = wb.createFont();
            small.setFontHeightInPoints((short) 8);
            small.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
            Font labelFont = wb.createFont();
            labelFont.setColor(IndexedColors.GREY_50_PERCENT.getIndex());

            title = wb.createCellStyle();
            title.setFont(titleFont);

            label = wb.createCellStyle();
            label.setFont(labelFont);
            label.setAlignment(HorizontalAlignment.RIGHT);

            valueBold = wb.createCellStyle();
            valueBold.setFont(bold);
            valueBold.setAlignment(HorizontalAlignment.LEFT);
            valueBoldNumber = wb.createCellStyle();
            valueBoldNumber.cloneStyleFrom(valueBold);
            valueBoldNumber.setDataFormat(wb.createDataFormat().getFormat("0"));

            meta = wb.createCellStyle();
            meta.setFont(small);
            meta.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            meta.setFillPattern(FillPatternType.SOLID_FOREGROUND);

            header = wb.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            header.setFillForegroundColor(IndexedColors.LIGHT_TURQUOISE.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.MEDIUM);

            text = wb.createCellStyle();
            text.setWrapText(true);
            text.setVerticalAlignment(VerticalAlignment.TOP);

            id = wb.createCellStyle();
            id.cloneStyleFrom(text);
            id.setFont(bold);

            bool = wb.createCellStyle();
            bool.setAlignment(HorizontalAlignment.CENTER);
            bool.setVerticalAlignment(VerticalAlignment.TOP);

            var format = wb.createDataFormat();
            date = wb.createCellStyle();
            date.setVerticalAlignment(VerticalAlignment.TOP);
            date.setAlignment(HorizontalAlignment.LEFT);
            date.setDataFormat(format.getFormat("yyyy-mm-dd"));

            integer = wb.createCellStyle();
            integer.setVerticalAlignment(VerticalAlignment.TOP);
            integer.setDataFormat(format.getFormat("#,##0"));

            rate = wb.createCellStyle();
            rate.setVerticalAlignment(VerticalAlignment.TOP);
            rate.setDataFormat(format.getFormat("0.0##%"));

            money = wb.createCellStyle();
            money.setVerticalAlignment(VerticalAlignment.TOP);
            money.setDataFormat(format.getFormat("#,##0.00"));

            decimal = wb.createCellStyle();
            decimal.setVerticalAlignment(VerticalAlignment.TOP);
            decimal.setDataFormat(format.getFormat("General"));

            note = wb.createCellStyle();
            note.setFont(labelFont);
            note.setAlignment(HorizontalAlignment.LEFT);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // column documentation (the row-3 comments)

    /** What each binding reads or sets, bilingual, with units: the comment on the row-3 cell. */
    static final class ColumnDocs {
        private record Fact(String en, String zh) {
        }

        private static final Map<String, Fact> FACTS = new LinkedHashMap<>();

        private static void fact(String name, String en, String zh) {
            FACTS.put(name, new Fact(en, zh));
        }

        static {
            fact("claim.type", "claim type (claim.type)", "索赔类型");
            fact("shop.authorized", "the repair shop is an authorized repairer (repairShop.authorized)",
                    "维修站是否为厂家授权的修理者");
            fact("shop.tier", "kind of repair shop (repairShop.tier)", "维修站类型");
            fact("vehicle.use", "use of the vehicle, PRIVATE or COMMERCIAL (vehicle.use)", "车辆用途：家用或营运");
            fact("vehicle.warrantyRegistered", "the warranty is registered (vehicle.warrantyRegistered)",
                    "车辆是否已登记保修");
            fact("vehicle.inspectionValid", "the vehicle's inspection is valid (vehicle.inspectionValid)",
                    "车辆年检是否有效");
            fact("vehicle.priceKnown", "the purchase price is given (vehicle.priceCny)", "是否已提供购车价格");
            fact("vehicle.odometerKm", "odometer reading, km (vehicle.odometerKm)", "行驶里程，公里");
            fact("period.start", "start of the warranty period: deliveredOn, else purchasedOn; date yyyy-MM-dd",
                    "三包/包修期起算日：交车日，无则购车日；日期 yyyy-MM-dd");
            fact("period.daysSinceStart", "days from the period start to incident.occurredOn, days",
                    "起算日至故障发生日的天数，天");
            fact("period.monthsSinceStart",
                    "months from the period start to incident.occurredOn (\"within N months\"), months",
                    "起算日至故障发生日的月数（“N 个月内”），月");
            fact("incident.cause", "cause of the incident (incident.cause)", "事故/故障原因");
            fact("incident.faults", "serious safety failures observed (incident.faults), several values",
                    "出现的严重安全性能故障（可多项）");
            fact("regime", "the 三包 regime: R2013 or R2021", "适用的三包规定：R2013 或 R2021");
            fact("regime.sanbaoMonths", "三包 period (三包有效期), months; also the window for counting history",
                    "三包有效期，月；也是统计维修历史的期间");
            fact("regime.sanbaoKm", "三包 period (三包有效期), km", "三包有效期，公里");
            fact("regime.minTermMonths", "legal minimum whole-vehicle warranty term, months (checked against Terms)",
                    "法定最低整车包修期，月（校验保修期限表）");
            fact("regime.minTermKm", "legal minimum whole-vehicle warranty term, km", "法定最低整车包修期，公里");
            fact("regime.termFloorExempt", "systems with their own terms by law, exempt from the minimum term",
                    "法律另有期限、不受最低包修期限制的系统");
            fact("regime.usageRate", "usage compensation rate n for replacement or refund (0.005 = 0.5%)",
                    "换车或退车的使用补偿系数 n（0.005 即 0.5%）");
            fact("regime.maxUsageRate", "legal maximum of the usage compensation rate n",
                    "法定使用补偿系数上限");
            fact("regime.lawRepairDays", "the law: total repair days over which 三包 replacement or refund is due",
                    "法律规定：累计修理超过该天数应予换车或退车");
            fact("regime.lawSameProblemRepairs", "the law: repairs of one problem over which replacement is due",
                    "法律规定：同一问题修理超过该次数应予换车或退车");
            fact("regime.lawRepeatCount", "the law: serious safety repairs or replacements that make it due",
                    "法律规定：严重安全故障修理或更换达到该次数应予换车或退车");
            fact("sanbao.withinPeriod", "the incident is within the 三包 period (months and km)",
                    "是否在三包有效期内（月数和里程）");
            fact("history.seriousSafetyRepairs", "counted prior repairs of serious safety failures, times",
                    "三包有效期内严重安全性能故障的修理次数，次");
            fact("history.repairDays", "total repair days of counted prior repairs, days",
                    "三包有效期内累计修理时间，天");
            fact("lines.coveredCount", "number of lines covered so far", "已确定保修的项目数");
            fact("sanbao.hits", "number of 三包 rows (gated tables) that fired", "三包规则（受控表）命中次数");
            fact("sanbao.allowed", "三包 remedies apply to this claim (gate of the 三包 tables)",
                    "本索赔是否适用三包（三包表的生效条件）");
            fact("claim.remedy", "strongest remedy so far", "目前最强的处理方式");
            fact("claim.vehicleRemedy", "vehicle-level remedy (REPLACE_OR_REFUND, REPLACE_ASSEMBLY); the strongest wins",
                    "整车处理方式（换车或退车、更换总成）；取最强者");
            fact("claim.usageRate", "usage rate n for this claim, overrides regime.usageRate; the lowest wins",
                    "本索赔的使用补偿系数，优先于 regime.usageRate；取最低者");
            fact("documents.required", "documents the row requires; only missing ones are reported",
                    "本行要求的单证；只报告缺少的单证");
            fact("line.system", "vehicle system of the line (lines[].system)", "项目所属系统");
            fact("line.cause", "cause of the line: its own cause, else incident.cause", "项目原因：项目自身原因，无则取事故原因");
            fact("line.mainPart", "the line's part is a main part (lines[].mainPart)", "是否为主要零件");
            fact("line.repairable", "the part can be repaired (lines[].repairable)", "零件是否可修复");
            fact("line.priorRepairAtUnauthorizedShop",
                    "the part was worked on outside the authorized network (lines[].priorRepairAtUnauthorizedShop)",
                    "该零件曾在授权网络外维修");
            fact("line.repairCostCny", "repair quote, CNY", "维修费，元");
            fact("line.replaceCostCny", "replacement quote, CNY", "更换费，元");
            fact("line.termMonths", "warranty term that applies to the line, months", "适用于该项目的保修期，月");
            fact("line.termKm", "warranty term that applies to the line, km", "适用于该项目的保修里程，公里");
            fact("line.monthsOverTerm", "months since start minus the term (> 0: expired by time), months",
                    "已用月数减保修期（> 0 即超期），月");
            fact("line.kmOverTerm", "odometer minus the term (> 0: expired by distance), km",
                    "行驶里程减保修里程（> 0 即超里程），公里");
            fact("line.covered", "the line is covered by the warranty", "该项目是否保修");
            fact("line.remedy", "remedy of the line: REPAIR pays repairCostCny, REPLACE_PART pays replaceCostCny",
                    "项目处理方式：维修付维修费，更换付更换费");
            fact("line.sameProblemRepairs", "counted prior repairs of the line's problem, times",
                    "同一质量问题的修理次数，次");
            fact("line.sameProblemSeriousRepairs", "of those, repairs of serious safety failures, times",
                    "其中严重安全性能故障的修理次数，次");
            fact("line.systemAssemblyReplacements", "counted assembly replacements in the line's system, times",
                    "该系统总成的更换次数，次");
            fact("line.samePartMainReplacements", "counted replacements of the same main part, times",
                    "同一主要零部件的更换次数，次");

            // insurance and assistance (claim facts)
            fact("claim.causes", "incident.cause and every line's own cause, several values",
                    "事故原因及各项目自身原因（可多项）");
            fact("claim.payee", "who receives the payment (payee)", "赔款领取人");
            fact("incident.occurredOn", "day of the incident; date yyyy-MM-dd", "出险日；日期 yyyy-MM-dd");
            fact("incident.handledBy", "who handled the accident (incident.handledBy)", "事故处理方式");
            fact("incident.monthsToSubmit",
                    "months from occurredOn to submittedOn (> 24 = later than 2 years), months",
                    "出险日至提出索赔的月数（> 24 即超过两年），月");
            fact("incident.reportTimesKnown", "both occurredAt and reportedAt are given",
                    "是否提供了出险时间和报案时间");
            fact("incident.hoursToReport", "reportedAt − occurredAt, hours (blank unless both are given)",
                    "出险至报案的小时数，小时（两个时间都提供时才有值）");
            fact("incident.daysToReport", "reportedOn − occurredOn, days", "出险日至报案日的天数，天");
            fact("incident.rescueCostCny", "rescue costs claimed (施救费), CNY", "施救费，元");
            fact("incident.thirdPartyRecoveryCny", "amount already recovered from a third party, CNY",
                    "第三方已赔付金额，元");
            fact("driver.licensed", "the driver held a valid licence (driver.licensed)", "驾驶人是否持有有效驾驶证");
            fact("driver.permittedByInsured", "the insured permitted the driver to drive (driver.permittedByInsured)",
                    "驾驶人是否经被保险人允许");
            fact("driver.leftScene", "the driver left the scene (driver.leftScene)", "驾驶人是否逃离事故现场");
            fact("driver.bacMgPer100ml", "driver's blood alcohol, mg/100 ml", "驾驶人血液酒精含量，毫克/100毫升");
            fact("policy.given", "the claim has a policy", "是否提供保单");
            fact("policy.inForce", "the policy is in force on occurredOn (startsOn <= occurredOn <= endsOn)",
                    "出险日是否在保险期间内");
            fact("policy.daysSinceStart", "occurredOn − policy.startsOn, days (negative before the start)",
                    "起保日至出险日的天数，天（起保前为负数）");
            fact("policy.coverages", "covers purchased (policy.coverages), several values; empty without a policy",
                    "投保的主险（可多项）；无保单时为空");
            fact("policy.addOns", "add-ons purchased (policy.addOns), several values; empty without a policy",
                    "投保的附加险（可多项）；无保单时为空");
            fact("policy.hasDeductible", "absoluteDeductibleRate or absoluteDeductibleCny is not zero",
                    "是否约定绝对免赔率或绝对免赔额");
            fact("policy.startsOn", "first day of the policy; date yyyy-MM-dd", "保险期间起始日；日期 yyyy-MM-dd");
            fact("policy.endsOn", "last day of the policy; date yyyy-MM-dd", "保险期间终止日；日期 yyyy-MM-dd");
            fact("policy.absoluteDeductibleRate", "absolute deductible rate (0.05 = 5%)", "绝对免赔率（0.05 即 5%）");
            fact("policy.absoluteDeductibleCny", "absolute deductible per event, CNY", "每次事故绝对免赔额，元");
            fact("policy.sumInsuredCny", "sum insured (保险金额), CNY", "保险金额，元");
            fact("assessment.given", "the claim has a loss assessment", "是否有定损");
            fact("assessment.amountKnown", "the assessment gives amountCny", "定损是否给出金额");
            fact("assessment.invoiceKnown", "the assessment gives invoicedCny", "是否提供实际维修发票金额");
            fact("assessment.atOtherShop", "repaired at a shop other than the one that assessed (shopId differs)",
                    "是否在定损以外的维修厂修理");
            fact("assessment.amountCny", "assessed amount, CNY", "定损金额，元");
            fact("assessment.invoicedCny", "repair invoice amount, CNY", "维修发票金额，元");
            fact("claim.compute", "a formula applied when the row fires (see the Formulas sheet)",
                    "本行命中时执行的计算公式（见公式页）");
            fact("claim.lossCny", "the loss as the formulas so far made it, CNY", "目前核定的损失，元");
            fact("claim.lossAtSumInsured", "claim.lossCny >= policy.sumInsuredCny", "损失是否达到保险金额");
            fact("claim.deductibleCny", "what the DEDUCTIBLE formula took off, CNY", "免赔扣除的金额，元");
            fact("claim.rescuePaidCny", "rescue costs the PLUS_RESCUE formula added, CNY", "赔付的施救费，元");
            fact("claim.payableCny", "the payable as the formulas so far made it (rescue included), CNY",
                    "目前计算的赔款（含施救费），元");
            fact("assistance.member", "the customer is a rescue club member", "是否为救援俱乐部会员");
            fact("assistance.membershipValid", "a member whose membershipValidUntil is on or after occurredOn",
                    "会员资格在出险日是否有效");
            fact("assistance.membershipValidUntil", "last day of the membership; date yyyy-MM-dd",
                    "会员有效期至；日期 yyyy-MM-dd");
            fact("assistance.service", "service requested: TOW or ON_SITE", "救援服务：拖车或现场救援");
            fact("assistance.towKm", "towing distance, km", "拖车距离，公里");
            fact("assistance.insideFifthRing", "the rescue is inside the 5th ring road", "是否在五环以内");
            fact("assistance.highwayTollCny", "highway tolls, CNY", "高速通行费，元");
            fact("assistance.payer", "who pays the job (call-out and towing)", "救援费用（出车和拖车）由谁支付");
            fact("assistance.tariff", "which club price applies: MEMBER or NON_MEMBER", "适用的俱乐部价格：会员价或非会员价");
            fact("assistance.capAtSumInsured", "the payer's share stops at policy.sumInsuredCny, the rest is the customer's",
                    "付费方以保险金额为限，超出部分由客户支付");
            fact("assistance.memberSavingsCny",
                    "non-member minus member price of the tariff-priced charges (tolls left out), CNY",
                    "非会员价与会员价之差（不含通行费），元");
            fact("vehicle.termMonths", "whole-vehicle warranty term, months", "整车保修期，月");
            fact("vehicle.termKm", "whole-vehicle warranty term, km", "整车保修里程，公里");
            fact("vehicle.monthsOverTerm", "months since start minus the whole-vehicle term (> 0: expired), months",
                    "已用月数减整车保修期（> 0 即超期），月");
            fact("vehicle.kmOverTerm", "odometer minus the whole-vehicle term (> 0: expired), km",
                    "行驶里程减整车保修里程（> 0 即超里程），公里");
        }

        /** The columns of an itemised assistance charge: set by a row, never read as facts. */
        private static final Map<String, Fact> CHARGE_COLUMNS = new LinkedHashMap<>();

        private static void charge(String name, String en, String zh) {
            CHARGE_COLUMNS.put(name, new Fact(en, zh));
        }

        static {
            charge("charge.item", "adds one itemised charge, e.g. CALL_OUT, TOWING, HIGHWAY_TOLL",
                    "增加一项收费明细，如出车费、拖车费、高速通行费");
            charge("charge.basis", "TARIFF (blank): priced by the columns that follow; HIGHWAY_TOLL: the tolls at cost",
                    "TARIFF（空白）：按后面各列定价；HIGHWAY_TOLL：通行费实报实销");
            charge("charge.memberFixedCny", "member price, fixed part, CNY", "会员价固定部分，元");
            charge("charge.memberFreeKm", "km included in the member's fixed price, km", "会员价包含的公里数，公里");
            charge("charge.memberPerKmCny", "member price per started km beyond the free km, CNY/km",
                    "会员超出免费里程后每公里价格（不足 1 公里按 1 公里计），元/公里");
            charge("charge.nonMemberFixedCny", "non-member price, fixed part, CNY", "非会员价固定部分，元");
            charge("charge.nonMemberFreeKm", "km included in the non-member's fixed price, km",
                    "非会员价包含的公里数，公里");
            charge("charge.nonMemberPerKmCny", "non-member price per started km beyond the free km, CNY/km",
                    "非会员超出免费里程后每公里价格（不足 1 公里按 1 公里计），元/公里");
            charge("charge.payer", "who pays this item; blank: the job's payer (assistance.payer)",
                    "本项由谁支付；空白：救援费用的付费方");
        }

        private static final Map<String, String> TYPES = Map.ofEntries(
                Map.entry("rule id", "a stable rule id, unique in the rulebook 规则编号，在规则集中唯一"),
                Map.entry("integer range", "a number, or >= 5, > 5, <= 5, < 5, 5..10 数字或范围"),
                Map.entry("money range", "an amount in CNY, or a range such as > 100000 金额（元）或范围"),
                Map.entry("date range", "a date yyyy-MM-dd, or a range such as >= 2022-01-01 日期或范围"),
                Map.entry("rate range", "a rate, or a range 系数或范围"),
                Map.entry("decimal range", "a decimal number, or a range such as >= 20 数值或范围"),
                Map.entry("decimal", "a decimal number, e.g. 15 数值，如 15"),
                Map.entry("boolean", "TRUE or FALSE TRUE 或 FALSE"),
                Map.entry("code set", "one or more codes such as R2021 一个或多个代码"),
                Map.entry("integer", "a whole number (a number cell) 整数（数字单元格）"),
                Map.entry("rate", "a decimal rate, 0.005 = 0.5% 小数系数，0.005 即 0.5%"),
                Map.entry("money", "an amount in CNY 金额（元）"),
                Map.entry("code", "one code in UPPER_SNAKE_CASE 一个大写代码"),
                Map.entry("text", "free text 文本"));

        static String describe(String binding, String type) {
            String typeText = TYPES.get(type);
            if (typeText == null) {
                if (type.startsWith("enum set ")) {
                    typeText = "one or more constants, listed in the header comment 一个或多个常量，见表头批注";
                } else if (type.startsWith("enum ")) {
                    typeText = "one constant from the drop-down 从下拉列表选一个值";
                } else {
                    typeText = type;
                }
            }
            if (binding.startsWith("IF ")) {
                typeText += "; blank = any 空白表示任意";
            } else if (binding.startsWith("THEN ")) {
                typeText += "; blank = unchanged 空白表示不变";
            }
            String what;
            if (binding.equals("ID")) {
                what = "Rule id: reasons, diff and reports follow the row by it.\n"
                        + "规则编号：原因、差异比较和报告都按它追踪本行。";
            } else if (binding.equals("EFFECT")) {
                what = "Effect on the claim: DENY, REFER or INFO (blank = INFO).\n"
                        + "对索赔的处理：DENY 拒赔、REFER 转人工、INFO 提示（空白 = INFO）。";
            } else if (binding.equals("CODE")) {
                what = "Reason code the row reports; blank = the row reports nothing.\n"
                        + "本行报告的原因代码；空白表示不报告原因。";
            } else if (binding.equals("TEXT zh") || binding.equals("TEXT en")) {
                what = (binding.endsWith("zh") ? "Chinese" : "English")
                        + " reason text; {fact} placeholders are filled from the claim.\n"
                        + (binding.endsWith("zh") ? "中文" : "英文") + "原因说明；{事实} 占位符按索赔填入。";
            } else if (binding.equals("NOTE")) {
                what = "Note for analysts (sources, articles); ignored by the engine.\n"
                        + "分析员备注（依据、条款）；引擎不读取。";
            } else if (binding.startsWith("IF ") || binding.startsWith("THEN ")) {
                boolean reads = binding.startsWith("IF ");
                String factName = binding.substring(reads ? 3 : 5).trim();
                Fact f = FACTS.containsKey(factName) ? FACTS.get(factName) : CHARGE_COLUMNS.get(factName);
                what = (reads ? "Reads " : "Sets ") + factName + (f != null ? ": " + f.en() : "") + "\n"
                        + (reads ? "读取 " : "设置 ") + factName + (f != null ? "：" + f.zh() : "");
            } else {
                what = binding;
            }
            return what + "\nType 类型: " + type + " — " + typeText;
        }

        static Set<String> knownFacts() {
            return FACTS.keySet();
        }
    }
}
