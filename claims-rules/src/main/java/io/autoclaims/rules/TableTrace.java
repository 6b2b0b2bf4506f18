package io.autoclaims.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One table consulted for a claim (or one of its lines): the rows that matched, with the values
 * they matched on, and the nearest rows that did not, with each condition that failed and by how
 * much ("row 9 requires line.kmOverTerm > 0; the claim has -3,200").
 *
 * @param table   the table (sheet) name
 * @param lineId  the claim line it ran for, or null for a claim-level table
 * @param matched the rows that matched
 * @param nearest the nearest rows that did not match
 */
public record TableTrace(String table, String lineId, List<Match> matched, List<NearMiss> nearest) {

    /**
     * A trace; the lists are copied.
     *
     * @param table   the table (sheet) name
     * @param lineId  the claim line it ran for, or null
     * @param matched the rows that matched
     * @param nearest the nearest rows that did not match
     * @throws NullPointerException when a list is null
     */
    public TableTrace {
        Objects.requireNonNull(table, "table");
        matched = List.copyOf(Objects.requireNonNull(matched, "matched"));
        nearest = List.copyOf(Objects.requireNonNull(nearest, "nearest"));
    }

    /**
     * A fact's name and its value when the table ran.
     *
     * @param fact  the fact's dotted name
     * @param value its value, or null
     */
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

    /**
     * A row that matched, with the values of the facts its conditions read.
     *
     * @param ruleId the row's stable id
     * @param row    the spreadsheet row
     * @param values the facts its conditions read
     */
    public record Match(String ruleId, int row, List<Value> values) {
        /**
         * A match; the values are copied.
         *
         * @param ruleId the row's stable id
         * @param row    the spreadsheet row
         * @param values the facts its conditions read, not null
         */
        public Match {
            Objects.requireNonNull(ruleId, "ruleId");
            values = List.copyOf(Objects.requireNonNull(values, "values"));
        }
    }

    /**
     * A condition of a row that the claim does not meet.
     *
     * @param fact      the fact the condition reads
     * @param condition the condition as the cell writes it, e.g. {@code > 0}
     * @param actual    the claim's value
     * @param shortBy   how far a number misses the range; null for other conditions
     */
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

    /**
     * A row that did not match and why.
     *
     * @param ruleId the row's stable id
     * @param row    the spreadsheet row
     * @param failed the conditions it failed
     */
    public record NearMiss(String ruleId, int row, List<Failed> failed) {
        /**
         * A near miss; the conditions are copied.
         *
         * @param ruleId the row's stable id
         * @param row    the spreadsheet row
         * @param failed the conditions it failed, not null
         */
        public NearMiss {
            Objects.requireNonNull(ruleId, "ruleId");
            failed = List.copyOf(Objects.requireNonNull(failed, "failed"));
        }
    }
}
