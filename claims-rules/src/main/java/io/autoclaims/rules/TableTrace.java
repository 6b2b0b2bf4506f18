package io.autoclaims.rules;

import java.math.BigDecimal;
import java.util.List;

/**
 * One table consulted for a claim (or one of its lines): the rows that matched, with the values
 * they matched on, and the nearest rows that did not, with each condition that failed and by how
 * much ("row 9 requires line.kmOverTerm > 0; the claim has -3,200").
 */
public record TableTrace(String table, String lineId, List<Match> matched, List<NearMiss> nearest) {

    public TableTrace {
        matched = List.copyOf(matched);
        nearest = List.copyOf(nearest);
    }

    /** A fact's name and its value when the table ran. */
    public record Value(String fact, Object value) {
    }

    /** A row that matched, with the values of the facts its conditions read. */
    public record Match(String ruleId, int row, List<Value> values) {
        public Match {
            values = List.copyOf(values);
        }
    }

    /** A condition of a row that the claim does not meet; {@code shortBy} for number ranges only. */
    public record Failed(String fact, String condition, Object actual, BigDecimal shortBy) {
    }

    /** A row that did not match and why. */
    public record NearMiss(String ruleId, int row, List<Failed> failed) {
        public NearMiss {
            failed = List.copyOf(failed);
        }
    }
}
