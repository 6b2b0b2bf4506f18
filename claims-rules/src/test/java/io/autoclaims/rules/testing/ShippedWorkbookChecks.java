package io.autoclaims.rules.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Reading and checking rule workbooks with POI, as the analyst sees them: the shipped workbooks' tests
 * (Shipped*WorkbookTest) and WorkbookBuilderTest share these.
 */
final class ShippedWorkbookChecks {

    private ShippedWorkbookChecks() {
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
