package io.autoclaims.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.rules.CellRef;
import io.autoclaims.rules.WorkbookIssue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A message Drools raises while compiling is reported at the cell the failing DRL line came from. */
class DroolsCompilerTest {

    @Test
    void compileErrorsPointAtTheCell() {
        String drl = String.join("\n",
                "package " + DrlWriter.PACKAGE + ";",
                "import " + ClaimFacts.class.getName() + ";",
                "rule \"Terms_6\"",
                "when",
                "    $f : ClaimFacts(",
                "        noSuchFact == 1",
                "    )",
                "then",
                "end",
                "");
        CellRef cell = new CellRef("warranty.xlsx", "Terms 保修期限", "C6");
        DrlWriter.Result result = new DrlWriter.Result(drl, Map.of(6, cell),
                Map.of("Terms_6", new CellRef("warranty.xlsx", "Terms 保修期限", "A6")));
        List<WorkbookIssue> issues = new ArrayList<>();
        assertNull(DroolsCompiler.compile(result, CellRef.workbook("warranty.xlsx"), issues));
        assertTrue(!issues.isEmpty());
        WorkbookIssue first = issues.get(0);
        assertEquals("RULE_COMPILE_ERROR", first.code());
        assertEquals(cell, first.where(), first.toString());
        assertTrue(first.message().contains("noSuchFact"), first.message());
    }

    @Test
    void monthsWithinFollowsPlusMonths() {
        var jan31 = java.time.LocalDate.of(2023, 1, 31);
        assertEquals(0, ClaimFacts.monthsWithin(jan31, jan31));
        assertEquals(1, ClaimFacts.monthsWithin(jan31, java.time.LocalDate.of(2023, 2, 28)));
        assertEquals(2, ClaimFacts.monthsWithin(jan31, java.time.LocalDate.of(2023, 3, 1)));
        assertEquals(36, ClaimFacts.monthsWithin(jan31, java.time.LocalDate.of(2026, 1, 31)));
        assertEquals(37, ClaimFacts.monthsWithin(jan31, java.time.LocalDate.of(2026, 2, 1)));
        var leap = java.time.LocalDate.of(2024, 2, 29);
        assertEquals(12, ClaimFacts.monthsWithin(leap, java.time.LocalDate.of(2025, 2, 28)));
        assertEquals(13, ClaimFacts.monthsWithin(leap, java.time.LocalDate.of(2025, 3, 1)));
    }
}
