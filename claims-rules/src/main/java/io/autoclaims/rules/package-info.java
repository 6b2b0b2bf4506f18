/**
 * Rule workbooks in, explained verdicts out: {@link io.autoclaims.rules.Rulebook} loads, validates
 * and compiles analyst-edited Excel workbooks (every problem reported at its cell, in
 * {@link io.autoclaims.rules.RulebookException}); {@link io.autoclaims.rules.Adjudicator} adjudicates
 * claims with it, thread-safe, and swaps it while running; {@link io.autoclaims.rules.RulebookWatcher}
 * reloads it when a workbook is saved; {@link io.autoclaims.rules.RulebookCheck},
 * {@link io.autoclaims.rules.RulebookScenarios} and {@link io.autoclaims.rules.RulebookDiff} are what
 * {@code claims check}, {@code claims test} and {@code claims diff} run. Drools and POI stay behind
 * this package: no public signature here names one of their types.
 */
package io.autoclaims.rules;
