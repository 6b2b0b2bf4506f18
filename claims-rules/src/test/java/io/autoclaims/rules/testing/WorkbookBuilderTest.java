package io.autoclaims.rules.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WorkbookBuilderTest {

    private static final List<String> TABLE_SHEETS = List.of("Regimes 三包规定", "Claim checks 索赔审核",
            "Terms 保修期限", "Coverage 保修范围", "Referrals 转人工", "Sanbao early 三包早期", "Sanbao safety 三包安全",
            "Sanbao repeated safety 三包严重安全故障", "Sanbao repeated repairs 三包多次修理", "Sanbao scope 三包适用",
            "Settlement 结算审核", "Documents 单证");

    private static byte[] bytes;
    private static XSSFWorkbook wb;

    @BeforeAll
    static void open() throws IOException {
        bytes = DefaultWarrantyWorkbook.build();
        wb = new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    @Test
    void aboutSheetNamesTheRulebook() {
        checkAbout(wb);
    }

    /** The About sheet of every default workbook: name, version, effective date, owner, change log. */
    static void checkAbout(Workbook wb) {
        assertEquals("About 说明", wb.getSheetName(0));
        Sheet about = wb.getSheetAt(0);
        Map<String, Cell> pairs = new LinkedHashMap<>();
        for (Row row : about) {
            Cell a = row.getCell(0);
            if (a != null && a.getCellType() == CellType.STRING) {
                pairs.putIfAbsent(a.getStringCellValue(), row.getCell(1));
            }
        }
        assertEquals("autoclaims default rulebook", pairs.get("Rulebook 规则集").getStringCellValue());
        Cell version = pairs.get("Version 版本");
        assertEquals(CellType.STRING, version.getCellType(), "the version is text, not the number 2026.1");
        assertEquals("2026.1", version.getStringCellValue());
        Cell effective = pairs.get("Effective 生效日期");
        assertTrue(DateUtil.isCellDateFormatted(effective));
        assertEquals(LocalDate.of(2026, 1, 1), effective.getLocalDateTimeCellValue().toLocalDate());
        assertEquals("Policy team 政策组", pairs.get("Owner 负责人").getStringCellValue());
        assertTrue(pairs.containsKey("Change log 变更记录"));

        int logRow = -1;
        for (Row row : about) {
            Cell a = row.getCell(0);
            if (a != null && "Change log 变更记录".equals(a.getStringCellValue())) {
                logRow = row.getRowNum();
            }
        }
        Row head = about.getRow(logRow + 1);
        assertEquals(List.of("Version", "Date", "Author", "Change"), texts(head, 4));
        Row first = about.getRow(logRow + 2);
        assertEquals("2026.1", first.getCell(0).getStringCellValue());
        assertTrue(DateUtil.isCellDateFormatted(first.getCell(1)));
        assertFalse(first.getCell(3).getStringCellValue().isBlank());
    }

    @Test
    void tableSheetsComeInStepOrderWithTheirProperties() {
        List<String> names = new ArrayList<>();
        double lastStep = 0;
        for (Sheet sheet : wb) {
            Cell a2 = cell(sheet, 1, 0);
            if (a2 == null || !"Table 表".equals(a2.getStringCellValue())) {
                continue;
            }
            names.add(sheet.getSheetName());
            Row props = sheet.getRow(1);
            assertEquals(List.of("Table 表", "Hit 命中", "Per 每", "Claim type 索赔类型", "Step 步骤", "Gate 生效条件"),
                    List.of(s(props, 0), s(props, 2), s(props, 4), s(props, 6), s(props, 8), s(props, 10)));
            assertTrue(s(props, 1).matches("[A-Za-z][A-Za-z0-9_]*"), sheet.getSheetName());
            assertTrue(Set.of("FIRST", "COLLECT").contains(s(props, 3)));
            assertTrue(Set.of("CLAIM", "LINE").contains(s(props, 5)));
            // the terms also serve roadside assistance (workbook-format.md, "The vehicle line")
            assertEquals(sheet.getSheetName().equals("Terms 保修期限") ? "WARRANTY, ASSISTANCE" : "WARRANTY",
                    s(props, 7), sheet.getSheetName());
            Cell step = props.getCell(9);
            assertEquals(CellType.NUMERIC, step.getCellType(), "step is a number cell");
            assertTrue(step.getNumericCellValue() > lastStep, "steps ascend in sheet order");
            lastStep = step.getNumericCellValue();
            assertFalse(cell(sheet, 0, 0).getStringCellValue().isBlank(), "title in A1");
        }
        assertEquals(TABLE_SHEETS, names);

        Row coverage = wb.getSheet("Coverage 保修范围").getRow(1);
        assertEquals(List.of("Coverage", "FIRST", "LINE", "WARRANTY"),
                List.of(s(coverage, 1), s(coverage, 3), s(coverage, 5), s(coverage, 7)));
        assertEquals(40, coverage.getCell(9).getNumericCellValue());
        Cell noGate = coverage.getCell(11);
        assertTrue(noGate == null || noGate.getCellType() == CellType.BLANK);
        Row early = wb.getSheet("Sanbao early 三包早期").getRow(1);
        assertEquals("sanbao.allowed", s(early, 11));
        assertEquals("COLLECT", s(early, 3));
    }

    @Test
    void bindingsTypesAndHeaders() {
        Sheet coverage = wb.getSheet("Coverage 保修范围");
        assertEquals(List.of("ID", "IF line.cause", "IF line.system", "IF line.monthsOverTerm", "IF line.kmOverTerm",
                "IF line.repairable", "THEN line.covered", "THEN line.remedy", "CODE", "TEXT zh", "TEXT en", "NOTE"),
                texts(coverage.getRow(2), 12));
        assertEquals(List.of("rule id", "enum set Cause", "enum set PartSystem", "integer range", "integer range",
                "boolean", "boolean", "enum LineRemedy", "code", "text", "text", "text"),
                texts(coverage.getRow(3), 12));
        for (String name : TABLE_SHEETS) {
            Sheet sheet = wb.getSheet(name);
            Row bindings = sheet.getRow(2);
            Row types = sheet.getRow(3);
            Row headers = sheet.getRow(4);
            assertEquals("ID", s(bindings, 0), name);
            assertEquals("rule id", s(types, 0), name);
            for (int c = 0; c < bindings.getLastCellNum(); c++) {
                String binding = s(bindings, c);
                assertTrue(binding.matches("ID|IF \\S+|THEN \\S+|EFFECT|CODE|TEXT zh|TEXT en|NOTE"), binding);
                assertNotNull(bindings.getCell(c).getCellComment(), name + " " + binding + " has a comment");
                assertFalse(s(types, c).isBlank(), name + " type of " + binding);
                String header = s(headers, c);
                assertTrue(header.codePoints().anyMatch(cp -> cp >= 0x4E00 && cp <= 0x9FFF)
                        && header.matches(".*[A-Za-z].*"), "bilingual header: " + header);
                assertTrue(headers.getCell(c).getCellStyle().getFillPattern().getCode() != 0, "header filled");
                if (s(types, c).startsWith("enum set ")) {
                    assertNotNull(headers.getCell(c).getCellComment(), name + " " + binding + " lists its values");
                }
            }
            assertEquals(bindings.getLastCellNum(), types.getLastCellNum(), name);
            assertEquals(bindings.getLastCellNum(), headers.getLastCellNum(), name);
            PaneInformation pane = sheet.getPaneInformation();
            assertNotNull(pane, name);
            assertTrue(pane.isFreezePane());
            assertEquals(5, pane.getHorizontalSplitPosition(), name + " rows 1-5 frozen");
            assertEquals(0, pane.getVerticalSplitPosition());
        }
        String comment = coverage.getRow(2).getCell(4).getCellComment().getString().getString();
        assertTrue(comment.contains("line.kmOverTerm") && comment.contains("integer range"), comment);
    }

    @Test
    void dropDownsOnEnumAndBooleanColumns() {
        XSSFSheet coverage = wb.getSheet("Coverage 保修范围");
        Map<Integer, DataValidation> byColumn = validations(coverage);
        // IF line.repairable, THEN line.covered: boolean
        for (int c : new int[] {5, 6}) {
            DataValidation dv = byColumn.get(c);
            assertNotNull(dv, "boolean column " + c);
            assertEquals(ValidationType.LIST, dv.getValidationConstraint().getValidationType());
            assertEquals(List.of("TRUE", "FALSE"), List.of(dv.getValidationConstraint().getExplicitListValues()));
            CellRangeAddress range = dv.getRegions().getCellRangeAddress(0);
            assertEquals(5, range.getFirstRow());
            assertEquals(199, range.getLastRow());
        }
        // THEN line.remedy: enum LineRemedy
        assertEquals(List.of("REPAIR", "REPLACE_PART", "NONE"),
                List.of(byColumn.get(7).getValidationConstraint().getExplicitListValues()));
        // enum set columns: no list (cells hold several values)
        assertNull(byColumn.get(1));
        assertNull(byColumn.get(2));
        String allowed = coverage.getRow(4).getCell(1).getCellComment().getString().getString();
        assertTrue(allowed.contains("QUALITY_DEFECT") && allowed.contains("DELIBERATE"), allowed);

        Map<Integer, DataValidation> checks = validations(wb.getSheet("Claim checks 索赔审核"));
        assertEquals(List.of("DENY", "REFER", "INFO"),
                List.of(checks.get(2).getValidationConstraint().getExplicitListValues()));

        Map<Integer, DataValidation> early = validations(wb.getSheet("Sanbao early 三包早期"));
        assertEquals(List.of("NONE", "REPAIR", "REPLACE_PART", "REPLACE_ASSEMBLY", "REPLACE_OR_REFUND", "TOTAL_LOSS"),
                List.of(early.get(9).getValidationConstraint().getExplicitListValues()));
        assertEquals(ValidationType.DECIMAL, early.get(11).getValidationConstraint().getValidationType(),
                "rate output");

        Map<Integer, DataValidation> terms = validations(wb.getSheet("Terms 保修期限"));
        assertEquals(ValidationType.INTEGER, terms.get(2).getValidationConstraint().getValidationType());
        assertEquals(ValidationType.INTEGER, terms.get(3).getValidationConstraint().getValidationType());
    }

    @Test
    void valuesAreTypedCells() {
        Sheet terms = wb.getSheet("Terms 保修期限");
        Row t01 = terms.getRow(5);
        assertEquals("T-01", s(t01, 0));
        assertEquals(CellType.NUMERIC, t01.getCell(2).getCellType(), "integer output is a number cell");
        assertEquals(96, t01.getCell(2).getNumericCellValue());
        assertEquals(150000, t01.getCell(3).getNumericCellValue());
        Row t04 = terms.getRow(8);
        assertEquals("T-04", s(t04, 0));
        assertTrue(s(t04, 4).contains("Roadside assistance (A1) reads this row as the whole-vehicle term"),
                s(t04, 4));
        assertTrue(t04.getCell(1) == null || t04.getCell(1).getCellType() == CellType.BLANK, "blank = any");
        assertNull(terms.getRow(9), "rule rows end after T-04");

        Sheet regimes = wb.getSheet("Regimes 三包规定");
        Row rg02 = regimes.getRow(6);
        assertEquals(">= 2022-01-01", s(rg02, 1));
        assertEquals("R2021", s(rg02, 2));
        assertEquals(CellType.NUMERIC, rg02.getCell(3).getCellType());
        assertEquals(0.005, rg02.getCell(8).getNumericCellValue(), 1e-12);
        assertEquals("0.5%", new DataFormatter().formatCellValue(rg02.getCell(8)));

        Sheet checks = wb.getSheet("Claim checks 索赔审核");
        Cell authorized = checks.getRow(5).getCell(1);
        assertEquals(CellType.BOOLEAN, authorized.getCellType());
        assertFalse(authorized.getBooleanCellValue());
    }

    @Test
    void ruleIdsAreUniqueAndCodedRowsHaveBothTexts() {
        Set<String> ids = new HashSet<>();
        Pattern placeholder = Pattern.compile("\\{([^}]*)}");
        Set<String> extra = Set.of("line.id", "line.part", "line.problem", "claim.id", "shop.id",
                "documents.missing");
        for (String name : TABLE_SHEETS) {
            Sheet sheet = wb.getSheet(name);
            List<String> bindings = texts(sheet.getRow(2), sheet.getRow(2).getLastCellNum());
            boolean line = "LINE".equals(s(sheet.getRow(1), 5));
            for (int r = 5; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                String id = s(row, 0);
                assertTrue(ids.add(id), "duplicate rule id " + id);
                int code = bindings.indexOf("CODE");
                if (code >= 0 && row.getCell(code) != null) {
                    for (String text : List.of("TEXT zh", "TEXT en")) {
                        String value = s(row, bindings.indexOf(text));
                        assertFalse(value.isBlank(), id + " " + text);
                        Matcher m = placeholder.matcher(value);
                        while (m.find()) {
                            String fact = m.group(1).replaceFirst("^rule\\.", "");
                            assertTrue(extra.contains(fact) || WorkbookBuilder.ColumnDocs.knownFacts().contains(fact),
                                    id + ": unknown placeholder {" + fact + "}");
                            assertTrue(line || !fact.startsWith("line."), id + ": claim table names " + fact);
                        }
                    }
                }
            }
        }
        assertEquals(35, ids.size());
    }

    @Test
    void noFormulasNoMergedCells() {
        for (Sheet sheet : wb) {
            assertEquals(0, sheet.getNumMergedRegions(), sheet.getSheetName());
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertTrue(cell.getCellType() != CellType.FORMULA,
                            sheet.getSheetName() + "!" + cell.getAddress());
                }
            }
        }
    }

    @Test
    void outputIsDeterministic() {
        assertArrayEquals(bytes, DefaultWarrantyWorkbook.build());
    }

    @Test
    void shippedWorkbookIsUpToDate() throws IOException {
        Path shipped = Path.of("src/main/resources/io/autoclaims/rules/default/warranty.xlsx");
        if (Files.exists(shipped)) {
            assertArrayEquals(bytes, Files.readAllBytes(shipped),
                    "regenerate warranty.xlsx with DefaultWarrantyWorkbook.main");
        }
    }

    @Test
    void builderChecksItsInput() throws IOException {
        WorkbookBuilder b = WorkbookBuilder.create().about("t", "1", null, null);
        WorkbookBuilder.TableBuilder t = b.table("T 表", "T").column("ID", "rule id", "Rule id 规则编号")
                .column("IF incident.cause", "enum Cause", "Cause 原因")
                .column("THEN x", "integer", "X 某值");
        assertThrows(IllegalArgumentException.class, () -> t.row("A-1"));
        assertThrows(IllegalArgumentException.class, () -> t.row("A-1", "COLLISION", 1.5));
        assertThrows(IllegalArgumentException.class, () -> b.table("T 表", "T"));
        assertThrows(IllegalArgumentException.class, () -> b.table("U", "1U"));
        assertThrows(IllegalArgumentException.class, () -> t.claimType("WARRANTY, LEASE"));
        assertThrows(IllegalArgumentException.class, () -> t.claimType("WARRANTY, WARRANTY"));
        assertThrows(IllegalArgumentException.class, () -> t.claimType(""));
        assertThrows(IllegalArgumentException.class, () -> b.reference("T 表"));
        assertThrows(IllegalArgumentException.class, () -> b.reference("R").note("Table 表"));
        t.row("A-1", "COLLISION", 7L);
        try (Workbook small = new XSSFWorkbook(new ByteArrayInputStream(b.toBytes()))) {
            // Cause has too many constants for an inline list: the drop-down reads a hidden sheet
            XSSFSheet sheet = (XSSFSheet) small.getSheet("T 表");
            DataValidation dv = validations(sheet).get(1);
            assertEquals(ValidationType.LIST, dv.getValidationConstraint().getValidationType());
            assertTrue(dv.getValidationConstraint().getFormula1().contains("Lists"));
            int lists = small.getSheetIndex("Lists 列表");
            assertTrue(small.isSheetHidden(lists));
            assertEquals(7, sheet.getRow(5).getCell(2).getNumericCellValue());
        }
    }

    @Test
    void claimTypesAreWrittenAsGivenAndReferenceSheetsAreNoTables() throws IOException {
        WorkbookBuilder b = WorkbookBuilder.create().about("t", "1", null, null);
        b.table("T 表", "T").claimType("WARRANTY, ASSISTANCE").column("ID", "rule id", "Rule id 规则编号")
                .column("THEN charge.memberFreeKm", "decimal", "Free km 免费公里")
                .column("THEN charge.memberFixedCny", "money", "Fixed 固定价")
                .row("A-1", 15, 0);
        b.reference("R 参考").title("Reference 参考").column("Name 名称", 10).column("Value 值", 10).row("x", "y");
        try (XSSFWorkbook small = new XSSFWorkbook(new ByteArrayInputStream(b.toBytes()))) {
            assertEquals(List.of("About 说明", "T 表", "R 参考"),
                    List.of(small.getSheetName(0), small.getSheetName(1), small.getSheetName(2)));
            XSSFSheet t = small.getSheet("T 表");
            assertEquals("WARRANTY, ASSISTANCE", t.getRow(1).getCell(7).getStringCellValue());
            Map<Integer, DataValidation> dvs = validations(t);
            assertEquals(ValidationType.DECIMAL, dvs.get(1).getValidationConstraint().getValidationType());
            assertEquals(ValidationType.DECIMAL, dvs.get(2).getValidationConstraint().getValidationType());
            Cell zero = t.getRow(5).getCell(2);
            assertEquals(CellType.NUMERIC, zero.getCellType(), "a price of 0 is a number cell");
            assertEquals("0.00", new DataFormatter().formatCellValue(zero));
            assertEquals("15", new DataFormatter().formatCellValue(t.getRow(5).getCell(1)));
            Sheet r = small.getSheet("R 参考");
            assertFalse(isTable(r));
            assertEquals("Reference 参考", r.getRow(0).getCell(0).getStringCellValue());
            assertEquals(List.of("Name 名称", "Value 值"), texts(r.getRow(3), 2));
            assertEquals(List.of("x", "y"), texts(r.getRow(4), 2));
        }
    }

    /** The builder writes the engine's vocabularies out; they must agree with the engine's enums. */
    @Test
    void hardCodedVocabulariesMatchTheEngine() {
        Map<String, List<WorkbookBuilder.EnumValue>> written = Map.of(
                "io.autoclaims.rules.internal.Formula", WorkbookBuilder.FORMULAS,
                "io.autoclaims.rules.internal.ChargeBasis", WorkbookBuilder.CHARGE_BASES,
                "io.autoclaims.rules.internal.Effect", WorkbookBuilder.enumValues("enum Effect"));
        assertEquals(List.of("LINES_SUM", "MIN_ASSESSED", "MIN_INVOICED", "CAP_SUM_INSURED", "DEDUCTIBLE",
                "PLUS_RESCUE"), names(WorkbookBuilder.enumValues("enum Formula")));
        assertEquals(List.of("TARIFF", "HIGHWAY_TOLL"), names(WorkbookBuilder.enumValues("enum ChargeBasis")));
        for (var e : written.entrySet()) {
            Class<?> cls;
            try {
                cls = Class.forName(e.getKey());
            } catch (ClassNotFoundException missing) {
                continue; // the engine does not have this vocabulary (yet): nothing to compare
            }
            Set<String> engine = new HashSet<>();
            for (Object o : cls.getEnumConstants()) {
                engine.add(((Enum<?>) o).name());
            }
            assertEquals(engine, new HashSet<>(names(e.getValue())), e.getKey());
        }
    }

    // ---------------------------------------------------------------------------------------------
    // checks shared with DefaultInsuranceWorkbookTest and DefaultAssistanceWorkbookTest

    /** Expected row 2 of a table sheet. */
    record TableProps(String sheet, String key, String hit, String per, String claimType, int step) {
    }

    static boolean isTable(Sheet sheet) {
        Cell a2 = cell(sheet, 1, 0);
        return a2 != null && a2.getCellType() == CellType.STRING && "Table 表".equals(a2.getStringCellValue());
    }

    /**
     * The table sheets, in order, with their properties; rows 3-5 (bindings with comments, types,
     * bilingual filled headers) and frozen panes.
     */
    static void checkTables(Workbook wb, List<TableProps> expected) {
        List<TableProps> actual = new ArrayList<>();
        for (Sheet sheet : wb) {
            if (!isTable(sheet)) {
                continue;
            }
            String name = sheet.getSheetName();
            Row props = sheet.getRow(1);
            assertEquals(List.of("Table 表", "Hit 命中", "Per 每", "Claim type 索赔类型", "Step 步骤", "Gate 生效条件"),
                    List.of(s(props, 0), s(props, 2), s(props, 4), s(props, 6), s(props, 8), s(props, 10)));
            Cell step = props.getCell(9);
            assertEquals(CellType.NUMERIC, step.getCellType(), "step is a number cell");
            actual.add(new TableProps(name, s(props, 1), s(props, 3), s(props, 5), s(props, 7),
                    (int) step.getNumericCellValue()));
            Cell gate = props.getCell(11);
            assertTrue(gate == null || gate.getCellType() == CellType.BLANK, name + ": no gate");
            assertFalse(cell(sheet, 0, 0).getStringCellValue().isBlank(), "title in A1");

            Row bindings = sheet.getRow(2);
            Row types = sheet.getRow(3);
            Row headers = sheet.getRow(4);
            assertEquals("ID", s(bindings, 0), name);
            assertEquals("rule id", s(types, 0), name);
            assertTrue(bindings.getLastCellNum() <= 15, name + ": at most 15 columns");
            for (int c = 0; c < bindings.getLastCellNum(); c++) {
                String binding = s(bindings, c);
                assertTrue(binding.matches("ID|IF \\S+|THEN \\S+|EFFECT|CODE|TEXT zh|TEXT en|NOTE"), binding);
                String comment = bindings.getCell(c).getCellComment().getString().getString();
                assertTrue(comment.contains(s(types, c)), name + " " + binding + ": " + comment);
                if (binding.startsWith("IF ") || binding.startsWith("THEN ")) {
                    String fact = binding.substring(binding.indexOf(' ') + 1);
                    assertTrue(comment.contains(fact + ": "), name + " " + binding + " is documented: " + comment);
                }
                assertFalse(s(types, c).isBlank(), name + " type of " + binding);
                String header = s(headers, c);
                assertTrue(header.codePoints().anyMatch(cp -> cp >= 0x4E00 && cp <= 0x9FFF)
                        && header.matches(".*[A-Za-z].*"), "bilingual header: " + header);
                assertTrue(headers.getCell(c).getCellStyle().getFillPattern().getCode() != 0, "header filled");
                if (s(types, c).startsWith("enum set ")) {
                    assertNotNull(headers.getCell(c).getCellComment(), name + " " + binding + " lists its values");
                }
            }
            assertEquals(bindings.getLastCellNum(), types.getLastCellNum(), name);
            assertEquals(bindings.getLastCellNum(), headers.getLastCellNum(), name);
            PaneInformation pane = sheet.getPaneInformation();
            assertNotNull(pane, name);
            assertTrue(pane.isFreezePane());
            assertEquals(5, pane.getHorizontalSplitPosition(), name + " rows 1-5 frozen");
        }
        assertEquals(expected, actual);
    }

    /** Row 3 of a table sheet: what each column reads or sets. */
    static List<String> bindings(Workbook wb, String sheet) {
        Row row = wb.getSheet(sheet).getRow(2);
        return texts(row, row.getLastCellNum());
    }

    /** Row 4 of a table sheet: the declared types. */
    static List<String> types(Workbook wb, String sheet) {
        Row row = wb.getSheet(sheet).getRow(3);
        return texts(row, row.getLastCellNum());
    }

    /** The rule ids of a table sheet, top to bottom, until the first blank id. */
    static List<String> ruleIds(Sheet sheet) {
        List<String> ids = new ArrayList<>();
        for (int r = 5; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null || s(row, 0).isBlank()) {
                break;
            }
            ids.add(s(row, 0));
        }
        return ids;
    }

    /** The rule row with the given id. */
    static Row ruleRow(Workbook wb, String id) {
        for (Sheet sheet : wb) {
            if (isTable(sheet)) {
                int i = ruleIds(sheet).indexOf(id);
                if (i >= 0) {
                    return sheet.getRow(5 + i);
                }
            }
        }
        throw new AssertionError("no rule row " + id);
    }

    /** The cell of a rule row under the given binding (row 3); null when blank. */
    static Cell cellOf(Row row, String binding) {
        Row bindings = row.getSheet().getRow(2);
        int c = texts(bindings, bindings.getLastCellNum()).indexOf(binding);
        assertTrue(c >= 0, "no column " + binding + " in " + row.getSheet().getSheetName());
        return row.getCell(c);
    }

    /** The text of a rule row's cell under the given binding ("" when blank). */
    static String textOf(Row row, String binding) {
        Cell cell = cellOf(row, binding);
        return cell == null || cell.getCellType() == CellType.BLANK ? "" : cell.getStringCellValue();
    }

    /**
     * Every rule id is unique within the workbook, every row with a CODE has both texts (and a row
     * without one none), and every placeholder names a fact the table can read; {@code {rule.x}}
     * must be a condition of the row. Returns the rule ids in sheet order.
     */
    static List<String> checkRuleRows(Workbook wb) {
        List<String> all = new ArrayList<>();
        Pattern placeholder = Pattern.compile("\\{([^}]*)}");
        Set<String> extra = Set.of("line.id", "line.part", "line.problem", "claim.id", "shop.id",
                "documents.missing");
        for (Sheet sheet : wb) {
            if (!isTable(sheet)) {
                continue;
            }
            List<String> bindings = texts(sheet.getRow(2), sheet.getRow(2).getLastCellNum());
            boolean line = "LINE".equals(s(sheet.getRow(1), 5));
            int code = bindings.indexOf("CODE");
            for (String id : ruleIds(sheet)) {
                assertFalse(all.contains(id), "duplicate rule id " + id);
                all.add(id);
                assertTrue(id.matches("[A-Z][A-Z0-9]*-[0-9]{2}"), "rule id " + id);
                Row row = ruleRow(wb, id);
                if (code < 0 || s(row, code).isBlank()) {
                    for (String text : List.of("TEXT zh", "TEXT en")) {
                        assertTrue(!bindings.contains(text) || s(row, bindings.indexOf(text)).isBlank(),
                                id + ": a text without a code is never shown");
                    }
                    continue;
                }
                assertTrue(s(row, code).matches("[A-Z][A-Z0-9_]*"), id + " code " + s(row, code));
                for (String text : List.of("TEXT zh", "TEXT en")) {
                    assertTrue(bindings.contains(text), id + ": coded row in a table without " + text);
                    String value = s(row, bindings.indexOf(text));
                    assertFalse(value.isBlank(), id + " " + text);
                    assertTrue(text.equals("TEXT zh")
                            ? value.codePoints().anyMatch(cp -> cp >= 0x4E00 && cp <= 0x9FFF)
                            : value.matches("[A-Z{].*[a-z]{3,}.*"), id + " " + text + " is in its language: " + value);
                    Matcher m = placeholder.matcher(value);
                    while (m.find()) {
                        String name = m.group(1);
                        String fact = name.replaceFirst("^rule\\.", "");
                        assertTrue(extra.contains(fact) || WorkbookBuilder.ColumnDocs.knownFacts().contains(fact),
                                id + ": unknown placeholder {" + name + "}");
                        assertTrue(line || !fact.startsWith("line."), id + ": claim table names " + fact);
                        if (name.startsWith("rule.")) {
                            int c = bindings.indexOf("IF " + fact);
                            assertTrue(c >= 0 && !s(row, c).isBlank(),
                                    id + ": {" + name + "} is not a condition of the row");
                        }
                    }
                }
            }
        }
        return all;
    }

    static Map<Integer, DataValidation> validations(XSSFSheet sheet) {
        Map<Integer, DataValidation> out = new LinkedHashMap<>();
        for (DataValidation dv : sheet.getDataValidations()) {
            for (CellRangeAddress range : dv.getRegions().getCellRangeAddresses()) {
                for (int c = range.getFirstColumn(); c <= range.getLastColumn(); c++) {
                    out.put(c, dv);
                }
            }
        }
        return out;
    }

    static List<String> names(List<WorkbookBuilder.EnumValue> values) {
        return values.stream().map(WorkbookBuilder.EnumValue::name).toList();
    }

    static Cell cell(Sheet sheet, int r, int c) {
        Row row = sheet.getRow(r);
        return row == null ? null : row.getCell(c);
    }

    static String s(Row row, int c) {
        Cell cell = row.getCell(c);
        return cell == null || cell.getCellType() == CellType.BLANK ? "" : cell.getStringCellValue();
    }

    static List<String> texts(Row row, int n) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            out.add(s(row, c));
        }
        return out;
    }
}
