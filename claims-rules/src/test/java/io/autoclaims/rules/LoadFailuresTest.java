package io.autoclaims.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every failure of a load or a checked swap is a {@link RulebookException} with the failure as its
 * cause and a bilingual error at the workbooks, whatever threw it: never a bare exception from POI
 * or Drools, nor an {@link OutOfMemoryError}.
 */
class LoadFailuresTest {

    @Test
    void anUnexpectedExceptionIsWrappedAtTheWorkbooks() {
        IllegalStateException bug = new IllegalStateException("a bug in Drools");
        RulebookException e = assertThrows(RulebookException.class,
                () -> RulebookException.guard("warranty.xlsx", () -> {
                    throw bug;
                }));
        assertSame(bug, e.getCause());
        WorkbookIssue issue = e.errors().get(0);
        assertEquals("LOAD_FAILED", issue.code());
        assertEquals(CellRef.workbook("warranty.xlsx"), issue.where());
        assertTrue(issue.message().contains("a bug in Drools"), issue.message());
        assertNotNull(issue.messageZh());
        assertNotNull(issue.hintZh());
    }

    @Test
    void errorsAWorkbookCanProvokeAreWrappedToo() {
        RulebookException oom = assertThrows(RulebookException.class,
                () -> RulebookException.guard("a.xlsx + b.xlsx", () -> {
                    throw new OutOfMemoryError("Java heap space");
                }));
        assertEquals("OUT_OF_MEMORY", oom.errors().get(0).code());
        assertEquals(CellRef.workbook("a.xlsx + b.xlsx"), oom.errors().get(0).where());
        assertInstanceOf(OutOfMemoryError.class, oom.getCause());
        assertNotNull(oom.errors().get(0).messageZh());
        RulebookException deep = assertThrows(RulebookException.class,
                () -> RulebookException.guard("a.xlsx", () -> {
                    throw new StackOverflowError();
                }));
        assertEquals("LOAD_FAILED", deep.errors().get(0).code());
        assertInstanceOf(StackOverflowError.class, deep.getCause());
        // a workbook can cause it too: the hint does not blame the library alone
        assertTrue(deep.errors().get(0).message().contains("stack ran out"), deep.errors().get(0).toString());
        assertTrue(deep.errors().get(0).hint().contains("nest too deeply"), deep.errors().get(0).toString());
        assertTrue(deep.errors().get(0).hintZh().contains("嵌套过深"), deep.errors().get(0).toStringZh());
    }

    @Test
    void aCheckedSwapWhoseScenarioFileExhaustsTheHeapIsRefusedAndTheLiveRulebookStays() {
        // the issue's /dev/zero scenario file: its read ran out of heap and swap() threw OutOfMemoryError
        byte[] warranty = Rulebook.defaultWorkbooks().get("warranty.xlsx");
        Rulebook live = Rulebook.fromWorkbooks(Map.of("warranty.xlsx", warranty), Rulebook::defaultResource);
        Rulebook candidate = Rulebook.fromWorkbooks(Map.of("warranty.xlsx", warranty), name -> {
            throw new OutOfMemoryError("Java heap space (reading " + name + ")");
        });
        Adjudicator adjudicator = Adjudicator.of(live);
        RulebookException e = assertThrows(RulebookException.class, () -> adjudicator.swap(candidate));
        assertEquals("OUT_OF_MEMORY", e.errors().get(0).code());
        assertEquals(CellRef.workbook("warranty.xlsx"), e.errors().get(0).where());
        assertInstanceOf(OutOfMemoryError.class, e.getCause());
        assertSame(live, adjudicator.rulebook());
        assertTrue(adjudicator.previous().isEmpty());
    }

    @Test
    void noWorkbooksAtAllIsStillTheCompilersOwnError() {
        RulebookException e = assertThrows(RulebookException.class, () -> Rulebook.fromWorkbooks(Map.of()));
        assertEquals("NO_WORKBOOKS", e.errors().get(0).code());
    }
}
