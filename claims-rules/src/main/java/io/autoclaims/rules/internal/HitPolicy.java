package io.autoclaims.rules.internal;

/** How many rows of a table may fire for one claim or line. */
public enum HitPolicy {
    /** The first matching row in row order decides. */
    FIRST,
    /** Every matching row fires, in row order. */
    COLLECT
}
