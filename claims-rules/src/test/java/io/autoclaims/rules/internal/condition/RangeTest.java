package io.autoclaims.rules.internal.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.rules.internal.table.FactDef;
import io.autoclaims.rules.internal.table.Template.Language;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Range cells of every value type: reading, testing on both sides of each bound, and their forms. */
class RangeTest {
    private static final String KM = "vehicle.odometerKm";
    private static final String MONTHS = "line.termMonths";
    private static final String MONEY = "line.repairCostCny";
    private static final String RATE = "policy.absoluteDeductibleRate";
    private static final String DATE = "period.start";

    private static BigDecimal n(String v) {
        return new BigDecimal(v);
    }

    @Test
    void comparisonsIncludeOrExcludeTheirBound() {
        Predicate le = Cell.clean(KM, "<= 7");
        assertTrue(le.test(7));
        assertFalse(le.test(8));
        Predicate lt = Cell.clean(KM, "< 7");
        assertTrue(lt.test(6));
        assertFalse(lt.test(7));
        Predicate ge = Cell.clean(KM, "≥ 30");
        assertFalse(ge.test(29));
        assertTrue(ge.test(30));
        Predicate gt = Cell.clean(KM, "> 30");
        assertFalse(gt.test(30));
        assertTrue(gt.test(31));
        assertEquals(new Range(null, false, n("7"), true), le);
        assertEquals(new Range(n("30").stripTrailingZeros(), false, null, false), gt, "bounds are kept without trailing zeros");
    }

    @Test
    void twoBoundsAreBothIncluded() {
        Predicate r = Cell.clean(KM, "5..10");
        assertFalse(r.test(4));
        assertTrue(r.test(5));
        assertTrue(r.test(10));
        assertFalse(r.test(11));
        assertFalse(r.test(null), "a blank fact is in no range");
        assertFalse(r.test("5"), "text is not a number");
    }

    @Test
    void aValueIsAPoint() {
        Range p = (Range) Cell.clean(KM, new BigDecimal("36"));
        assertTrue(p.isPoint());
        assertEquals(p, Cell.clean(KM, "= 36"));
        assertEquals(p, Cell.clean(KM, "36"));
        assertFalse(p.test(35));
        assertTrue(p.test(36));
        assertFalse(p.test(37));
        assertFalse(((Range) Cell.clean(KM, "36..37")).isPoint());
    }

    @Test
    void wrongCellsSayWhatAndHowInBothLanguages() {
        assertEquals("EMPTY_RANGE: \"10..5\" is an empty range (write the lower bound first, e.g. 5..10)"
                + " / \"10..5\" 是空范围（下限大于上限） (请先写下限，例如 5..10)", Cell.read(KM, "10..5").issue());
        assertEquals("BAD_VALUE: \"3 years\" is not a whole number of months (write a value, a comparison such as"
                + " <= 7, a range such as 5..10, or leave blank for any) / \"3 years\" 不是整数月数 (请填写一个值、比较式（如 <= 7）、"
                + "范围（如 5..10），或留空表示任意)", Cell.read(MONTHS, "3 years").issue());
        assertEquals("BAD_VALUE: \"3.5\" is not a whole number of km (write a whole number such as 3000)"
                + " / \"3.5\" 不是整数公里数 (请填写整数，例如 3000)", Cell.read(KM, "<= 3.5").issue());
        assertEquals("BAD_VALUE: \"1.005\" has more than 2 decimals (money is in yuan with at most 2 decimals (fen))"
                + " / \"1.005\" 的小数超过 2 位 (金额以元为单位，最多保留 2 位小数（到分）)", Cell.read(MONEY, "> 1.005").issue());
        assertEquals("BAD_VALUE: \"2024-02-30\" is not a date that exists (yyyy-MM-dd) (write a value, a comparison such"
                + " as >= 2022-01-01, a range such as 5..10, or leave blank for any) / \"2024-02-30\" 不是存在的日期（yyyy-MM-dd）"
                + " (请填写一个值、比较式（如 >= 2022-01-01）、范围（如 5..10），或留空表示任意)", Cell.read(DATE, "2024-02-30").issue());
        assertEquals("BAD_VALUE: \"true\" is not an amount in CNY (write a value, a comparison such as <= 7, a range"
                + " such as 5..10, or leave blank for any) / \"true\" 不是以元为单位的金额 (请填写一个值、比较式（如 <= 7）、范围（如 5..10），"
                + "或留空表示任意)", Cell.read(MONEY, Boolean.TRUE).issue());
        assertNull(Cell.read(KM, "10..5").predicate());
    }

    @Test
    void ratesMayBePercentagesAndDatesAreEpochDays() {
        Predicate rate = Cell.clean(RATE, "<= 0.5%");
        assertTrue(rate.test(n("0.005")));
        assertFalse(rate.test(n("0.0051")));
        Predicate date = Cell.clean(DATE, ">= 2022-01-01");
        assertFalse(date.test(LocalDate.of(2021, 12, 31)));
        assertTrue(date.test(LocalDate.of(2022, 1, 1)));
        assertEquals(new Range(BigDecimal.valueOf(LocalDate.of(2022, 1, 1).toEpochDay()), true, null, false), date);
    }

    @Test
    void distanceIsHowFarOutside() {
        Predicate r = Cell.clean(KM, "5..10");
        assertEquals(n("2"), r.distance(3));
        assertEquals(BigDecimal.ZERO, r.distance(5));
        assertEquals(BigDecimal.ZERO, r.distance(10));
        assertEquals(n("2"), r.distance(12));
        assertNull(r.distance("x"));
    }

    @Test
    void constraintsUseIntsForWholeNumbersAndDecimalLiteralsOtherwise() {
        FactDef km = Cell.fact(KM);
        assertEquals("odometerKm >= 5 && odometerKm <= 10", Cell.clean(KM, "5..10").constraint(km, "odometerKm", false));
        assertEquals("odometerKm == 36", Cell.clean(KM, "36").constraint(km, "odometerKm", false));
        assertEquals("claim.odometerKm != null && claim.odometerKm < 7",
                Cell.clean(KM, "< 7").constraint(km, "claim.odometerKm", true));
        assertEquals("repairCostCny > 100000.5B",
                Cell.clean(MONEY, "> 100000.50").constraint(Cell.fact(MONEY), "repairCostCny", false));
        long day = LocalDate.of(2022, 1, 1).toEpochDay();
        assertEquals("periodStartDay >= " + day, Cell.clean(DATE, ">= 2022-01-01").constraint(Cell.fact(DATE), "periodStartDay", false));
    }

    @Test
    void wholeNumbersCloseTheirBoundsForRowFacts() {
        FactDef km = Cell.fact(KM);
        Predicate gt = Cell.clean(KM, "> 5");
        assertEquals("BETWEEN", gt.form(km));
        assertEquals(List.of("lo0 : long", "hi0 : long"), gt.fields(km, 0));
        assertEquals(List.of("lo0 <= $f.odometerKm", "hi0 >= $f.odometerKm"), gt.constraints(km, 0, "$f.odometerKm"));
        assertEquals(Map.of("lo0", 6L, "hi0", Long.MAX_VALUE), gt.values(km, 0));
        assertEquals(Map.of("lo0", Long.MIN_VALUE, "hi0", 4L), Cell.clean(KM, "< 5").values(km, 0));
        assertEquals(Map.of("lo0", 5L, "hi0", 5L), Cell.clean(KM, "5").values(km, 0));
        assertNull(gt.keys(), "a range is found by its bounds");
        assertEquals(List.of(n("5")), gt.bounds());
        assertTrue(gt.needsValue());
    }

    @Test
    void decimalsAreAPointOrARangeWithTheBoundsItHas() {
        FactDef money = Cell.fact(MONEY);
        Predicate point = Cell.clean(MONEY, "1000.00");
        assertEquals("POINT", point.form(money));
        assertEquals(List.of("v1 <= $f.repairCostCny", "v1 >= $f.repairCostCny"), point.constraints(money, 1, "$f.repairCostCny"));
        assertEquals(List.of(n("1E+3")), point.keys(), "a key whatever the scale");
        Predicate above = Cell.clean(MONEY, "> 1000");
        assertEquals("RANGE[>]", above.form(money));
        assertEquals(List.of("lo2 : java.math.BigDecimal"), above.fields(money, 2));
        assertEquals(List.of("lo2 < x"), above.constraints(money, 2, "x"));
        assertEquals("RANGE[>=<=]", Cell.clean(MONEY, "1..2").form(money));
        assertEquals("RANGE[<]", Cell.clean(MONEY, "< 2").form(money));
        assertEquals(Map.of("lo0", n("1"), "hi0", n("2")), Cell.clean(MONEY, "1..2").values(money, 0));
    }

    @Test
    void lintCutsTheNumberLineAtTheBoundsWritten() {
        FactDef km = Cell.fact(KM);
        List<Predicate> column = List.of(Cell.clean(KM, "<= 7"), Cell.clean(KM, "8..30"));
        List<Predicate.Sample> cells = column.get(0).domain(km, column);
        assertEquals(List.of("6", "7", "8", "9", "30", "31"), cells.stream().map(Predicate.Sample::label).toList());
        assertTrue(column.get(0).ordered());
        List<Predicate> money = List.of(Cell.clean(MONEY, "< 1"), Cell.clean(MONEY, ">= 2"));
        assertEquals(List.of("0.99", "1", "1.5", "2", "2.01"),
                money.get(0).domain(Cell.fact(MONEY), money).stream().map(Predicate.Sample::label).toList());
        List<Predicate> dates = List.of(Cell.clean(DATE, ">= 2022-01-01"));
        assertEquals(List.of("2021-12-31", "2022-01-01", "2022-01-02"),
                dates.get(0).domain(Cell.fact(DATE), dates).stream().map(Predicate.Sample::label).toList());
    }

    @Test
    void describedAsTheAnalystWroteIt() {
        assertEquals("> 100,000.50", Cell.clean(MONEY, "> 100000.50").describe(Cell.fact(MONEY).type(), Language.EN));
        assertEquals("1,000", Cell.clean(MONEY, "1000").describe(Cell.fact(MONEY).type(), Language.ZH));
        assertEquals("5..10", Cell.clean(KM, "5..10").describe(Cell.fact(KM).type(), Language.EN));
        assertEquals(">= 2022-01-01", Cell.clean(DATE, ">= 2022-01-01").describe(Cell.fact(DATE).type(), Language.EN));
        assertEquals("<= 0.5%", Cell.clean(RATE, "<= 0.5%").describe(Cell.fact(RATE).type(), Language.EN));
    }

    @Test
    void aRowCoversTheLawWhenItIsAtLeastAsLenient() {
        Range law = (Range) Cell.clean(KM, "<= 7");
        assertTrue(((Range) Cell.clean(KM, "<= 7")).covers(law));
        assertTrue(((Range) Cell.clean(KM, "<= 8")).covers(law));
        assertFalse(((Range) Cell.clean(KM, "<= 6")).covers(law));
        assertFalse(((Range) Cell.clean(KM, "< 7")).covers(law));
        assertFalse(((Range) Cell.clean(KM, "0..7")).covers(law), "the law has no lower bound");
    }
}
