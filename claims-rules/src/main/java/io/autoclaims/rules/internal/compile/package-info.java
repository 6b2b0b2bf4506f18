/**
 * Typed tables to a rulebook ready to run: {@code RulebookCompiler} reads and validates, {@code DrlWriter}
 * writes one Drools rule per row, or per {@code RowShape} over row facts a {@code RowIndex} finds, and
 * {@code DroolsCompiler} builds the knowledge base, reporting build messages at their cells.
 */
package io.autoclaims.rules.internal.compile;
