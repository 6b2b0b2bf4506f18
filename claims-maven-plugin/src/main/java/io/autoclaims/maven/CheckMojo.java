package io.autoclaims.maven;

import io.autoclaims.batch.ReportJson;
import io.autoclaims.rules.RulebookCheck;
import io.autoclaims.rules.WorkbookIssue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the rule workbooks as {@code claims check} does: every cell against its column's type,
 * references, legal floors, gaps, unreachable rows and overlaps. Each finding is printed as
 * {@code workbook!Sheet!Cell: ...} in Chinese and English and written to
 * {@code target/claims/check.txt} and {@code check.json}; errors fail the build, warnings too with
 * {@code failOnWarning}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class CheckMojo extends RulebookMojo {
    /** Fails the build on warnings as well as errors. */
    @Parameter(property = "claims.failOnWarning", defaultValue = "false")
    boolean failOnWarning;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("claims:check skipped");
            return;
        }
        RulebookCheck check = RulebookCheck.of(List.of(rulesFolder()));
        List<String> text = new ArrayList<>();
        for (WorkbookIssue i : check.issues()) {
            log(i);
            String kind = i.isError() ? "error" : "warning";
            text.add(kind + ": " + io.autoclaims.rules.OneLineText.escape(i.toStringZh()));
            text.add("  " + io.autoclaims.rules.OneLineText.escape(i.toString()));
        }
        String totals = String.format(java.util.Locale.ROOT, "%s: %d error(s), %d warning(s) / %d 个错误，%d 个警告",
                io.autoclaims.rules.OneLineText.escape(rules.getName()),
                check.errors().size(), check.warnings().size(), check.errors().size(), check.warnings().size());
        text.add(totals);
        Path reports = reportFolder();
        try {
            Files.write(reports.resolve("check.txt"), text, StandardCharsets.UTF_8);
            Files.writeString(reports.resolve("check.json"), ReportJson.findings(check.issues()) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write the check report under " + reports, e);
        }
        getLog().info(totals);
        if (!check.passed()) {
            throw new MojoFailureException("the rule workbooks have " + check.errors().size()
                    + " error(s), each listed above at its cell (target/claims/check.txt) / 规则工作簿有 "
                    + check.errors().size() + " 个错误，均已在上方按单元格列出");
        }
        if (failOnWarning && !check.warnings().isEmpty()) {
            throw new MojoFailureException("the rule workbooks have " + check.warnings().size()
                    + " warning(s) and failOnWarning is set / 规则工作簿有 " + check.warnings().size()
                    + " 个警告，且设置了 failOnWarning");
        }
    }
}
