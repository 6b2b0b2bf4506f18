package io.autoclaims.cli;

import io.autoclaims.batch.ReportJson;
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
            "and how to fix it. Without --rules the shipped rulebook is checked."},
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
            for (WorkbookIssue i : check.issues()) {
                String kind = i.isError() ? "error" : "warning";
                if (lang != Lang.en) {
                    out.println(kind + ": " + i.toStringZh());
                }
                if (lang != Lang.zh && (lang == Lang.en || i.messageZh() != null)) {
                    out.println((lang == Lang.both ? "  " : kind + ": ") + i);
                }
            }
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
}
