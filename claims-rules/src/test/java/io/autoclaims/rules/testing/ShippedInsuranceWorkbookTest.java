package io.autoclaims.rules.testing;

import static io.autoclaims.rules.testing.ShippedWorkbookChecks.bindings;
import static io.autoclaims.rules.testing.ShippedWorkbookChecks.cellOf;
import static io.autoclaims.rules.testing.ShippedWorkbookChecks.checkAbout;
import static io.autoclaims.rules.testing.ShippedWorkbookChecks.checkRuleRows;
import static io.autoclaims.rules.testing.ShippedWorkbookChecks.checkTables;
import static io.autoclaims.rules.testing.ShippedWorkbookChecks.isTable;
import static io.autoclaims.rules.testing.ShippedWorkbookChecks.ruleIds;
import static io.autoclaims.rules.testing.ShippedWorkbookChecks.ruleRow;
import static io.autoclaims.rules.testing.ShippedWorkbookChecks.s;
import static io.autoclaims.rules.testing.ShippedWorkbookChecks.textOf;
import static io.autoclaims.rules.testing.ShippedWorkbookChecks.texts;
import static io.autoclaims.rules.testing.ShippedWorkbookChecks.types;
import static io.autoclaims.rules.testing.ShippedWorkbookChecks.validations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.rules.testing.ShippedWorkbookChecks.TableProps;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped insurance workbook, read with POI as the analysts last saved it: its tables, columns,
 * rule rows and drop-downs as docs/workbook-format.md lays them out and the policy reads.
 */
class ShippedInsuranceWorkbookTest {

    static final String FORMULAS_SHEET = "Formulas 公式";
    /** The causes vehicle damage cover never pays for: I10's condition on the claim and on each line. */
    private static final String NOT_PERILS = "QUALITY_DEFECT, NORMAL_WEAR, BREAKDOWN, MISUSE, IMPROPER_MAINTENANCE, "
            + "UNAUTHORIZED_MODIFICATION, IMPROPER_HANDLING, FORCE_MAJEURE";

    private static XSSFWorkbook wb;

    @BeforeAll
    static void open() {
        wb = ShippedWorkbooks.open("insurance.xlsx");
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
                new TableProps("Policy checks 保单审核", "PolicyChecks", "COLLECT", "CLAIM", "INSURANCE", 10),
                new TableProps("Driver and vehicle 驾驶人与车辆", "DriverChecks", "COLLECT", "CLAIM", "INSURANCE", 20),
                new TableProps("Perils 保险责任", "Perils", "COLLECT", "CLAIM", "INSURANCE", 30),
                new TableProps("Lines 定损项目", "InsuranceLines", "FIRST", "LINE", "INSURANCE", 40),
                new TableProps("Loss 损失核定", "Loss", "COLLECT", "CLAIM", "INSURANCE", 50),
                new TableProps("Total loss 推定全损", "TotalLoss", "COLLECT", "CLAIM", "INSURANCE", 60),
                new TableProps("Payment 赔付计算", "Payment", "COLLECT", "CLAIM", "INSURANCE", 70),
                new TableProps("Referrals 理赔转人工", "InsuranceReferrals", "COLLECT", "CLAIM", "INSURANCE", 80),
                new TableProps("Documents 理赔单证", "InsuranceDocuments", "COLLECT", "CLAIM", "INSURANCE", 90)));
    }

    @Test
    void columnsInTheDocumentedOrder() {
        List<String> reason = List.of("CODE", "TEXT zh", "TEXT en", "NOTE");
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("Policy checks 保单审核", cols(reason, "IF policy.inForce", "IF policy.coverages",
                "IF incident.monthsToSubmit", "EFFECT"));
        expected.put("Driver and vehicle 驾驶人与车辆", cols(reason, "IF driver.bacMgPer100ml", "IF driver.licensed",
                "IF driver.permittedByInsured", "IF driver.leftScene", "IF vehicle.inspectionValid", "EFFECT"));
        expected.put("Perils 保险责任", cols(reason, "IF incident.cause", "IF policy.addOns", "EFFECT"));
        expected.put("Lines 定损项目", cols(reason, "IF line.cause", "IF policy.addOns", "IF line.repairable",
                "THEN line.covered", "THEN line.remedy"));
        expected.put("Loss 损失核定", cols(reason, "IF assessment.amountKnown", "IF assessment.atOtherShop",
                "IF assessment.invoiceKnown", "THEN claim.compute", "EFFECT"));
        expected.put("Total loss 推定全损", cols(reason, "IF claim.lossAtSumInsured", "THEN claim.compute",
                "THEN claim.vehicleRemedy"));
        expected.put("Payment 赔付计算", cols(reason, "IF policy.hasDeductible", "IF incident.rescueCostCny",
                "THEN claim.compute"));
        expected.put("Referrals 理赔转人工", cols(reason, "IF incident.reportTimesKnown", "IF incident.hoursToReport",
                "IF incident.daysToReport", "IF policy.daysSinceStart", "IF claim.payableCny", "EFFECT"));
        expected.put("Documents 理赔单证", cols(reason, "IF incident.handledBy", "IF incident.rescueCostCny",
                "IF claim.causes", "IF claim.payee", "THEN documents.required"));
        for (var e : expected.entrySet()) {
            assertEquals(e.getValue(), bindings(wb, e.getKey()), e.getKey());
        }
        assertEquals(List.of("rule id", "decimal range", "boolean", "boolean", "boolean", "boolean", "enum Effect",
                "code", "text", "text", "text"), types(wb, "Driver and vehicle 驾驶人与车辆"));
        assertEquals(List.of("rule id", "enum set Cause", "enum set AddOn", "boolean", "boolean", "enum LineRemedy",
                "code", "text", "text", "text"), types(wb, "Lines 定损项目"));
        assertEquals(List.of("rule id", "boolean", "decimal range", "integer range", "integer range", "money range",
                "enum Effect", "code", "text", "text", "text"), types(wb, "Referrals 理赔转人工"));
        assertEquals(List.of("rule id", "enum set HandledBy", "money range", "enum set Cause", "enum set Payee",
                "enum set DocumentCode", "code", "text", "text", "text"), types(wb, "Documents 理赔单证"));
        assertEquals("enum Formula", types(wb, "Loss 损失核定").get(4));
        assertEquals("enum Remedy", types(wb, "Total loss 推定全损").get(3));
        assertEquals("enum set Coverage", types(wb, "Policy checks 保单审核").get(2));
        assertEquals("integer range", types(wb, "Policy checks 保单审核").get(3));
    }

    @Test
    void ruleIdsInEachTable() {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("Policy checks 保单审核", List.of("I1-01", "I2-01", "I3-01"));
        expected.put("Driver and vehicle 驾驶人与车辆", List.of("I4-01", "I5-01", "I6-01", "I7-01", "I8-01"));
        expected.put("Perils 保险责任", List.of("I9-01", "I10-01", "I11-01", "I11-02"));
        expected.put("Lines 定损项目", List.of("I9-02", "I10-02", "I11-03", "I11-04", "L1-01", "L1-02"));
        expected.put("Loss 损失核定", List.of("L2-01", "L2-02", "L3-01", "L3-02"));
        expected.put("Total loss 推定全损", List.of("L4-01"));
        expected.put("Payment 赔付计算", List.of("L5-01", "L5-02", "L6-01"));
        expected.put("Referrals 理赔转人工", List.of("I12-01", "I12-02", "I13-01", "I14-01"));
        expected.put("Documents 理赔单证", List.of("ID-01", "ID-02", "ID-03", "ID-04", "ID-05", "ID-06", "ID-07",
                "ID-08"));
        for (var e : expected.entrySet()) {
            assertEquals(e.getValue(), ruleIds(wb.getSheet(e.getKey())), e.getKey());
        }
    }

    @Test
    void ruleIdsAreUniqueAndCodedRowsHaveBothTexts() {
        List<String> ids = checkRuleRows(wb);
        assertEquals(38, ids.size());
    }

    @Test
    void conditionsAndOutputsAsThePolicySays() {
        Row i1 = ruleRow(wb, "I1-01");
        assertEquals(CellType.BOOLEAN, cellOf(i1, "IF policy.inForce").getCellType());
        assertFalse(cellOf(i1, "IF policy.inForce").getBooleanCellValue());
        assertEquals(List.of("DENY", "POLICY_NOT_IN_FORCE"), List.of(textOf(i1, "EFFECT"), textOf(i1, "CODE")));
        for (String p : List.of("{incident.occurredOn}", "{policy.startsOn}", "{policy.endsOn}")) {
            assertTrue(textOf(i1, "TEXT zh").contains(p) && textOf(i1, "TEXT en").contains(p), p);
        }
        assertEquals("NOT VEHICLE_DAMAGE", textOf(ruleRow(wb, "I2-01"), "IF policy.coverages"));
        assertEquals("> 24", textOf(ruleRow(wb, "I3-01"), "IF incident.monthsToSubmit"));
        assertTrue(textOf(ruleRow(wb, "I3-01"), "NOTE").contains("保险法 art. 26"));
        assertEquals(">= 20", textOf(ruleRow(wb, "I4-01"), "IF driver.bacMgPer100ml"));
        assertTrue(textOf(ruleRow(wb, "I4-01"), "TEXT en").contains("{rule.driver.bacMgPer100ml}"));
        assertTrue(cellOf(ruleRow(wb, "I7-01"), "IF driver.leftScene").getBooleanCellValue());

        assertEquals(NOT_PERILS, textOf(ruleRow(wb, "I10-01"), "IF incident.cause"));
        assertEquals(NOT_PERILS, textOf(ruleRow(wb, "I10-02"), "IF line.cause"));
        assertTrue(textOf(ruleRow(wb, "I10-01"), "TEXT en").contains("warranty claim"));
        assertEquals("NOT WHEEL_ONLY_DAMAGE", textOf(ruleRow(wb, "I11-04"), "IF policy.addOns"));

        Row l101 = ruleRow(wb, "L1-01");
        assertTrue(cellOf(l101, "THEN line.covered").getBooleanCellValue());
        assertEquals("REPAIR", textOf(l101, "THEN line.remedy"));
        assertTrue(textOf(l101, "NOTE").contains("应当尽量修复"));
        assertEquals("REPLACE_PART", textOf(ruleRow(wb, "L1-02"), "THEN line.remedy"));
        assertFalse(cellOf(ruleRow(wb, "I9-02"), "THEN line.covered").getBooleanCellValue());

        Row l201 = ruleRow(wb, "L2-01");
        assertEquals("LINES_SUM", textOf(l201, "THEN claim.compute"));
        assertEquals("", textOf(l201, "CODE"), "L2 is silent");
        assertEquals("", textOf(l201, "IF assessment.amountKnown"));
        assertEquals("MIN_ASSESSED", textOf(ruleRow(wb, "L2-02"), "THEN claim.compute"));
        Row l302 = ruleRow(wb, "L3-02");
        assertEquals("", textOf(l302, "THEN claim.compute"));
        assertEquals(List.of("REFER", "REASSESSED_AT_CHOSEN_SHOP"), List.of(textOf(l302, "EFFECT"), textOf(l302, "CODE")));
        assertEquals(List.of("CAP_SUM_INSURED", "TOTAL_LOSS"), List.of(textOf(ruleRow(wb, "L4-01"), "THEN claim.compute"),
                textOf(ruleRow(wb, "L4-01"), "THEN claim.vehicleRemedy")));
        Row l501 = ruleRow(wb, "L5-01");
        for (String p : List.of("{claim.lossCny}", "{incident.thirdPartyRecoveryCny}", "{policy.absoluteDeductibleRate}",
                "{policy.absoluteDeductibleCny}", "{claim.deductibleCny}", "{claim.payableCny}")) {
            assertTrue(textOf(l501, "TEXT zh").contains(p) && textOf(l501, "TEXT en").contains(p), p);
        }
        assertEquals("DEDUCTIBLE", textOf(ruleRow(wb, "L5-02"), "THEN claim.compute"));
        assertEquals("", textOf(ruleRow(wb, "L5-02"), "CODE"));
        assertEquals("> 0", textOf(ruleRow(wb, "L6-01"), "IF incident.rescueCostCny"));
        assertEquals("PLUS_RESCUE", textOf(ruleRow(wb, "L6-01"), "THEN claim.compute"));

        assertEquals("> 48", textOf(ruleRow(wb, "I12-01"), "IF incident.hoursToReport"));
        assertEquals("> 2", textOf(ruleRow(wb, "I12-02"), "IF incident.daysToReport"));
        assertFalse(cellOf(ruleRow(wb, "I12-02"), "IF incident.reportTimesKnown").getBooleanCellValue());
        assertEquals("0..7", textOf(ruleRow(wb, "I13-01"), "IF policy.daysSinceStart"));
        assertEquals("> 100000", textOf(ruleRow(wb, "I14-01"), "IF claim.payableCny"));

        assertEquals("CLAIM_APPLICATION, POLICY, DRIVING_LICENSE, VEHICLE_LICENSE, INSURED_ID, LOSS_ASSESSMENT, "
                + "REPAIR_INVOICE", textOf(ruleRow(wb, "ID-01"), "THEN documents.required"));
        assertEquals("THEFT", textOf(ruleRow(wb, "ID-06"), "IF claim.causes"));
        assertEquals("BANK_ACCOUNT", textOf(ruleRow(wb, "ID-08"), "THEN documents.required"));
        for (String id : ruleIds(wb.getSheet("Documents 理赔单证"))) {
            Row row = ruleRow(wb, id);
            assertEquals("MISSING_DOCUMENTS", textOf(row, "CODE"), id);
            assertTrue(textOf(row, "TEXT zh").contains("{documents.missing}"), id);
            assertTrue(textOf(row, "TEXT en").contains("{documents.missing}"), id);
        }
    }

    @Test
    void dropDowns() {
        Map<Integer, DataValidation> loss = validations(wb.getSheet("Loss 损失核定"));
        assertEquals(List.of("LINES_SUM", "MIN_ASSESSED", "MIN_INVOICED", "CAP_SUM_INSURED", "DEDUCTIBLE",
                "PLUS_RESCUE"), List.of(loss.get(4).getValidationConstraint().getExplicitListValues()));
        assertEquals(List.of("DENY", "REFER", "INFO"), List.of(loss.get(5).getValidationConstraint().getExplicitListValues()));
        assertEquals(List.of("TRUE", "FALSE"), List.of(loss.get(1).getValidationConstraint().getExplicitListValues()));
        Map<Integer, DataValidation> total = validations(wb.getSheet("Total loss 推定全损"));
        assertTrue(List.of(total.get(3).getValidationConstraint().getExplicitListValues()).contains("TOTAL_LOSS"));
        Map<Integer, DataValidation> lines = validations(wb.getSheet("Lines 定损项目"));
        assertEquals(ValidationType.LIST, lines.get(5).getValidationConstraint().getValidationType());
        assertNull(lines.get(1), "enum set: no drop-down");
    }

    @Test
    void formulasSheetIsAReferenceNotATable() {
        Sheet sheet = wb.getSheet(FORMULAS_SHEET);
        assertFalse(isTable(sheet), "A2 must not read Table 表");
        assertNotEquals("Table 表", s(sheet.getRow(1), 0));
        assertEquals(wb.getNumberOfSheets() - 2, wb.getSheetIndex(FORMULAS_SHEET), "after the tables, before the scenarios");
        assertEquals("Scenarios 测试场景", wb.getSheetName(wb.getNumberOfSheets() - 1));
        List<String> names = new ArrayList<>();
        for (int r = 4; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            names.add(s(row, 0));
            List<String> cells = texts(row, 5);
            for (int c = 1; c < 5; c++) {
                assertFalse(cells.get(c).isBlank(), s(row, 0) + " column " + c);
            }
            assertTrue(cells.get(1).codePoints().anyMatch(cp -> cp >= 0x4E00 && cp <= 0x9FFF), "中文");
        }
        assertEquals(List.of("LINES_SUM", "MIN_ASSESSED", "MIN_INVOICED", "CAP_SUM_INSURED", "DEDUCTIBLE",
                "PLUS_RESCUE"), names);
        assertEquals(ShippedWorkbookChecks.names(WorkbookBuilder.FORMULAS), names);
        // every formula a table applies is on the sheet
        for (Sheet s : wb) {
            if (isTable(s)) {
                int c = bindings(wb, s.getSheetName()).indexOf("THEN claim.compute");
                if (c >= 0) {
                    for (String id : ruleIds(s)) {
                        Cell f = ruleRow(wb, id).getCell(c);
                        assertTrue(f == null || names.contains(f.getStringCellValue()), id);
                    }
                }
            }
        }
    }

    private static List<String> cols(List<String> reason, String... middle) {
        List<String> out = new ArrayList<>();
        out.add("ID");
        out.addAll(List.of(middle));
        out.addAll(reason);
        return out;
    }
}
