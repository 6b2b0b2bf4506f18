package io.autoclaims.rules.internal.analysis;

import io.autoclaims.rules.WorkbookIssue;
import io.autoclaims.rules.internal.condition.Predicate;
import io.autoclaims.rules.internal.table.ColumnModel;
import io.autoclaims.rules.internal.table.FactDef;
import io.autoclaims.rules.internal.table.HitPolicy;
import io.autoclaims.rules.internal.table.RowModel.Condition;
import io.autoclaims.rules.internal.table.RowModel;
import io.autoclaims.rules.internal.table.TableModel;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds what is wrong with a table as a whole: gaps (an input no row of a single-hit table covers),
 * unreachable rows (a row every claim it matches is taken by earlier rows first) and overlaps (two
 * rows of a UNIQUE table that match the same claim with different outcomes). Each condition fact
 * is cut into the cells the table's own values distinguish (every cause, TRUE and FALSE, the ranges
 * between the bounds written), so the analysis is exact, and every finding names a concrete claim.
 */
public final class Lint {
    /** Tables with more cells than this are sampled by their rows only (reported as a warning). */
    private static final long MAX_CELLS = 5_000_000L;
    private static final int MAX_EXAMPLES = 3;
    /** Gaps looked at before they are widened and reported (at most MAX_EXAMPLES). */
    private static final int MAX_GAPS = 200;

    private Lint() {
    }

    public static void check(List<TableModel> tables, List<WorkbookIssue> issues) {
        for (TableModel t : tables) {
            new TableLint(t, issues).run();
        }
    }

    /** One condition fact of a table, cut into the cells its condition kind distinguishes. */
    private static final class Dim {
        final FactDef fact;
        final List<String> labels = new ArrayList<>();
        /** A value each cell stands for: a constant, a code, a subset, TRUE/FALSE, or a number inside the range. */
        final List<Object> values = new ArrayList<>();
        /** Numbers: a region of cells reads as a range. */
        final boolean ordered;

        Dim(FactDef fact, List<Predicate> column) {
            this.fact = fact;
            for (Predicate.Sample cell : column.get(0).domain(fact, column)) {
                labels.add(cell.label());
                values.add(cell.value());
            }
            this.ordered = column.get(0).ordered();
        }

        int size() {
            return labels.size();
        }

        /** The cells a condition cell covers. */
        BitSet cover(Predicate p) {
            BitSet covered = new BitSet(size());
            for (int i = 0; i < size(); i++) {
                if (matches(p, i)) {
                    covered.set(i);
                }
            }
            return covered;
        }

        private boolean matches(Predicate p, int cell) {
            return p.test(values.get(cell));
        }
    }

    private static final class TableLint {
        private final TableModel table;
        private final List<WorkbookIssue> issues;
        private final List<Dim> dims = new ArrayList<>();
        /** masks[row][dim]: the cells of that dimension the row covers. */
        private BitSet[][] masks;

        TableLint(TableModel table, List<WorkbookIssue> issues) {
            this.table = table;
            this.issues = issues;
        }

        void run() {
            if (table.hit() == HitPolicy.COLLECT || table.rows().isEmpty()) {
                return;
            }
            buildDims();
            long cells = 1;
            for (Dim d : dims) {
                cells = Math.multiplyExact(cells, Math.max(1, d.size()));
                if (cells > MAX_CELLS) {
                    issues.add(WorkbookIssue.warning("TOO_LARGE_TO_ANALYSE", table.keyCell(),
                            "the table's conditions make more than " + MAX_CELLS
                                    + " combinations; gaps and unreachable rows were not checked",
                            "split the table or use fewer distinct values").withZh(
                            "本表条件组合超过 " + MAX_CELLS + " 种，未检查遗漏与不可达的规则", "拆分表格或减少不同取值"));
                    return;
                }
            }
            buildMasks();
            gaps();
            unreachable();
            if (table.hit() == HitPolicy.UNIQUE) {
                overlaps();
            }
        }

        private void buildDims() {
            Map<FactDef, List<Predicate>> byFact = new LinkedHashMap<>();
            for (ColumnModel c : table.columns()) {
                if (c.role() == ColumnModel.Role.IF && !byFact.containsKey(c.fact())) {
                    byFact.put(c.fact(), new ArrayList<>());
                }
            }
            for (RowModel r : table.rows()) {
                for (Condition c : r.conditions()) {
                    byFact.get(c.fact()).add(c.predicate());
                }
            }
            byFact.forEach((fact, predicates) -> {
                if (!predicates.isEmpty()) {
                    dims.add(new Dim(fact, predicates));
                }
            });
        }

        private void buildMasks() {
            List<RowModel> rows = table.rows();
            masks = new BitSet[rows.size()][dims.size()];
            for (int r = 0; r < rows.size(); r++) {
                for (int d = 0; d < dims.size(); d++) {
                    Dim dim = dims.get(d);
                    Predicate p = null;
                    for (Condition c : rows.get(r).conditions()) {
                        if (c.fact() == dim.fact) {
                            p = c.predicate();
                        }
                    }
                    BitSet all = new BitSet(dim.size());
                    all.set(0, dim.size());
                    masks[r][d] = p == null ? all : dim.cover(p);
                }
            }
        }

        // ---- gaps ---------------------------------------------------------------------------

        private void gaps() {
            List<int[]> found = new ArrayList<>();
            List<Integer> all = new ArrayList<>();
            for (int r = 0; r < table.rows().size(); r++) {
                all.add(r);
            }
            findGaps(0, all, new int[dims.size()], found);
            List<BitSet[]> reported = new ArrayList<>();
            for (int[] gap : found) {
                if (reported.size() >= MAX_EXAMPLES || reported.stream().anyMatch(b -> inside(gap, b))) {
                    continue;
                }
                BitSet[] box = widen(gap);
                reported.add(box);
                String example = describe(box, false);
                issues.add(WorkbookIssue.error("GAP", table.keyCell(),
                        "no row of " + table.key() + " covers a claim with " + example,
                        "add a row for it, or a last row with blank conditions as the default").withZh(
                        "表 " + table.key() + " 没有规则覆盖：" + describe(box, true), "为其增加一行，或在最后增加一行条件全部留空的默认规则"));
            }
        }

        /**
         * The gap grown, fact by fact, to every value no row covers together with the others, so
         * that a finding reads "line.cause = QUALITY_DEFECT, line.repairable = TRUE" rather than one
         * point of it. A fact that does not matter disappears.
         */
        private BitSet[] widen(int[] gap) {
            BitSet[] box = new BitSet[dims.size()];
            for (int d = 0; d < dims.size(); d++) {
                box[d] = new BitSet();
                if (gap[d] >= 0) {
                    box[d].set(gap[d]);
                } else {
                    box[d].set(0, dims.get(d).size());
                }
            }
            for (int d = 0; d < dims.size(); d++) {
                for (int c = 0; c < dims.get(d).size(); c++) {
                    if (box[d].get(c)) {
                        continue;
                    }
                    box[d].set(c);
                    if (anyRowMeets(box)) {
                        box[d].clear(c);
                    }
                }
            }
            return box;
        }

        private boolean anyRowMeets(BitSet[] box) {
            for (BitSet[] row : masks) {
                boolean meets = true;
                for (int d = 0; d < dims.size() && meets; d++) {
                    meets = row[d].intersects(box[d]);
                }
                if (meets) {
                    return true;
                }
            }
            return false;
        }

        private static boolean inside(int[] cell, BitSet[] box) {
            for (int d = 0; d < box.length; d++) {
                if (cell[d] >= 0 && !box[d].get(cell[d])) {
                    return false;
                }
            }
            return true;
        }

        /** A region as analysts write conditions: one value, a list, NOT a short list, or a range. */
        private String describe(BitSet[] box, boolean zh) {
            List<String> parts = new ArrayList<>();
            for (int d = 0; d < dims.size(); d++) {
                Dim dim = dims.get(d);
                BitSet cells = box[d];
                int n = cells.cardinality();
                if (n == dim.size()) {
                    continue;
                }
                String name = dim.fact.name();
                // numbers say what they count: period.daysSinceStart = 8 days / 8 天
                String unit = dim.fact.unit(zh);
                String u = unit.isEmpty() ? "" : " " + unit;
                boolean ordered = dim.ordered;
                if (n == 1) {
                    parts.add(name + " = " + dim.labels.get(cells.nextSetBit(0)) + (ordered ? u : ""));
                } else if (ordered) {
                    int first = cells.nextSetBit(0);
                    int last = cells.length() - 1;
                    parts.add(first == 0 ? name + " <= " + dim.labels.get(last) + u
                            : last == dim.size() - 1 ? name + " >= " + dim.labels.get(first) + u
                            : name + " " + dim.labels.get(first) + ".." + dim.labels.get(last) + u);
                } else if (n > dim.size() / 2) {
                    List<String> not = new ArrayList<>();
                    for (int c = cells.nextClearBit(0); c < dim.size(); c = cells.nextClearBit(c + 1)) {
                        not.add(dim.labels.get(c));
                    }
                    parts.add(name + " = NOT " + String.join(", ", not));
                } else {
                    List<String> in = new ArrayList<>();
                    for (int c = cells.nextSetBit(0); c >= 0; c = cells.nextSetBit(c + 1)) {
                        in.add(dim.labels.get(c));
                    }
                    parts.add(name + " = " + String.join(", ", in));
                }
            }
            return parts.isEmpty() ? "any facts" : String.join(", ", parts);
        }

        private void findGaps(int d, List<Integer> candidates, int[] cell, List<int[]> found) {
            if (found.size() >= MAX_GAPS) {
                return;
            }
            if (candidates.isEmpty()) {
                int[] gap = cell.clone();
                for (int i = d; i < gap.length; i++) {
                    gap[i] = -1;
                }
                found.add(gap);
                return;
            }
            if (d == dims.size()) {
                return;
            }
            for (int c = 0; c < dims.get(d).size() && found.size() < MAX_GAPS; c++) {
                List<Integer> next = new ArrayList<>();
                for (int r : candidates) {
                    if (masks[r][d].get(c)) {
                        next.add(r);
                    }
                }
                cell[d] = c;
                findGaps(d + 1, next, cell, found);
            }
        }

        // ---- unreachable rows -----------------------------------------------------------------

        private void unreachable() {
            for (int r = 1; r < table.rows().size(); r++) {
                List<Integer> earlier = new ArrayList<>();
                for (int e = 0; e < r; e++) {
                    earlier.add(e);
                }
                Set<Integer> shadowing = new TreeSet<>();
                if (covered(r, 0, earlier, shadowing)) {
                    RowModel row = table.rows().get(r);
                    List<String> by = shadowing.stream().map(i -> table.rows().get(i).ruleId()).toList();
                    issues.add(WorkbookIssue.error("UNREACHABLE_ROW", row.idCell(),
                            "row " + row.row() + " (" + row.ruleId() + ") never fires: every claim it matches is "
                                    + "taken first by " + String.join(", ", by),
                            "move it above those rows, narrow them, or delete it").withZh(
                            "第 " + row.row() + " 行（" + row.ruleId() + "）永远不会命中：它匹配的每个索赔都先被 "
                                    + String.join("、", by) + " 命中",
                            "把它移到这些行之前、收窄这些行的条件，或删除它"));
                }
            }
        }

        /** True when every cell of row r, from dimension d on, is covered by one of the earlier rows. */
        private boolean covered(int r, int d, List<Integer> earlier, Set<Integer> shadowing) {
            if (earlier.isEmpty()) {
                return false;
            }
            if (d == dims.size()) {
                shadowing.add(earlier.get(0));
                return true;
            }
            BitSet mine = masks[r][d];
            for (int c = mine.nextSetBit(0); c >= 0; c = mine.nextSetBit(c + 1)) {
                List<Integer> next = new ArrayList<>();
                for (int e : earlier) {
                    if (masks[e][d].get(c)) {
                        next.add(e);
                    }
                }
                if (!covered(r, d + 1, next, shadowing)) {
                    return false;
                }
            }
            return true;
        }

        // ---- overlaps (UNIQUE tables) ---------------------------------------------------------

        private void overlaps() {
            List<RowModel> rows = table.rows();
            for (int a = 0; a < rows.size(); a++) {
                for (int b = a + 1; b < rows.size(); b++) {
                    int[] shared = intersection(a, b);
                    if (shared == null || sameOutcome(rows.get(a), rows.get(b))) {
                        continue;
                    }
                    String example = describe(shared, false);
                    RowModel first = rows.get(a);
                    RowModel second = rows.get(b);
                    issues.add(WorkbookIssue.error("OVERLAP", second.idCell(),
                            "rows " + first.row() + " (" + first.ruleId() + ") and " + second.row() + " ("
                                    + second.ruleId() + ") both match a claim with " + example
                                    + ", with different outcomes",
                            "narrow one of them so that one claim matches one row").withZh(
                            "第 " + first.row() + " 行（" + first.ruleId() + "）与第 " + second.row() + " 行（"
                                    + second.ruleId() + "）同时匹配：" + describe(shared, true) + "，结果却不同",
                            "收窄其中一行的条件，使每个索赔只匹配一行"));
                }
            }
        }

        private int[] intersection(int a, int b) {
            int[] cell = new int[dims.size()];
            for (int d = 0; d < dims.size(); d++) {
                BitSet both = (BitSet) masks[a][d].clone();
                both.and(masks[b][d]);
                if (both.isEmpty()) {
                    return null;
                }
                cell[d] = both.nextSetBit(0);
            }
            return cell;
        }

        private static boolean sameOutcome(RowModel a, RowModel b) {
            return Objects.equals(a.code(), b.code()) && a.effect() == b.effect()
                    && a.outputs().stream().map(o -> o.fact().name() + "=" + o.value()).toList()
                            .equals(b.outputs().stream().map(o -> o.fact().name() + "=" + o.value()).toList());
        }

        /** A concrete claim for the cells: {@code line.cause = MISUSE, line.monthsOverTerm = 1}. */
        private String describe(int[] cell, boolean zh) {
            List<String> parts = new ArrayList<>();
            for (int d = 0; d < dims.size(); d++) {
                if (cell[d] >= 0) {
                    String unit = dims.get(d).fact.unit(zh);
                    parts.add(dims.get(d).fact.name() + " = " + dims.get(d).labels.get(cell[d])
                            + (unit.isEmpty() ? "" : " " + unit));
                }
            }
            return parts.isEmpty() ? "any facts" : String.join(", ", parts);
        }
    }
}
