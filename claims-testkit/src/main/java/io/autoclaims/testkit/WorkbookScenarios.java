package io.autoclaims.testkit;

import io.autoclaims.rules.CellRef;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.rules.RulebookException;
import io.autoclaims.rules.RulebookScenarios;
import io.autoclaims.rules.ScenarioReport;
import io.autoclaims.rules.WorkbookIssue;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/**
 * The test scenarios rule workbooks carry on their Scenarios sheets, as JUnit 5 dynamic tests: one
 * test per scenario row, named by its ID and cell, so that a host's or a rule repository's build fails
 * when a rule change breaks a scenario.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> scenarios() {
 *     return WorkbookScenarios.dynamicTests(Path.of("rules"));   // a folder of workbooks, or workbook files
 * }
 * }</pre>
 *
 * <p>What each test reports is what {@code claims test} and a checked {@code Adjudicator.swap} report,
 * in English and Chinese:
 * <ul>
 * <li>a scenario that passes passes; one that fails throws an {@link AssertionError} naming its ID cell
 * and each field that differs;
 * <li>a claim file that cannot be read (missing beside the workbook, outside its folder, too large) is
 * one failing test at the cell that names it, and the scenarios naming it are aborted (reported as
 * skipped: not run), not failed one by one;
 * <li>workbooks that do not load give one failing test per error, at its cell.
 * </ul>
 * The scenarios run when the factory is called; the tests only report their results.
 */
public final class WorkbookScenarios {

    private WorkbookScenarios() {
    }

    /**
     * Loads workbook files or folders of them as {@link Rulebook#load(Path...)} does, runs their
     * scenarios (claim files are read beside the workbooks), and returns one dynamic test per
     * scenario, preceded by one per claim file that cannot be read; when the workbooks do not load,
     * one failing test per error instead.
     *
     * @param paths workbook files, or folders holding them
     * @return the dynamic tests, in sheet order
     */
    public static Stream<DynamicTest> dynamicTests(Path... paths) {
        Objects.requireNonNull(paths, "paths");
        ScenarioReport report;
        try {
            report = RulebookScenarios.run(List.of(paths));
        } catch (RulebookException e) {
            return notLoaded(e);
        }
        return dynamicTests(report);
    }

    /**
     * Runs the scenarios of a rulebook already loaded, on it, and returns them as dynamic tests as
     * {@link #dynamicTests(Path...)} does. Claim files are read as the rulebook was loaded: beside its
     * folder, from the shipped resources ({@code dynamicTests(Rulebook.loadDefault())}), or through the
     * files given to {@link Rulebook#fromWorkbooks(Map, RulebookScenarios.Files)}.
     *
     * @param rulebook the rulebook whose workbooks carry the scenarios
     * @return the dynamic tests, in sheet order
     */
    public static Stream<DynamicTest> dynamicTests(Rulebook rulebook) {
        Objects.requireNonNull(rulebook, "rulebook");
        ScenarioReport report;
        try {
            report = RulebookScenarios.run(rulebook);
        } catch (RulebookException e) {
            return notLoaded(e);
        }
        return dynamicTests(report);
    }

    private static Stream<DynamicTest> dynamicTests(ScenarioReport report) {
        // each error by its cell: a failed scenario's at its ID cell, a file's at the cell naming it
        Map<CellRef, WorkbookIssue> errorAt = new HashMap<>();
        report.errors().forEach(i -> errorAt.putIfAbsent(i.where(), i));
        Stream<DynamicTest> files = report.fileProblems().stream().map(i -> DynamicTest.dynamicTest(
                "scenario file (" + i.where() + ")", () -> {
                    throw new AssertionError(bilingual(i));
                }));
        Stream<DynamicTest> scenarios = report.results().stream().map(r -> DynamicTest.dynamicTest(
                oneLine(r.id()) + " (" + r.where() + ")" + (r.description().isEmpty() ? "" : " " + oneLine(r.description())),
                () -> {
                    if (!r.ran()) {
                        Assumptions.abort(r.where() + ": " + String.join("; ", r.differences())
                                + " (see the scenario file's test above)");
                    }
                    if (!r.passed()) {
                        WorkbookIssue issue = errorAt.get(r.where());
                        throw new AssertionError(issue != null ? bilingual(issue)
                                : r.where() + ": " + String.join("; ", r.differences()));
                    }
                }));
        return Stream.concat(files, scenarios);
    }

    /** One failing test per error of workbooks that do not load, named by its cell. */
    private static Stream<DynamicTest> notLoaded(RulebookException e) {
        List<WorkbookIssue> errors = e.errors().isEmpty() ? e.issues() : e.errors();
        return errors.stream().map(i -> DynamicTest.dynamicTest("rulebook does not load (" + i.where() + ")", () -> {
            throw new AssertionError(bilingual(i), e.getCause());
        }));
    }

    /** The issue in English, then in Chinese when it has a Chinese text. */
    private static String bilingual(WorkbookIssue issue) {
        String en = issue.toString();
        String zh = issue.toStringZh();
        return en.equals(zh) ? en : en + "\n" + zh;
    }

    /**
     * A display name on one line: workbook cells are analysts' text and may hold line breaks or
     * controls, shown as {@code \}{@code uXXXX}.
     */
    private static String oneLine(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                    || type == Character.FORMAT) {
                sb.append(String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
