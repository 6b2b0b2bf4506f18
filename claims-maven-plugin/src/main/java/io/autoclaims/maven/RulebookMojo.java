package io.autoclaims.maven;

import io.autoclaims.maven.internal.BuildRulebooks;
import io.autoclaims.rules.OneLineText;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.rules.RulebookException;
import io.autoclaims.rules.WorkbookIssue;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** What every goal shares: the rule folder, the project, skipping, and the rulebook compiled once per build. */
abstract class RulebookMojo extends AbstractMojo {
    /** The rule folder: the workbooks, and beside them the files their scenarios name. */
    @Parameter(property = "claims.rules", defaultValue = "${project.basedir}/src/main/rulebook", required = true)
    File rules;

    /** Skips every goal of this plugin. */
    @Parameter(property = "claims.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** The rule folder as a path, refused when it is not a folder. */
    Path rulesFolder() throws MojoExecutionException {
        Path folder = rules.toPath();
        if (!Files.isDirectory(folder)) {
            throw new MojoExecutionException("the rule folder " + folder + " does not exist (set <rules> or put the "
                    + "workbooks in src/main/rulebook) / 规则文件夹 " + folder + " 不存在（请设置 <rules>，或把工作簿放在 "
                    + "src/main/rulebook 中）");
        }
        return folder;
    }

    /** The folder's rulebook, compiled once per build and content: check, rulebook, test and impact share it. */
    Rulebook rulebook() throws MojoExecutionException, MojoFailureException {
        try {
            return BuildRulebooks.load(rulesFolder());
        } catch (RulebookException e) {
            logIssues(e);
            throw new MojoFailureException("the rulebook in " + rules + " does not load: " + e.errors().size()
                    + " error(s), each above at its cell / 规则集无法加载：" + e.errors().size() + " 个错误，见上方各单元格");
        }
    }

    void logIssues(RulebookException e) {
        for (WorkbookIssue i : e.issues()) {
            log(i);
        }
    }

    /** One finding as two lines, Chinese then English, each {@code workbook!Sheet!Cell: ...}, on one line each. */
    void log(WorkbookIssue i) {
        String zh = OneLineText.escape(i.toStringZh());
        String en = OneLineText.escape(i.toString());
        if (i.isError()) {
            getLog().error(zh);
            if (!en.equals(zh)) {
                getLog().error("  " + en);
            }
        } else {
            getLog().warn(zh);
            if (!en.equals(zh)) {
                getLog().warn("  " + en);
            }
        }
    }

    /** The build's own folder for this plugin's reports. */
    Path reportFolder() throws MojoExecutionException {
        Path dir = Path.of(project.getBuild().getDirectory(), "claims");
        try {
            return Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new MojoExecutionException("cannot create " + dir, e);
        }
    }
}
