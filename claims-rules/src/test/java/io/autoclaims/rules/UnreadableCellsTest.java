package io.autoclaims.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.rules.testing.RawXlsx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No silent wrong rules: what a reader cannot read is an error at its cell, never a blank ("any"
 * in a rule row); rows numbered outside the sheet are errors; tables on hidden sheets are
 * warnings. Each case patches the XML of a copy of the shipped warranty workbook, and is loaded
 * twice: as saved (the SAX reader), and with a formula added to the About sheet, which sends the
 * whole workbook through POI's usermodel. Both must give the same issue at the same place.
 */
class UnreadableCellsTest {
    private static final String TERMS = "xl/worksheets/sheet4.xml"; // "Terms 保修期限"
    private static final String CHECKS = "xl/worksheets/sheet3.xml"; // "Claim checks 索赔审核"
    /** T-01's system cell (B6: a list of systems, a shared string) and its term in months (C6: 96). */

    private static byte[] shipped() {
        return Rulebook.defaultWorkbooks().get("warranty.xlsx");
    }

    /** The same workbook, read by POI's usermodel: the SAX reader declines a workbook with a formula. */
    private static byte[] viaPoi(byte[] xlsx) {
        return RawXlsx.patch(xlsx, "xl/worksheets/sheet1.xml", "<v>1</v></c></row>",
                "<v>1</v></c><c r=\"Z1\"><f>1+1</f><v>2</v></c></row>");
    }

    /** The one error of loading the workbook, asserted the same on both readers. */
    private static WorkbookIssue theError(byte[] xlsx) {
        WorkbookIssue fast = onlyError(xlsx);
        WorkbookIssue poi = onlyError(viaPoi(xlsx));
        assertEquals(fast.code(), poi.code());
        assertEquals(fast.where(), poi.where());
        assertNotNull(fast.messageZh(), "every analyst-facing message has its Chinese");
        assertNotNull(fast.hintZh());
        return fast;
    }

    private static WorkbookIssue onlyError(byte[] xlsx) {
        RulebookException e = assertThrows(RulebookException.class,
                () -> Rulebook.fromWorkbooks(Map.of("warranty.xlsx", xlsx)));
        assertEquals(1, e.errors().size(), e.getMessage());
        return e.errors().get(0);
    }

    private static void assertAt(WorkbookIssue issue, String code, String sheet, String cell) {
        assertEquals(code, issue.code(), issue.toString());
        assertEquals(new CellRef("warranty.xlsx", sheet, cell), issue.where(), issue.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"5000", "-1", "x", ""})
    void aSharedStringIndexOutOfRangeIsAnErrorNotABlank(String index) {
        // before, T-01's systems read as blank, so its 96-month term applied to every system
        WorkbookIssue e = theError(RawXlsx.replaceCell(shipped(), TERMS, "B6",
                "<c r=\"B6\" t=\"s\"><v>" + index + "</v></c>"));
        assertAt(e, "UNREADABLE_CELL", "Terms 保修期限", "B6");
        assertTrue(e.message().contains("shared string"), e.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"9b6", "NaN", "Infinity", "96f", "0x60", "1e999", ""})
    void aNumberThatIsNoneIsAnErrorAtItsCell(String literal) {
        WorkbookIssue e = theError(RawXlsx.replaceCell(shipped(), TERMS, "C6",
                "<c r=\"C6\" t=\"n\"><v>" + literal + "</v></c>"));
        assertAt(e, "UNREADABLE_CELL", "Terms 保修期限", "C6");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "true", "2"})
    void aBooleanNeitherZeroNorOneIsAnErrorAtItsCell(String literal) {
        // POI read every such boolean as FALSE
        WorkbookIssue e = theError(RawXlsx.replaceCell(shipped(), CHECKS, "B6",
                "<c r=\"B6\" t=\"b\"><v>" + literal + "</v></c>"));
        assertAt(e, "UNREADABLE_CELL", "Claim checks 索赔审核", "B6");
    }

    @ParameterizedTest
    @ValueSource(strings = {"#N/A", "#REF!", "#BOGUS"})
    void anErrorValueInARuleCellIsAnError(String value) {
        // a known error value reads as no value, i.e. "any"; an unknown one cannot be read at all
        WorkbookIssue e = theError(RawXlsx.replaceCell(shipped(), TERMS, "C6",
                "<c r=\"C6\" t=\"e\"><v>" + value + "</v></c>"));
        assertAt(e, value.equals("#BOGUS") ? "UNREADABLE_CELL" : "ERROR_VALUE", "Terms 保修期限", "C6");
    }

    @ParameterizedTest
    @ValueSource(strings = {"q", "inline"})
    void anUnknownCellTypeIsAnErrorAtItsCell(String type) {
        WorkbookIssue e = theError(RawXlsx.replaceCell(shipped(), TERMS, "C6",
                "<c r=\"C6\" t=\"" + type + "\"><v>96.0</v></c>"));
        assertAt(e, "UNREADABLE_CELL", "Terms 保修期限", "C6");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "1048577", "2147483647", "2147483648"})
    void aRowNumberedOutsideTheSheetIsAnErrorAtThatRow(String number) {
        // T-04 (row 9) renumbered: before, rows 0 and below were dropped silently, and row
        // 2,147,483,647 made every loop over the sheet's rows run for a minute
        byte[] xlsx = RawXlsx.patch(shipped(), TERMS, "<row r=\"9\" ", "<row r=\"" + number + "\" ");
        WorkbookIssue e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> theError(xlsx));
        assertAt(e, "ROW_OUT_OF_RANGE", "Terms 保修期限", number + ":" + number);
        assertTrue(e.message().contains(number), e.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"4294967296", "99999999999"})
    void aRowNumberPastJavasIntegersIsAnErrorAtThatRow(String number) {
        byte[] xlsx = RawXlsx.patch(shipped(), TERMS, "<row r=\"9\" ", "<row r=\"" + number + "\" ");
        assertAt(onlyError(xlsx), "ROW_OUT_OF_RANGE", "Terms 保修期限", number + ":" + number);
        // POI's usermodel overflows on it: refused at the workbook
        assertEquals("UNREADABLE_WORKBOOK", onlyError(viaPoi(xlsx)).code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"hidden", "veryHidden"})
    void aTableOnAHiddenSheetIsAWarningNamingTheSheet(String state) {
        byte[] xlsx = RawXlsx.patch(shipped(), "xl/workbook.xml", "<sheet name=\"Terms 保修期限\" r:id=\"rId6\"",
                "<sheet name=\"Terms 保修期限\" state=\"" + state + "\" r:id=\"rId6\"");
        for (byte[] bytes : List.of(xlsx, viaPoi(xlsx))) {
            Rulebook rulebook = Rulebook.fromWorkbooks(Map.of("warranty.xlsx", bytes));
            List<WorkbookIssue> hidden = rulebook.warnings().stream().filter(w -> w.code().equals("HIDDEN_SHEET")).toList();
            assertEquals(1, hidden.size(), rulebook.warnings().toString());
            assertEquals(CellRef.sheet("warranty.xlsx", "Terms 保修期限"), hidden.get(0).where());
            assertTrue(hidden.get(0).message().contains("Terms 保修期限"), hidden.get(0).message());
            assertNotNull(hidden.get(0).messageZh());
        }
        // a visible sheet says nothing
        assertTrue(Rulebook.fromWorkbooks(Map.of("warranty.xlsx", shipped())).warnings().stream()
                .noneMatch(w -> w.code().equals("HIDDEN_SHEET")));
    }

    @org.junit.jupiter.api.Test
    void textLongerThanExcelAllowsIsAnErrorAtItsCell() {
        String note = "n".repeat(40_000);
        WorkbookIssue e = theError(RawXlsx.replaceCell(shipped(), TERMS, "B6",
                "<c r=\"B6\" t=\"inlineStr\"><is><t>" + note + "</t></is></c>"));
        assertAt(e, "UNREADABLE_CELL", "Terms 保修期限", "B6");
        assertTrue(e.message().contains("40000"), e.message());
    }

    @org.junit.jupiter.api.Test
    void aRowTheFileHoldsTwiceIsAnErrorAtThatRow() {
        // before, the last of the two rows numbered 9 was kept and the other vanished silently
        String terms = new String(RawXlsx.unzip(shipped()).get(TERMS), java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher row9 = java.util.regex.Pattern.compile("<row r=\"9\" .*?</row>").matcher(terms);
        assertTrue(row9.find());
        byte[] xlsx = RawXlsx.patch(shipped(), TERMS, row9.group(), row9.group() + row9.group());
        WorkbookIssue e = theError(xlsx);
        assertAt(e, "DUPLICATE_ROW", "Terms 保修期限", "9:9");
        assertTrue(e.message().contains("row 9 twice"), e.message());
        assertTrue(e.messageZh().contains("第 9 行出现了两次"), e.messageZh());
        assertTrue(e.hint().contains("open and save the workbook again in Excel, WPS or LibreOffice"), e.hint());
    }

    @org.junit.jupiter.api.Test
    void aCellTheFileHoldsTwiceInItsRowIsAnErrorAtThatCell() {
        byte[] xlsx = RawXlsx.patch(shipped(), TERMS, "<c r=\"C6\" t=\"n\" s=\"25\"><v>96.0</v></c>",
                "<c r=\"C6\" t=\"n\" s=\"25\"><v>96.0</v></c><c r=\"C6\" t=\"n\" s=\"25\"><v>120.0</v></c>");
        WorkbookIssue e = theError(xlsx);
        assertAt(e, "DUPLICATE_CELL", "Terms 保修期限", "C6");
        assertTrue(e.message().contains("C6 twice"), e.message());
    }

    @org.junit.jupiter.api.Test
    void aCellWhoseReferenceNamesAnotherRowIsAnErrorAtThatCell() {
        // both readers place it by its row element (row 6), whatever its reference says
        byte[] xlsx = RawXlsx.replaceCell(shipped(), TERMS, "C6", "<c r=\"C7\" t=\"n\"><v>96.0</v></c>");
        WorkbookIssue e = theError(xlsx);
        assertAt(e, "MISPLACED_CELL", "Terms 保修期限", "C6");
        assertTrue(e.message().contains("\"C7\"") && e.message().contains("row 6"), e.message());
    }
}
