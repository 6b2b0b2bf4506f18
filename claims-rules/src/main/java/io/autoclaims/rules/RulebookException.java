package io.autoclaims.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A rulebook that does not load: every issue found, errors and warnings, in sheet order. */
public final class RulebookException extends RuntimeException {
    private final List<WorkbookIssue> issues;

    public RulebookException(List<WorkbookIssue> issues) {
        super(summary(issues));
        this.issues = List.copyOf(issues);
    }

    /** All issues, in sheet order. */
    public List<WorkbookIssue> issues() {
        return issues;
    }

    /** Only the errors. */
    public List<WorkbookIssue> errors() {
        return issues.stream().filter(WorkbookIssue::isError).toList();
    }

    private static String summary(List<WorkbookIssue> issues) {
        List<WorkbookIssue> errors = issues.stream().filter(WorkbookIssue::isError).toList();
        return "The rulebook has " + errors.size() + (errors.size() == 1 ? " error" : " errors") + ":\n"
                + errors.stream().map(WorkbookIssue::toString).collect(Collectors.joining("\n"));
    }
}
