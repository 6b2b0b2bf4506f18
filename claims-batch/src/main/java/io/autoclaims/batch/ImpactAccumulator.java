package io.autoclaims.batch;

import io.autoclaims.rules.LineBatch;

import io.autoclaims.model.ClaimType;
import io.autoclaims.model.Money;
import io.autoclaims.model.RulebookInfo;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The running totals of an impact comparison, mergeable: each partition of a backlog (a batch here, a
 * Spark partition elsewhere) adds its lines to its own accumulator, and {@link #merge} combines them in
 * any order and grouping into the same numbers, so {@link #summary} is the same however the backlog was
 * split. Not thread-safe: one accumulator per thread, merged afterwards. Serializable, so that
 * partitions computed on other machines can ship theirs to be merged (only between the same version
 * of this library: the serialized form is not part of the API, hence not documented).
 *
 * <pre>{@code
 * ImpactAccumulator acc = ImpactAccumulator.create(50);
 * acc.add(line, claimId, type, Outcome.of(oldVerdict), Outcome.of(newVerdict)).ifPresent(csv::write);
 * acc.merge(otherPartition);
 * ImpactSummary s = acc.summary(oldRulebook.info(), newRulebook.info());
 * }</pre>
 *
 * @serial exclude
 */
public final class ImpactAccumulator implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The default number of largest changes kept. */
    public static final int DEFAULT_TOP = 50;

    /** Largest money change first, then input order: a total order, so the top N never depends on merge order. */
    static final Comparator<ImpactRow> LARGEST_FIRST = Comparator
            .comparing((ImpactRow r) -> r.delta().abs(), Comparator.reverseOrder())
            .thenComparingLong(ImpactRow::line)
            .thenComparing(r -> String.valueOf(r.claimId()));

    private static final ImpactStatus[] STATUSES = ImpactStatus.values();
    private static final ClaimType[] TYPES = ClaimType.values();

    private final int top;
    private long lines;
    private long errorLines;
    private long oldErrors;
    private long newErrors;
    private long changed;
    private BigDecimal oldPayable = Money.ZERO;
    private BigDecimal newPayable = Money.ZERO;
    private final long[][] transitions = new long[STATUSES.length][STATUSES.length];
    private final long[] typeClaims = new long[TYPES.length];
    private final long[] typeChanged = new long[TYPES.length];
    private final BigDecimal[] typeOld = new BigDecimal[TYPES.length];
    private final BigDecimal[] typeNew = new BigDecimal[TYPES.length];
    private final Map<String, RuleTotals> rules = new TreeMap<>();
    private long unattributedClaims;
    private BigDecimal unattributedDelta = Money.ZERO;
    /** Not serialized as a TreeSet (its comparator is not serializable): written as a list, sorted again on reading. */
    private transient TreeSet<ImpactRow> largest = new TreeSet<>(LARGEST_FIRST);

    private ImpactAccumulator(int top) {
        this.top = top;
        java.util.Arrays.fill(typeOld, Money.ZERO);
        java.util.Arrays.fill(typeNew, Money.ZERO);
    }

    /**
     * An empty accumulator.
     *
     * @param top how many of the largest money changes to keep for the report, 0 or more
     * @return the accumulator
     * @throws IllegalArgumentException when {@code top} is negative
     */
    public static ImpactAccumulator create(int top) {
        if (top < 0) {
            throw new IllegalArgumentException("top must be 0 or more, got " + top);
        }
        return new ImpactAccumulator(top);
    }

    /** Table and row of a rule id on each side (the first seen; the same rulebook gives the same), and its sums. */
    private static final class RuleTotals implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        String newTable;
        int newRow;
        String oldTable;
        int oldRow;
        long claims;
        long appeared;
        long disappeared;
        BigDecimal delta = Money.ZERO;

        void merge(RuleTotals o) {
            if (newTable == null && o.newTable != null) {
                newTable = o.newTable;
                newRow = o.newRow;
            }
            if (oldTable == null && o.oldTable != null) {
                oldTable = o.oldTable;
                oldRow = o.oldRow;
            }
            claims += o.claims;
            appeared += o.appeared;
            disappeared += o.disappeared;
            delta = delta.add(o.delta);
        }
    }

    /**
     * Adds one input line: its number, claim id and type (null when the line could not be read) and
     * what each rulebook made of it.
     *
     * @param line    the line's number in the backlog, from 1
     * @param claimId the claim's id, or null when the line could not be read
     * @param type    the claim's type, or null when the line could not be read
     * @param old     what the old rulebook made of the line
     * @param neu     what the new rulebook made of the line
     * @return the {@code impact.csv} row when the outcome changed; empty when it is the same
     */
    public Optional<ImpactRow> add(long line, String claimId, ClaimType type, Outcome old, Outcome neu) {
        lines++;
        boolean oldError = old.error() != null;
        boolean newError = neu.error() != null;
        if (oldError || newError) {
            errorLines++;
        }
        if (oldError) {
            oldErrors++;
        }
        if (newError) {
            newErrors++;
        }
        oldPayable = oldPayable.add(old.payable());
        newPayable = newPayable.add(neu.payable());
        transitions[old.status().ordinal()][neu.status().ordinal()]++;
        if (type != null) {
            int t = type.ordinal();
            typeClaims[t]++;
            typeOld[t] = typeOld[t].add(old.payable());
            typeNew[t] = typeNew[t].add(neu.payable());
        }
        ImpactRow row = ImpactRow.compare(line, claimId, type, old, neu);
        if (row == null) {
            return Optional.empty();
        }
        changed++;
        if (type != null) {
            typeChanged[type.ordinal()]++;
        }
        BigDecimal delta = row.delta();
        List<String> ids = row.ruleIds();
        if (ids.isEmpty()) {
            unattributedClaims++;
            unattributedDelta = unattributedDelta.add(delta);
        }
        for (String id : ids) {
            RuleTotals r = rules.computeIfAbsent(id, k -> new RuleTotals());
            r.claims++;
            r.delta = r.delta.add(delta);
            boolean in = false;
            for (ImpactRow.Rule rule : row.rulesAppeared()) {
                if (rule.ruleId().equals(id)) {
                    in = true;
                    if (r.newTable == null) {
                        r.newTable = rule.table();
                        r.newRow = rule.row();
                    }
                }
            }
            boolean out = false;
            for (ImpactRow.Rule rule : row.rulesDisappeared()) {
                if (rule.ruleId().equals(id)) {
                    out = true;
                    if (r.oldTable == null) {
                        r.oldTable = rule.table();
                        r.oldRow = rule.row();
                    }
                }
            }
            r.appeared += in ? 1 : 0;
            r.disappeared += out ? 1 : 0;
        }
        keep(row);
        return Optional.of(row);
    }

    /**
     * Adds one batch of lines: {@code olds} and {@code news} are what the old and the new rulebook made
     * of the same lines ({@link LineBatch#adjudicate}, in the same order); each changed line's row goes
     * to {@code changed}, in input order.
     *
     * @param olds    the old rulebook's results
     * @param news    the new rulebook's results for the same lines
     * @param changed receives the row of each line whose outcome changed
     * @throws IllegalArgumentException when the two lists differ in length or in their lines
     */
    public void addAll(List<LineBatch.Result> olds, List<LineBatch.Result> news, Consumer<ImpactRow> changed) {
        if (olds.size() != news.size()) {
            throw new IllegalArgumentException("old and new results differ in length: " + olds.size() + " and " + news.size());
        }
        for (int i = 0; i < olds.size(); i++) {
            LineBatch.Result o = olds.get(i);
            LineBatch.Result n = news.get(i);
            if (o.line() != n.line()) {
                throw new IllegalArgumentException("result " + i + " is line " + o.line() + " on the old side but line "
                        + n.line() + " on the new");
            }
            add(o.line(), o.claimId(), o.type(), Outcome.of(o), Outcome.of(n)).ifPresent(changed);
        }
    }

    private void keep(ImpactRow row) {
        if (top == 0) {
            return;
        }
        largest.add(row);
        if (largest.size() > top) {
            largest.pollLast();
        }
    }

    /**
     * Adds another accumulator's lines into this one.
     *
     * @param o an accumulator keeping the same top N; it is not changed
     * @return this accumulator
     * @throws IllegalArgumentException when {@code o} keeps another number of largest changes
     */
    public ImpactAccumulator merge(ImpactAccumulator o) {
        if (o.top != top) {
            throw new IllegalArgumentException("cannot merge an accumulator of the top " + o.top + " into one of the top " + top);
        }
        lines += o.lines;
        errorLines += o.errorLines;
        oldErrors += o.oldErrors;
        newErrors += o.newErrors;
        changed += o.changed;
        oldPayable = oldPayable.add(o.oldPayable);
        newPayable = newPayable.add(o.newPayable);
        for (int i = 0; i < STATUSES.length; i++) {
            for (int j = 0; j < STATUSES.length; j++) {
                transitions[i][j] += o.transitions[i][j];
            }
        }
        for (int t = 0; t < TYPES.length; t++) {
            typeClaims[t] += o.typeClaims[t];
            typeChanged[t] += o.typeChanged[t];
            typeOld[t] = typeOld[t].add(o.typeOld[t]);
            typeNew[t] = typeNew[t].add(o.typeNew[t]);
        }
        o.rules.forEach((id, r) -> rules.computeIfAbsent(id, k -> new RuleTotals()).merge(r));
        unattributedClaims += o.unattributedClaims;
        unattributedDelta = unattributedDelta.add(o.unattributedDelta);
        for (ImpactRow r : o.largest) {
            keep(r);
        }
        return this;
    }

    @Serial
    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        out.writeObject(new ArrayList<>(largest));
    }

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        largest = new TreeSet<>(LARGEST_FIRST);
        for (Object row : (List<?>) in.readObject()) {
            largest.add((ImpactRow) row);
        }
    }

    /**
     * The lines added so far.
     *
     * @return lines added, merged ones included
     */
    public long lines() {
        return lines;
    }

    /**
     * The summary of every line added.
     *
     * @param oldRulebook the rulebook the old outcomes came from, as named in the report
     * @param newRulebook the rulebook the new outcomes came from
     * @return the totals, by transition, claim type and rule, and the largest changes
     */
    public ImpactSummary summary(RulebookInfo oldRulebook, RulebookInfo newRulebook) {
        Map<ImpactStatus, Map<ImpactStatus, Long>> t = new EnumMap<>(ImpactStatus.class);
        for (ImpactStatus from : STATUSES) {
            Map<ImpactStatus, Long> row = new EnumMap<>(ImpactStatus.class);
            for (ImpactStatus to : STATUSES) {
                row.put(to, transitions[from.ordinal()][to.ordinal()]);
            }
            t.put(from, row);
        }
        Map<ClaimType, ImpactSummary.TypeImpact> types = new EnumMap<>(ClaimType.class);
        for (ClaimType type : TYPES) {
            int i = type.ordinal();
            types.put(type, new ImpactSummary.TypeImpact(typeClaims[i], typeChanged[i], typeOld[i], typeNew[i]));
        }
        List<ImpactSummary.RuleImpact> byRule = new ArrayList<>(rules.size());
        rules.forEach((id, r) -> byRule.add(new ImpactSummary.RuleImpact(id,
                r.newTable != null ? r.newTable : r.oldTable, r.newTable != null ? r.newRow : r.oldRow,
                r.claims, r.appeared, r.disappeared, r.delta)));
        byRule.sort(Comparator.comparing((ImpactSummary.RuleImpact r) -> r.delta().abs(), Comparator.reverseOrder())
                .thenComparing(ImpactSummary.RuleImpact::claims, Comparator.reverseOrder())
                .thenComparing(ImpactSummary.RuleImpact::ruleId));
        return new ImpactSummary(oldRulebook, newRulebook, lines, errorLines, oldErrors, newErrors, changed,
                oldPayable, newPayable, t, types, byRule, new ImpactSummary.Group(unattributedClaims, unattributedDelta),
                List.copyOf(largest), top);
    }
}
