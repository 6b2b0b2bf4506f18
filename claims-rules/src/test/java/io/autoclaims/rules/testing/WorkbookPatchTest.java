package io.autoclaims.rules.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.rules.RulebookCheck;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** WorkbookPatch changes the cells it is told to and keeps the rest of the file as the analyst saved it. */
class WorkbookPatchTest {

    private static final byte[] SHIPPED = ShippedWorkbooks.warranty();

    private static String fingerprint(byte[] warranty) {
        return Rulebook.fromWorkbooks(Map.of("warranty.xlsx", warranty)).fingerprint();
    }

    @Test
    void writingACellItsOwnValueChangesNoRule() {
        byte[] same = WorkbookPatch.of(SHIPPED).set("Terms", "C9", 36).bytes();
        assertEquals(fingerprint(SHIPPED), fingerprint(same));
    }

    @Test
    void aPatchedCellChangesTheRuleAndNothingElseOfTheSheet() throws IOException {
        byte[] patched = WorkbookPatch.of(SHIPPED).setRule("Terms", "T-04", "THEN line.termMonths", 48).bytes();
        assertNotEquals(fingerprint(SHIPPED), fingerprint(patched));
        try (XSSFWorkbook before = new XSSFWorkbook(new ByteArrayInputStream(SHIPPED));
                XSSFWorkbook after = new XSSFWorkbook(new ByteArrayInputStream(patched))) {
            assertEquals(48, after.getSheet("Terms 保修期限").getRow(8).getCell(2).getNumericCellValue());
            assertEquals(before.getNumberOfSheets(), after.getNumberOfSheets());
            for (int i = 0; i < before.getNumberOfSheets(); i++) {
                XSSFSheet b = before.getSheetAt(i);
                XSSFSheet a = after.getSheetAt(i);
                String name = b.getSheetName();
                assertEquals(name, a.getSheetName());
                assertEquals(b.getDataValidations().size(), a.getDataValidations().size(), name + " drop-downs");
                assertEquals(b.getCellComments().size(), a.getCellComments().size(), name + " comments");
                assertEquals(String.valueOf(b.getPaneInformation()), String.valueOf(a.getPaneInformation()), name);
                assertEquals(b.getLastRowNum(), a.getLastRowNum(), name);
                for (int c = 0; c < 16; c++) {
                    assertEquals(b.getColumnWidth(c), a.getColumnWidth(c), name + " width of column " + c);
                }
                assertEquals(b.getPrintSetup().getFitWidth(), a.getPrintSetup().getFitWidth(), name);
                assertEquals(b.getPrintSetup().getLandscape(), a.getPrintSetup().getLandscape(), name);
                assertEquals(String.valueOf(b.getRepeatingRows()), String.valueOf(a.getRepeatingRows()), name);
            }
            // the changed cell keeps its style (number format, borders, wrapping)
            assertEquals(before.getSheet("Terms 保修期限").getRow(8).getCell(2).getCellStyle().getIndex(),
                    after.getSheet("Terms 保修期限").getRow(8).getCell(2).getCellStyle().getIndex());
        }
    }

    @Test
    void setsNumbersTextBooleansAndBlanks() throws IOException {
        byte[] patched = WorkbookPatch.of(SHIPPED)
                .set("Claim checks", "B6", true)
                .set("Terms 保修期限", "B9", "ENGINE")
                .set("Terms", "D9", 1.5)
                .set("Terms", "E9", null)
                .bytes();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(patched))) {
            assertEquals(CellType.BOOLEAN, wb.getSheet("Claim checks 索赔审核").getRow(5).getCell(1).getCellType());
            Sheet terms = wb.getSheet("Terms 保修期限");
            assertEquals("ENGINE", terms.getRow(8).getCell(1).getStringCellValue());
            assertEquals(1.5, terms.getRow(8).getCell(3).getNumericCellValue());
            assertEquals(CellType.BLANK, terms.getRow(8).getCell(4).getCellType());
        }
    }

    @Test
    void anInsertedRuleRowIsARuleAndRemovingItRestoresTheRulebook() {
        // T-05 before T-04 (FIRST hit): engines get a longer term; a row inserted by hand, as in Excel
        byte[] inserted = WorkbookPatch.of(SHIPPED).insertRow("Terms", 9)
                .setRow("Terms", 9, "T-05", "ENGINE", 60, 120000, "a longer engine term")
                .bytes();
        assertTrue(RulebookCheck.of(Map.of("warranty.xlsx", inserted)).errors().isEmpty());
        Rulebook rulebook = Rulebook.fromWorkbooks(Map.of("warranty.xlsx", inserted));
        String claim = "{\"claimId\":\"W-1\",\"type\":\"WARRANTY\",\"submittedOn\":\"2024-05-21\","
                + "\"vehicle\":{\"vin\":\"LSGKB54H8JA123456\",\"purchasedOn\":\"2020-01-10\",\"odometerKm\":22000,"
                + "\"warrantyRegistered\":true},\"incident\":{\"occurredOn\":\"2024-05-20\",\"cause\":\"QUALITY_DEFECT\"},"
                + "\"repairShop\":{\"id\":\"4S-SH-001\",\"authorized\":true,\"tier\":\"DEALER_4S\"},"
                + "\"lines\":[{\"lineId\":\"L1\",\"system\":\"ENGINE\",\"part\":\"缸盖\",\"repairCostCny\":950.00,"
                + "\"replaceCostCny\":2100.00}],\"documents\":[\"REPAIR_ORDER\"]}";
        // 52 months after purchase: past T-04's 36 months, within T-05's 60
        assertTrue(Adjudicator.of(rulebook).adjudicateJson(claim).contains("\"decision\":\"APPROVED\""));
        assertTrue(Adjudicator.of(Rulebook.fromWorkbooks(Map.of("warranty.xlsx", SHIPPED))).adjudicateJson(claim)
                .contains("\"decision\":\"DENIED\""));
        byte[] removed = WorkbookPatch.of(inserted).removeRow("Terms", 9).bytes();
        assertEquals(fingerprint(SHIPPED), fingerprint(removed));
    }

    @Test
    void sheetsAreFoundByAnUnambiguousPrefix() {
        WorkbookPatch patch = WorkbookPatch.of(SHIPPED);
        IllegalArgumentException two = assertThrows(IllegalArgumentException.class,
                () -> patch.set("Sanbao repeated", "A6", "X"));
        assertTrue(two.getMessage().startsWith("2 sheets"), two.getMessage());
        assertThrows(IllegalArgumentException.class, () -> patch.set("Nope", "A6", "X"));
        assertThrows(IllegalArgumentException.class, () -> patch.setRule("Terms", "T-99", "THEN line.termKm", 1));
        assertThrows(IllegalArgumentException.class, () -> patch.setRule("Terms", "T-01", "THEN line.colour", 1));
        assertThrows(IllegalArgumentException.class, () -> patch.set("Terms", "C9", new Object()));
        assertEquals("C9", patch.address("Terms", "T-04", "THEN line.termMonths"));
    }
}
