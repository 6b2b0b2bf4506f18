package io.autoclaims.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.rules.testing.ShippedWorkbooks;
import io.autoclaims.rules.testing.WorkbookBuilder;
import io.autoclaims.rules.testing.WorkbookPatch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;

/**
 * A workbook an analyst got wrong loads with errors that name the workbook, sheet and cell, say what
 * is wrong and how to fix it; cell text never reaches the rule compiler as code.
 */
class WorkbookErrorsTest {
    private static final String INJECTION = "\"); System.exit(1); //";

    /** A small valid warranty workbook: a terms table and a coverage table. */
    private static WorkbookBuilder workbook(Object termMonths, Object cause, Object code, Object zh) {
        WorkbookBuilder wb = WorkbookBuilder.create().about("test rulebook", "1.0", LocalDate.of(2026, 1, 1), "tests");
        wb.table("Terms 保修期限", "Terms").title("Terms").hit("FIRST").per("LINE").claimType("WARRANTY").step(10)
                .column("ID", "rule id", "Rule id 规则编号")
                .column("IF line.system", "enum set PartSystem", "System 系统")
                .column("THEN line.termMonths", "integer", "Months 月")
                .column("THEN line.termKm", "integer", "Km 公里")
                .row("T-01", null, termMonths, 100000);
        wb.table("Coverage 保修范围", "Coverage").title("Coverage").hit("FIRST").per("LINE").claimType("WARRANTY")
                .step(20)
                .column("ID", "rule id", "Rule id 规则编号")
                .column("IF line.cause", "enum set Cause", "Cause 原因")
                .column("IF line.monthsOverTerm", "integer range", "Months over 超期月数")
                .column("THEN line.covered", "boolean", "Covered 保修")
                .column("THEN line.remedy", "enum LineRemedy", "Remedy 处理")
                .column("CODE", "code", "Code 代码")
                .column("TEXT zh", "text", "中文")
                .column("TEXT en", "text", "English")
                .row("W5-01", null, "> 0", false, "NONE", "WARRANTY_EXPIRED", "保修期已过 {line.termMonths}",
                        "Expired, term {line.termMonths} months")
                .row("W7-01", cause, null, true, "REPAIR", code, zh, "Covered {line.id}");
        return wb;
    }

    private static Map<String, byte[]> files(WorkbookBuilder wb) {
        return Map.of("warranty.xlsx", wb.toBytes());
    }

    private static List<WorkbookIssue> errors(WorkbookBuilder wb) {
        RulebookException e = assertThrows(RulebookException.class, () -> Rulebook.fromWorkbooks(files(wb)));
        return e.errors();
    }

    private static WorkbookIssue onlyError(WorkbookBuilder wb) {
        List<WorkbookIssue> errors = errors(wb);
        assertEquals(1, errors.size(), () -> "expected one error, got " + errors);
        return errors.get(0);
    }

    @Test
    void validWorkbookLoads() {
        Rulebook rb = Rulebook.fromWorkbooks(files(workbook(36, "QUALITY_DEFECT", "COVERED_REPAIR", "保修 {line.id}")));
        assertEquals("test rulebook", rb.name());
        assertEquals("1.0", rb.version());
        assertTrue(rb.fingerprint().matches("[0-9a-f]{64}"));
        assertTrue(rb.toDrl().contains("rule \"Coverage_7\""), rb.toDrl());
    }

    @Test
    void textInANumberColumnNamesTheCell() {
        WorkbookIssue e = onlyError(workbook("3 years", "QUALITY_DEFECT", "COVERED_REPAIR", "保修"));
        assertEquals("warranty.xlsx!Terms 保修期限!C6", e.where().toString());
        assertEquals("\"3 years\" is not a whole number of months", e.message());
        assertTrue(e.hint().contains("36"), e.hint());
        assertTrue(e.toString().startsWith("warranty.xlsx!Terms 保修期限!C6: \"3 years\" is not a whole number"));
    }

    @Test
    void fractionalMonthsAreRejected() {
        WorkbookIssue e = onlyError(workbook(new java.math.BigDecimal("36.5"), "QUALITY_DEFECT", "COVERED_REPAIR", "保修"));
        assertEquals("C6", e.where().cell());
    }

    @Test
    void unknownEnumValueNamesTheCellAndTheAllowedValues() {
        WorkbookIssue e = onlyError(workbook(36, "QUALITY_DEFECTS", "COVERED_REPAIR", "保修"));
        assertEquals("warranty.xlsx!Coverage 保修范围!B7", e.where().toString());
        assertTrue(e.message().contains("\"QUALITY_DEFECTS\" is not a Cause value"), e.message());
        assertTrue(e.hint().contains("QUALITY_DEFECT"), e.hint());
    }

    @Test
    void injectionInAnEnumCellIsAnError() {
        WorkbookIssue e = onlyError(workbook(36, INJECTION, "COVERED_REPAIR", "保修"));
        assertEquals("B7", e.where().cell());
    }

    @Test
    void injectionInANumberCellIsAnError() {
        WorkbookIssue e = onlyError(workbook(INJECTION, "QUALITY_DEFECT", "COVERED_REPAIR", "保修"));
        assertEquals("C6", e.where().cell());
    }

    @Test
    void injectionInACodeCellIsAnError() {
        WorkbookIssue e = onlyError(workbook(36, "QUALITY_DEFECT", INJECTION, "保修"));
        assertEquals("F7", e.where().cell());
        assertTrue(e.message().contains("is not a reason code"), e.message());
    }

    @Test
    void injectionInAReasonTextIsAHarmlessLiteral() {
        Rulebook rb = Rulebook.fromWorkbooks(files(workbook(36, "QUALITY_DEFECT", "COVERED_REPAIR", INJECTION)));
        assertTrue(!rb.toDrl().contains("System.exit"), "texts never reach the generated rules");
    }

    @Test
    void injectionInARangeCellIsAnError() {
        WorkbookBuilder wb = workbook(36, "QUALITY_DEFECT", "COVERED_REPAIR", "保修");
        WorkbookBuilder broken = WorkbookBuilder.create().about("t", "1", LocalDate.of(2026, 1, 1), "t");
        broken.table("Terms 保修期限", "Terms").hit("FIRST").per("LINE").claimType("WARRANTY").step(10)
                .column("ID", "rule id", "Id")
                .column("IF period.daysSinceStart", "integer range", "Days")
                .column("THEN line.termMonths", "integer", "Months")
                .row("T-01", "<= 7); System.exit(1", 36);
        WorkbookIssue e = onlyError(broken);
        assertEquals("B6", e.where().cell());
        assertTrue(wb.toBytes().length > 0);
    }

    @Test
    void unknownPlaceholderIsAnError() {
        WorkbookIssue e = onlyError(workbook(36, "QUALITY_DEFECT", "COVERED_REPAIR", "保修 {line.nonsense}"));
        assertEquals("G7", e.where().cell());
        assertTrue(e.message().contains("{line.nonsense}"), e.message());
    }

    @Test
    void codeWithoutTextIsAnError() {
        WorkbookIssue e = onlyError(workbook(36, "QUALITY_DEFECT", "COVERED_REPAIR", null));
        assertEquals("G7", e.where().cell());
    }

    @Test
    void typeRowMustAgreeWithTheFact() {
        WorkbookBuilder wb = WorkbookBuilder.create().about("t", "1", LocalDate.of(2026, 1, 1), "t");
        wb.table("Terms 保修期限", "Terms").hit("FIRST").per("LINE").claimType("WARRANTY").step(10)
                .column("ID", "rule id", "Id")
                .column("IF line.system", "integer range", "System")
                .row("T-01", "ENGINE");
        WorkbookIssue e = onlyError(wb);
        assertEquals("B4", e.where().cell());
        assertTrue(e.hint().contains("enum set PartSystem"), e.hint());
    }

    @Test
    void unknownFactInAColumnIsAnError() {
        WorkbookBuilder wb = WorkbookBuilder.create().about("t", "1", LocalDate.of(2026, 1, 1), "t");
        wb.table("Terms 保修期限", "Terms").hit("FIRST").per("LINE").claimType("WARRANTY").step(10)
                .column("ID", "rule id", "Id")
                .column("IF line.colour", "enum set PartSystem", "Colour")
                .row("T-01", "ENGINE");
        WorkbookIssue e = onlyError(wb);
        assertEquals("B3", e.where().cell());
    }

    @Test
    void formulasAreRejected() throws IOException {
        byte[] bytes = edit(workbook(36, "QUALITY_DEFECT", "COVERED_REPAIR", "保修").toBytes(),
                wb -> wb.getSheet("Terms 保修期限").getRow(5).getCell(2).setCellFormula("30+6"));
        RulebookException e = assertThrows(RulebookException.class,
                () -> Rulebook.fromWorkbooks(Map.of("warranty.xlsx", bytes)));
        assertEquals("C6", e.errors().get(0).where().cell());
        assertTrue(e.errors().get(0).message().contains("formulas"));
    }

    @Test
    void duplicateRuleIdsAreErrors() {
        WorkbookBuilder wb = workbook(36, "QUALITY_DEFECT", "COVERED_REPAIR", "保修");
        byte[] bytes = edit(wb.toBytes(), w -> w.getSheet("Coverage 保修范围").getRow(6).getCell(0).setCellValue("W5-01"));
        RulebookException e = assertThrows(RulebookException.class,
                () -> Rulebook.fromWorkbooks(Map.of("warranty.xlsx", bytes)));
        assertEquals("A7", e.errors().get(0).where().cell());
    }

    @Test
    void termBelowTheLegalFloorIsAnErrorCitingTheArticle() {
        byte[] bytes = WorkbookPatch.of(ShippedWorkbooks.warranty())
                .setRule("Terms", "T-04", "THEN line.termMonths", 24).bytes();
        RulebookException e = assertThrows(RulebookException.class,
                () -> Rulebook.fromWorkbooks(Map.of("warranty.xlsx", bytes)));
        WorkbookIssue first = e.errors().get(0);
        assertEquals("TERM_BELOW_LAW", first.code());
        assertEquals("Terms 保修期限", first.where().sheet());
        assertTrue(first.message().contains("R2021 art. 18"), first.message());
        assertTrue(first.message().contains("36"), first.message());
    }

    @Test
    void aWorkbookThatIsNotExcelIsAnError() {
        RulebookException e = assertThrows(RulebookException.class,
                () -> Rulebook.fromWorkbooks(Map.of("notes.xlsx", "just text".getBytes())));
        assertEquals("UNREADABLE_WORKBOOK", e.errors().get(0).code());
        assertEquals("notes.xlsx", e.errors().get(0).where().toString());
    }

    @Test
    void missingAboutSheetIsAnError() throws IOException {
        byte[] bytes = edit(workbook(36, "QUALITY_DEFECT", "COVERED_REPAIR", "保修").toBytes(),
                wb -> wb.removeSheetAt(wb.getSheetIndex(wb.getSheetAt(0).getSheetName())));
        RulebookException e = assertThrows(RulebookException.class,
                () -> Rulebook.fromWorkbooks(Map.of("warranty.xlsx", bytes)));
        assertTrue(e.errors().stream().anyMatch(i -> i.code().equals("NO_ABOUT_SHEET")), e.getMessage());
    }

    static byte[] edit(byte[] bytes, Consumer<Workbook> change) {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(bytes));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            change.accept(wb);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
