/**
 * Checks of the typed tables as a whole: {@code Validator} across tables and against the legal floors
 * (its errors stop a load), {@code Lint} for gaps, unreachable rows and overlaps ({@code claims check}),
 * and {@code Annotator}, which writes the findings onto copies of the workbooks.
 */
package io.autoclaims.rules.internal.analysis;
