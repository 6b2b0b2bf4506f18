package io.autoclaims.batch;

import io.autoclaims.model.ClaimType;
import io.autoclaims.model.RulebookInfo;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What an impact run found: the same backlog under an old and a new rulebook. Every number is exact
 * (counts, and money as {@link BigDecimal} with 2 decimals) and independent of how the backlog was
 * split: {@link ImpactAccumulator}s of any partitioning merge to an equal summary.
 *
 * @param oldRulebook     the rulebook the backlog is compared from
 * @param newRulebook     the rulebook it is compared to
 * @param lines           input lines read (each yields one record per rulebook)
 * @param errorLines      lines that are an error record under either rulebook
 * @param oldErrors       lines that are an error record under the old rulebook
 * @param newErrors       lines that are an error record under the new rulebook
 * @param changed         lines whose outcome changed ({@link ImpactRow})
 * @param oldPayable      total {@code payableCny} under the old rulebook (error records count 0)
 * @param newPayable      total {@code payableCny} under the new rulebook
 * @param transitions     lines by old status, then new status; every status present in both levels
 * @param byType          lines with a readable claim, by claim type; every type present
 * @param byRule          rule rows that appeared or disappeared in changed lines, largest money change first
 * @param unattributed    changed lines where no rule row appeared or disappeared (the same rows gave other
 *                        values, e.g. a changed amount cell)
 * @param largest         the changed lines with the largest money change, at most {@code top}, largest first
 * @param top             how many of the largest changes are kept
 * @param edits           the workbook cells that differ between the two rulebooks and where each came from:
 *                        the cause of the changes ({@link ImpactEdits#NONE} when not known)
 */
public record ImpactSummary(RulebookInfo oldRulebook, RulebookInfo newRulebook, long lines, long errorLines,
                            long oldErrors, long newErrors, long changed, BigDecimal oldPayable,
                            BigDecimal newPayable, Map<ImpactStatus, Map<ImpactStatus, Long>> transitions,
                            Map<ClaimType, TypeImpact> byType, List<RuleImpact> byRule, Group unattributed,
                            List<ImpactRow> largest, int top, ImpactEdits edits) {

    /**
     * A summary with no edit known ({@link ImpactEdits#NONE}): {@link #withEdits} adds it.
     *
     * @param oldRulebook  the rulebook the backlog is compared from
     * @param newRulebook  the rulebook it is compared to
     * @param lines        input lines read
     * @param errorLines   lines that are an error record under either rulebook
     * @param oldErrors    error records under the old rulebook
     * @param newErrors    error records under the new rulebook
     * @param changed      lines whose outcome changed
     * @param oldPayable   total {@code payableCny} under the old rulebook
     * @param newPayable   total {@code payableCny} under the new rulebook
     * @param transitions  lines by old status, then new status
     * @param byType       lines with a readable claim, by claim type
     * @param byRule       rule rows that appeared or disappeared in changed lines
     * @param unattributed changed lines where no rule row appeared or disappeared
     * @param largest      the changed lines with the largest money change
     * @param top          how many of the largest changes are kept
     */
    public ImpactSummary(RulebookInfo oldRulebook, RulebookInfo newRulebook, long lines, long errorLines,
            long oldErrors, long newErrors, long changed, BigDecimal oldPayable, BigDecimal newPayable,
            Map<ImpactStatus, Map<ImpactStatus, Long>> transitions, Map<ClaimType, TypeImpact> byType,
            List<RuleImpact> byRule, Group unattributed, List<ImpactRow> largest, int top) {
        this(oldRulebook, newRulebook, lines, errorLines, oldErrors, newErrors, changed, oldPayable, newPayable,
                transitions, byType, byRule, unattributed, largest, top, ImpactEdits.NONE);
    }

    /**
     * The same summary with the edit that caused it.
     *
     * @param edits the workbook cells that differ between the two rulebooks
     * @return a new summary; this one is unchanged
     */
    public ImpactSummary withEdits(ImpactEdits edits) {
        return new ImpactSummary(oldRulebook, newRulebook, lines, errorLines, oldErrors, newErrors, changed, oldPayable,
                newPayable, transitions, byType, byRule, unattributed, largest, top, edits);
    }

    /**
     * The old side as the report labels it.
     *
     * @return version, fingerprint prefix and source, e.g. {@code 2026.1 · b0b24fcd8475 · rules/warranty.xlsx}
     */
    public String oldLabel() {
        return ImpactEdits.label(oldRulebook, edits.oldSource());
    }

    /**
     * The new side as the report labels it.
     *
     * @return version, fingerprint prefix and source
     */
    public String newLabel() {
        return ImpactEdits.label(newRulebook, edits.newSource());
    }

    /**
     * Checks the summary and completes its maps: every status and claim type present, 0 when missing;
     * maps and lists are copied.
     *
     * @param oldRulebook  the rulebook the backlog is compared from, not null
     * @param newRulebook  the rulebook it is compared to, not null
     * @param lines        input lines read
     * @param errorLines   lines that are an error record under either rulebook
     * @param oldErrors    error records under the old rulebook
     * @param newErrors    error records under the new rulebook
     * @param changed      lines whose outcome changed
     * @param oldPayable   total {@code payableCny} under the old rulebook, not null
     * @param newPayable   total {@code payableCny} under the new rulebook, not null
     * @param transitions  lines by old status, then new status
     * @param byType       lines with a readable claim, by claim type
     * @param byRule       rule rows that appeared or disappeared in changed lines
     * @param unattributed changed lines where no rule row appeared or disappeared, not null
     * @param largest      the changed lines with the largest money change
     * @param top          how many of the largest changes are kept
     * @param edits        the workbook edits behind the changes, not null
     * @throws NullPointerException when a rulebook, an amount, {@code unattributed} or {@code edits} is null
     */
    public ImpactSummary {
        Objects.requireNonNull(oldRulebook, "oldRulebook");
        Objects.requireNonNull(newRulebook, "newRulebook");
        Objects.requireNonNull(oldPayable, "oldPayable");
        Objects.requireNonNull(newPayable, "newPayable");
        Objects.requireNonNull(unattributed, "unattributed");
        Objects.requireNonNull(edits, "edits");
        EnumMap<ImpactStatus, Map<ImpactStatus, Long>> t = new EnumMap<>(ImpactStatus.class);
        for (ImpactStatus from : ImpactStatus.values()) {
            Map<ImpactStatus, Long> row = transitions.get(from);
            EnumMap<ImpactStatus, Long> r = new EnumMap<>(ImpactStatus.class);
            for (ImpactStatus to : ImpactStatus.values()) {
                Long n = row == null ? null : row.get(to);
                r.put(to, n == null ? 0L : n);
            }
            t.put(from, Collections.unmodifiableMap(r));
        }
        transitions = Collections.unmodifiableMap(t);
        EnumMap<ClaimType, TypeImpact> types = new EnumMap<>(ClaimType.class);
        for (ClaimType type : ClaimType.values()) {
            TypeImpact ti = byType.get(type);
            types.put(type, ti == null ? TypeImpact.NONE : ti);
        }
        byType = Collections.unmodifiableMap(types);
        byRule = List.copyOf(byRule);
        largest = List.copyOf(largest);
    }

    /**
     * Lines of one claim type.
     *
     * @param claims     lines with a readable claim of that type
     * @param changed    of those, lines whose outcome changed
     * @param oldPayable their total {@code payableCny} under the old rulebook
     * @param newPayable their total {@code payableCny} under the new rulebook
     */
    public record TypeImpact(long claims, long changed, BigDecimal oldPayable, BigDecimal newPayable) {
        static final TypeImpact NONE = new TypeImpact(0, 0, io.autoclaims.model.Money.ZERO,
                io.autoclaims.model.Money.ZERO);

        /**
         * The money change of that type.
         *
         * @return {@code newPayable - oldPayable} in CNY
         */
        public BigDecimal delta() {
            return newPayable.subtract(oldPayable);
        }
    }

    /**
     * The changed lines where one rule row appeared or disappeared (a line counts once per rule id,
     * so a line where two rows changed counts under both: the groups may add up to more than the total).
     *
     * @param ruleId      the row's stable id
     * @param table       its table (sheet) in the new rulebook, else in the old one
     * @param row         its spreadsheet row there
     * @param claims      changed lines where it appeared or disappeared
     * @param appeared    of those, lines where it gave a reason only under the new rulebook
     * @param disappeared of those, lines where it gave a reason only under the old rulebook
     * @param delta       the money change of those lines, new minus old
     */
    public record RuleImpact(String ruleId, String table, int row, long claims, long appeared, long disappeared,
                             BigDecimal delta) {
    }

    /**
     * A count of changed lines and their money change.
     *
     * @param claims changed lines
     * @param delta  their money change, new minus old, in CNY
     */
    public record Group(long claims, BigDecimal delta) {
    }

    /**
     * The money change of the whole backlog.
     *
     * @return {@code newPayable - oldPayable} in CNY, negative when the new rulebook pays less
     */
    public BigDecimal delta() {
        return newPayable.subtract(oldPayable);
    }

    /**
     * One cell of the transition matrix.
     *
     * @param from the status under the old rulebook
     * @param to   the status under the new rulebook
     * @return lines that went from {@code from} to {@code to}
     */
    public long transition(ImpactStatus from, ImpactStatus to) {
        return transitions.get(from).get(to);
    }

    /**
     * The summary as the command line prints it at the end of a run.
     *
     * @return several lines in English (the first 20 edits, totals, transitions), no trailing line end
     */
    public String describe() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "old %s%nnew %s%n", oldLabel(), newLabel()));
        if (!edits.edits().isEmpty()) {
            s.append(String.format(Locale.ROOT, "%d cell(s) changed:%n", edits.edits().size()));
            edits.edits().stream().limit(20).forEach(e -> s.append("  ").append(ImpactEdits.describe(e)).append('\n'));
            if (edits.edits().size() > 20) {
                s.append(String.format(Locale.ROOT, "  ... and %d more (impact.html lists them all)%n",
                        edits.edits().size() - 20));
            }
        }
        s.append(String.format(Locale.ROOT, "%,d lines: %,d changed, %,d error lines (old %,d, new %,d)", lines, changed,
                errorLines, oldErrors, newErrors));
        s.append(String.format(Locale.ROOT, "%n  payable: old %s, new %s, delta %s", Reports.money(oldPayable),
                Reports.money(newPayable), Reports.signed(delta())));
        for (ImpactStatus from : ImpactStatus.values()) {
            for (ImpactStatus to : ImpactStatus.values()) {
                long n = transition(from, to);
                if (from != to && n > 0) {
                    s.append(String.format(Locale.ROOT, "%n  %s -> %s: %,d", from, to, n));
                }
            }
        }
        return s.toString();
    }
}
