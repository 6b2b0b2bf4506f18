package io.autoclaims.rules;

import java.util.List;

/**
 * The outcome of a rulebook's own test scenarios: each scenario's result, and row coverage (which
 * rule rows no scenario reaches).
 */
public record ScenarioReport(List<Result> results, int rules, List<RuleRef> uncovered) {

    /** One scenario: where it is, whether it passed, and each expectation that differed. */
    public record Result(String id, CellRef where, String description, boolean passed, List<String> differences) {
        public Result {
            differences = List.copyOf(differences);
        }
    }

    public ScenarioReport {
        results = List.copyOf(results);
        uncovered = List.copyOf(uncovered);
    }

    public List<Result> failures() {
        return results.stream().filter(r -> !r.passed()).toList();
    }

    public boolean passed() {
        return failures().isEmpty();
    }

    /** Rule rows reached by at least one scenario, as a share of all rule rows (0..1). */
    public double coverage() {
        return rules == 0 ? 1.0 : (rules - uncovered.size()) / (double) rules;
    }
}
