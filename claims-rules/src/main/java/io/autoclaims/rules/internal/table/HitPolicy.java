package io.autoclaims.rules.internal.table;

/** How many rows of a table may fire for one claim or line. */
public enum HitPolicy {
    /** The first matching row in row order decides. */
    FIRST,
    /**
     * At most one row may match any claim (rows that overlap with different outcomes are a
     * workbook error that {@code claims check} reports); the matching row decides.
     */
    UNIQUE,
    /** Every matching row fires, in row order. */
    COLLECT
}
