package io.autoclaims.rules.internal.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.model.Cause;
import io.autoclaims.model.Claim;
import io.autoclaims.model.ClaimLine;
import io.autoclaims.model.PartSystem;
import io.autoclaims.model.Verdict;
import io.autoclaims.rules.Explanation;
import io.autoclaims.rules.RuleRef;
import io.autoclaims.rules.internal.run.Engine;
import io.autoclaims.rules.internal.table.RowModel.Condition;
import io.autoclaims.rules.internal.table.RowModel;
import io.autoclaims.rules.testing.Claims;
import io.autoclaims.rules.testing.WorkbookBuilder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Issue #7's equivalence test for generated tables: random decision tables (equality, set, negated
 * set, boolean, point, range and blank cells; repeated rows for ties; FIRST and COLLECT) evaluated on
 * 100,000 claims whose values sit on and next to the tables' bounds. Three evaluations must agree on
 * every line: the straightforward reference (scan the rows top to bottom, test each typed cell) and
 * the rulebook compiled with every table as shape rules over indexed row facts; on the first 1,000
 * claims of each table the same rulebook compiled one Drools rule per row must agree too, verdicts
 * included.
 */
class IndexedTablesTest {
    private static final int TABLES = 10;
    private static final int CLAIMS_PER_TABLE = 10_000;
    private static final int PER_ROW_CLAIMS = 500;
    private static final LocalDate[] DATES = {LocalDate.of(2022, 1, 1), LocalDate.of(2022, 6, 30),
            LocalDate.of(2023, 1, 1), LocalDate.of(2023, 3, 1), LocalDate.of(2023, 3, 2), LocalDate.of(2024, 2, 29)};
    private static final int[] KMS = {0, 9_999, 10_000, 10_001, 49_999, 50_000, 50_001, 120_000};
    private static final String[] COSTS = {"999.99", "1000", "1000.00", "1000.01", "1200.00", "2000", "2000.01"};
    private static final PartSystem[] SYSTEMS = {PartSystem.ENGINE, PartSystem.TRANSMISSION, PartSystem.STEERING,
            PartSystem.TRACTION_BATTERY};
    private static final Cause[] CAUSES = {Cause.QUALITY_DEFECT, Cause.NORMAL_WEAR, Cause.MISUSE};

    /** One condition column of the generated tables and how to read its value off a claim line. */
    private enum Col {
        START("IF period.start", "date range"),
        SYSTEM("IF line.system", "enum set PartSystem"),
        CAUSE("IF line.cause", "enum set Cause"),
        KM("IF vehicle.odometerKm", "integer range"),
        MAIN("IF line.mainPart", "boolean"),
        COST("IF line.repairCostCny", "money range");

        final String binding;
        final String type;

        Col(String binding, String type) {
            this.binding = binding;
            this.type = type;
        }
    }

    @Test
    void indexedRowsAgreeWithTheReferenceAndWithOneRulePerRow() {
        SplittableRandom random = new SplittableRandom(20261126);
        int lines = 0;
        int fired = 0;
        for (int t = 0; t < TABLES; t++) {
            boolean first = random.nextBoolean();
            // two to four condition columns: every kind of cell appears, in few enough row forms that
            // the test stays quick
            List<Col> cols = new ArrayList<>(List.of(Col.values()));
            while (cols.size() > 2 && (cols.size() > 4 || random.nextBoolean())) {
                cols.remove(random.nextInt(cols.size()));
            }
            int rowCount = 16 + random.nextInt(48);
            Map<String, byte[]> files = Map.of("t.xlsx", workbook(random, first, cols, rowCount));
            CompiledRulebook indexed = RulebookCompiler.compile(files, 1);
            CompiledRulebook perRow = RulebookCompiler.compile(files, Integer.MAX_VALUE);
            assertTrue(indexed.drl().contains("from $f.rows("), "shape rules");
            assertTrue(!perRow.drl().contains("from $f.rows("), "one rule per row");

            List<Claim> claims = new ArrayList<>();
            for (int i = 0; i < CLAIMS_PER_TABLE; i++) {
                claims.add(claim(random, "T" + t + "-" + i));
            }
            List<Verdict> verdicts = new Engine(indexed).adjudicate(claims);
            // explanations (every row that fired, reason or not) and the per-row engine on the first
            // claims only: they are the slow paths this test stands beside
            List<Explanation> fast = new Engine(indexed).explain(claims.subList(0, PER_ROW_CLAIMS));
            List<Explanation> slow = new Engine(perRow).explain(claims.subList(0, PER_ROW_CLAIMS));
            List<RowModel> rows = indexed.stages().get(0).rows();
            for (int i = 0; i < claims.size(); i++) {
                Claim c = claims.get(i);
                Map<String, List<Integer>> expected = new TreeMap<>();
                for (ClaimLine line : c.lines()) {
                    List<Integer> hits = new ArrayList<>();
                    for (RowModel row : rows) {
                        if (matches(row, c, line)) {
                            hits.add(row.row());
                            if (first) {
                                break;
                            }
                        }
                    }
                    expected.put(line.lineId(), hits);
                    lines++;
                    fired += hits.size();
                }
                String where = "table " + t + " (" + (first ? "FIRST" : "COLLECT") + ", " + cols + "), claim " + c;
                List<RuleRef> reported = verdicts.get(i).reasons().stream()
                        .map(r -> new RuleRef(r.ruleId(), r.table(), r.row(), r.lineId())).toList();
                assertEquals(expected, byLine(c, reported), "indexed: " + where);
                if (i < PER_ROW_CLAIMS) {
                    assertEquals(verdicts.get(i), fast.get(i).verdict(), where);
                    assertEquals(expected, byLine(c, fast.get(i).fired()), "indexed, explained: " + where);
                    assertEquals(expected, byLine(c, slow.get(i).fired()), "per row: " + where);
                    assertEquals(slow.get(i).verdict(), fast.get(i).verdict(), where);
                }
            }
        }
        assertEquals(TABLES * CLAIMS_PER_TABLE, 100_000);
        assertTrue(fired > lines / 2, "the tables match often enough to test something: " + fired + " of " + lines);
    }

    @Test
    void largeTablesGetAHashOrIntervalIndex() {
        WorkbookBuilder wb = WorkbookBuilder.create().about("forms", "1", LocalDate.of(2026, 1, 1), "t");
        WorkbookBuilder.TableBuilder keyed = table(wb, "Keyed", true, List.of(Col.START, Col.SYSTEM)).step(10);
        WorkbookBuilder.TableBuilder ranged = table(wb, "Ranged", true, List.of(Col.KM)).step(20);
        for (int i = 0; i < 40; i++) {
            keyed.row(cells("K-" + i, List.of(DATES[0].plusDays(i), SYSTEMS[i % SYSTEMS.length].name())));
            ranged.row(cells("R-" + i, List.of((i * 1000) + ".." + (i * 1000 + 999))));
        }
        CompiledRulebook rb = RulebookCompiler.compile(Map.of("t.xlsx", wb.toBytes()));
        assertEquals("hash", rb.index(0).form());
        assertEquals("intervals", rb.index(1).form());
    }

    @Test
    void compilesAndRunsOnAThreadWhoseContextLoaderCannotSeeTheLibrary() throws Exception {
        WorkbookBuilder wb = WorkbookBuilder.create().about("loader", "1", LocalDate.of(2026, 1, 1), "t");
        WorkbookBuilder.TableBuilder keyed = table(wb, "Keyed", true, List.of(Col.START, Col.SYSTEM));
        for (int i = 0; i < 20; i++) {
            keyed.row(cells("K-" + i, List.of(DATES[i % DATES.length].toString(), SYSTEMS[i % SYSTEMS.length].name())));
        }
        byte[] bytes = wb.toBytes();
        Claim claim = Claims.warranty().deliveredOn(DATES[1]).occurredOn(DATES[1].plusDays(40))
                .line(l -> l.system(SYSTEMS[1])).build();
        Thread thread = Thread.currentThread();
        ClassLoader saved = thread.getContextClassLoader();
        // a host's plugin or pool thread: its context loader sees the JDK only
        try (java.net.URLClassLoader blind = new java.net.URLClassLoader(new java.net.URL[0], null)) {
            thread.setContextClassLoader(blind);
            CompiledRulebook rb = RulebookCompiler.compile(Map.of("t.xlsx", bytes));
            Verdict v = new Engine(rb).adjudicate(List.of(claim)).get(0);
            assertEquals(List.of("K-1"), v.reasons().stream().map(r -> r.ruleId()).toList());
        } finally {
            thread.setContextClassLoader(saved);
        }
    }

    private static Map<String, List<Integer>> byLine(Claim c, List<RuleRef> fired) {
        Map<String, List<Integer>> byLine = new TreeMap<>();
        c.lines().forEach(l -> byLine.put(l.lineId(), new ArrayList<>()));
        for (RuleRef r : fired) {
            byLine.computeIfAbsent(r.lineId(), k -> new ArrayList<>()).add(r.row());
        }
        return byLine;
    }

    /** The reference: every typed cell of the row tested on its own, a blank cell matching anything. */
    private static boolean matches(RowModel row, Claim c, ClaimLine line) {
        for (Condition cond : row.conditions()) {
            Object value = switch (cond.fact().name()) {
                case "period.start" -> c.vehicle().periodStart();
                case "line.system" -> line.system();
                case "line.cause" -> line.effectiveCause(c.incident());
                case "vehicle.odometerKm" -> c.vehicle().odometerKm();
                case "line.mainPart" -> line.mainPart();
                case "line.repairCostCny" -> line.repairCostCny();
                default -> throw new IllegalStateException(cond.fact().name());
            };
            if (!cond.predicate().test(value)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] workbook(SplittableRandom random, boolean first, List<Col> cols, int rowCount) {
        WorkbookBuilder wb = WorkbookBuilder.create().about("generated", "1", LocalDate.of(2026, 1, 1), "t");
        WorkbookBuilder.TableBuilder table = table(wb, "Gen", first, cols);
        List<List<Object>> written = new ArrayList<>();
        for (int r = 0; r < rowCount; r++) {
            List<Object> conditions;
            if (!written.isEmpty() && random.nextInt(8) == 0) {
                conditions = written.get(random.nextInt(written.size())); // a tie
            } else {
                conditions = new ArrayList<>();
                for (Col c : cols) {
                    conditions.add(random.nextInt(5) == 0 ? null : cell(random, c));
                }
            }
            written.add(conditions);
            table.row(cells(String.format("G-%03d", r), conditions));
        }
        return wb.toBytes();
    }

    private static WorkbookBuilder.TableBuilder table(WorkbookBuilder wb, String key, boolean first, List<Col> cols) {
        WorkbookBuilder.TableBuilder table = wb.table(key + " 生成", key).hit(first ? "FIRST" : "COLLECT").per("LINE")
                .claimType("WARRANTY").step(10).column("ID", "rule id", "Id");
        for (Col c : cols) {
            table.column(c.binding, c.type, c.name());
        }
        return table.column("CODE", "code", "Code").column("TEXT zh", "text", "zh").column("TEXT en", "text", "en");
    }

    private static Object[] cells(String id, List<Object> conditions) {
        List<Object> cells = new ArrayList<>();
        cells.add(id);
        cells.addAll(conditions);
        cells.add("HIT_" + id.replace('-', '_'));
        cells.add("命中 " + id);
        cells.add("hit " + id);
        return cells.toArray();
    }

    private static Object cell(SplittableRandom r, Col c) {
        return switch (c) {
            case START -> dateCell(r);
            case SYSTEM -> enumCell(r, SYSTEMS);
            case CAUSE -> enumCell(r, CAUSES);
            case KM -> numberCell(r, new String[] {"10000", "50000", "0"}, r.nextBoolean() ? null : KMS[r.nextInt(KMS.length)]);
            case MAIN -> r.nextBoolean();
            case COST -> numberCell(r, new String[] {"1000", "1000.00", "2000", "1200.00"},
                    r.nextBoolean() ? null : new BigDecimal(COSTS[r.nextInt(COSTS.length)]));
        };
    }

    private static Object dateCell(SplittableRandom r) {
        LocalDate a = DATES[r.nextInt(DATES.length)];
        LocalDate b = DATES[r.nextInt(DATES.length)];
        LocalDate low = a.isBefore(b) ? a : b;
        LocalDate high = a.isBefore(b) ? b : a;
        return switch (r.nextInt(4)) {
            case 0 -> a;
            case 1 -> low + ".." + high;
            case 2 -> (r.nextBoolean() ? ">= " : "> ") + a;
            default -> (r.nextBoolean() ? "<= " : "< ") + a;
        };
    }

    private static Object numberCell(SplittableRandom r, String[] bounds, Object point) {
        if (point != null) {
            return point;
        }
        String a = bounds[r.nextInt(bounds.length)];
        String b = bounds[r.nextInt(bounds.length)];
        boolean ordered = new BigDecimal(a).compareTo(new BigDecimal(b)) <= 0;
        return switch (r.nextInt(3)) {
            case 0 -> (ordered ? a : b) + ".." + (ordered ? b : a);
            case 1 -> (r.nextBoolean() ? ">= " : "> ") + a;
            default -> (r.nextBoolean() ? "<= " : "< ") + a;
        };
    }

    private static String enumCell(SplittableRandom r, Enum<?>[] values) {
        List<String> chosen = new ArrayList<>();
        for (Enum<?> e : values) {
            if (r.nextInt(3) == 0) {
                chosen.add(e.name());
            }
        }
        if (chosen.isEmpty()) {
            chosen.add(values[r.nextInt(values.length)].name());
        }
        return (r.nextInt(4) == 0 ? "NOT " : "") + String.join(", ", chosen);
    }

    private static Claim claim(SplittableRandom r, String id) {
        LocalDate delivered = DATES[r.nextInt(DATES.length)];
        Claims claim = Claims.warranty().claimId(id).deliveredOn(delivered).occurredOn(delivered.plusDays(40))
                .odometerKm(KMS[r.nextInt(KMS.length)]).cause(CAUSES[r.nextInt(CAUSES.length)]);
        int lineCount = 1 + r.nextInt(2);
        for (int l = 0; l < lineCount; l++) {
            PartSystem system = SYSTEMS[r.nextInt(SYSTEMS.length)];
            Cause cause = r.nextBoolean() ? null : CAUSES[r.nextInt(CAUSES.length)];
            boolean main = r.nextBoolean();
            String cost = COSTS[r.nextInt(COSTS.length)];
            java.util.function.UnaryOperator<Claims.LineBuilder> line = b -> {
                Claims.LineBuilder x = b.system(system).mainPart(main).repairCost(cost);
                return cause == null ? x : x.cause(cause);
            };
            claim = l == 0 ? claim.line(line) : claim.addLine("L" + (l + 1), line);
        }
        return claim.build();
    }
}
