package io.autoclaims.bench.table;

import io.autoclaims.model.Cause;
import java.util.HashMap;
import java.util.Map;

/** The ceiling: the terms in a plain {@link HashMap} keyed by model and system, the logic in Java. */
public final class JavaMapEngine implements DecisionEngine {
    private record Term(int months, int km) {
    }

    private final Map<Integer, Term> terms = new HashMap<>();
    private BenchClaim[] claims;

    public JavaMapEngine(TermsTable table) {
        for (TermsTable.Row r : table.rows()) {
            terms.put(r.model() * TermsTable.SYSTEMS.size() + r.system().ordinal(), new Term(r.termMonths(), r.termKm()));
        }
    }

    @Override
    public void prepare(BenchClaim[] claims) {
        this.claims = claims;
    }

    @Override
    public Evaluator newEvaluator() {
        return (from, to, out) -> {
            for (int i = from; i < to; i++) {
                BenchClaim c = claims[i];
                Cause cause = c.cause();
                if (cause != Cause.QUALITY_DEFECT && cause != Cause.BREAKDOWN) {
                    out[i] = Answer.EXCLUDED_CAUSE;
                    continue;
                }
                Term t = terms.get(c.model() * TermsTable.SYSTEMS.size() + c.system().ordinal());
                out[i] = c.months() > t.months() || c.km() > t.km() ? Answer.EXPIRED : Answer.COVERED;
            }
        };
    }
}
