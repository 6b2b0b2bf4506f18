package io.autoclaims.rules;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a rulebook's own test scenarios: each scenario's result, row coverage (which rule
 * rows no scenario reaches), and the claim files that could not be read ({@code fileProblems}: each
 * file once, as an error at the first cell naming it; the scenarios naming it do not run).
 *
 * @param results      one result per scenario, in sheet order
 * @param rules        the rule rows of the rulebook
 * @param uncovered    the rule rows no scenario reaches
 * @param fileProblems the claim files that could not be read, as errors at the first cell naming each
 */
public record ScenarioReport(List<Result> results, int rules, List<RuleRef> uncovered,
        List<WorkbookIssue> fileProblems) {

    /**
     * One scenario: where it is, whether it passed, and each expectation that differed. {@code ran} is
     * false when its claim file could not be read (see {@link ScenarioReport#fileProblems()}).
     *
     * @param id          the scenario's id, e.g. {@code SC-W-034}
     * @param where       its ID cell
     * @param description its description cell, or ""
     * @param passed      whether every expectation held
     * @param differences each expectation that differed, e.g. {@code decision: expected DENIED, got APPROVED}
     * @param ran         false when its claim file could not be read
     */
    public record Result(String id, CellRef where, String description, boolean passed, List<String> differences,
            boolean ran) {
        /**
         * A scenario's result; the differences are copied.
         *
         * @param id          the scenario's id
         * @param where       its ID cell
         * @param description its description, or ""
         * @param passed      whether every expectation held
         * @param differences each expectation that differed, not null
         * @param ran         false when its claim file could not be read
         */
        public Result {
            Objects.requireNonNull(id, "id");
            differences = List.copyOf(Objects.requireNonNull(differences, "differences"));
        }

        /**
         * A scenario that ran.
         *
         * @param id          the scenario's id
         * @param where       its ID cell
         * @param description its description, or ""
         * @param passed      whether every expectation held
         * @param differences each expectation that differed
         */
        public Result(String id, CellRef where, String description, boolean passed, List<String> differences) {
            this(id, where, description, passed, differences, true);
        }
    }

    /**
     * A report; the lists are copied.
     *
     * @param results      one result per scenario
     * @param rules        the rule rows of the rulebook
     * @param uncovered    the rule rows no scenario reaches
     * @param fileProblems the claim files that could not be read
     * @throws NullPointerException when a list is null
     */
    public ScenarioReport {
        results = List.copyOf(Objects.requireNonNull(results, "results"));
        uncovered = List.copyOf(Objects.requireNonNull(uncovered, "uncovered"));
        fileProblems = List.copyOf(Objects.requireNonNull(fileProblems, "fileProblems"));
    }

    /**
     * A report where every claim file could be read.
     *
     * @param results   one result per scenario
     * @param rules     the rule rows of the rulebook
     * @param uncovered the rule rows no scenario reaches
     */
    public ScenarioReport(List<Result> results, int rules, List<RuleRef> uncovered) {
        this(results, rules, uncovered, List.of());
    }

    /**
     * The scenarios that did not pass.
     *
     * @return those that ran and differ, and those that could not run
     */
    public List<Result> failures() {
        return results.stream().filter(r -> !r.passed()).toList();
    }

    /**
     * The scenarios that could not run.
     *
     * @return the scenarios whose claim file could not be read
     */
    public List<Result> notRun() {
        return results.stream().filter(r -> !r.ran()).toList();
    }

    /**
     * What a checked {@link Adjudicator#swap(Rulebook) swap} refuses, as errors in English and Chinese:
     * each claim file that cannot be read, once, at the first cell naming it, then each scenario that
     * ran and failed, at its ID cell, with the fields that differ. Empty when every scenario passed.
     *
     * @return the errors, files first, then scenarios in sheet order
     */
    public List<WorkbookIssue> errors() {
        return RulebookScenarios.failures(this);
    }

    /**
     * Whether the rulebook passes its own scenarios.
     *
     * @return true when every scenario ran and passed
     */
    public boolean passed() {
        return failures().isEmpty();
    }

    /**
     * The row coverage.
     *
     * @return rule rows reached by at least one scenario, as a share of all rule rows (0..1; 1 without rows)
     */
    public double coverage() {
        return rules == 0 ? 1.0 : (rules - uncovered.size()) / (double) rules;
    }
}
