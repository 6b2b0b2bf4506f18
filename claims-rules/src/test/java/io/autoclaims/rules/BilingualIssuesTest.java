package io.autoclaims.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.rules.internal.workbook.WorkbookGuard;
import io.autoclaims.rules.testing.ShippedWorkbooks;
import io.autoclaims.rules.testing.WorkbookBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every finding {@code claims check} prints about a workbook's cells, columns, tables and file is in
 * Chinese and English: the same cell, the same facts, a Chinese hint wherever there is an English one.
 */
class BilingualIssuesTest {

    /**
     * A small warranty workbook (as in {@link WorkbookErrorsTest}) with the cells a case breaks as
     * parameters: the terms row's id and months, the coverage row's cause, covered flag, code and texts.
     */
    private static WorkbookBuilder workbook(Object termId, Object termMonths, Object cause, Object covered,
            Object code, Object zh) {
        WorkbookBuilder wb = WorkbookBuilder.create().about("test rulebook", "1.0", LocalDate.of(2026, 1, 1), "tests");
        wb.table("Terms 保修期限", "Terms").title("Terms").hit("FIRST").per("LINE").claimType("WARRANTY").step(10)
                .column("ID", "rule id", "Rule id 规则编号")
                .column("IF line.system", "enum set PartSystem", "System 系统")
                .column("THEN line.termMonths", "integer", "Months 月")
                .column("THEN line.termKm", "integer", "Km 公里")
                .row(termId, null, termMonths, 100000);
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
                .row("W7-01", cause, null, covered, "REPAIR", code, zh, "Covered {line.id}");
        return wb;
    }

    private static byte[] valid() {
        return workbook("T-01", 36, "QUALITY_DEFECT", true, "COVERED_REPAIR", "保修 {line.id}").toBytes();
    }

    private static byte[] terms(int months) {
        return workbook("T-01", months, "QUALITY_DEFECT", true, "COVERED_REPAIR", "保修 {line.id}").toBytes();
    }

    /** A one-table workbook whose second column is bound and typed as given. */
    private static byte[] column(String binding, String type, Object value) {
        WorkbookBuilder wb = WorkbookBuilder.create().about("t", "1", LocalDate.of(2026, 1, 1), "t");
        wb.table("Terms 保修期限", "Terms").hit("FIRST").per("LINE").claimType("WARRANTY").step(10)
                .column("ID", "rule id", "Id")
                .column(binding, type, "Column")
                .row("T-01", value);
        return wb.toBytes();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // Cells: one cell against its column's type
                issue("BAD_VALUE", "warranty.xlsx!Terms 保修期限!C6",
                        () -> workbook("T-01", "3 years", "QUALITY_DEFECT", true, "COVERED_REPAIR", "保修").toBytes()),
                issue("UNKNOWN_VALUE", "warranty.xlsx!Coverage 保修范围!B7",
                        () -> workbook("T-01", 36, "QUALITY_DEFECTS", true, "COVERED_REPAIR", "保修").toBytes()),
                issue("ENUM_SPELLING", "warranty.xlsx!Coverage 保修范围!B7",
                        () -> workbook("T-01", 36, "quality defect", true, "COVERED_REPAIR", "保修").toBytes()),
                issue("BOOLEAN_AS_TEXT", "warranty.xlsx!Coverage 保修范围!D7",
                        () -> workbook("T-01", 36, "QUALITY_DEFECT", "TRUE", "COVERED_REPAIR", "保修").toBytes()),
                issue("NUMBER_AS_TEXT", "warranty.xlsx!Terms 保修期限!C6",
                        () -> workbook("T-01", "36", "QUALITY_DEFECT", true, "COVERED_REPAIR", "保修").toBytes()),
                issue("EMPTY_RANGE", "warranty.xlsx!Terms 保修期限!B6",
                        () -> column("IF period.daysSinceStart", "integer range", "10..5")),
                issue("DUPLICATE_VALUE", "warranty.xlsx!Terms 保修期限!B6",
                        () -> column("IF line.system", "enum set PartSystem", "ENGINE, ENGINE")),
                // WorkbookReader: rows, columns, table properties, About sheet
                issue("BAD_RULE_ID", "warranty.xlsx!Terms 保修期限!A6",
                        () -> workbook("T 01/a", 36, "QUALITY_DEFECT", true, "COVERED_REPAIR", "保修").toBytes()),
                issue("NO_RULE_ID", "warranty.xlsx!Terms 保修期限!A6",
                        () -> workbook(null, 36, "QUALITY_DEFECT", true, "COVERED_REPAIR", "保修").toBytes()),
                issue("FORMULA", "warranty.xlsx!Terms 保修期限!C6",
                        () -> WorkbookErrorsTest.edit(valid(),
                                wb -> wb.getSheet("Terms 保修期限").getRow(5).getCell(2).setCellFormula("30+6"))),
                issue("UNKNOWN_PLACEHOLDER", "warranty.xlsx!Coverage 保修范围!G7",
                        () -> workbook("T-01", 36, "QUALITY_DEFECT", true, "COVERED_REPAIR", "保修 {line.nonsense}")
                                .toBytes()),
                issue("NO_REASON_TEXT", "warranty.xlsx!Coverage 保修范围!G7",
                        () -> workbook("T-01", 36, "QUALITY_DEFECT", true, "COVERED_REPAIR", null).toBytes()),
                issue("BAD_CODE", "warranty.xlsx!Coverage 保修范围!F7",
                        () -> workbook("T-01", 36, "QUALITY_DEFECT", true, "covered repair", "保修").toBytes()),
                issue("TEXT_WITHOUT_CODE", "warranty.xlsx!Coverage 保修范围!G7",
                        () -> workbook("T-01", 36, "QUALITY_DEFECT", true, null, "保修").toBytes()),
                issue("TYPE_MISMATCH", "warranty.xlsx!Terms 保修期限!B4",
                        () -> column("IF line.system", "integer range", "ENGINE")),
                issue("UNKNOWN_FACT", "warranty.xlsx!Terms 保修期限!B3",
                        () -> column("IF line.colour", "enum set PartSystem", "ENGINE")),
                issue("BAD_COLUMN", "warranty.xlsx!Terms 保修期限!B3",
                        () -> column("MAYBE line.system", "enum set PartSystem", "ENGINE")),
                issue("BAD_TABLE_PROPERTY", "warranty.xlsx!Terms 保修期限!D2",
                        () -> WorkbookErrorsTest.edit(valid(),
                                wb -> wb.getSheet("Terms 保修期限").getRow(1).getCell(3).setCellValue("SOMETIMES"))),
                issue("NO_ABOUT_SHEET", "warranty.xlsx",
                        () -> WorkbookErrorsTest.edit(valid(), wb -> wb.removeSheetAt(0))),
                issue("NO_VERSION", "warranty.xlsx!About 说明!B2",
                        () -> WorkbookErrorsTest.edit(valid(), wb -> blankAboutValue(wb, "version"))),
                issue("UNREADABLE_WORKBOOK", "warranty.xlsx",
                        () -> "just text, not a workbook".getBytes(StandardCharsets.UTF_8)),
                // WorkbookGuard: the file before it is opened
                issue("MACRO_WORKBOOK", "warranty.xlsx",
                        () -> withExtraPart(ShippedWorkbooks.warranty(), "xl/vbaProject.bin", new byte[] {1, 2, 3})),
                issue("EXTERNAL_LINK", "warranty.xlsx",
                        () -> withExtraPart(ShippedWorkbooks.warranty(), "xl/externalLinks/externalLink1.xml",
                                "<externalLink/>".getBytes(StandardCharsets.UTF_8))),
                // a bomb within the unpacked limit, so that the ratio check is what refuses it
                issue("ZIP_BOMB", "warranty.xlsx", () -> zeros((int) (WorkbookGuard.MAX_UNCOMPRESSED_BYTES >> 20) - 2)),
                issue("WORKBOOK_TOO_LARGE", "warranty.xlsx", () -> zeros(50)));
    }

    private static Arguments issue(String code, String where, Supplier<byte[]> bytes) {
        return Arguments.of(code, where, bytes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyFindingIsInChineseAndEnglish(String code, String where, Supplier<byte[]> bytes) {
        List<WorkbookIssue> issues = RulebookCheck.of(Map.of("warranty.xlsx", bytes.get())).issues();
        List<WorkbookIssue> found = issues.stream().filter(i -> i.code().equals(code)).toList();
        assertFalse(found.isEmpty(), () -> "no " + code + " in " + issues);
        assertTrue(found.stream().anyMatch(i -> i.where().toString().equals(where)),
                () -> code + " not at " + where + ": " + found);
        found.forEach(BilingualIssuesTest::assertBilingual);
    }

    @Test
    void theCasesCoverAtLeastTwelveCodes() {
        Set<Object> codes = cases().map(a -> a.get()[0]).collect(Collectors.toSet());
        assertTrue(codes.size() >= 12, codes.toString());
    }

    @Test
    void aMacroEnabledFileNameIsRefusedInBothLanguages() {
        List<WorkbookIssue> issues = RulebookCheck.of(Map.of("warranty.xlsm", valid())).issues();
        assertEquals(1, issues.size(), issues.toString());
        assertEquals("MACRO_WORKBOOK", issues.get(0).code());
        assertBilingual(issues.get(0));
    }

    @Test
    void aFileTooLargeToReadIsRefusedInBothLanguages() {
        WorkbookIssue e = WorkbookGuard.tooLarge(CellRef.workbook("big.xlsx"), 100L * 1024 * 1024);
        assertBilingual(e);
        assertTrue(e.messageZh().contains("100.0 MB") && e.messageZh().contains("16.0 MB"), e.messageZh());
    }

    @Test
    void textInANumberColumnReadsNaturallyInChinese() {
        WorkbookIssue e = only("BAD_VALUE",
                workbook("T-01", "3 years", "QUALITY_DEFECT", true, "COVERED_REPAIR", "保修").toBytes());
        assertEquals("\"3 years\" is not a whole number of months", e.message());
        assertEquals("\"3 years\" 不是整数月数", e.messageZh());
        assertEquals("请填写整数，例如 36", e.hintZh());
        assertEquals("warranty.xlsx!Terms 保修期限!C6: \"3 years\" 不是整数月数（请填写整数，例如 36）", e.toStringZh());
    }

    @Test
    void anUnknownValueNamesTheSameAllowedValuesInChinese() {
        WorkbookIssue e = only("UNKNOWN_VALUE",
                workbook("T-01", 36, "QUALITY_DEFECTS", true, "COVERED_REPAIR", "保修").toBytes());
        assertEquals("\"QUALITY_DEFECTS\" 不是有效的 Cause 取值", e.messageZh());
        assertTrue(e.hint().endsWith(e.hintZh().substring(e.hintZh().indexOf('['))), e.hintZh());
        assertTrue(e.hintZh().contains("QUALITY_DEFECT"), e.hintZh());
    }

    @Test
    void aFormulaIsRefusedInChinese() {
        WorkbookIssue e = only("FORMULA", WorkbookErrorsTest.edit(valid(),
                wb -> wb.getSheet("Terms 保修期限").getRow(5).getCell(2).setCellFormula("30+6")));
        assertEquals("规则行中不允许使用公式", e.messageZh());
        assertEquals("请直接填写数值", e.hintZh());
    }

    @Test
    void aBadKilometreCountSaysKilometres() {
        byte[] bytes = WorkbookErrorsTest.edit(terms(36),
                wb -> wb.getSheet("Terms 保修期限").getRow(5).getCell(3).setCellValue("far"));
        WorkbookIssue e = only("BAD_VALUE", bytes);
        assertEquals("\"far\" is not a whole number of km", e.message());
        assertEquals("\"far\" 不是整数公里数", e.messageZh());
        assertEquals("请填写整数，例如 3000", e.hintZh());
    }

    private static WorkbookIssue only(String code, byte[] bytes) {
        List<WorkbookIssue> issues = RulebookCheck.of(Map.of("warranty.xlsx", bytes)).issues();
        List<WorkbookIssue> found = issues.stream().filter(i -> i.code().equals(code)).toList();
        assertEquals(1, found.size(), issues::toString);
        return found.get(0);
    }

    private static void assertBilingual(WorkbookIssue i) {
        assertNotNull(i.messageZh(), () -> "no Chinese message: " + i);
        assertTrue(hasCjk(i.messageZh()), () -> "message not in Chinese: " + i.messageZh());
        if (i.hint() != null && !i.hint().isEmpty()) {
            assertNotNull(i.hintZh(), () -> "no Chinese hint: " + i);
            assertTrue(hasCjk(i.hintZh()), () -> "hint not in Chinese: " + i.hintZh());
        }
        String prefix = i.where() + ": ";
        assertTrue(i.toString().startsWith(prefix), i::toString);
        assertTrue(i.toStringZh().startsWith(prefix), i::toStringZh);
        assertTrue(i.toStringZh().contains(i.messageZh()), i::toStringZh);
    }

    private static boolean hasCjk(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /** Clears column B of the About sheet's row whose label starts with {@code label}. */
    private static void blankAboutValue(org.apache.poi.ss.usermodel.Workbook wb, String label) {
        for (var row : wb.getSheetAt(0)) {
            var first = row.getCell(0);
            if (first != null && first.toString().toLowerCase(java.util.Locale.ROOT).startsWith(label)) {
                row.getCell(1).setBlank();
                return;
            }
        }
        throw new AssertionError("no " + label + " row on the About sheet");
    }

    /** A zip with one worksheet part of {@code megabytes} MB of zeros. */
    private static byte[] zeros(int megabytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] mb = new byte[1 << 20];
            for (int i = 0; i < megabytes; i++) {
                zip.write(mb);
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A copy of an xlsx with one more part in its zip. */
    private static byte[] withExtraPart(byte[] xlsx, String name, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(zip);
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
