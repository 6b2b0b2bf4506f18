package io.autoclaims.batch;

import io.autoclaims.model.Charge;
import io.autoclaims.model.ClaimType;
import io.autoclaims.model.LineVerdict;
import io.autoclaims.model.Reason;
import io.autoclaims.model.Remedy;
import io.autoclaims.model.Verdict;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One input line whose outcome differs between the old and the new rulebook: a row of
 * {@code impact.csv}.
 *
 * <p>A line has changed when any of these differ: the status (decision, or error record), the error
 * code and field, the remedy, the three money amounts, the line verdicts (covered, remedy, amount),
 * the assistance charges, the missing documents, the reason codes, or the rule rows that gave
 * reasons. Reason texts alone and the rulebook fingerprint are not changes (they always differ).
 *
 * <p>Serializable for {@link ImpactAccumulator}'s partitions, between the same version of this library
 * only: the serialized form is not part of the API.
 *
 * @serial exclude
 * @param line               the 1-based input line
 * @param claimId            the claim id, null when it could not be read
 * @param type               the claim type, null when it could not be read
 * @param oldStatus          under the old rulebook
 * @param newStatus          under the new rulebook
 * @param oldRemedy          null for an error record
 * @param newRemedy          null for an error record
 * @param oldError           the error code, e.g. {@code UNSUPPORTED_CLAIM_TYPE}; null for a verdict
 * @param newError           the error code; null for a verdict
 * @param oldPayable         {@code payableCny}, 0.00 for an error record
 * @param newPayable         {@code payableCny}, 0.00 for an error record
 * @param changed            what differs, among {@link #FIELDS}, in that order
 * @param reasonsAppeared    reason codes the new verdict has more often than the old, in firing order
 * @param reasonsDisappeared reason codes the old verdict has more often than the new, in firing order
 * @param rulesAppeared      rule rows (per claim line) that gave a reason only under the new rulebook
 * @param rulesDisappeared   rule rows (per claim line) that gave a reason only under the old rulebook
 * @param oldVersion         the version of the old side's rulebook history that made the old verdict (its
 *                           {@code rulebook.version}); null when the old side is one rulebook or the line
 *                           is an error record there
 * @param newVersion         the version of the new side's history that made the new verdict; null likewise
 */
public record ImpactRow(long line, String claimId, ClaimType type, ImpactStatus oldStatus, ImpactStatus newStatus,
                        Remedy oldRemedy, Remedy newRemedy, String oldError, String newError,
                        BigDecimal oldPayable, BigDecimal newPayable, List<String> changed,
                        List<String> reasonsAppeared, List<String> reasonsDisappeared,
                        List<Rule> rulesAppeared, List<Rule> rulesDisappeared, String oldVersion, String newVersion)
        implements java.io.Serializable {

    /** The names of what can differ, in report order. */
    public static final List<String> FIELDS = List.of("decision", "error", "remedy", "payable", "customerPays",
            "usageCompensation", "lines", "charges", "documents", "reasons", "rules");

    /**
     * Checks the row and copies its lists.
     *
     * @param line               the 1-based input line
     * @param claimId            the claim id, or null
     * @param type               the claim type, or null
     * @param oldStatus          under the old rulebook, not null
     * @param newStatus          under the new rulebook, not null
     * @param oldRemedy          the old remedy, or null
     * @param newRemedy          the new remedy, or null
     * @param oldError           the old error code, or null
     * @param newError           the new error code, or null
     * @param oldPayable         the old {@code payableCny}, not null
     * @param newPayable         the new {@code payableCny}, not null
     * @param changed            what differs
     * @param reasonsAppeared    reason codes only the new verdict has
     * @param reasonsDisappeared reason codes only the old verdict has
     * @param rulesAppeared      rule rows only the new verdict has
     * @param rulesDisappeared   rule rows only the old verdict has
     * @param oldVersion         the old history's version that made the old verdict, or null
     * @param newVersion         the new history's version that made the new verdict, or null
     * @throws NullPointerException when a status, an amount or a list is null
     */
    public ImpactRow {
        Objects.requireNonNull(oldStatus, "oldStatus");
        Objects.requireNonNull(newStatus, "newStatus");
        Objects.requireNonNull(oldPayable, "oldPayable");
        Objects.requireNonNull(newPayable, "newPayable");
        changed = List.copyOf(changed);
        reasonsAppeared = List.copyOf(reasonsAppeared);
        reasonsDisappeared = List.copyOf(reasonsDisappeared);
        rulesAppeared = List.copyOf(rulesAppeared);
        rulesDisappeared = List.copyOf(rulesDisappeared);
    }

    /**
     * A row of two sides that are single rulebooks: no version per verdict.
     *
     * @param line               the 1-based input line
     * @param claimId            the claim id, or null
     * @param type               the claim type, or null
     * @param oldStatus          under the old rulebook, not null
     * @param newStatus          under the new rulebook, not null
     * @param oldRemedy          the old remedy, or null
     * @param newRemedy          the new remedy, or null
     * @param oldError           the old error code, or null
     * @param newError           the new error code, or null
     * @param oldPayable         the old {@code payableCny}, not null
     * @param newPayable         the new {@code payableCny}, not null
     * @param changed            what differs
     * @param reasonsAppeared    reason codes only the new verdict has
     * @param reasonsDisappeared reason codes only the old verdict has
     * @param rulesAppeared      rule rows only the new verdict has
     * @param rulesDisappeared   rule rows only the old verdict has
     * @throws NullPointerException when a status, an amount or a list is null
     */
    public ImpactRow(long line, String claimId, ClaimType type, ImpactStatus oldStatus, ImpactStatus newStatus,
            Remedy oldRemedy, Remedy newRemedy, String oldError, String newError, BigDecimal oldPayable,
            BigDecimal newPayable, List<String> changed, List<String> reasonsAppeared, List<String> reasonsDisappeared,
            List<Rule> rulesAppeared, List<Rule> rulesDisappeared) {
        this(line, claimId, type, oldStatus, newStatus, oldRemedy, newRemedy, oldError, newError, oldPayable, newPayable,
                changed, reasonsAppeared, reasonsDisappeared, rulesAppeared, rulesDisappeared, null, null);
    }

    /**
     * A rule row that gave a reason, as the verdict's reason names it: stable rule id, table (sheet),
     * spreadsheet row, and the claim line it was about (null for a claim-level reason). Verdicts do not
     * name the workbook file; the table name is unique within a rulebook.
     *
     * @serial exclude
     * @param ruleId the stable rule id
     * @param table  the table (sheet) name
     * @param row    the spreadsheet row, from 1
     * @param lineId the claim line, or null for a claim-level reason
     */
    public record Rule(String ruleId, String table, int row, String lineId) implements java.io.Serializable {
        /**
         * A rule row.
         *
         * @param ruleId the stable rule id, not null
         * @param table  the table (sheet) name
         * @param row    the spreadsheet row, from 1
         * @param lineId the claim line, or null for a claim-level reason
         * @throws NullPointerException when {@code ruleId} is null
         */
        public Rule {
            Objects.requireNonNull(ruleId, "ruleId");
        }

        /** {@code W5-01 (Coverage 保修范围 row 9, L2)}. */
        @Override
        public String toString() {
            return ruleId + " (" + table + " row " + row + (lineId == null ? "" : ", " + lineId) + ")";
        }
    }

    /**
     * The money change.
     *
     * @return {@code newPayable - oldPayable} in CNY, negative when the new rulebook pays less
     */
    public BigDecimal delta() {
        return newPayable.subtract(oldPayable);
    }

    /**
     * The rules behind the change.
     *
     * @return the distinct rule ids that appeared or disappeared, appeared first
     */
    public List<String> ruleIds() {
        List<String> ids = new ArrayList<>();
        for (List<Rule> rules : List.of(rulesAppeared, rulesDisappeared)) {
            for (Rule r : rules) {
                if (!ids.contains(r.ruleId())) {
                    ids.add(r.ruleId());
                }
            }
        }
        return ids;
    }

    /** The row for a line whose outcomes differ, or null when they do not. */
    static ImpactRow compare(long line, String claimId, ClaimType type, Outcome old, Outcome neu) {
        Verdict a = old.verdict();
        Verdict b = neu.verdict();
        List<String> changed = new ArrayList<>();
        if (old.status() != neu.status()) {
            changed.add("decision");
        }
        if (old.error() != null && neu.error() != null && !(old.error().code().equals(neu.error().code())
                && Objects.equals(old.error().field(), neu.error().field()))) {
            changed.add("error");
        }
        List<Rule> rulesA = rules(a);
        List<Rule> rulesB = rules(b);
        List<String> codesA = a == null ? List.of() : a.reasonCodes();
        List<String> codesB = b == null ? List.of() : b.reasonCodes();
        if (a != null && b != null) {
            if (a.remedy() != b.remedy()) {
                changed.add("remedy");
            }
            if (a.payableCny().compareTo(b.payableCny()) != 0) {
                changed.add("payable");
            }
            if (a.customerPaysCny().compareTo(b.customerPaysCny()) != 0) {
                changed.add("customerPays");
            }
            if (a.usageCompensationCny().compareTo(b.usageCompensationCny()) != 0) {
                changed.add("usageCompensation");
            }
            if (!lines(a).equals(lines(b))) {
                changed.add("lines");
            }
            if (!charges(a).equals(charges(b))) {
                changed.add("charges");
            }
            if (!a.missingDocuments().equals(b.missingDocuments())) {
                changed.add("documents");
            }
            if (!counts(codesA, c -> c).equals(counts(codesB, c -> c))) {
                changed.add("reasons");
            }
            if (!counts(rulesA, ImpactRow::ruleKey).equals(counts(rulesB, ImpactRow::ruleKey))) {
                changed.add("rules");
            }
        } else if (a != null || b != null) {
            // error on one side, verdict on the other: the verdict's reasons all appeared or disappeared
            if (!codesA.isEmpty() || !codesB.isEmpty()) {
                changed.add("reasons");
                changed.add("rules");
            }
        }
        if (changed.isEmpty()) {
            return null;
        }
        return new ImpactRow(line, claimId, type, old.status(), neu.status(),
                a == null ? null : a.remedy(), b == null ? null : b.remedy(),
                old.error() == null ? null : old.error().code(), neu.error() == null ? null : neu.error().code(),
                old.payable(), neu.payable(), changed,
                minus(codesB, codesA, c -> c), minus(codesA, codesB, c -> c),
                minus(rulesB, rulesA, ImpactRow::ruleKey), minus(rulesA, rulesB, ImpactRow::ruleKey),
                historyVersion(a), historyVersion(b));
    }

    /** The version a history chose for the verdict (its rulebook names an as-of date); null for one rulebook. */
    private static String historyVersion(Verdict v) {
        return v == null || v.rulebook().asOf() == null ? null : v.rulebook().version();
    }

    private static String ruleKey(Rule r) {
        return r.ruleId() + '\u0000' + r.lineId();
    }

    private static List<Rule> rules(Verdict v) {
        if (v == null) {
            return List.of();
        }
        List<Rule> rules = new ArrayList<>(v.reasons().size());
        for (Reason r : v.reasons()) {
            rules.add(new Rule(r.ruleId(), r.table(), r.row(), r.lineId()));
        }
        return rules;
    }

    /** Line verdicts without their reasons (those are compared as codes and rule rows). */
    private static List<List<Object>> lines(Verdict v) {
        List<List<Object>> lines = new ArrayList<>();
        for (LineVerdict l : v.lines()) {
            lines.add(List.of(l.lineId(), l.covered(), l.remedy(), l.payableCny().stripTrailingZeros()));
        }
        return lines;
    }

    private static List<List<Object>> charges(Verdict v) {
        List<List<Object>> charges = new ArrayList<>();
        for (Charge c : v.charges()) {
            charges.add(List.of(c.item(), c.payer(), c.amountCny().stripTrailingZeros()));
        }
        return charges;
    }

    private static <T> Map<String, Integer> counts(List<T> items, Function<T, String> key) {
        Map<String, Integer> m = new HashMap<>();
        for (T t : items) {
            m.merge(key.apply(t), 1, Integer::sum);
        }
        return m;
    }

    /** The items of {@code from} left after taking away those of {@code minus} (as multisets), in order. */
    private static <T> List<T> minus(List<T> from, List<T> minus, Function<T, String> key) {
        Map<String, Integer> left = counts(minus, key);
        List<T> out = new ArrayList<>();
        for (T t : from) {
            String k = key.apply(t);
            Integer n = left.get(k);
            if (n != null && n > 0) {
                left.put(k, n - 1);
            } else {
                out.add(t);
            }
        }
        return out;
    }
}
