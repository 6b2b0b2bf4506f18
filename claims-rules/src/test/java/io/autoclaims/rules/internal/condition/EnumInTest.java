package io.autoclaims.rules.internal.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.model.Coverage;
import io.autoclaims.model.PartSystem;
import io.autoclaims.rules.WorkbookIssue;
import io.autoclaims.rules.internal.table.FactDef;
import io.autoclaims.rules.internal.table.Template.Language;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code enum set} cells listing constants, on a fact with one value and on a set-valued fact. */
class EnumInTest {
    private static final String SYSTEM = "line.system";
    private static final String COVERAGES = "policy.coverages";

    @Test
    void theFactIsOneOfTheConstants() {
        Predicate p = Cell.clean(SYSTEM, "ENGINE，TRANSMISSION");
        assertEquals(new EnumIn(List.of(PartSystem.ENGINE, PartSystem.TRANSMISSION)), p);
        assertTrue(p.test(PartSystem.ENGINE));
        assertTrue(p.test(PartSystem.TRANSMISSION));
        assertFalse(p.test(PartSystem.STEERING));
        assertFalse(p.test(null), "a blank fact is none of them");
    }

    @Test
    void aSetValuedFactContainsAnyOfThem() {
        Predicate p = Cell.clean(COVERAGES, "VEHICLE_DAMAGE, THIRD_PARTY");
        assertTrue(p.test(EnumSet.of(Coverage.THIRD_PARTY)));
        assertFalse(p.test(EnumSet.noneOf(Coverage.class)));
        assertFalse(p.test(null));
    }

    @Test
    void spellingAndUnknownValuesAreReportedAtTheCell() {
        Cell loose = Cell.read(SYSTEM, "engine");
        assertEquals(new EnumIn(List.of(PartSystem.ENGINE)), loose.predicate());
        assertEquals("ENUM_SPELLING: \"engine\" was read as ENGINE (write ENGINE) / \"engine\" 已按 ENGINE 读取 (请写作 ENGINE)",
                loose.issue());
        assertEquals(WorkbookIssue.Severity.WARNING, loose.issues().get(0).severity());
        Cell unknown = Cell.read(SYSTEM, "ENGIN");
        assertNull(unknown.predicate());
        assertTrue(unknown.issue().startsWith("UNKNOWN_VALUE: \"ENGIN\" is not a PartSystem value (write one of [ENGINE,"),
                unknown.issue());
        assertEquals("DUPLICATE_VALUE", Cell.read(SYSTEM, "ENGINE, ENGINE").issues().get(0).code());
        assertEquals("BAD_VALUE", Cell.read(SYSTEM, " , ").issues().get(0).code());
    }

    @Test
    void constraintsSayInOrContains() {
        FactDef system = Cell.fact(SYSTEM);
        assertEquals("system == io.autoclaims.model.PartSystem.ENGINE", Cell.clean(SYSTEM, "ENGINE").constraint(system, "system", true));
        assertEquals("system in (io.autoclaims.model.PartSystem.ENGINE, io.autoclaims.model.PartSystem.STEERING)",
                Cell.clean(SYSTEM, "ENGINE, STEERING").constraint(system, "system", false));
        assertEquals("( coverages contains io.autoclaims.model.Coverage.VEHICLE_DAMAGE"
                        + " || coverages contains io.autoclaims.model.Coverage.THIRD_PARTY )",
                Cell.clean(COVERAGES, "VEHICLE_DAMAGE, THIRD_PARTY").constraint(Cell.fact(COVERAGES), "coverages", false));
    }

    @Test
    void rowFactsCarryTheConstantsAsAKeyedSet() {
        FactDef system = Cell.fact(SYSTEM);
        Predicate p = Cell.clean(SYSTEM, "ENGINE, STEERING");
        assertEquals("IN", p.form(system));
        assertEquals(List.of("v3 : java.util.Set"), p.fields(system, 3));
        assertEquals(List.of("v3 contains $f.system"), p.constraints(system, 3, "$f.system"));
        assertEquals(Map.of("v3", EnumSet.of(PartSystem.ENGINE, PartSystem.STEERING)), p.values(system, 3));
        assertEquals(List.of(PartSystem.ENGINE, PartSystem.STEERING), p.keys());
        assertTrue(p.listsValues());
        assertFalse(p.needsValue());
        assertNull(p.bounds());
        assertNull(Cell.clean(COVERAGES, "OCCUPANT").form(Cell.fact(COVERAGES)), "no Drools operator between two sets");
    }

    @Test
    void lintCutsAFactIntoConstantsOrIntoSubsetsOfTheNamedOnes() {
        FactDef system = Cell.fact(SYSTEM);
        List<Predicate> column = List.of(Cell.clean(SYSTEM, "ENGINE"));
        assertEquals(PartSystem.values().length, column.get(0).domain(system, column).size());
        assertFalse(column.get(0).ordered());
        List<Predicate> sets = List.of(Cell.clean(COVERAGES, "VEHICLE_DAMAGE"), Cell.clean(COVERAGES, "NOT OCCUPANT"));
        List<Predicate.Sample> cells = sets.get(0).domain(Cell.fact(COVERAGES), sets);
        assertEquals(List.of("none of [VEHICLE_DAMAGE, OCCUPANT]", "[VEHICLE_DAMAGE]", "[OCCUPANT]", "[VEHICLE_DAMAGE, OCCUPANT]"),
                cells.stream().map(Predicate.Sample::label).toList());
        assertEquals(List.of(Coverage.OCCUPANT), cells.get(2).value());
    }

    @Test
    void describedInTheReadersLanguage() {
        Predicate p = Cell.clean(SYSTEM, "ENGINE, STEERING");
        assertEquals("engine, steering", p.describe(Cell.fact(SYSTEM).type(), Language.EN));
        assertEquals(PartSystem.ENGINE.zh() + "、" + PartSystem.STEERING.zh(), p.describe(Cell.fact(SYSTEM).type(), Language.ZH));
    }
}
