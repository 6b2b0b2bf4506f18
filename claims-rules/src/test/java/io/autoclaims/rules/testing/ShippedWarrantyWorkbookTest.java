package io.autoclaims.rules.testing;

import static io.autoclaims.rules.testing.ShippedWorkbookChecks.cell;
import static io.autoclaims.rules.testing.ShippedWorkbookChecks.checkAbout;
import static io.autoclaims.rules.testing.ShippedWorkbookChecks.s;
import static io.autoclaims.rules.testing.ShippedWorkbookChecks.texts;
import static io.autoclaims.rules.testing.ShippedWorkbookChecks.validations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
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
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped warranty workbook, read with POI as the analysts last saved it: its sheets, table
 * properties, column bindings, drop-downs and typed cells follow docs/workbook-format.md.
 */
class ShippedWarrantyWorkbookTest {

    private static final List<String> TABLE_SHEETS = List.of("Regimes 三包规定", "Claim checks 索赔审核",
            "Terms 保修期限", "Coverage 保修范围", "Referrals 转人工", "Sanbao early 三包早期", "Sanbao safety 三包安全",
            "Sanbao repeated safety 三包严重安全故障", "Sanbao repeated repairs 三包多次修理", "Sanbao scope 三包适用",
            "Settlement 结算审核", "Documents 单证");

    private static XSSFWorkbook wb;

    @BeforeAll
    static void open() {
        wb = ShippedWorkbooks.open("warranty.xlsx");
    }

    @AfterAll
    static void close() throws IOException {
        wb.close();
    }

    @Test
    void aboutSheetNamesTheRulebook() {
        checkAbout(wb);
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
}
