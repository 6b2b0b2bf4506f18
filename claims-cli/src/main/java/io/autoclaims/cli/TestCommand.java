package io.autoclaims.cli;

import io.autoclaims.rules.OneLineText;
import io.autoclaims.rules.RuleRef;
import io.autoclaims.rules.RulebookException;
import io.autoclaims.rules.RulebookScenarios;
import io.autoclaims.rules.ScenarioReport;
import io.autoclaims.rules.WorkbookIssue;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code claims test}: runs the workbooks' own scenarios and reports row coverage. */
@Command(name = "test",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the test scenarios on the workbooks' Scenarios sheets: each failure with its scenario row",
            "and the fields that differ, then row coverage: the rule rows no scenario reaches."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every scenario passed", "1:a scenario failed", "3:the rulebook does not load",
            "4:writing standard output failed"})
final class TestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--rules", paramLabel = "PATH",
            description = "A rule workbook or a folder; scenario claim files are read next to it. Default: shipped.")
    List<Path> rules;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScenarioReport report;
        try {
            report = rules == null || rules.isEmpty() ? RulebookScenarios.runDefault() : RulebookScenarios.run(rules);
        } catch (RulebookException e) {
            e.errors().forEach(i -> err.println("error: " + OneLineText.escape(i.toString())));
            err.flush();
            return ClaimsCli.RULEBOOK;
        }
        // a claim file that cannot be read once, at the cell naming it, rather than as every scenario's failure
        for (WorkbookIssue i : report.fileProblems()) {
            out.println("error: " + OneLineText.escape(i.toStringZh()));
            out.println("  " + OneLineText.escape(i.toString()));
        }
        List<ScenarioReport.Result> failed = report.failures().stream().filter(ScenarioReport.Result::ran).toList();
        for (ScenarioReport.Result r : failed) {
            // one line each: a description or a claim cell's text may hold line breaks (shown as \\uXXXX)
            out.printf("FAIL %s (%s)%s%n", OneLineText.escape(r.id()), r.where(),
                    r.description().isEmpty() ? "" : " " + OneLineText.escape(r.description()));
            r.differences().forEach(d -> out.println("    " + OneLineText.escape(d)));
        }
        int notRun = report.notRun().size();
        out.printf("%d scenario(s): %d passed, %d failed%s%n", report.results().size(),
                report.results().size() - report.failures().size(), failed.size(),
                notRun == 0 ? "" : ", " + notRun + " not run (their claim file cannot be read, above)");
        if (notRun > 0 && notRun == report.results().size()) {
            out.println("row coverage: not measured, no scenario ran / 未统计覆盖率：没有场景运行");
            out.flush();
            return 1;
        }
        out.printf(Locale.ROOT, "row coverage: %d of %d rule rows (%.1f%%)%n", report.rules() - report.uncovered().size(),
                report.rules(), report.coverage() * 100);
        for (RuleRef r : report.uncovered()) {
            out.printf("    not reached: %s (%s row %d)%n", r.ruleId(), r.table(), r.row());
        }
        out.flush();
        return report.passed() ? 0 : 1;
    }
}
