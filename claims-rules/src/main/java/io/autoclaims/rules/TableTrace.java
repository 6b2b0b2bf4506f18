package io.autoclaims.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One table consulted for a claim (or one of its lines): the rows that matched, with the values
 * they matched on, and the nearest rows that did not, with each condition that failed and by how
 * much ("row 9 requires line.kmOverTerm > 0; the claim has -3,200").
 */
public record TableTrace(String table, String lineId, List<Match> matched, List<NearMiss> nearest) {

    public TableTrace {
        Objects.requireNonNull(table, "table");
        matched = List.copyOf(Objects.requireNonNull(matched, "matched"));
        nearest = List.copyOf(Objects.requireNonNull(nearest, "nearest"));
    }

    /** A fact's name and its value when the table ran. */
    public record Value(String fact, Object value) {
        /**
         * Rejects a null fact.
         *
         * @param fact  the fact's name
         * @param value its value, or null when the claim has none
         */
        public Value {
            Objects.requireNonNull(fact, "fact");
        }
    }

    /** A row that matched, with the values of the facts its conditions read. */
    public record Match(String ruleId, int row, List<Value> values) {
        public Match {
            Objects.requireNonNull(ruleId, "ruleId");
            values = List.copyOf(Objects.requireNonNull(values, "values"));
        }
    }

    /** A condition of a row that the claim does not meet; {@code shortBy} for number ranges only. */
    public record Failed(String fact, String condition, Object actual, BigDecimal shortBy) {
        /**
         * Rejects a null fact or condition.
         *
         * @param fact      the fact the condition reads
         * @param condition the condition as the workbook writes it
         * @param actual    the claim's value, or null when it has none
         * @param shortBy   by how much a number range was missed, or null for other conditions
         */
        public Failed {
            Objects.requireNonNull(fact, "fact");
            Objects.requireNonNull(condition, "condition");
        }
    }

    /** A row that did not match and why. */
    public record NearMiss(String ruleId, int row, List<Failed> failed) {
        public NearMiss {
            Objects.requireNonNull(ruleId, "ruleId");
            failed = List.copyOf(Objects.requireNonNull(failed, "failed"));
        }
    }
}
