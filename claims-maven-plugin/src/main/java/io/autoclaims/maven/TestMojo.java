package io.autoclaims.maven;

import io.autoclaims.maven.internal.JUnitXml;
import io.autoclaims.rules.OneLineText;
import io.autoclaims.rules.RuleRef;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.rules.RulebookScenarios;
import io.autoclaims.rules.ScenarioReport;
import io.autoclaims.rules.WorkbookIssue;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs the scenarios on the workbooks' Scenarios sheets, as {@code claims test} does, and measures
 * row coverage. Writes {@code target/surefire-reports/TEST-<artifactId>.rulebook.xml} (one test case
 * per scenario, named by its ID and cell; a failure names each field that differs), so that any CI
 * shows them as tests. Fails the build on a failing scenario, a claim file that cannot be read, or
 * row coverage under {@code minRowCoverage}. Honours {@code -DskipTests} and {@code -Dmaven.test.skip}.
 */
@Mojo(name = "test", defaultPhase = LifecyclePhase.TEST, threadSafe = true)
public class TestMojo extends RulebookMojo {
    /** The least share of rule rows the scenarios must reach, in percent (0-100). */
    @Parameter(property = "claims.minRowCoverage", defaultValue = "100")
    String minRowCoverage;

    @Parameter(property = "skipTests", defaultValue = "false")
    boolean skipTests;

    @Parameter(property = "maven.test.skip", defaultValue = "false")
    boolean mavenTestSkip;

    /** Where the JUnit XML goes: Surefire's folder, which CI servers read. */
    @Parameter(defaultValue = "${project.build.directory}/surefire-reports", required = true)
    java.io.File reportsDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipTests || mavenTestSkip) {
            getLog().info("claims:test skipped (tests are skipped)");
            return;
        }
        BigDecimal minRowCoverage = Parameters.decimal("minRowCoverage", this.minRowCoverage);
        if (minRowCoverage.signum() < 0 || minRowCoverage.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new MojoExecutionException("minRowCoverage is a percentage from 0 to 100, not " + minRowCoverage
                    + " / minRowCoverage 是 0 到 100 之间的百分比");
        }
        Rulebook rulebook = rulebook();
        long started = System.nanoTime();
        ScenarioReport report = RulebookScenarios.run(rulebook);
        double seconds = (System.nanoTime() - started) / 1e9;

        JUnitXml xml = new JUnitXml(project.getArtifactId() + ".rulebook");
        for (WorkbookIssue problem : report.fileProblems()) {
            log(problem);
        }
        for (ScenarioReport.Result r : report.results()) {
            String name = r.id() + " (" + r.where() + ")";
            String className = r.where().workbook();
            if (!r.ran()) {
                xml.add(new JUnitXml.Case(className, name, null, "not run: its claim file could not be read (see the "
                        + "error at the cell naming it) / 未运行：无法读取其场景文件（见指向该文件的单元格处的错误）"));
            } else if (!r.passed()) {
                getLog().error("FAIL " + OneLineText.escape(name));
                r.differences().forEach(d -> getLog().error("    " + OneLineText.escape(d)));
                xml.add(new JUnitXml.Case(className, name, String.join("\n", r.differences()), null));
            } else {
                xml.add(new JUnitXml.Case(className, name, null, null));
            }
        }
        int reached = report.rules() - report.uncovered().size();
        BigDecimal coverage = report.rules() == 0 ? BigDecimal.valueOf(100)
                : BigDecimal.valueOf(reached * 100L).divide(BigDecimal.valueOf(report.rules()), 1, RoundingMode.DOWN);
        boolean coverageShort = coverage.compareTo(minRowCoverage) < 0;
        StringBuilder unreached = new StringBuilder();
        for (RuleRef rule : report.uncovered()) {
            unreached.append("not reached: ").append(rule.ruleId()).append(" (").append(rule.table()).append(" row ")
                    .append(rule.row()).append(")\n");
        }
        xml.add(new JUnitXml.Case("row coverage", "row coverage >= " + minRowCoverage.toPlainString() + "%",
                coverageShort ? "row coverage " + coverage.toPlainString() + "% (" + reached + " of " + report.rules()
                        + " rule rows) is under " + minRowCoverage.toPlainString() + "%\n" + unreached : null, null));
        try {
            Path file = xml.write(reportsDirectory.toPath(), seconds);
            getLog().info("scenario results: " + file);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write the scenario report into " + reportsDirectory, e);
        }
        long failed = report.failures().stream().filter(ScenarioReport.Result::ran).count();
        getLog().info(String.format(java.util.Locale.ROOT, "%d scenario(s): %d passed, %d failed, %d not run; row coverage %s%% (%d of %d rule rows)",
                report.results().size(), report.results().size() - report.failures().size(), failed,
                report.notRun().size(), coverage.toPlainString(), reached, report.rules()));
        if (!report.passed()) {
            throw new MojoFailureException(report.failures().size() + " scenario(s) failed or did not run, each listed "
                    + "above with the fields that differ / " + report.failures().size() + " 个场景失败或未运行，见上方差异字段");
        }
        if (coverageShort) {
            unreached.toString().lines().forEach(l -> getLog().error("    " + OneLineText.escape(l)));
            throw new MojoFailureException("row coverage " + coverage.toPlainString() + "% is under minRowCoverage "
                    + minRowCoverage.toPlainString() + "%: add scenarios that reach the rows listed above / 规则行覆盖率 "
                    + coverage.toPlainString() + "% 低于 minRowCoverage " + minRowCoverage.toPlainString()
                    + "%：请为上方列出的规则行增加场景");
        }
    }
}
