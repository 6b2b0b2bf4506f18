package io.autoclaims.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.rules.testing.ShippedWorkbooks;
import io.autoclaims.rules.testing.WorkbookBuilder;
import io.autoclaims.rules.testing.WorkbookPatch;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code claims check}: the table analysis finds gaps, unreachable rows and overlaps, by cell. */
class RulebookCheckTest {

    private static WorkbookBuilder terms(String hit, Object[]... rows) {
        WorkbookBuilder wb = WorkbookBuilder.create().about("t", "1", LocalDate.of(2026, 1, 1), "t");
        WorkbookBuilder.TableBuilder t = wb.table("Terms 保修期限", "Terms").hit(hit).per("LINE").claimType("WARRANTY")
                .step(10)
                .column("ID", "rule id", "Id")
                .column("IF line.system", "enum set PartSystem", "System")
                .column("IF period.daysSinceStart", "integer range", "Days")
                .column("THEN line.termMonths", "integer", "Months");
        for (Object[] row : rows) {
            t.row(row);
        }
        return wb;
    }

    private static List<WorkbookIssue> errors(WorkbookBuilder wb) {
        return RulebookCheck.of(Map.of("warranty.xlsx", wb.toBytes())).errors();
    }

    @Test
    void theShippedRulebookPassesWithNoFinding() {
        RulebookCheck check = RulebookCheck.ofDefault();
        assertTrue(check.issues().isEmpty(), check.issues().toString());
        assertTrue(check.passed());
    }

    @Test
    void aSystemWithNoTermAndNoDefaultRowIsAGap() {
        List<WorkbookIssue> errors = errors(terms("FIRST",
                new Object[] {"T-01", "TRACTION_BATTERY, DRIVE_MOTOR", null, 96},
                new Object[] {"T-02", "NOT TRACTION_BATTERY, DRIVE_MOTOR, ENGINE", null, 36}));
        assertEquals(1, errors.size(), errors.toString());
        WorkbookIssue gap = errors.get(0);
        assertEquals("GAP", gap.code());
        assertEquals("warranty.xlsx!Terms 保修期限!B2", gap.where().toString());
        assertTrue(gap.message().contains("line.system = ENGINE"), gap.message());
        assertTrue(gap.toStringZh().contains("没有规则覆盖"), gap.toStringZh());
    }

    @Test
    void aRangeLeftOpenIsAGapWithAConcreteValue() {
        List<WorkbookIssue> errors = errors(terms("FIRST",
                new Object[] {"T-01", null, "<= 7", 96},
                new Object[] {"T-02", null, "> 8", 36}));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).message().contains("period.daysSinceStart = 8 days"), errors.get(0).message());
        assertTrue(errors.get(0).toStringZh().contains("period.daysSinceStart = 8 天"), errors.get(0).toStringZh());
    }

    @Test
    void aRowShadowedByEarlierRowsIsUnreachable() {
        List<WorkbookIssue> errors = errors(terms("FIRST",
                new Object[] {"T-01", null, "<= 60", 96},
                new Object[] {"T-02", null, "> 30", 36},
                new Object[] {"T-03", "ENGINE", "10..90", 48}));
        assertEquals(1, errors.size(), errors.toString());
        WorkbookIssue e = errors.get(0);
        assertEquals("UNREACHABLE_ROW", e.code());
        assertEquals("A8", e.where().cell());
        assertTrue(e.message().contains("T-01") && e.message().contains("T-02"), e.message());
    }

    @Test
    void overlappingRowsOfAUniqueTableAreNamedWithAnExample() {
        List<WorkbookIssue> errors = errors(terms("UNIQUE",
                new Object[] {"T-01", "ENGINE, TRANSMISSION", null, 60},
                new Object[] {"T-02", "TRANSMISSION, BRAKE", "<= 100", 36},
                new Object[] {"T-03", null, null, 36}));
        List<String> codes = errors.stream().map(WorkbookIssue::code).toList();
        assertTrue(codes.contains("OVERLAP"), errors.toString());
        WorkbookIssue overlap = errors.stream().filter(i -> i.code().equals("OVERLAP")).findFirst().orElseThrow();
        assertEquals("A7", overlap.where().cell());
        assertTrue(overlap.message().contains("line.system = TRANSMISSION"), overlap.message());
    }

    @Test
    void rowsWithTheSameOutcomeMayOverlapInAUniqueTable() {
        List<WorkbookIssue> errors = errors(terms("UNIQUE",
                new Object[] {"T-01", "ENGINE, TRANSMISSION", null, 36},
                new Object[] {"T-02", "NOT ENGINE", null, 36}));
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void aSanbaoThresholdStricterThanTheLawIsAnError() {
        byte[] bytes = WorkbookPatch.of(ShippedWorkbooks.warranty())
                .setRule("Sanbao repeated repairs", "S4-06", "IF history.repairDays", "> 40").bytes();
        List<WorkbookIssue> errors = RulebookCheck.of(Map.of("warranty.xlsx", bytes)).errors();
        assertEquals(1, errors.size(), errors.toString());
        WorkbookIssue e = errors.get(0);
        assertEquals("WEAKER_THAN_LAW", e.code());
        assertEquals("Sanbao repeated repairs 三包多次修理", e.where().sheet());
        assertTrue(e.message().contains("under R2021") && e.message().contains("> 30")
                && e.message().contains("art. 24(4)"), e.message());
        assertTrue(e.toStringZh().contains("三包权利"), e.toStringZh());
    }

    @Test
    void anEarlyWindowShorterThanTheLawSheetIsAnError() {
        byte[] bytes = WorkbookPatch.of(ShippedWorkbooks.warranty())
                .setRule("Sanbao early", "S1-01", "IF period.daysSinceStart", "<= 5").bytes();
        List<WorkbookIssue> errors = RulebookCheck.of(Map.of("warranty.xlsx", bytes)).errors();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("WEAKER_THAN_LAW", errors.get(0).code());
        assertEquals("Sanbao early 三包早期", errors.get(0).where().sheet());
        assertTrue(errors.get(0).message().contains("<= 7") && errors.get(0).message().contains("art. 22"),
                errors.get(0).message());
    }

    @Test
    void typeErrorsAreReportedByCheckWithoutThrowing() {
        RulebookCheck check = RulebookCheck.of(Map.of("warranty.xlsx",
                terms("FIRST", new Object[] {"T-01", null, null, "3 years"}).toBytes()));
        assertEquals("D6", check.errors().get(0).where().cell());
        assertTrue(!check.passed());
    }
    @Test
    void aDuplicateRuleIdOnARowWithAnotherErrorIsReportedToo() {
        // T-01 twice: the second T-01 also has a bad month cell; both errors must be listed at once
        List<WorkbookIssue> errors = errors(terms("FIRST",
                new Object[] {"T-01", "ENGINE", null, 36},
                new Object[] {"T-01", null, null, "3 years"}));
        List<String> found = errors.stream().map(e -> e.code() + "@" + e.where().cell()).toList();
        assertTrue(found.contains("DUPLICATE_RULE_ID@A7"), found.toString());
        assertTrue(found.stream().anyMatch(f -> f.endsWith("@D7") && !f.startsWith("DUPLICATE")), found.toString());
    }

    @Test
    void everyRowOfATableIsCheckedWhenATablePropertyIsWrong() {
        // a wrong Hit property no longer hides the rows' own errors, nor a rule id used by another table
        WorkbookBuilder wb = WorkbookBuilder.create().about("t", "1", LocalDate.of(2026, 1, 1), "t");
        wb.table("Terms 保修期限", "Terms").hit("FIRST").per("LINE").claimType("WARRANTY").step(10)
                .column("ID", "rule id", "Id")
                .column("THEN line.termMonths", "integer", "Months")
                .row("T-01", "3 years")
                .row("X-01", 36);
        wb.table("Other 其他", "Other").hit("FIRST").per("LINE").claimType("WARRANTY").step(20)
                .column("ID", "rule id", "Id")
                .column("THEN line.termKm", "integer", "Km")
                .row("X-01", 60000);
        byte[] bytes = WorkbookErrorsTest.edit(wb.toBytes(),
                w -> w.getSheet("Terms 保修期限").getRow(1).getCell(3).setCellValue("SOMETIMES"));
        List<WorkbookIssue> errors = RulebookCheck.of(Map.of("warranty.xlsx", bytes)).errors();
        List<String> found = errors.stream().map(e -> e.code() + "@" + e.where().sheet() + "!" + e.where().cell())
                .toList();
        assertTrue(found.contains("BAD_TABLE_PROPERTY@Terms 保修期限!D2"), found.toString());
        assertTrue(found.stream().anyMatch(f -> f.endsWith("@Terms 保修期限!B6")), found.toString());
        // the second X-01 (in the sound table) names the first, in the table with errors
        WorkbookIssue dup = errors.stream().filter(e -> e.code().equals("DUPLICATE_RULE_ID")).findFirst()
                .orElseThrow(() -> new AssertionError(found.toString()));
        assertEquals("Other 其他", dup.where().sheet());
        assertTrue(dup.message().contains("Terms 保修期限!A7"), dup.message());
        assertTrue(dup.toStringZh().contains("重复"), dup.toStringZh());
    }

    @Test
    void aBadCodeIsNotAlsoReportedAsAMissingCode() {
        // a row in error keeps being checked, but a wrong CODE cell is one finding, not two
        WorkbookBuilder wb = WorkbookBuilder.create().about("t", "1", LocalDate.of(2026, 1, 1), "t");
        wb.table("Checks 检查", "Checks").hit("COLLECT").per("CLAIM").claimType("WARRANTY").step(10)
                .column("ID", "rule id", "Id")
                .column("IF vehicle.odometerKm", "integer range", "Km")
                .column("EFFECT", "enum Effect", "Effect")
                .column("CODE", "code", "Code")
                .column("TEXT zh", "text", "中文")
                .column("TEXT en", "text", "English")
                .row("C-01", "> 100", "DENY", "bad code", "超出", "over")
                .row("C-02", "> 200", "DENY", null, null, null);
        List<String> found = errors(wb).stream().map(e -> e.code() + "@" + e.where().cell()).toList();
        assertEquals(List.of("BAD_CODE@D6", "EFFECT_WITHOUT_CODE@A7"), found.stream().sorted().toList(),
                found.toString());
    }
}
