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

/** {@code code set} cells: the fact is one of the codes. */
class CodeInTest {
    private static final String REGIME = "regime";

    @Test
    void theFactIsOneOfTheCodes() {
        Predicate p = Cell.clean(REGIME, "R2021; R2013");
        assertEquals(new CodeIn(List.of("R2021", "R2013")), p);
        assertTrue(p.test("R2021"));
        assertFalse(p.test("R2022"));
        assertFalse(p.test("r2021"), "codes are compared exactly");
        assertFalse(p.test(null));
    }

    @Test
    void aWordThatIsNoCodeIsAnErrorAtTheCell() {
        Cell bad = Cell.read(REGIME, "R2021, r2013");
        assertNull(bad.predicate());
        assertEquals("BAD_VALUE: \"r2013\" is not a code (codes are capital letters, digits and _ starting with a letter,"
                + " e.g. R2021) / \"r2013\" 不是代码 (代码由大写字母、数字和 _ 组成，以字母开头，例如 R2021)", bad.issue());
        assertEquals("BAD_VALUE", Cell.read(REGIME, java.math.BigDecimal.ONE).issues().get(0).code());
    }

    @Test
    void constraintsWriteTheCodesAsLiterals() {
        FactDef regime = Cell.fact(REGIME);
        assertEquals("regime == \"R2021\"", Cell.clean(REGIME, "R2021").constraint(regime, "regime", true));
        assertEquals("claim.regime in (\"R2021\", \"R2013\")",
                Cell.clean(REGIME, "R2021, R2013").constraint(regime, "claim.regime", false));
    }

    @Test
    void rowFactsCarryTheCodesAsAKeyedSet() {
        FactDef regime = Cell.fact(REGIME);
        Predicate p = Cell.clean(REGIME, "R2021, R2013");
        assertEquals("IN", p.form(regime));
        assertEquals(List.of("v1 contains x"), p.constraints(regime, 1, "x"));
        assertEquals(Map.of("v1", Set.of("R2021", "R2013")), p.values(regime, 1));
        assertEquals(List.of("R2021", "R2013"), p.keys());
        assertTrue(p.listsValues());
    }

    @Test
    void lintCutsTheCodesNamedAndAllOthers() {
        List<Predicate> column = List.of(Cell.clean(REGIME, "R2021"), Cell.clean(REGIME, "R2013, R2021"));
        List<Predicate.Sample> cells = column.get(0).domain(Cell.fact(REGIME), column);
        assertEquals(List.of("R2013", "R2021", "(another code)"), cells.stream().map(Predicate.Sample::label).toList());
        assertFalse(column.get(0).test(cells.get(2).value()));
        assertFalse(column.get(1).test(cells.get(2).value()));
    }

    @Test
    void describedAsListed() {
        assertEquals("R2021, R2013", Cell.clean(REGIME, "R2021, R2013").describe(Cell.fact(REGIME).type(), Language.ZH));
    }
}
