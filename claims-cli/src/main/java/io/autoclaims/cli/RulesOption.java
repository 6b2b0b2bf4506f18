package io.autoclaims.cli;

import io.autoclaims.rules.Rulebook;
import io.autoclaims.rules.RulebookException;
import io.autoclaims.rules.WorkbookIssue;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --rules PATH} option of the commands that adjudicate, and loading the rulebook it names. */
final class RulesOption {

    @Option(names = "--rules", paramLabel = "PATH",
            description = "A rule workbook (.xlsx) or a folder of them; repeat for several. Default: the shipped rulebook.")
    List<Path> rules;

    /**
     * The rulebook, with its warnings on {@code err}; or null after printing every problem with its
     * cell (the command then exits with {@link ClaimsCli#RULEBOOK}).
     */
    Rulebook load(PrintWriter err) {
        try {
            Rulebook rulebook = rules == null || rules.isEmpty() ? Rulebook.loadDefault() : Rulebook.load(rules);
            for (WorkbookIssue w : rulebook.warnings()) {
                err.println("warning: " + w);
            }
            return rulebook;
        } catch (RulebookException e) {
            err.println("The rulebook does not load:");
            e.issues().forEach(i -> err.println("  " + (i.isError() ? "error: " : "warning: ") + i));
            err.flush();
            return null;
        }
    }
}
