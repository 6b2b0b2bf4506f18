package io.autoclaims.rules.internal.table;

/** What a table is evaluated for: once per claim, or once per claim line. */
public enum Scope { CLAIM, LINE }
