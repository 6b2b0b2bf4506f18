package io.autoclaims.bench.ceiling;

import io.autoclaims.model.LineVerdict;
import io.autoclaims.model.Reason;
import io.autoclaims.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Whether two verdicts on the same claim agree on everything but the wording: decision, remedy, the
 * three amounts, missing documents, the line verdicts, and every reason's code, rule id, sheet, row and
 * line id, in order. Reason texts and facts are compared separately ({@link #sameWording}): the
 * hand-written adjudicator words them as the workbooks do, but that is not what the ceiling is judged on.
 */
public final class VerdictComparison {
    private VerdictComparison() {
    }

    /** The first difference, as a sentence, or null when the verdicts agree. */
    public static String difference(Verdict expected, Verdict actual) {
        if (!expected.claimId().equals(actual.claimId())) {
            return "claimId " + expected.claimId() + " vs " + actual.claimId();
        }
        String at = expected.claimId() + ": ";
        if (expected.type() != actual.type()) {
            return at + "type " + expected.type() + " vs " + actual.type();
        }
        if (expected.decision() != actual.decision()) {
            return at + "decision " + expected.decision() + " vs " + actual.decision() + "; reasons " + keys(expected.reasons())
                    + " vs " + keys(actual.reasons());
        }
        if (expected.remedy() != actual.remedy()) {
            return at + "remedy " + expected.remedy() + " vs " + actual.remedy();
        }
        if (!expected.payableCny().equals(actual.payableCny())) {
            return at + "payableCny " + expected.payableCny() + " vs " + actual.payableCny();
        }
        if (!expected.customerPaysCny().equals(actual.customerPaysCny())) {
            return at + "customerPaysCny " + expected.customerPaysCny() + " vs " + actual.customerPaysCny();
        }
        if (!expected.usageCompensationCny().equals(actual.usageCompensationCny())) {
            return at + "usageCompensationCny " + expected.usageCompensationCny() + " vs " + actual.usageCompensationCny();
        }
        if (!expected.missingDocuments().equals(actual.missingDocuments())) {
            return at + "missingDocuments " + expected.missingDocuments() + " vs " + actual.missingDocuments();
        }
        if (!expected.charges().equals(actual.charges())) {
            return at + "charges " + expected.charges() + " vs " + actual.charges();
        }
        if (!keys(expected.reasons()).equals(keys(actual.reasons()))) {
            return at + "reasons " + keys(expected.reasons()) + " vs " + keys(actual.reasons());
        }
        if (expected.lines().size() != actual.lines().size()) {
            return at + "lines " + expected.lines().size() + " vs " + actual.lines().size();
        }
        for (int i = 0; i < expected.lines().size(); i++) {
            LineVerdict e = expected.lines().get(i);
            LineVerdict a = actual.lines().get(i);
            if (!e.lineId().equals(a.lineId()) || e.covered() != a.covered() || e.remedy() != a.remedy()
                    || !e.payableCny().equals(a.payableCny()) || !keys(e.reasons()).equals(keys(a.reasons()))) {
                return at + "line " + e + " vs " + a;
            }
        }
        if (!expected.rulebook().equals(actual.rulebook())) {
            return at + "rulebook " + expected.rulebook() + " vs " + actual.rulebook();
        }
        return null;
    }

    /** True when every reason (top level) also has the same texts and facts. */
    public static boolean sameWording(Verdict expected, Verdict actual) {
        if (expected.reasons().size() != actual.reasons().size()) {
            return false;
        }
        for (int i = 0; i < expected.reasons().size(); i++) {
            Reason e = expected.reasons().get(i);
            Reason a = actual.reasons().get(i);
            if (!e.text().equals(a.text()) || !e.textEn().equals(a.textEn()) || !e.facts().equals(a.facts())) {
                return false;
            }
        }
        return true;
    }

    /** The first difference of two lists of verdicts, or null when they agree one by one. */
    public static String difference(List<Verdict> expected, List<Verdict> actual) {
        if (expected.size() != actual.size()) {
            return "verdicts: " + expected.size() + " vs " + actual.size();
        }
        for (int i = 0; i < expected.size(); i++) {
            String d = difference(expected.get(i), actual.get(i));
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    /** {@code CODE ruleId sheet!row @lineId} of each reason, in order. */
    static List<String> keys(List<Reason> reasons) {
        List<String> keys = new ArrayList<>(reasons.size());
        for (Reason r : reasons) {
            keys.add(r.code() + " " + r.ruleId() + " " + r.table() + "!" + r.row() + " @" + Objects.toString(r.lineId(), "-"));
        }
        return keys;
    }
}
