package io.autoclaims.rules;

import io.autoclaims.rules.internal.Annotator;
import io.autoclaims.rules.internal.RulebookCompiler;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code claims check} finds in rule workbooks before a release: every cell against its type,
 * references, legal floors, gaps, unreachable rows and overlaps, each anchored to its cell, in
 * English and Chinese. Unlike {@link Rulebook#load}, it never throws for a bad workbook.
 */
public record RulebookCheck(List<WorkbookIssue> issues) {

    public RulebookCheck {
        issues = List.copyOf(Objects.requireNonNull(issues, "issues"));
    }

    /** Checks workbooks given as bytes by file name. */
    public static RulebookCheck of(Map<String, byte[]> workbooks) {
        Objects.requireNonNull(workbooks, "workbooks");
        return new RulebookCheck(RulebookCompiler.check(workbooks));
    }

    /** Checks workbook files or folders of them (as {@link Rulebook#load(Path...)} finds them). */
    public static RulebookCheck of(List<Path> paths) {
        Objects.requireNonNull(paths, "paths");
        try {
            return of(Rulebook.readWorkbooks(paths));
        } catch (RulebookException e) {
            return new RulebookCheck(e.issues());
        }
    }

    /** The workbooks' bytes by file name, as {@link Rulebook#load(Path...)} reads them. */
    public static Map<String, byte[]> read(List<Path> paths) {
        Objects.requireNonNull(paths, "paths");
        return Rulebook.readWorkbooks(paths);
    }

    /** The shipped workbooks' bytes by file name. */
    public static Map<String, byte[]> defaultWorkbooks() {
        return Rulebook.defaultWorkbooks();
    }

    /** Checks the rulebook shipped with the library. */
    public static RulebookCheck ofDefault() {
        return of(Rulebook.defaultWorkbooks());
    }

    /**
     * Copies of the workbooks with a comment and a fill colour on every cell a finding names (only
     * the workbooks that have such findings), by file name.
     */
    public Map<String, byte[]> annotate(Map<String, byte[]> workbooks) {
        Objects.requireNonNull(workbooks, "workbooks");
        return Annotator.annotate(workbooks, issues);
    }

    public List<WorkbookIssue> errors() {
        return issues.stream().filter(WorkbookIssue::isError).toList();
    }

    public List<WorkbookIssue> warnings() {
        return issues.stream().filter(i -> !i.isError()).toList();
    }

    /** True when there is no error (warnings allowed). */
    public boolean passed() {
        return errors().isEmpty();
    }
}
