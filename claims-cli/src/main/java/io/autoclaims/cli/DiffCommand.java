package io.autoclaims.cli;

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
            "rule row, followed by their stable rule ids: rows added, removed and changed, cell by cell."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the rulebooks were compared", "2:unusable arguments", "3:a side does not read"})
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
        out.printf("old: %s %s (%s)%n", diff.oldInfo().name(), diff.oldInfo().version(), diff.oldInfo().fingerprint());
        out.printf("new: %s %s (%s)%n", diff.newInfo().name(), diff.newInfo().version(), diff.newInfo().fingerprint());
        for (RulebookDiff.Change c : diff.changes()) {
            String rows = switch (c.kind()) {
                case ADDED -> "row " + c.newRow();
                case REMOVED -> "row " + c.oldRow();
                case CHANGED -> c.oldRow() == c.newRow() ? "row " + c.newRow() : "row " + c.oldRow() + " -> " + c.newRow();
            };
            out.printf("%s %s (%s, %s%s)%n", c.kind(), c.ruleId(), c.table(), rows,
                    c.code() == null ? "" : ", " + c.code());
            for (RulebookDiff.CellChange cell : c.cells()) {
                out.printf("    %s: \"%s\" -> \"%s\"%n", cell.column(), cell.oldValue(), cell.newValue());
            }
        }
        out.printf("%d rule row(s) changed%n", diff.changes().size());
        out.flush();
        return 0;
    }
}
