package io.autoclaims.rules.internal.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.rules.CellRef;
import io.autoclaims.rules.WorkbookIssue;
import io.autoclaims.rules.internal.run.ClaimFacts;
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
                Map.of("Terms_6", new CellRef("warranty.xlsx", "Terms 保修期限", "A6")), Map.of("Terms_6", 0));
        List<WorkbookIssue> issues = new ArrayList<>();
        assertNull(DroolsCompiler.compile(result, CellRef.workbook("warranty.xlsx"), issues));
        assertTrue(!issues.isEmpty());
        WorkbookIssue first = issues.get(0);
        assertEquals("RULE_COMPILE_ERROR", first.code());
        assertEquals(cell, first.where(), first.toString());
        assertTrue(first.message().contains("noSuchFact"), first.message());
    }
}
