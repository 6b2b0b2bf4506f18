package io.autoclaims.cli;

import io.autoclaims.batch.ReportJson;
import io.autoclaims.rules.HistoryCheck;
import io.autoclaims.rules.RulebookCheck;
import io.autoclaims.rules.RulebookException;
import io.autoclaims.rules.WorkbookIssue;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code claims check}: validates and lints rule workbooks before a release. */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Checks rule workbooks: every cell against its column's type, references, legal floors,",
            "gaps, unreachable rows and overlaps. Every finding names workbook!Sheet!Cell, what is wrong",
            "and how to fix it. Without --rules the shipped rulebook is checked. --history checks every",
            "version of a history and the dates between them."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:no error (warnings may be printed)",
            "1:the workbooks have errors",
            "2:unusable arguments",
            "4:writing standard output failed"})
final class CheckCommand implements Callable<Integer> {

    enum Format { text, json }

    enum Lang { zh, en, both }

    @Spec
    CommandSpec spec;

    @Option(names = "--rules", paramLabel = "PATH",
            description = "A rule workbook (.xlsx) or a folder of them; repeat for several.")
    List<Path> rules;

    @Option(names = "--history", paramLabel = "DIR",
            description = "A folder of rulebook versions (DIR/2026.1/, DIR/2027.1/, ...): checks every version, and that "
                    + "each states its own in-force date; prints the period each is in force. Instead of --rules.")
    Path history;

    @Option(names = "--annotate", paramLabel = "OUT",
            description = "Write a copy of the workbook with a comment and a fill colour on each offending cell "
                    + "(a file for one workbook, a folder for several).")
    Path annotate;

    @Option(names = "--format", defaultValue = "text", description = "text (default) or json.")
    Format format;

    @Option(names = "--lang", defaultValue = "both", description = "zh, en or both (default) for text output.")
    Lang lang;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (history != null) {
            if ((rules != null && !rules.isEmpty()) || annotate != null) {
                err.println("--history checks a folder of versions: give neither --rules nor --annotate with it (annotate "
                        + "one version with --rules DIR/VERSION). / --history 检查版本文件夹，不能同时给出 --rules 或 --annotate"
                        + "（请以 --rules DIR/版本 标注单个版本）。");
                err.flush();
                return ClaimsCli.USAGE;
            }
            return checkHistory(out, err);
        }
        Map<String, byte[]> workbooks;
        try {
            workbooks = rules == null || rules.isEmpty() ? RulebookCheck.defaultWorkbooks() : RulebookCheck.read(rules);
        } catch (RulebookException e) {
            e.issues().forEach(i -> err.println(i));
            err.flush();
            return ClaimsCli.USAGE;
        }
        RulebookCheck check = RulebookCheck.of(workbooks);
        if (format == Format.json) {
            out.println(ReportJson.findings(check.issues()));
        } else {
            print(check.issues(), out);
            out.printf("%d workbook(s): %d error(s), %d warning(s)%n", workbooks.size(), check.errors().size(),
                    check.warnings().size());
        }
        if (annotate != null) {
            Map<String, byte[]> annotated = check.annotate(workbooks);
            if (annotated.size() == 1 && !Files.isDirectory(annotate)) {
                Files.write(annotate, annotated.values().iterator().next());
            } else {
                Files.createDirectories(annotate);
                for (Map.Entry<String, byte[]> a : annotated.entrySet()) {
                    Files.write(annotate.resolve(a.getKey()), a.getValue());
                }
            }
            err.println("annotated copies: " + annotated.keySet() + " -> " + annotate);
        }
        out.flush();
        err.flush();
        return check.passed() ? 0 : 1;
    }

    private void print(List<WorkbookIssue> issues, PrintWriter out) {
        for (WorkbookIssue i : issues) {
            String kind = i.isError() ? "error" : "warning";
            if (lang != Lang.en) {
                out.println(kind + ": " + i.toStringZh());
            }
            if (lang != Lang.zh && (lang == Lang.en || i.messageZh() != null)) {
                out.println((lang == Lang.both ? "  " : kind + ": ") + i);
            }
        }
    }

    /** Every version's findings, then when each version is in force (text), or the findings (json). */
    private int checkHistory(PrintWriter out, PrintWriter err) {
        HistoryCheck check = HistoryCheck.of(history);
        if (format == Format.json) {
            out.println(ReportJson.findings(check.issues()));
        } else {
            print(check.issues(), out);
            for (HistoryCheck.Version v : check.versions()) {
                out.println((lang == Lang.en ? "in force: " : "施行 in force: ") + v);
            }
            out.printf("%d dated version(s): %d error(s), %d warning(s)%n", check.versions().size(), check.errors().size(),
                    check.warnings().size());
        }
        out.flush();
        err.flush();
        return check.passed() ? 0 : 1;
    }
}
