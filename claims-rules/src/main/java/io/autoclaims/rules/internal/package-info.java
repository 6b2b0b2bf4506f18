/**
 * The engine behind {@link io.autoclaims.rules.Rulebook} and {@link io.autoclaims.rules.Adjudicator}, not
 * API: one package per stage of the pipeline, in the order a workbook goes through them.
 * {@code workbook} reads the .xlsx safely and types its sheets into the {@code table} model, each
 * condition cell by its {@code condition} kind; {@code analysis} checks the tables as a whole;
 * {@code compile} writes them as Drools rules and builds the knowledge base; {@code run} adjudicates
 * claims with it and settles the verdicts.
 */
package io.autoclaims.rules.internal;
