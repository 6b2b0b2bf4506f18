package io.autoclaims.rules;

import io.autoclaims.rules.internal.analysis.Annotator;
import io.autoclaims.rules.internal.compile.RulebookCompiler;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code claims check} finds in rule workbooks before a release: every cell against its type,
 * references, legal floors, gaps, unreachable rows and overlaps, each anchored to its cell, in
 * English and Chinese. Unlike {@link Rulebook#load}, it never throws for a bad workbook.
 *
 * @param issues every finding, errors and warnings, in sheet order
 */
public record RulebookCheck(List<WorkbookIssue> issues) {

    /**
     * A check's findings; the list is copied.
     *
     * @param issues every finding, not null
     */
    public RulebookCheck {
        issues = List.copyOf(Objects.requireNonNull(issues, "issues"));
    }

    /**
     * Checks workbooks given as bytes by file name.
     *
     * @param workbooks each workbook's {@code .xlsx} bytes by file name
     * @return the findings
     */
    public static RulebookCheck of(Map<String, byte[]> workbooks) {
        Objects.requireNonNull(workbooks, "workbooks");
        return new RulebookCheck(RulebookCompiler.check(workbooks));
    }

    /**
     * Checks workbook files or folders of them (as {@link Rulebook#load(Path...)} finds them).
     *
     * @param paths workbooks and folders of workbooks
     * @return the findings; a file that cannot be read is an error among them
     */
    public static RulebookCheck of(List<Path> paths) {
        Objects.requireNonNull(paths, "paths");
        try {
            return of(Rulebook.readWorkbooks(paths));
        } catch (RulebookException e) {
            return new RulebookCheck(e.issues());
        }
    }

    /**
     * Reads workbooks as {@link Rulebook#load(Path...)} reads them, without compiling them.
     *
     * @param paths workbooks and folders of workbooks
     * @return each workbook's bytes by file name
     * @throws RulebookException when a file cannot be read, is not a regular file or is too large
     */
    public static Map<String, byte[]> read(List<Path> paths) {
        Objects.requireNonNull(paths, "paths");
        return Rulebook.readWorkbooks(paths);
    }

    /**
     * The shipped workbooks.
     *
     * @return each shipped workbook's bytes by file name
     */
    public static Map<String, byte[]> defaultWorkbooks() {
        return Rulebook.defaultWorkbooks();
    }

    /**
     * Checks the rulebook shipped with the library.
     *
     * @return the findings
     */
    public static RulebookCheck ofDefault() {
        return of(Rulebook.defaultWorkbooks());
    }

    /**
     * Copies of the workbooks with a comment and a fill colour on every cell a finding names (only
     * the workbooks that have such findings), by file name.
     *
     * @param workbooks the workbooks checked, by file name
     * @return annotated copies of the workbooks with findings, by file name
     */
    public Map<String, byte[]> annotate(Map<String, byte[]> workbooks) {
        Objects.requireNonNull(workbooks, "workbooks");
        return Annotator.annotate(workbooks, issues);
    }

    /**
     * What would stop the rulebook from loading or from a checked swap.
     *
     * @return the errors, in sheet order
     */
    public List<WorkbookIssue> errors() {
        return issues.stream().filter(WorkbookIssue::isError).toList();
    }

    /**
     * What deserves a look but stops nothing.
     *
     * @return the warnings, in sheet order
     */
    public List<WorkbookIssue> warnings() {
        return issues.stream().filter(i -> !i.isError()).toList();
    }

    /**
     * Whether the workbooks pass.
     *
     * @return true when there is no error (warnings allowed)
     */
    public boolean passed() {
        return errors().isEmpty();
    }
}
