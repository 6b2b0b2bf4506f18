package io.autoclaims.cli;

import io.autoclaims.rules.OneLineText;
import io.autoclaims.rules.RulebookCheck;
import io.autoclaims.rules.RulebookDiff;
import io.autoclaims.rules.RulebookException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code claims diff OLD NEW}: rule rows added, removed and changed between two rulebook versions. */
@Command(name = "diff",
        mixinStandardHelpOptions = true,
        description = {
            "Compares two versions of a rulebook (each a workbook or a folder of workbooks) rule row by",
            "rule row, followed by their stable rule ids: rows added, removed and changed, cell by cell.",
            "Tables are matched by key and only the tables both sides have are compared: a table or a",
            "workbook only one side has is named once (e.g. a folder compared with one of its files)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the rulebooks were compared", "2:unusable arguments", "3:a side does not read",
            "4:writing standard output failed"})
final class DiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "The old version: a workbook or a folder.")
    Path older;

    @Parameters(index = "1", paramLabel = "NEW", description = "The new version: a workbook or a folder.")
    Path newer;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RulebookDiff diff;
        try {
            diff = RulebookDiff.between(RulebookCheck.read(List.of(older)), RulebookCheck.read(List.of(newer)));
        } catch (RulebookException e) {
            err.println("The rulebooks cannot be compared:");
            e.errors().forEach(i -> err.println("  " + i));
            err.flush();
            return ClaimsCli.RULEBOOK;
        }
        // say what is compared: each side's source and workbooks, then what only one side has, once
        out.printf("old: %s %s (%s) from %s: %s%n", diff.oldInfo().name(), diff.oldInfo().version(),
                diff.oldInfo().fingerprint(), older, String.join(", ", diff.oldFiles()));
        out.printf("new: %s %s (%s) from %s: %s%n", diff.newInfo().name(), diff.newInfo().version(),
                diff.newInfo().fingerprint(), newer, String.join(", ", diff.newFiles()));
        for (RulebookDiff.Kind side : List.of(RulebookDiff.Kind.REMOVED, RulebookDiff.Kind.ADDED)) {
            List<RulebookDiff.WorkbookChange> only = diff.workbooks().stream().filter(w -> w.kind() == side).toList();
            if (!only.isEmpty()) {
                String which = side == RulebookDiff.Kind.REMOVED ? "old" : "new";
                String whichZh = side == RulebookDiff.Kind.REMOVED ? "旧版" : "新版";
                out.printf("only in %s, not compared: %s%n", which, String.join(", ", only.stream()
                        .map(w -> w.workbook() + " (" + w.tables() + " table(s), " + w.rules() + " rule row(s))").toList()));
                out.printf("  只在%s中，未比较：%s%n", whichZh, String.join("、", only.stream()
                        .map(w -> w.workbook() + "（" + w.tables() + " 张表，" + w.rules() + " 行规则）").toList()));
            }
        }
        int compared = diff.comparedTables();
        out.printf("compared: the %d table(s) both sides have%n  比较范围：双方都有的 %d 张表%n", compared, compared);
        for (RulebookDiff.TableChange t : diff.tables()) {
            boolean removed = t.kind() == RulebookDiff.Kind.REMOVED;
            out.printf("%s TABLE %s (%s, %s, %d rule row(s)): only in %s%n", t.kind(), t.key(), t.table(), t.workbook(),
                    t.rules(), removed ? "old" : "new");
            out.printf("    表 %s（%s，%d 行规则）只在%s中%n", t.key(), t.workbook(), t.rules(), removed ? "旧版" : "新版");
        }
        for (RulebookDiff.Change c : diff.changes()) {
            String rows = switch (c.kind()) {
                case ADDED -> "row " + c.newRow();
                case REMOVED -> "row " + c.oldRow();
                case CHANGED -> c.oldRow() == c.newRow() ? "row " + c.newRow() : "row " + c.oldRow() + " -> " + c.newRow();
            };
            out.printf("%s %s (%s, %s%s)%n", c.kind(), c.ruleId(), c.table(), rows,
                    c.code() == null ? "" : ", " + c.code());
            for (RulebookDiff.CellChange cell : c.cells()) {
                // a TEXT or NOTE cell may hold line breaks: one line each, shown as \\uXXXX
                out.printf("    %s: \"%s\" -> \"%s\"%s%n", OneLineText.escape(cell.column()),
                        OneLineText.escape(String.valueOf(cell.oldValue())), OneLineText.escape(String.valueOf(cell.newValue())),
                        cell.where() == null || cell.where().cell() == null ? "" : " (" + cell.where().cell() + ")");
            }
        }
        out.printf("%d rule row(s) changed%s%n", diff.changes().size(),
                diff.tables().isEmpty() ? "" : ", " + diff.tables().size() + " table(s) only on one side");
        out.printf("  %d 行规则有变化%s%n", diff.changes().size(),
                diff.tables().isEmpty() ? "" : "，" + diff.tables().size() + " 张表只在一方");
        out.flush();
        return 0;
    }
}
