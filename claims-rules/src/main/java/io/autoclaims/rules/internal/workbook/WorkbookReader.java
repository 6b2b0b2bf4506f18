package io.autoclaims.rules.internal.workbook;

import io.autoclaims.model.ClaimType;
import io.autoclaims.rules.CellRef;
import io.autoclaims.rules.WorkbookIssue;
import io.autoclaims.rules.internal.condition.Cells;
import io.autoclaims.rules.internal.condition.Predicate;
import io.autoclaims.rules.internal.condition.Range;
import io.autoclaims.rules.internal.run.FactCatalog;
import io.autoclaims.rules.internal.table.ColumnModel.Role;
import io.autoclaims.rules.internal.table.ColumnModel;
import io.autoclaims.rules.internal.table.Effect;
import io.autoclaims.rules.internal.table.FactDef;
import io.autoclaims.rules.internal.table.HitPolicy;
import io.autoclaims.rules.internal.table.RowModel.Condition;
import io.autoclaims.rules.internal.table.RowModel.Output;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import io.autoclaims.rules.internal.table.RowModel;
import io.autoclaims.rules.internal.table.ScenarioModel;
import io.autoclaims.rules.internal.table.Scope;
import io.autoclaims.rules.internal.table.TableModel;
import io.autoclaims.rules.internal.table.Template;
import io.autoclaims.rules.internal.table.ValueType;
import io.autoclaims.rules.internal.table.WorkbookModel;
import io.autoclaims.rules.internal.workbook.Grid.Cell;
import io.autoclaims.rules.internal.workbook.Grid.Row;
import io.autoclaims.rules.internal.workbook.Grid.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Reads one rule workbook (Apache POI) into typed tables, checking every cell against its column's
 * declared type. Problems are collected, never thrown, so an analyst sees all of them at once.
 */
public final class WorkbookReader {
    static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");
    public static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    static final Pattern TABLE_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");
    private static final int TITLE_ROW = 0;
    private static final int PROPS_ROW = 1;
    private static final int BINDING_ROW = 2;
    private static final int TYPE_ROW = 3;
    private static final int HEADER_ROW = 4;
    private static final int FIRST_RULE_ROW = 5;

    private final String file;
    private final List<WorkbookIssue> issues;
    private final StringBuilder canonical = new StringBuilder();
    /** Every table whose columns could be read, with errors or not, in sheet order. */
    private final List<TableModel> allTables = new ArrayList<>();

    private WorkbookReader(String file, List<WorkbookIssue> issues) {
        this.file = file;
        this.issues = issues;
    }

    /** Reads a workbook; issues are appended to {@code issues}. Returns null if it cannot be opened. */
    public static WorkbookModel read(String file, byte[] bytes, List<WorkbookIssue> issues) {
        if (!WorkbookGuard.check(file, bytes, issues)) {
            return null;
        }
        WorkbookReader reader = new WorkbookReader(file, issues);
        if (!reader.safeName("the file name", "文件名", file, CellRef.workbook(file))) {
            return null;
        }
        return reader.read(bytes);
    }

    private WorkbookModel read(byte[] bytes) {
        try {
            return read(grid(bytes));
        } catch (Grid.TooLarge e) {
            CellRef where = e.sheet == null ? CellRef.workbook(file) : CellRef.sheet(file, e.sheet);
            issues.add(WorkbookIssue.error("WORKBOOK_TOO_LARGE", where, e.getMessage(),
                    "keep rule tables to their rows; move data, notes and pictures to other files").withZh(e.zh,
                    "规则表只保留规则行；数据、备注和图片请移到其他文件"));
            return null;
        } catch (IOException | RuntimeException e) {
            issues.add(Unreadable.workbook(CellRef.workbook(file), bytes, e));
            return null;
        }
    }

    /**
     * The workbook's cells: read with SAX when it is a plain .xlsx ({@link FastXlsx}), else with POI's
     * usermodel. With the system property {@value #CROSSCHECK_PROPERTY} set to true (the tests set
     * it), a workbook the fast reader reads is read with POI too, and any difference is an error.
     */
    static Grid grid(byte[] bytes) throws IOException {
        Grid fast = FastXlsx.read(bytes);
        if (fast != null && !CROSSCHECK) {
            return fast;
        }
        if (fast == null) {
            WorkbookGuard.checkFullReader(bytes);
        }
        Workbook wb;
        try {
            wb = WorkbookFactory.create(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            if (fast != null && fast.damaged()) {
                return fast; // POI refuses what the fast reader reports at its cell (an unknown cell type)
            }
            throw e;
        }
        try (wb) {
            Grid poi = Grid.of(wb);
            if (fast != null && !fast.equals(poi)) {
                throw new AssertionError("FastXlsx read the workbook differently from POI:\n fast " + fast
                        + "\n poi  " + poi);
            }
            return poi;
        }
    }

    static final String CROSSCHECK_PROPERTY = "autoclaims.xlsx.crosscheck";
    private static final boolean CROSSCHECK = Boolean.getBoolean(CROSSCHECK_PROPERTY);

    private WorkbookModel read(Grid wb) {
        String name = null;
        String version = null;
        About about = null;
        List<TableModel> tables = new ArrayList<>();
        List<ScenarioModel> scenarios = new ArrayList<>();
        List<WorkbookModel.LawBound> laws = new ArrayList<>();
        boolean sawAbout = false;
        for (Sheet sheet : wb.sheets) {
            if (!safeName("the sheet name", "工作表名", sheet.name, CellRef.sheet(file, sheet.name))) {
                continue;
            }
            checkCells(sheet);
            boolean scenarioSheet = sheet.name.toLowerCase(Locale.ROOT).startsWith("scenarios");
            if (!scenarioSheet) {
                // scenarios test the rules but do not change a verdict: they stay out of the fingerprint
                appendCanonical(sheet);
            }
            if (sheet.name.toLowerCase(Locale.ROOT).startsWith("about")) {
                sawAbout = true;
                about = readAbout(sheet);
                name = about.name;
                version = about.version;
            } else if (scenarioSheet) {
                scenarios.addAll(readScenarios(sheet));
            } else if (sheet.name.toLowerCase(Locale.ROOT).startsWith("law")) {
                warnHidden(sheet, "legal floors", "法定下限");
                laws.addAll(readLaw(sheet));
            } else if (text(cell(sheet, PROPS_ROW, 0)).toLowerCase(Locale.ROOT).startsWith("table")) {
                warnHidden(sheet, "rule table", "规则表");
                TableModel t = readTable(sheet);
                if (t != null) {
                    tables.add(t);
                }
            }
        }
        if (!sawAbout) {
            issues.add(WorkbookIssue.error("NO_ABOUT_SHEET", CellRef.workbook(file),
                    "the workbook has no \"About 说明\" sheet",
                    "add a sheet named \"About 说明\" with the rows \"Rulebook 规则集\" and \"Version 版本\"")
                    .withZh("工作簿缺少 \"About 说明\" 工作表",
                            "请添加名为 \"About 说明\" 的工作表，其中包含 \"Rulebook 规则集\" 和 \"Version 版本\" 两行"));
        }
        if (tables.isEmpty()) {
            issues.add(WorkbookIssue.warning("NO_TABLES", CellRef.workbook(file),
                    "the workbook has no rule table (a sheet whose cell A2 reads \"Table 表\")", null)
                    .withZh("工作簿中没有规则表（即 A2 单元格为 \"Table 表\" 的工作表）", null));
        }
        return new WorkbookModel(file, name == null ? "" : name, version == null ? "" : version, tables,
                canonical.toString(), scenarios, laws, allTables,
                about == null ? null : about.inForceFrom, about == null ? null : about.inForceCell);
    }

    /**
     * False, with an error at {@code where}, when a name holds a character that breaks or hides a line
     * ({@link NameText}): names are printed on one line in issues, reports and checkpoints.
     */
    private boolean safeName(String what, String whatZh, String value, CellRef where) {
        int at = NameText.firstUnsafe(value);
        if (at < 0) {
            return true;
        }
        String character = NameText.codePoint(value, at);
        issues.add(WorkbookIssue.error("UNSAFE_NAME", where,
                what + " \"" + value + "\" holds the invisible or line-breaking character " + character
                        + " at position " + (at + 1),
                "retype it without line breaks, tabs or control characters").withZh(
                whatZh + " \"" + value + "\" 的第 " + (at + 1) + " 个字符是不可见字符或换行符 " + character,
                "请重新输入，不要包含换行、制表符或控制字符"));
        return false;
    }

    /**
     * Errors for what the readers could not read, so that nothing reads as blank ("any" in a rule
     * row) or goes missing: unreadable cells, and rows numbered outside the sheet (whose cells
     * were not kept).
     */
    private void checkCells(Sheet sheet) {
        for (long r : sheet.badRows) {
            issues.add(WorkbookIssue.error("ROW_OUT_OF_RANGE", new CellRef(file, sheet.name, r + ":" + r),
                    "the file numbers a row " + r + ", outside the sheet's rows 1 to 1,048,576: its cells cannot be "
                            + "placed and are not read",
                    "open the workbook in Excel, WPS or LibreOffice, check this sheet's rules and save it again")
                    .withZh("文件中有一行的行号为 " + r + "，超出工作表的行范围 1 到 1,048,576：该行的单元格无法定位，未被读取",
                            "请用 Excel、WPS 或 LibreOffice 打开工作簿，核对此工作表的规则后重新保存"));
        }
        for (Grid.Misplaced m : sheet.misplaced) {
            issues.add(WorkbookIssue.error(m.code(), new CellRef(file, sheet.name, m.address()), m.why(),
                    "open and save the workbook again in Excel, WPS or LibreOffice, then check this sheet's rules")
                    .withZh(m.whyZh(), "请用 Excel、WPS 或 LibreOffice 打开工作簿并重新保存，然后核对此工作表的规则"));
        }
        for (Row row : sheet) {
            for (Cell c : row) {
                if (c.isUnreadable()) {
                    issues.add(WorkbookIssue.error("UNREADABLE_CELL", ref(sheet, row.rowNum, c.column()),
                            "the cell cannot be read: " + c.whyUnreadable(),
                            "type the value into this cell again in Excel, WPS or LibreOffice and save").withZh(
                            "无法读取该单元格：" + c.whyUnreadableZh(),
                            "请在 Excel、WPS 或 LibreOffice 中重新输入此单元格的取值并保存"));
                }
            }
        }
    }

    /** A warning when a sheet whose content the rules use is hidden: the analyst does not see what applies. */
    private void warnHidden(Sheet sheet, String what, String whatZh) {
        if (sheet.hidden) {
            issues.add(WorkbookIssue.warning("HIDDEN_SHEET", CellRef.sheet(file, sheet.name),
                    "the sheet \"" + sheet.name + "\" is hidden, yet its " + what + " apply",
                    "unhide it (right-click a sheet tab > Unhide; a very hidden sheet from the VBA editor's "
                            + "properties), or delete it if it should not apply").withZh(
                    "工作表 \"" + sheet.name + "\" 是隐藏的，但其中的" + whatZh + "仍然生效",
                    "请取消隐藏（右键单击工作表标签 > 取消隐藏；深度隐藏的工作表需在 VBA 编辑器的属性中设置），"
                            + "如不应生效请删除该工作表"));
        }
    }

    // ---- About ----------------------------------------------------------------------------------

    /** What the About sheet says; the date and its cell are null when it states none. */
    private record About(String name, String version, LocalDate inForceFrom, CellRef inForceCell) {
    }

    private static final java.time.format.DateTimeFormatter ISO_DATE = java.time.format.DateTimeFormatter
            .ofPattern("uuuu-MM-dd").withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private About readAbout(Sheet sheet) {
        String name = null;
        String version = null;
        LocalDate inForceFrom = null;
        CellRef inForceCell = null;
        boolean sawInForce = false;
        CellRef nameRef = CellRef.sheet(file, sheet.name);
        for (Row row : sheet) {
            String label = text(row.cell(0)).toLowerCase(Locale.ROOT);
            String value = text(row.cell(1));
            if (label.startsWith("rulebook") && name == null) {
                name = value;
                nameRef = ref(sheet, row.rowNum, 1);
                safeName("the rulebook name", "规则集名称", value, nameRef);
            } else if (label.startsWith("version") && version == null) {
                version = value;
                safeName("the rulebook version", "规则集版本", value, ref(sheet, row.rowNum, 1));
                if (value.isEmpty()) {
                    issues.add(WorkbookIssue.error("NO_VERSION", ref(sheet, row.rowNum, 1),
                            "the rulebook version is blank", "write the version, e.g. 2026.1")
                            .withZh("规则集版本为空", "请填写版本号，例如 2026.1"));
                }
            } else if (label.startsWith("in force") && !sawInForce) {
                sawInForce = true;
                inForceFrom = inForceDate(row.cell(1), ref(sheet, row.rowNum, 1));
                inForceCell = inForceFrom == null ? null : ref(sheet, row.rowNum, 1);
            }
        }
        if (name == null || name.isEmpty()) {
            issues.add(WorkbookIssue.error("NO_NAME", nameRef, "the rulebook has no name",
                    "write it next to \"Rulebook 规则集\" in column B")
                    .withZh("规则集没有名称", "请在 \"Rulebook 规则集\" 右侧的 B 列填写名称"));
        }
        if (version == null) {
            issues.add(WorkbookIssue.error("NO_VERSION", CellRef.sheet(file, sheet.name),
                    "the About sheet has no \"Version 版本\" row", "add a row \"Version 版本\" with the version in B")
                    .withZh("About 工作表缺少 \"Version 版本\" 行", "请添加 \"Version 版本\" 行，并在 B 列填写版本号"));
        }
        return new About(name, version, inForceFrom, inForceCell);
    }

    /**
     * The {@code In force from 施行日期} cell: a date cell, or a text {@code yyyy-MM-dd} (what a CSV
     * round trip or a text-formatted cell leaves). Blank states no date; anything else is an error at
     * the cell, and null.
     */
    private LocalDate inForceDate(Cell cell, CellRef where) {
        Object v = value(cell);
        if (v instanceof LocalDate d) {
            return d;
        }
        if (v == null && (cell == null || !cell.isFormula())) {
            return null;
        }
        if (v instanceof String t) {
            try {
                return LocalDate.parse(t, ISO_DATE);
            } catch (java.time.format.DateTimeParseException e) {
                // reported below
            }
        }
        String shown = v == null ? "=" + cell.formula()
                : v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : v.toString();
        // a day number typed into a cell formatted as a number: say which date it would be
        String serial = v instanceof BigDecimal d && d.signum() > 0 && d.compareTo(BigDecimal.valueOf(2_958_465)) <= 0
                ? LocalDate.of(1899, 12, 30).plusDays(d.longValue()).toString() : null;
        String why = v instanceof BigDecimal ? "is a number, not a date" + (serial == null ? ""
                : " (formatted as a date it reads " + serial + ")") : v == null ? "is a formula, not a date"
                : v instanceof Boolean ? "is TRUE/FALSE, not a date" : "is not a date that exists (yyyy-MM-dd)";
        String whyZh = v instanceof BigDecimal ? "是数字，不是日期" + (serial == null ? "" : "（设为日期格式则为 " + serial + "）")
                : v == null ? "是公式，不是日期"
                : v instanceof Boolean ? "是 TRUE/FALSE，不是日期" : "不是存在的日期（yyyy-MM-dd）";
        issues.add(WorkbookIssue.error("INVALID_IN_FORCE_DATE", where,
                "the date the rulebook is in force from, \"" + shown + "\", " + why,
                "type the first day this version applies as a date, e.g. 2027-01-01 (Format Cells > Date), "
                        + "or leave the cell blank for a rulebook without one")
                .withZh("规则集施行日期 \"" + shown + "\" " + whyZh,
                        "请以日期格式填写本版本开始施行的第一天，例如 2027-01-01（设置单元格格式 > 日期）；不分版本的规则集可留空"));
        return null;
    }

    // ---- law floors ----------------------------------------------------------------------------

    /**
     * The Law sheet: a header row starting with "Rule" (Rule id, Fact, Law, Article), then one floor
     * per row: the rule row must accept at least the range in the Law column.
     */
    private List<WorkbookModel.LawBound> readLaw(Sheet sheet) {
        List<WorkbookModel.LawBound> laws = new ArrayList<>();
        int header = -1;
        for (int r = 0; r < 5 && header < 0; r++) {
            if (sheet.row(r) != null && text(sheet.row(r).cell(0)).toLowerCase(Locale.ROOT).startsWith("rule")) {
                header = r;
            }
        }
        if (header < 0) {
            return laws;
        }
        for (int r = header + 1; r <= sheet.lastRowNum(); r++) {
            Row row = sheet.row(r);
            if (row == null || text(row.cell(0)).isEmpty()) {
                continue;
            }
            String factName = text(row.cell(1));
            FactDef fact = FactCatalog.get(factName);
            if (fact == null || !fact.condition()) {
                issues.add(WorkbookIssue.error("UNKNOWN_FACT", ref(sheet, r, 1),
                        "\"" + factName + "\" is not a fact rows can have conditions on", "name a fact such as "
                                + "period.daysSinceStart").withZh("\"" + factName + "\" 不是可作条件的事实",
                        "填写事实名，例如 period.daysSinceStart"));
                continue;
            }
            Object law = value(row.cell(2));
            Predicate p = law == null ? null : Predicate.parse(fact, law, display(row.cell(2)), ref(sheet, r, 2), issues);
            if (p instanceof Range range) {
                laws.add(new WorkbookModel.LawBound(text(row.cell(0)), fact, range, text(row.cell(3)),
                        ref(sheet, r, 2)));
            }
        }
        return laws;
    }

    // ---- scenarios ------------------------------------------------------------------------------

    /**
     * A Scenarios sheet: a title, then a header row whose first cell reads ID (ID, Claim, Decision,
     * Remedy, Payable, Reasons, Description, each may carry its Chinese name) within the first five
     * rows, then one scenario per row.
     */
    private List<ScenarioModel> readScenarios(Sheet sheet) {
        List<ScenarioModel> scenarios = new ArrayList<>();
        Row header = null;
        for (int r = 0; r < 5 && header == null; r++) {
            if (sheet.row(r) != null && text(sheet.row(r).cell(0)).toLowerCase(Locale.ROOT).startsWith("id")) {
                header = sheet.row(r);
            }
        }
        if (header == null) {
            issues.add(WorkbookIssue.error("BAD_SCENARIOS", ref(sheet, 1, 0),
                    "a Scenarios sheet needs a header row starting with ID in its first five rows",
                    "headers: ID, Claim, Decision, Remedy, Payable, Reasons, Description").withZh(
                    "场景工作表的前五行中需要有一行以 ID 开头的表头",
                    "表头依次为：ID、Claim、Decision、Remedy、Payable、Reasons、Description"));
            return scenarios;
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (Cell c : header) {
            String label = text(c).toLowerCase(Locale.ROOT);
            for (String known : List.of("id", "claim", "decision", "remedy", "payable", "reasons", "description")) {
                if (label.startsWith(known)) {
                    columns.putIfAbsent(known, c.column());
                }
            }
        }
        if (!columns.containsKey("id") || !columns.containsKey("claim")) {
            issues.add(WorkbookIssue.error("BAD_SCENARIOS", ref(sheet, header.rowNum, 0),
                    "a Scenarios sheet needs an ID and a Claim column",
                    "headers: ID, Claim, Decision, Remedy, Payable, Reasons, Description").withZh(
                    "场景工作表需要 ID 列和 Claim 列",
                    "表头依次为：ID、Claim、Decision、Remedy、Payable、Reasons、Description"));
            return scenarios;
        }
        for (int r = header.rowNum + 1; r <= sheet.lastRowNum(); r++) {
            Row row = sheet.row(r);
            if (row == null) {
                continue;
            }
            String id = text(row.cell(columns.get("id")));
            String claim = text(row.cell(columns.get("claim")));
            if (id.isEmpty() && claim.isEmpty()) {
                continue;
            }
            if (!safeName("the scenario id", "场景编号", id, ref(sheet, r, columns.get("id")))) {
                continue;
            }
            if (claim.isEmpty()) {
                issues.add(WorkbookIssue.error("BAD_SCENARIO", ref(sheet, r, columns.get("claim")),
                        "scenario " + id + " has no claim", "write the claim's JSON, or file.jsonl#claimId")
                        .withZh("场景 " + id + " 没有填写索赔", "请填写索赔的 JSON，或写作 file.jsonl#claimId"));
                continue;
            }
            scenarios.add(new ScenarioModel(file, sheet.name, r + 1, id.isEmpty() ? "row " + (r + 1) : id,
                    claim, expected(sheet, row, columns.get("decision"), io.autoclaims.model.Decision.class),
                    expected(sheet, row, columns.get("remedy"), io.autoclaims.model.Remedy.class),
                    payable(sheet, row, columns.get("payable")), reasons(row, columns.get("reasons")),
                    columns.containsKey("description") ? text(row.cell(columns.get("description"))) : "",
                    ref(sheet, r, columns.get("id")), ref(sheet, r, columns.get("claim"))));
        }
        return scenarios;
    }

    private <E extends Enum<E>> E expected(Sheet sheet, Row row, Integer column, Class<E> type) {
        String value = column == null ? "" : text(row.cell(column)).toUpperCase(Locale.ROOT);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            issues.add(WorkbookIssue.error("BAD_VALUE", ref(sheet, row.rowNum, column),
                    "\"" + value + "\" is not a " + type.getSimpleName(),
                    "write one of " + List.of(type.getEnumConstants())).withZh(
                    "\"" + value + "\" 不是有效的 " + type.getSimpleName(),
                    "可填写：" + List.of(type.getEnumConstants())));
            return null;
        }
    }

    private BigDecimal payable(Sheet sheet, Row row, Integer column) {
        Object v = column == null ? null : value(row.cell(column));
        if (v == null) {
            return null;
        }
        try {
            return v instanceof BigDecimal d ? d : new BigDecimal(v.toString().replace(",", ""));
        } catch (NumberFormatException e) {
            issues.add(WorkbookIssue.error("BAD_VALUE", ref(sheet, row.rowNum, column),
                    "\"" + v + "\" is not an amount", "write the payable in CNY, e.g. 17480.00")
                    .withZh("\"" + v + "\" 不是金额", "请填写以元为单位的应付金额，例如 17480.00"));
            return null;
        }
    }

    private List<String> reasons(Row row, Integer column) {
        String value = column == null ? "" : text(row.cell(column));
        if (value.isEmpty()) {
            return null;
        }
        List<String> codes = new ArrayList<>();
        for (String c : value.split("[,，;；、\\s]+")) {
            if (!c.isEmpty()) {
                codes.add(c);
            }
        }
        return codes;
    }

    // ---- tables ---------------------------------------------------------------------------------

    private TableModel readTable(Sheet sheet) {
        int before = errorCount();
        String sheetName = sheet.name;
        String title = text(cell(sheet, TITLE_ROW, 0));
        safeName("the table title", "表标题", title, ref(sheet, TITLE_ROW, 0));
        String key = text(cell(sheet, PROPS_ROW, 1));
        if (!TABLE_KEY.matcher(key).matches()) {
            issues.add(WorkbookIssue.error("BAD_TABLE_KEY", ref(sheet, PROPS_ROW, 1),
                    "\"" + key + "\" is not a table key",
                    "write a name of letters, digits and _ starting with a letter, e.g. Coverage").withZh(
                    "\"" + key + "\" 不是有效的表键名",
                    "请填写以字母开头、由字母、数字和 _ 组成的名称，例如 Coverage"));
        }
        HitPolicy hit = property(sheet, 2, "Hit", HitPolicy.class);
        Scope scope = property(sheet, 4, "Per", Scope.class);
        Set<ClaimType> claimTypes = claimTypes(sheet);
        Integer step = stepProperty(sheet);
        FactDef gate = gateProperty(sheet);

        int beforeColumns = errorCount();
        List<ColumnModel> columns = readColumns(sheet, scope);
        // a wrong table property does not stop the rows being read (check lists every problem at once);
        // a wrong column definition does, as the rows' cells would be read against the wrong columns
        if (columns == null || errorCount() > beforeColumns) {
            return null;
        }
        List<RowModel> rows = new ArrayList<>();
        int ruleRows = 0;
        for (int r = FIRST_RULE_ROW; r <= sheet.lastRowNum(); r++) {
            Row row = sheet.row(r);
            if (row == null || isBlankRow(row, columns)) {
                continue;
            }
            if (++ruleRows > WorkbookGuard.MAX_RULE_ROWS) {
                // each row becomes Drools data: past this, the rulebook would not fit the documented heap
                issues.add(WorkbookIssue.error("TABLE_TOO_LARGE", ref(sheet, r, 0), String.format(Locale.ROOT,
                        "the table has more than %,d rule rows; this is row %,d", WorkbookGuard.MAX_RULE_ROWS, ruleRows),
                        "split the table, or merge rows that share a verdict into ranges and lists").withZh(
                        String.format(Locale.ROOT, "本表的规则行超过 %,d 行；这是第 %,d 行", WorkbookGuard.MAX_RULE_ROWS,
                                ruleRows), "请拆分本表，或把结果相同的行合并为区间和列表"));
                return null;
            }
            RowModel model = readRow(sheet, row, columns, scope);
            if (model != null) {
                rows.add(model);
            }
        }
        checkMergedRuleCells(sheet);
        if (rows.isEmpty()) {
            issues.add(WorkbookIssue.warning("EMPTY_TABLE", ref(sheet, FIRST_RULE_ROW, 0),
                    "the table has no rule rows", "add rules from row " + (FIRST_RULE_ROW + 1))
                    .withZh("本表没有规则行", "请从第 " + (FIRST_RULE_ROW + 1) + " 行起添加规则"));
        }
        if (errorCount() > before) {
            // kept for the checks across tables (duplicate ids, keys and steps), never compiled; an
            // unreadable key or step is left out so that it cannot be reported as a duplicate
            allTables.add(new TableModel(file, sheetName, TABLE_KEY.matcher(key).matches() ? key : null, title, hit,
                    scope, step == null ? Set.of() : claimTypes, step == null ? 0 : step, gate, columns, rows,
                    ref(sheet, PROPS_ROW, 1)));
            return null;
        }
        TableModel table = new TableModel(file, sheetName, key, title, hit, scope, claimTypes, step, gate, columns,
                rows, ref(sheet, PROPS_ROW, 1));
        allTables.add(table);
        return table;
    }

    private <E extends Enum<E>> E property(Sheet sheet, int labelColumn, String label, Class<E> type) {
        CellRef where = ref(sheet, PROPS_ROW, labelColumn + 1);
        String labelText = text(cell(sheet, PROPS_ROW, labelColumn));
        if (!labelText.toLowerCase(Locale.ROOT).startsWith(label.toLowerCase(Locale.ROOT))) {
            issues.add(WorkbookIssue.error("BAD_TABLE_PROPERTY", ref(sheet, PROPS_ROW, labelColumn),
                    "expected the label \"" + label + "\" here, found \"" + labelText + "\"",
                    "row 2 holds: Table, Hit, Per, Claim type, Step, Gate as label/value pairs").withZh(
                    "此处应为标签 \"" + label + "\"，实际为 \"" + labelText + "\"",
                    "第 2 行按“标签、取值”成对填写：Table、Hit、Per、Claim type、Step、Gate"));
            return null;
        }
        String value = text(cell(sheet, PROPS_ROW, labelColumn + 1)).toUpperCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value)) {
                return e;
            }
        }
        issues.add(WorkbookIssue.error("BAD_TABLE_PROPERTY", where,
                "\"" + value + "\" is not a valid " + label, "write one of " + List.of(type.getEnumConstants()))
                .withZh("\"" + value + "\" 不是有效的 " + label + " 取值", "可填写：" + List.of(type.getEnumConstants())));
        return null;
    }

    /** One or more claim types, comma-separated: a table may serve several (the warranty terms). */
    private Set<ClaimType> claimTypes(Sheet sheet) {
        String labelText = text(cell(sheet, PROPS_ROW, 6));
        if (!labelText.toLowerCase(Locale.ROOT).startsWith("claim type")) {
            issues.add(WorkbookIssue.error("BAD_TABLE_PROPERTY", ref(sheet, PROPS_ROW, 6),
                    "expected the label \"Claim type\" here, found \"" + labelText + "\"",
                    "row 2 holds: Table, Hit, Per, Claim type, Step, Gate as label/value pairs").withZh(
                    "此处应为标签 \"Claim type\"，实际为 \"" + labelText + "\"",
                    "第 2 行按“标签、取值”成对填写：Table、Hit、Per、Claim type、Step、Gate"));
            return Set.of();
        }
        Set<ClaimType> types = EnumSet.noneOf(ClaimType.class);
        for (String item : text(cell(sheet, PROPS_ROW, 7)).split("[,，;；、\\s]+")) {
            if (item.isEmpty()) {
                continue;
            }
            try {
                types.add(ClaimType.valueOf(item.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                issues.add(WorkbookIssue.error("BAD_TABLE_PROPERTY", ref(sheet, PROPS_ROW, 7),
                        "\"" + item + "\" is not a claim type", "write one or more of " + List.of(ClaimType.values()))
                        .withZh("\"" + item + "\" 不是有效的索赔类型", "可填写以下一个或多个：" + List.of(ClaimType.values())));
                return Set.of();
            }
        }
        if (types.isEmpty()) {
            issues.add(WorkbookIssue.error("BAD_TABLE_PROPERTY", ref(sheet, PROPS_ROW, 7),
                    "the table names no claim type", "write one or more of " + List.of(ClaimType.values()))
                    .withZh("本表没有填写索赔类型", "可填写以下一个或多个：" + List.of(ClaimType.values())));
        }
        return types;
    }

    private Integer stepProperty(Sheet sheet) {
        Object v = value(cell(sheet, PROPS_ROW, 9));
        if (v instanceof BigDecimal d && isWhole(d)) {
            return d.intValueExact();
        }
        issues.add(WorkbookIssue.error("BAD_TABLE_PROPERTY", ref(sheet, PROPS_ROW, 9),
                "the step \"" + display(cell(sheet, PROPS_ROW, 9)) + "\" is not a whole number",
                "write the table's step as a number, e.g. 40; tables run in ascending step order").withZh(
                "步骤 \"" + display(cell(sheet, PROPS_ROW, 9)) + "\" 不是整数",
                "请以数字填写本表的步骤，例如 40；各表按步骤从小到大依次执行"));
        return null;
    }

    private FactDef gateProperty(Sheet sheet) {
        String name = text(cell(sheet, PROPS_ROW, 11));
        if (name.isEmpty()) {
            return null;
        }
        FactDef gate = FactCatalog.get(name);
        if (gate == null || !gate.settable() || gate.scope() != Scope.CLAIM
                || gate.type().kind() != ValueType.Kind.BOOLEAN) {
            issues.add(WorkbookIssue.error("BAD_GATE", ref(sheet, PROPS_ROW, 11),
                    "\"" + name + "\" is not a boolean claim fact that rows can set",
                    "leave the gate blank or name one, e.g. sanbao.allowed").withZh(
                    "\"" + name + "\" 不是规则行可以设置的布尔型索赔事实",
                    "Gate 可留空，或填写一个这样的事实，例如 sanbao.allowed"));
            return null;
        }
        return gate;
    }

    private List<ColumnModel> readColumns(Sheet sheet, Scope scope) {
        List<ColumnModel> columns = new ArrayList<>();
        Row bindings = sheet.row(BINDING_ROW);
        if (bindings == null) {
            issues.add(WorkbookIssue.error("NO_COLUMNS", ref(sheet, BINDING_ROW, 0),
                    "row 3 must say what each column reads or sets", "write ID, IF <fact>, THEN <fact>, ...")
                    .withZh("第 3 行必须说明每一列读取或设置什么", "请填写 ID、IF <事实>、THEN <事实>……"));
            return null;
        }
        int ids = 0;
        boolean hasCode = false;
        boolean hasZh = false;
        boolean hasEn = false;
        for (int c = 0; c < bindings.lastCellNum(); c++) {
            String binding = text(bindings.cell(c)).replaceAll("\\s+", " ");
            if (binding.isEmpty()) {
                break;
            }
            String declared = text(cell(sheet, TYPE_ROW, c)).replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            String header = text(cell(sheet, HEADER_ROW, c));
            CellRef where = ref(sheet, BINDING_ROW, c);
            String[] words = binding.split(" ", 2);
            String keyword = words[0].toUpperCase(Locale.ROOT);
            Role role;
            FactDef fact = null;
            String expectedType;
            switch (keyword) {
                case "ID" -> {
                    role = Role.ID;
                    expectedType = "rule id";
                    ids++;
                }
                case "IF", "THEN" -> {
                    role = keyword.equals("IF") ? Role.IF : Role.THEN;
                    String factName = words.length > 1 ? words[1].trim() : "";
                    fact = FactCatalog.get(factName);
                    if (fact == null) {
                        issues.add(WorkbookIssue.error("UNKNOWN_FACT", where,
                                "\"" + factName + "\" is not a fact the engine knows",
                                "see docs/workbook-format.md for the list of facts, e.g. line.cause").withZh(
                                "\"" + factName + "\" 不是引擎认识的事实",
                                "事实列表见 docs/workbook-format.md，例如 line.cause"));
                        continue;
                    }
                    if (role == Role.IF && (!fact.condition() || (fact.scope() == Scope.LINE && scope == Scope.CLAIM))) {
                        issues.add(WorkbookIssue.error("NOT_A_CONDITION", where,
                                "\"" + factName + "\" cannot be a condition of a " + scope + " table",
                                fact.condition() ? "line facts need a table with Per = LINE"
                                        : "this fact can only be set (THEN) or named in texts").withZh(
                                "\"" + factName + "\" 不能作为 " + scope + " 表的条件",
                                fact.condition() ? "行事实（line.*）需要 Per = LINE 的表"
                                        : "此事实只能被设置（THEN）或在说明文本中引用"));
                        continue;
                    }
                    if (role == Role.THEN && (!fact.settable() || (fact.scope() == Scope.LINE && scope == Scope.CLAIM))) {
                        issues.add(WorkbookIssue.error("NOT_SETTABLE", where,
                                "\"" + factName + "\" cannot be set by a " + scope + " table",
                                "only facts marked 'set' in docs/workbook-format.md can be THEN columns").withZh(
                                "\"" + factName + "\" 不能由 " + scope + " 表设置",
                                "只有 docs/workbook-format.md 中标注为 'set' 的事实才能作为 THEN 列"));
                        continue;
                    }
                    expectedType = role == Role.IF ? fact.type().conditionName() : fact.type().outputName();
                }
                case "EFFECT" -> {
                    role = Role.EFFECT;
                    expectedType = "enum effect";
                }
                case "CODE" -> {
                    role = Role.CODE;
                    expectedType = "code";
                    hasCode = true;
                }
                case "TEXT" -> {
                    String lang = words.length > 1 ? words[1].trim().toLowerCase(Locale.ROOT) : "";
                    if (!lang.equals("zh") && !lang.equals("en")) {
                        issues.add(WorkbookIssue.error("BAD_COLUMN", where,
                                "a text column must say its language", "write TEXT zh or TEXT en")
                                .withZh("文本列必须注明语言", "请写 TEXT zh 或 TEXT en"));
                        continue;
                    }
                    role = lang.equals("zh") ? Role.TEXT_ZH : Role.TEXT_EN;
                    hasZh |= role == Role.TEXT_ZH;
                    hasEn |= role == Role.TEXT_EN;
                    expectedType = "text";
                }
                case "NOTE" -> {
                    role = Role.NOTE;
                    expectedType = "text";
                }
                default -> {
                    issues.add(WorkbookIssue.error("BAD_COLUMN", where,
                            "\"" + binding + "\" does not say what the column holds",
                            "write ID, IF <fact>, THEN <fact>, EFFECT, CODE, TEXT zh, TEXT en or NOTE").withZh(
                            "\"" + binding + "\" 没有说明本列的内容",
                            "请填写 ID、IF <事实>、THEN <事实>、EFFECT、CODE、TEXT zh、TEXT en 或 NOTE"));
                    continue;
                }
            }
            if (!declared.equals(expectedType.toLowerCase(Locale.ROOT))) {
                issues.add(WorkbookIssue.error("TYPE_MISMATCH", ref(sheet, TYPE_ROW, c),
                        "the column " + binding + " holds " + expectedType + ", but its type cell says \""
                                + text(cell(sheet, TYPE_ROW, c)) + "\"",
                        "write \"" + expectedType + "\" in the type row").withZh(
                        "列 " + binding + " 的类型是 " + expectedType + "，但类型单元格写的是 \""
                                + text(cell(sheet, TYPE_ROW, c)) + "\"",
                        "请在类型行填写 \"" + expectedType + "\""));
                continue;
            }
            columns.add(new ColumnModel(c, role, fact, header, where));
        }
        if (ids != 1) {
            issues.add(WorkbookIssue.error("NO_ID_COLUMN", ref(sheet, BINDING_ROW, 0),
                    "a table needs exactly one ID column, found " + ids, "add a column \"ID\" of type \"rule id\"")
                    .withZh("每个表需要且只能有一个 ID 列，实际有 " + ids + " 个",
                            "请添加一列 \"ID\"，类型为 \"rule id\""));
        }
        if (hasCode && !(hasZh && hasEn)) {
            issues.add(WorkbookIssue.error("NO_TEXT_COLUMNS", ref(sheet, BINDING_ROW, 0),
                    "a table with reason codes needs a TEXT zh and a TEXT en column",
                    "every reason has Chinese and English text").withZh(
                    "带原因代码的表需要 TEXT zh 列和 TEXT en 列", "每个原因都要有中文和英文说明"));
        }
        return columns;
    }

    private RowModel readRow(Sheet sheet, Row row, List<ColumnModel> columns, Scope scope) {
        int r = row.rowNum;
        int before = errorCount();
        String ruleId = null;
        CellRef idCell = null;
        List<Condition> conditions = new ArrayList<>();
        List<Output> outputs = new ArrayList<>();
        Effect effect = Effect.INFO;
        String code = null;
        String zhText = null;
        String enText = null;
        CellRef zhCell = null;
        CellRef enCell = null;
        Map<String, String> shown = new LinkedHashMap<>();
        for (ColumnModel col : columns) {
            Cell cell = row.cell(col.index());
            CellRef where = ref(sheet, r, col.index());
            shown.put(col.label(), display(cell).trim());
            if (cell != null && cell.isFormula()) {
                issues.add(WorkbookIssue.error("FORMULA", where, "formulas are not allowed in rule rows",
                        "type the value itself").withZh("规则行中不允许使用公式", "请直接填写数值"));
                continue;
            }
            if (cell != null && cell.type() == org.apache.poi.ss.usermodel.CellType.ERROR && col.role() != Role.NOTE) {
                // an error value reads as no value: in a condition that would mean "any"
                issues.add(WorkbookIssue.error("ERROR_VALUE", where,
                        "the cell holds the error value " + cell.display() + ", not a value a rule can use",
                        "type the value, or clear the cell if the rule has no condition here").withZh(
                        "单元格中是错误值 " + cell.display() + "，不是规则可用的取值",
                        "请填写取值；如果本规则在此没有条件，请清空该单元格"));
                continue;
            }
            Object value = value(cell);
            switch (col.role()) {
                case ID -> {
                    idCell = where;
                    ruleId = value == null ? null : display(cell);
                    if (ruleId == null || ruleId.isEmpty()) {
                        issues.add(WorkbookIssue.error("NO_RULE_ID", where, "the rule row has no rule id",
                                "give every row a stable id such as W5-03")
                                .withZh("该规则行没有规则编号", "请为每一行填写固定不变的编号，例如 W5-03"));
                    } else if (!RULE_ID.matcher(ruleId).matches()) {
                        issues.add(WorkbookIssue.error("BAD_RULE_ID", where,
                                "\"" + ruleId + "\" is not a rule id",
                                "use letters, digits, '.', '_' and '-' (up to 32), e.g. W5-03").withZh(
                                "\"" + ruleId + "\" 不是有效的规则编号",
                                "请使用字母、数字、'.'、'_' 和 '-'（最多 32 个字符），例如 W5-03"));
                    }
                }
                case IF -> {
                    if (value != null) {
                        Predicate p = Predicate.parse(col.fact(), value, display(cell), where, issues);
                        if (p != null) {
                            conditions.add(new Condition(col.fact(), p, where));
                        }
                    }
                }
                case THEN -> {
                    if (value != null) {
                        Object out = Cells.output(col.fact(), value, display(cell), where, issues);
                        if (out != null) {
                            outputs.add(new Output(col.fact(), out, where));
                        }
                    }
                }
                case EFFECT -> {
                    if (value != null) {
                        String e = display(cell).trim().toUpperCase(Locale.ROOT);
                        try {
                            effect = Effect.valueOf(e);
                        } catch (IllegalArgumentException ex) {
                            issues.add(WorkbookIssue.error("BAD_VALUE", where, "\"" + e + "\" is not an effect",
                                    "write DENY, REFER or INFO (blank means INFO)").withZh(
                                    "\"" + e + "\" 不是有效的处理结果", "请填写 DENY、REFER 或 INFO（空白即 INFO）"));
                        }
                    }
                }
                case CODE -> {
                    if (value != null) {
                        code = display(cell).trim();
                        if (!CODE.matcher(code).matches()) {
                            issues.add(WorkbookIssue.error("BAD_CODE", where, "\"" + code + "\" is not a reason code",
                                    "write UPPER_SNAKE_CASE, e.g. WARRANTY_EXPIRED").withZh(
                                    "\"" + code + "\" 不是有效的原因代码", "请使用大写字母加下划线，例如 WARRANTY_EXPIRED"));
                            code = null;
                        }
                    }
                }
                case TEXT_ZH -> {
                    zhText = value == null ? null : display(cell);
                    zhCell = where;
                }
                case TEXT_EN -> {
                    enText = value == null ? null : display(cell);
                    enCell = where;
                }
                case NOTE -> {
                    // analysts' notes: never read by the engine
                }
            }
        }
        Template zh = null;
        Template en = null;
        if (code != null) {
            zh = text(zhText, Template.Language.ZH, zhCell, scope, "Chinese", "中文");
            en = text(enText, Template.Language.EN, enCell, scope, "English", "英文");
        } else if ((zhText != null || enText != null) && idCell != null) {
            issues.add(WorkbookIssue.warning("TEXT_WITHOUT_CODE", zhText != null ? zhCell : enCell,
                    "the row has a reason text but no reason code, so the text is never shown",
                    "add a CODE or remove the text").withZh(
                    "该行有原因说明但没有原因代码，因此说明永远不会显示", "请填写 CODE，或删除说明"));
        }
        for (Template t : new Template[] {zh, en}) {
            if (t == null) {
                continue;
            }
            for (FactDef f : t.ruleConditions()) {
                if (conditions.stream().noneMatch(c -> c.fact() == f)) {
                    issues.add(WorkbookIssue.error("UNKNOWN_PLACEHOLDER", t == zh ? zhCell : enCell,
                            "the placeholder {rule." + f.name() + "} names no condition of this row",
                            "{rule.<fact>} shows this row's own condition on <fact>; fill that condition cell").withZh(
                            "占位符 {rule." + f.name() + "} 没有对应本行的任何条件",
                            "{rule.<事实>} 显示本行对 <事实> 的条件；请填写该条件单元格"));
                }
            }
        }
        if (errorCount() > before && (ruleId == null || !RULE_ID.matcher(ruleId).matches())) {
            // a row in error is still checked across tables (its table is then never compiled), by its id
            // only when the id itself is valid
            ruleId = null;
        }
        return new RowModel(ruleId, r + 1, conditions, outputs, effect, code, zh, en, idCell, shown);
    }

    private Template text(String text, Template.Language language, CellRef where, Scope scope, String name,
            String nameZh) {
        if (text == null || text.isBlank()) {
            issues.add(WorkbookIssue.error("NO_REASON_TEXT", where, "the reason has no " + name + " text",
                    "write the text the customer or adjuster reads, naming the facts with {placeholders}").withZh(
                    "原因缺少" + nameZh + "说明", "请填写客户或理赔员看到的说明，用 {占位符} 引用事实"));
            return null;
        }
        List<String> unknown = new ArrayList<>();
        Template t = Template.parse(text, language, scope, unknown);
        for (String u : unknown) {
            issues.add(WorkbookIssue.error("UNKNOWN_PLACEHOLDER", where,
                    "the placeholder {" + u + "} names no fact this table can read",
                    "use a fact from docs/workbook-format.md, e.g. {line.termMonths}").withZh(
                    "占位符 {" + u + "} 不是本表可以读取的事实",
                    "请使用 docs/workbook-format.md 中列出的事实，例如 {line.termMonths}"));
        }
        return t;
    }

    private void checkMergedRuleCells(Sheet sheet) {
        for (CellRangeAddress range : sheet.merged) {
            if (range.getLastRow() >= FIRST_RULE_ROW || range.getFirstRow() >= BINDING_ROW) {
                issues.add(WorkbookIssue.error("MERGED_CELLS",
                        new CellRef(file, sheet.name, range.formatAsString()),
                        "merged cells are not allowed in the column rows or rule rows",
                        "unmerge them and type the value in every row it applies to").withZh(
                        "列定义行和规则行中不允许合并单元格", "请取消合并，并在适用的每一行中分别填写取值"));
            }
        }
    }

    private boolean isBlankRow(Row row, List<ColumnModel> columns) {
        for (ColumnModel c : columns) {
            if (value(row.cell(c.index())) != null
                    || (row.cell(c.index()) != null && row.cell(c.index()).isFormula())) {
                return false;
            }
        }
        return true;
    }

    // ---- cells ----------------------------------------------------------------------------------

    private void appendCanonical(Sheet sheet) {
        canonical.append("#sheet ").append(sheet.name).append('\n');
        for (Row row : sheet) {
            for (Cell c : row) {
                Object v = c.isFormula() ? "=" + c.formula() : c.value();
                if (v != null) {
                    canonical.append(CellRef.columnLetters(c.column())).append(row.rowNum + 1)
                            .append('\t').append(v.getClass().getSimpleName()).append('\t')
                            .append(v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : v)
                            .append('\n');
                }
            }
        }
    }

    private int errorCount() {
        return (int) issues.stream().filter(WorkbookIssue::isError).count();
    }

    private CellRef ref(Sheet sheet, int row, int column) {
        return CellRef.of(file, sheet.name, row, column);
    }

    private static Cell cell(Sheet sheet, int row, int column) {
        return sheet.cell(row, column);
    }

    private String text(Cell cell) {
        return cell == null ? "" : cell.display().trim();
    }

    private String display(Cell cell) {
        return cell == null ? "" : cell.display();
    }

    /**
     * A cell's value as typed: String (trimmed, null when empty), BigDecimal, LocalDate or Boolean;
     * null for blank. Formulas and error cells read as null here and are reported by the caller.
     */
    static Object value(Cell cell) {
        return cell == null ? null : cell.value();
    }

    public static boolean isWhole(BigDecimal d) {
        return d.stripTrailingZeros().scale() <= 0;
    }
}
