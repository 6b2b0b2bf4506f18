package io.autoclaims.rules;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a rulebook's own test scenarios: each scenario's result, row coverage (which rule
 * rows no scenario reaches), and the claim files that could not be read ({@code fileProblems}: each
 * file once, as an error at the first cell naming it; the scenarios naming it do not run).
 */
public record ScenarioReport(List<Result> results, int rules, List<RuleRef> uncovered,
        List<WorkbookIssue> fileProblems) {

    /**
     * One scenario: where it is, whether it passed, and each expectation that differed. {@code ran} is
     * false when its claim file could not be read (see {@link ScenarioReport#fileProblems()}).
     */
    public record Result(String id, CellRef where, String description, boolean passed, List<String> differences,
            boolean ran) {
        public Result {
            Objects.requireNonNull(id, "id");
            differences = List.copyOf(Objects.requireNonNull(differences, "differences"));
        }

        /** A scenario that ran. */
        public Result(String id, CellRef where, String description, boolean passed, List<String> differences) {
            this(id, where, description, passed, differences, true);
        }
    }

    public ScenarioReport {
        results = List.copyOf(Objects.requireNonNull(results, "results"));
        uncovered = List.copyOf(Objects.requireNonNull(uncovered, "uncovered"));
        fileProblems = List.copyOf(Objects.requireNonNull(fileProblems, "fileProblems"));
    }

    /** A report where every claim file could be read. */
    public ScenarioReport(List<Result> results, int rules, List<RuleRef> uncovered) {
        this(results, rules, uncovered, List.of());
    }

    /** Scenarios that did not pass: those that ran and differ, and those that could not run. */
    public List<Result> failures() {
        return results.stream().filter(r -> !r.passed()).toList();
    }

    /** Scenarios that could not run because their claim file could not be read. */
    public List<Result> notRun() {
        return results.stream().filter(r -> !r.ran()).toList();
    }

    public boolean passed() {
        return failures().isEmpty();
    }

    /** Rule rows reached by at least one scenario, as a share of all rule rows (0..1). */
    public double coverage() {
        return rules == 0 ? 1.0 : (rules - uncovered.size()) / (double) rules;
    }
}
