package io.autoclaims.batch;

import io.autoclaims.rules.Rulebook;
import io.autoclaims.rules.RulebookException;
import io.autoclaims.rules.RulebookHistory;
import io.autoclaims.rules.WorkbookIssue;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * Loading a rulebook for a command, as the command line ({@code claims}) and the Spark commands
 * ({@code claims spark-*}) both report it.
 */
public final class RulebookLoading {
    private RulebookLoading() {
    }

    /**
     * The rulebook of those workbooks or folders (the shipped one when none are given), with its
     * warnings printed on {@code err}; or null after printing every problem with its cell.
     *
     * @param paths workbooks or folders of workbooks; null or empty for the shipped rulebook
     * @param err   where warnings and problems are printed
     * @return the rulebook, or null when it does not load
     */
    public static Rulebook loadOrReport(List<Path> paths, PrintWriter err) {
        try {
            Rulebook rulebook = paths == null || paths.isEmpty() ? Rulebook.loadDefault() : Rulebook.load(paths);
            for (WorkbookIssue w : rulebook.warnings()) {
                err.println("warning: " + w);
            }
            return rulebook;
        } catch (RulebookException e) {
            report("The rulebook does not load:", e, err);
            return null;
        }
    }

    /**
     * The history in that folder, with its versions' warnings printed on {@code err} (each naming its
     * version); or null after printing every problem with its cell.
     *
     * @param folder a folder of version folders
     * @param err    where warnings and problems are printed
     * @return the history, or null when it does not load
     */
    public static RulebookHistory loadHistoryOrReport(Path folder, PrintWriter err) {
        try {
            RulebookHistory loaded = RulebookHistory.load(folder);
            for (Rulebook version : loaded.versions()) {
                for (WorkbookIssue w : version.warnings()) {
                    err.println("warning: " + version.version() + ": " + w);
                }
            }
            return loaded;
        } catch (RulebookException e) {
            report("The rulebook history does not load:", e, err);
            return null;
        }
    }

    private static void report(String headline, RulebookException e, PrintWriter err) {
        err.println(headline);
        e.issues().forEach(i -> err.println("  " + (i.isError() ? "error: " : "warning: ") + i));
        err.flush();
    }
}
