package io.autoclaims.rules.internal.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.model.Coverage;
import io.autoclaims.model.PartSystem;
import io.autoclaims.rules.internal.table.FactDef;
import io.autoclaims.rules.internal.table.Template.Language;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code enum set} cells written with NOT: none of the constants. */
class EnumNotInTest {
    private static final String SYSTEM = "line.system";
    private static final String COVERAGES = "policy.coverages";

    @Test
    void notAndItsChineseFormExcludeTheConstants() {
        Predicate p = Cell.clean(SYSTEM, "NOT ENGINE, STEERING");
        assertEquals(new EnumNotIn(List.of(PartSystem.ENGINE, PartSystem.STEERING)), p);
        assertEquals(p, Cell.clean(SYSTEM, "非 ENGINE、STEERING"));
        assertEquals(p, Cell.clean(SYSTEM, "  not ENGINE; STEERING"));
        assertFalse(p.test(PartSystem.ENGINE));
        assertFalse(p.test(PartSystem.STEERING));
        assertTrue(p.test(PartSystem.TRANSMISSION));
        assertFalse(p.test(null), "a blank fact satisfies no condition, a negated one neither");
    }

    @Test
    void aSetValuedFactContainsNoneOfThem() {
        Predicate p = Cell.clean(COVERAGES, "NOT VEHICLE_DAMAGE");
        assertTrue(p.test(EnumSet.of(Coverage.THIRD_PARTY)));
        assertTrue(p.test(EnumSet.noneOf(Coverage.class)));
        assertFalse(p.test(EnumSet.of(Coverage.VEHICLE_DAMAGE, Coverage.THIRD_PARTY)));
    }

    @Test
    void constraintsSayNotInOrNotContains() {
        FactDef system = Cell.fact(SYSTEM);
        assertEquals("system != io.autoclaims.model.PartSystem.ENGINE", Cell.clean(SYSTEM, "NOT ENGINE").constraint(system, "system", true));
        assertEquals("system not in (io.autoclaims.model.PartSystem.ENGINE, io.autoclaims.model.PartSystem.STEERING)",
                Cell.clean(SYSTEM, "NOT ENGINE, STEERING").constraint(system, "system", false));
        assertEquals("coverages not contains io.autoclaims.model.Coverage.VEHICLE_DAMAGE"
                        + " && coverages not contains io.autoclaims.model.Coverage.OCCUPANT",
                Cell.clean(COVERAGES, "NOT VEHICLE_DAMAGE, OCCUPANT").constraint(Cell.fact(COVERAGES), "coverages", false));
    }

    @Test
    void rowFactsCarryTheExcludedSetWhichIsNoKey() {
        FactDef system = Cell.fact(SYSTEM);
        Predicate p = Cell.clean(SYSTEM, "NOT ENGINE");
        assertEquals("NOT_IN", p.form(system));
        assertEquals(List.of("v0 not contains $f.system"), p.constraints(system, 0, "$f.system"));
        assertEquals(Map.of("v0", EnumSet.of(PartSystem.ENGINE)), p.values(system, 0));
        assertNull(p.keys(), "a row excluding ENGINE matches every other system");
        assertFalse(p.listsValues());
        assertNull(Cell.clean(COVERAGES, "NOT OCCUPANT").form(Cell.fact(COVERAGES)));
    }

    @Test
    void lintSharesTheCellsOfItsFact() {
        FactDef system = Cell.fact(SYSTEM);
        List<Predicate> column = List.of(Cell.clean(SYSTEM, "NOT ENGINE"), Cell.clean(SYSTEM, "ENGINE"));
        assertEquals(column.get(1).domain(system, column), column.get(0).domain(system, column));
    }

    @Test
    void describedWithNot() {
        Predicate p = Cell.clean(SYSTEM, "NOT ENGINE");
        assertEquals("not engine", p.describe(Cell.fact(SYSTEM).type(), Language.EN));
        assertEquals("非" + PartSystem.ENGINE.zh(), p.describe(Cell.fact(SYSTEM).type(), Language.ZH));
    }
}
