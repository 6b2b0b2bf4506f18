/**
 * What a cell means: {@code Cells} types a condition or output cell (with bilingual messages at the
 * cell), {@code Predicate} is a typed condition, {@code Predicates} tests one outside Drools.
 */
package io.autoclaims.rules.internal.condition;
