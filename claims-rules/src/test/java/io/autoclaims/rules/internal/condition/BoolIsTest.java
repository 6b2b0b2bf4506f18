package io.autoclaims.rules.internal.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.rules.internal.table.FactDef;
import io.autoclaims.rules.internal.table.Template.Language;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code boolean} cells: TRUE or FALSE. */
class BoolIsTest {
    private static final String MAIN = "line.mainPart";

    @Test
    void theFactIsTrueOrFalse() {
        Predicate yes = Cell.clean(MAIN, Boolean.TRUE);
        assertTrue(yes.test(true));
        assertFalse(yes.test(false));
        assertFalse(yes.test(null), "a blank fact is neither");
        Predicate no = Cell.clean(MAIN, Boolean.FALSE);
        assertTrue(no.test(false));
        assertFalse(no.test(true));
        assertFalse(no.test(null));
    }

    @Test
    void textIsReadWithAWarningAndAnythingElseRefused() {
        Cell text = Cell.read(MAIN, "是");
        assertEquals(new BoolIs(true), text.predicate());
        assertEquals("BOOLEAN_AS_TEXT: \"是\" is text; it was read as true (pick TRUE or FALSE from the drop-down so the"
                + " cell holds a real boolean) / \"是\" 是文本，已按 true 读取 (请从下拉列表中选择 TRUE 或 FALSE，使单元格保存真正的布尔值)",
                text.issue());
        assertEquals(new BoolIs(false), Cell.read(MAIN, " no ").predicate());
        Cell bad = Cell.read(MAIN, "maybe");
        assertNull(bad.predicate());
        assertEquals("BAD_VALUE: \"maybe\" is not TRUE or FALSE (pick TRUE or FALSE, or leave the cell blank for any)"
                + " / \"maybe\" 不是 TRUE 或 FALSE (请选择 TRUE 或 FALSE，或留空表示任意)", bad.issue());
    }

    @Test
    void constraintAndRowFact() {
        FactDef main = Cell.fact(MAIN);
        Predicate p = Cell.clean(MAIN, Boolean.TRUE);
        assertEquals("mainPart == true", p.constraint(main, "mainPart", true));
        assertEquals("IN", p.form(main));
        assertEquals(Map.of("v2", Set.of(true)), p.values(main, 2));
        assertEquals(List.of(true), p.keys());
        assertTrue(p.needsValue(), "a boxed Boolean is checked to be set first");
    }

    @Test
    void lintCutsTrueAndFalse() {
        List<Predicate> column = List.of(Cell.clean(MAIN, Boolean.TRUE));
        assertEquals(List.of(new Predicate.Sample("TRUE", true), new Predicate.Sample("FALSE", false)),
                column.get(0).domain(Cell.fact(MAIN), column));
    }

    @Test
    void describedAsYesOrNo() {
        assertEquals("yes", Cell.clean(MAIN, Boolean.TRUE).describe(Cell.fact(MAIN).type(), Language.EN));
        assertEquals("否", Cell.clean(MAIN, Boolean.FALSE).describe(Cell.fact(MAIN).type(), Language.ZH));
    }
}
