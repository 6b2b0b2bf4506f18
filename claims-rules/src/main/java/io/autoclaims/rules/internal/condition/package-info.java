/**
 * What a cell means. A condition cell is read into one {@code Predicate}, of one kind: {@code EnumIn} and
 * {@code EnumNotIn} ({@code enum set} cells, with NOT for the latter), {@code CodeIn} ({@code code set}),
 * {@code BoolIs} ({@code boolean}) and {@code Range} (every number and date type; a value is a range
 * with equal bounds). A blank cell is no condition. Each kind owns everything about its cells: reading
 * and checking the cell (messages in both languages, at the cell), testing a value (the reference the
 * generated rules agree with), its Drools constraint, its row-fact columns and index keys or bounds,
 * the cells lint cuts its fact into, its distance in explanations and its text in reasons; the other
 * stages only call it. {@code Cells} reads output cells, and the values the kinds are made of.
 *
 * <p>To add a kind: write the class implementing {@code Predicate} (a record, immutable), name it in
 * the {@code permits} clause, send the type-row value type it reads to it in {@code Predicate.parse},
 * and give it a test beside {@code RangeTest} that covers both sides of every boundary it has.
 */
package io.autoclaims.rules.internal.condition;
