package io.autoclaims.rules.testing;

import static io.autoclaims.rules.testing.ShippedWorkbookChecks.bindings;
import static io.autoclaims.rules.testing.ShippedWorkbookChecks.cellOf;
import static io.autoclaims.rules.testing.ShippedWorkbookChecks.checkAbout;
import static io.autoclaims.rules.testing.ShippedWorkbookChecks.checkRuleRows;
import static io.autoclaims.rules.testing.ShippedWorkbookChecks.checkTables;
import static io.autoclaims.rules.testing.ShippedWorkbookChecks.ruleIds;
import static io.autoclaims.rules.testing.ShippedWorkbookChecks.ruleRow;
import static io.autoclaims.rules.testing.ShippedWorkbookChecks.textOf;
import static io.autoclaims.rules.testing.ShippedWorkbookChecks.types;
import static io.autoclaims.rules.testing.ShippedWorkbookChecks.validations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.rules.testing.ShippedWorkbookChecks.TableProps;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped assistance workbook, read with POI as the analysts last saved it: its tables, columns,
 * rule rows and drop-downs as docs/workbook-format.md lays them out and the policy reads.
 */
class ShippedAssistanceWorkbookTest {

    /** The insured perils: A2 sends the rescue after one of these to the insurer. */
    private static final String PERILS = "COLLISION, OVERTURN, FALL, FIRE, EXPLOSION, FALLING_OBJECT, NATURAL_DISASTER, "
            + "THEFT, SPONTANEOUS_COMBUSTION, GLASS_BREAKAGE, WATER_INGRESS";

    private static XSSFWorkbook wb;

    @BeforeAll
    static void open() {
        wb = ShippedWorkbooks.open("assistance.xlsx");
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
    void tablesInStepOrderWithTheirProperties() {
        checkTables(wb, List.of(
                new TableProps("Payer 付费方", "AssistancePayer", "FIRST", "CLAIM", "ASSISTANCE", 200),
                new TableProps("Tariff 救援价目", "Tariff", "COLLECT", "CLAIM", "ASSISTANCE", 210),
                new TableProps("Advice 建议", "AssistanceAdvice", "COLLECT", "CLAIM", "ASSISTANCE", 220)));
        assertEquals(List.of("About 说明", "Payer 付费方", "Tariff 救援价目", "Advice 建议"),
                List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2), wb.getSheetName(3)));
    }

    @Test
    void columnsInTheDocumentedOrder() {
        assertEquals(List.of("ID", "IF incident.cause", "IF vehicle.monthsOverTerm", "IF vehicle.kmOverTerm",
                "IF policy.inForce", "IF policy.coverages", "IF policy.addOns", "IF assistance.membershipValid",
                "THEN assistance.payer", "THEN assistance.tariff", "THEN assistance.capAtSumInsured", "CODE", "TEXT zh",
                "TEXT en", "NOTE"), bindings(wb, "Payer 付费方"));
        assertEquals(List.of("rule id", "enum set Cause", "integer range", "integer range", "boolean",
                "enum set Coverage", "enum set AddOn", "boolean", "enum Payer", "code", "boolean", "code", "text",
                "text", "text"), types(wb, "Payer 付费方"));
        assertEquals(List.of("ID", "IF assistance.service", "IF assistance.insideFifthRing",
                "IF assistance.highwayTollCny", "THEN charge.item", "THEN charge.basis", "THEN charge.memberFixedCny",
                "THEN charge.memberFreeKm", "THEN charge.memberPerKmCny", "THEN charge.nonMemberFixedCny",
                "THEN charge.nonMemberFreeKm", "THEN charge.nonMemberPerKmCny", "THEN charge.payer", "NOTE"),
                bindings(wb, "Tariff 救援价目"));
        assertEquals(List.of("rule id", "enum set AssistanceService", "boolean", "money range", "code",
                "enum ChargeBasis", "money", "decimal", "money", "money", "decimal", "money", "enum Payer", "text"),
                types(wb, "Tariff 救援价目"));
        assertEquals(List.of("ID", "IF assistance.payer", "IF assistance.tariff", "IF assistance.memberSavingsCny",
                "EFFECT", "CODE", "TEXT zh", "TEXT en", "NOTE"), bindings(wb, "Advice 建议"));
        assertEquals(List.of("rule id", "enum set Payer", "code set", "money range", "enum Effect", "code", "text",
                "text", "text"), types(wb, "Advice 建议"));
    }

    @Test
    void ruleIdsAreUniqueAndCodedRowsHaveBothTexts() {
        assertEquals(List.of("A1-01", "A2-01", "A2-02", "A2-03", "A3-01", "A4-01"), ruleIds(wb.getSheet("Payer 付费方")));
        assertEquals(List.of("TF-01", "TF-02", "TF-03", "TF-04"), ruleIds(wb.getSheet("Tariff 救援价目")));
        assertEquals(List.of("MS-01"), ruleIds(wb.getSheet("Advice 建议")));
        assertEquals(11, checkRuleRows(wb).size());
    }

    /** Rule ids are unique in the rulebook: across the three default workbooks. */
    @Test
    void ruleIdsAreUniqueAcrossTheDefaultRulebook() throws IOException {
        Set<String> ids = new HashSet<>();
        List<String> all = new ArrayList<>();
        for (byte[] xlsx : ShippedWorkbooks.all().values()) {
            try (XSSFWorkbook w = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                for (var sheet : w) {
                    if (ShippedWorkbookChecks.isTable(sheet)) {
                        all.addAll(ruleIds(sheet));
                    }
                }
            }
        }
        for (String id : all) {
            assertTrue(ids.add(id), "rule id used twice in the default rulebook: " + id);
        }
        assertEquals(35 + 38 + 11, ids.size());
    }

    @Test
    void whoPays() {
        Row a1 = ruleRow(wb, "A1-01");
        assertEquals("QUALITY_DEFECT, BREAKDOWN", textOf(a1, "IF incident.cause"));
        assertEquals(List.of("<= 0", "<= 0"), List.of(textOf(a1, "IF vehicle.monthsOverTerm"),
                textOf(a1, "IF vehicle.kmOverTerm")));
        assertEquals(List.of("MANUFACTURER", "NON_MEMBER", "WARRANTY_TOWING"), List.of(textOf(a1, "THEN assistance.payer"),
                textOf(a1, "THEN assistance.tariff"), textOf(a1, "CODE")));
        assertNull(cellOf(a1, "THEN assistance.capAtSumInsured"));
        assertTrue(textOf(a1, "TEXT zh").contains("{vehicle.termMonths}") && textOf(a1, "TEXT en").contains("{vehicle.termKm}"));
        assertTrue(textOf(a1, "NOTE").contains("T-04") && textOf(a1, "NOTE").contains("R2021 art. 15"));
        for (String id : List.of("A2-01", "A2-02", "A2-03")) {
            Row a2 = ruleRow(wb, id);
            assertTrue(cellOf(a2, "IF policy.inForce").getBooleanCellValue(), id);
            assertEquals("VEHICLE_DAMAGE", textOf(a2, "IF policy.coverages"), id);
            assertEquals(List.of("INSURER", "NON_MEMBER", "INSURED_RESCUE"), List.of(textOf(a2, "THEN assistance.payer"),
                    textOf(a2, "THEN assistance.tariff"), textOf(a2, "CODE")), id);
            assertTrue(cellOf(a2, "THEN assistance.capAtSumInsured").getBooleanCellValue(), id);
            assertTrue(textOf(a2, "NOTE").contains("reading 26"), id);
        }
        assertEquals(PERILS, textOf(ruleRow(wb, "A2-01"), "IF incident.cause"));
        assertEquals("SCRATCH", textOf(ruleRow(wb, "A2-02"), "IF policy.addOns"));
        assertEquals("WHEEL_ONLY_DAMAGE", textOf(ruleRow(wb, "A2-03"), "IF policy.addOns"));
        Row a3 = ruleRow(wb, "A3-01");
        assertTrue(cellOf(a3, "IF assistance.membershipValid").getBooleanCellValue());
        assertEquals(List.of("CUSTOMER", "MEMBER", "MEMBER_TARIFF"), List.of(textOf(a3, "THEN assistance.payer"),
                textOf(a3, "THEN assistance.tariff"), textOf(a3, "CODE")));
        assertTrue(textOf(a3, "TEXT en").contains("{assistance.membershipValidUntil}"));
        Row a4 = ruleRow(wb, "A4-01");
        for (int c = 1; c <= 7; c++) {
            Cell cell = a4.getCell(c);
            assertTrue(cell == null || cell.getCellType() == CellType.BLANK, "A4-01 conditions are blank");
        }
        assertEquals(List.of("CUSTOMER", "NON_MEMBER", "NON_MEMBER_TARIFF"), List.of(textOf(a4, "THEN assistance.payer"),
                textOf(a4, "THEN assistance.tariff"), textOf(a4, "CODE")));
    }

    @Test
    void tariffPricesAreNumberCells() {
        DataFormatter fmt = new DataFormatter();
        String[] priceColumns = {"THEN charge.memberFixedCny", "THEN charge.memberFreeKm", "THEN charge.memberPerKmCny",
            "THEN charge.nonMemberFixedCny", "THEN charge.nonMemberFreeKm", "THEN charge.nonMemberPerKmCny"};
        Map<String, List<String>> expected = Map.of(
                "TF-01", List.of("0.00", "", "", "100.00", "", ""),
                "TF-02", List.of("0.00", "", "", "300.00", "", ""),
                "TF-03", List.of("0.00", "15", "8.00", "0.00", "0", "15.00"),
                "TF-04", List.of("", "", "", "", "", ""));
        for (var e : expected.entrySet()) {
            Row row = ruleRow(wb, e.getKey());
            List<String> shown = new ArrayList<>();
            for (String col : priceColumns) {
                Cell cell = cellOf(row, col);
                assertTrue(cell == null || cell.getCellType() == CellType.NUMERIC, e.getKey() + " " + col);
                shown.add(cell == null ? "" : fmt.formatCellValue(cell));
            }
            assertEquals(e.getValue(), shown, e.getKey());
        }
        Row tf01 = ruleRow(wb, "TF-01");
        assertTrue(cellOf(tf01, "IF assistance.insideFifthRing").getBooleanCellValue());
        assertEquals(List.of("CALL_OUT", "TARIFF"), List.of(textOf(tf01, "THEN charge.item"), textOf(tf01, "THEN charge.basis")));
        assertFalse(cellOf(ruleRow(wb, "TF-02"), "IF assistance.insideFifthRing").getBooleanCellValue());
        Row tf03 = ruleRow(wb, "TF-03");
        assertEquals(List.of("TOW", "TOWING"), List.of(textOf(tf03, "IF assistance.service"), textOf(tf03, "THEN charge.item")));
        Row tf04 = ruleRow(wb, "TF-04");
        assertEquals(List.of("> 0", "HIGHWAY_TOLL", "HIGHWAY_TOLL", "CUSTOMER"), List.of(
                textOf(tf04, "IF assistance.highwayTollCny"), textOf(tf04, "THEN charge.item"),
                textOf(tf04, "THEN charge.basis"), textOf(tf04, "THEN charge.payer")));
    }

    @Test
    void membershipAdvice() {
        Row ms = ruleRow(wb, "MS-01");
        assertEquals(List.of("CUSTOMER", "NON_MEMBER", "> 380", "INFO", "MEMBERSHIP_WOULD_SAVE"), List.of(
                textOf(ms, "IF assistance.payer"), textOf(ms, "IF assistance.tariff"),
                textOf(ms, "IF assistance.memberSavingsCny"), textOf(ms, "EFFECT"), textOf(ms, "CODE")));
        for (String text : List.of("TEXT zh", "TEXT en")) {
            assertTrue(textOf(ms, text).contains("{assistance.memberSavingsCny}"), text);
            assertTrue(textOf(ms, text).contains("{rule.assistance.memberSavingsCny}"), text);
        }
    }

    @Test
    void dropDowns() {
        Map<Integer, DataValidation> tariff = validations(wb.getSheet("Tariff 救援价目"));
        assertEquals(List.of("TARIFF", "HIGHWAY_TOLL"), List.of(tariff.get(5).getValidationConstraint().getExplicitListValues()));
        assertEquals(List.of("CUSTOMER", "INSURER", "MANUFACTURER", "CLUB"),
                List.of(tariff.get(12).getValidationConstraint().getExplicitListValues()));
        assertNull(tariff.get(1), "enum set: no drop-down");
        Map<Integer, DataValidation> payer = validations(wb.getSheet("Payer 付费方"));
        assertEquals(List.of("CUSTOMER", "INSURER", "MANUFACTURER", "CLUB"),
                List.of(payer.get(8).getValidationConstraint().getExplicitListValues()));
        assertEquals(List.of("TRUE", "FALSE"), List.of(payer.get(10).getValidationConstraint().getExplicitListValues()));
    }

    /** A1 reads the whole-vehicle term from the warranty Terms table, which serves assistance too. */
    @Test
    void theWarrantyTermsServeAssistance() throws IOException {
        try (XSSFWorkbook warranty = ShippedWorkbooks.open("warranty.xlsx")) {
            Row props = warranty.getSheet("Terms 保修期限").getRow(1);
            assertEquals("WARRANTY, ASSISTANCE", props.getCell(7).getStringCellValue());
            assertTrue(props.getCell(9).getNumericCellValue() < 200, "the terms run before the payer table");
            Row t04 = ruleRow(warranty, "T-04");
            assertNull(cellOf(t04, "IF line.system"), "T-04 is the whole-vehicle term: blank system");
        }
    }

}
