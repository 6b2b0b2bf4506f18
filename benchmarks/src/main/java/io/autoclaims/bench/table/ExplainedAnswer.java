package io.autoclaims.bench.table;

import io.autoclaims.model.Fact;
import io.autoclaims.model.Reason;
import java.util.List;

/**
 * An explained answer of the comparison table, as this library's verdict gives it and as the peers'
 * "explained" tables are written to return it (issue #16): the deciding row's id, table and spreadsheet
 * row, the reason code, the zh/en text with the claim's values filled in, the facts the row matched on
 * or named, and the line it is about. Peers build the same values, so equality is a record equality.
 */
public record ExplainedAnswer(String code, String ruleId, String table, int row, String zh, String en,
        List<Fact> facts, String lineId) {

    /** The explanation this library gives: its verdict's first reason. */
    public static ExplainedAnswer of(Reason r) {
        return new ExplainedAnswer(r.code(), r.ruleId(), r.table(), r.row(), r.text(), r.textEn(), r.facts(),
                r.lineId());
    }

    /** For the peers' tables (OpenL and Drools call it with three facts or two). */
    public static ExplainedAnswer of(String code, String ruleId, String table, int row, String zh, String en,
            Fact[] facts) {
        return new ExplainedAnswer(code, ruleId, table, row, zh, en, List.of(facts), "L1");
    }

    /** The answer the explanation gives. */
    public Answer answer() {
        return Answer.of(code);
    }
}
