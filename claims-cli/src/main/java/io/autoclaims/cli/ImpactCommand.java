package io.autoclaims.cli;

import io.autoclaims.batch.ImpactEdits;
import io.autoclaims.batch.ImpactRun;
import io.autoclaims.rules.AsOf;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.rules.RulebookHistory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code claims impact}: what a rulebook change does to a backlog, as a report for analysts. */
@Command(name = "impact",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a backlog through an old and a new rulebook in one streaming pass and reports the claims"
                    + " whose outcome changed.",
            "",
            "Writes into --report: impact.csv (one row per changed claim, in input order; UTF-8 with BOM for"
                    + " Excel and WPS, bilingual header), impact.html (one self-contained page: totals, decision"
                    + " transitions, money by claim type, changes by rule row, largest changes) and impact.json (the"
                    + " same summary for machines). The files are the same bytes for any --threads. Progress and a"
                    + " summary go to standard error.",
            "",
            "Either side may be a rulebook history (--old-history, --new-history; --as-of for both): the impact"
                    + " of adding a version is the history without it against the history with it. Each changed"
                    + " claim then names the version behind each side's verdict (impact.csv's old_version and"
                    + " new_version columns)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every input line was compared (error records included)",
            "2:unusable arguments (missing input file, bad --threads or --top, a side given twice or not at all,"
                    + " --as-of without a history)",
            "3:a rulebook (or a version of a history) does not load; its problems are printed with their cells",
            "4:reading or writing failed while running"})
final class ImpactCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--old", paramLabel = "RULEBOOK",
            description = "The rulebook in force: a workbook (.xlsx) or a folder of them; repeat for several.")
    List<Path> old;

    @Option(names = "--new", paramLabel = "RULEBOOK",
            description = "The changed rulebook: a workbook or a folder of them; repeat for several.")
    List<Path> changed;

    @Option(names = "--old-history", paramLabel = "DIR",
            description = "Instead of --old: a rulebook history (DIR/2026.1/, ...); each claim gets the version in force"
                    + " on its as-of date.")
    Path oldHistory;

    @Option(names = "--new-history", paramLabel = "DIR",
            description = "Instead of --new: a rulebook history, e.g. the old one with a version added.")
    Path newHistory;

    @Option(names = "--as-of", paramLabel = "incident|submitted|DATE",
            description = "With a history: which date of a claim chooses its version, on both sides: incident"
                    + " (default), submitted or one date yyyy-MM-dd.")
    String asOf;

    @Option(names = "--in", paramLabel = "BACKLOG.jsonl", required = true, description = "The JSON Lines backlog.")
    Path in;

    @Option(names = "--report", paramLabel = "DIR", required = true,
            description = "The directory for impact.csv, impact.html and impact.json (created if missing; replaced).")
    Path report;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads; default: the available processors.")
    Integer threads;

    @Option(names = "--top", paramLabel = "N", description = "How many of the largest changes the page lists; default 50.")
    Integer top;

    @Mixin
    LineLimitOption lineLimit;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!lineLimit.valid(err)) {
            return ClaimsCli.USAGE;
        }
        if (threads != null && threads < 1 || top != null && top < 0) {
            err.println(threads != null && threads < 1 ? "--threads must be 1 or more, got " + threads
                    : "--top must be 0 or more, got " + top);
            err.flush();
            return ClaimsCli.USAGE;
        }
        String problem = sidesProblem();
        if (problem != null) {
            err.println(problem);
            err.flush();
            return ClaimsCli.USAGE;
        }
        ImpactRun.Builder run = ImpactRun.builder();
        if (oldHistory != null) {
            RulebookHistory h = loadHistory("old", oldHistory, err);
            if (h == null) {
                return ClaimsCli.RULEBOOK;
            }
            run.oldHistory(h);
        } else {
            Rulebook older = load("old", old, err);
            if (older == null) {
                return ClaimsCli.RULEBOOK;
            }
            run.oldRulebook(older);
        }
        if (newHistory != null) {
            RulebookHistory h = loadHistory("new", newHistory, err);
            if (h == null) {
                return ClaimsCli.RULEBOOK;
            }
            run.newHistory(h);
        } else {
            Rulebook newer = load("new", changed, err);
            if (newer == null) {
                return ClaimsCli.RULEBOOK;
            }
            run.newRulebook(newer);
        }
        if (asOf != null) {
            run.asOf(AsOf.parse(asOf));
        }
        run.input(in).reportDir(report)
                .sources(oldHistory != null ? oldHistory.toString() : ImpactEdits.source(old),
                        newHistory != null ? newHistory.toString() : ImpactEdits.source(changed))
                .progress(ConsoleProgressBar.console(err, "impact"))
                .maxLineBytes(lineLimit.maxLineBytes);
        if (threads != null) {
            run.threads(threads);
        }
        if (top != null) {
            run.top(top);
        }
        try {
            run.build().run();
            err.println("report: " + report.resolve("impact.html") + " (and impact.csv, impact.json)");
            err.flush();
            return 0;
        } catch (NoSuchFileException e) {
            err.println("No such file: " + e.getFile());
            err.flush();
            return ClaimsCli.USAGE;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.flush();
            return ClaimsCli.USAGE;
        } catch (IOException | UncheckedIOException e) {
            err.println("Reading or writing failed: " + e.getMessage());
            err.flush();
            return ClaimsCli.IO;
        }
    }

    /** Null when each side is given once (a rulebook or a history) and --as-of is usable; else why not, in both languages. */
    private String sidesProblem() {
        boolean oldRules = old != null && !old.isEmpty();
        boolean newRules = changed != null && !changed.isEmpty();
        if (oldRules == (oldHistory != null) || newRules == (newHistory != null)) {
            String side = oldRules == (oldHistory != null) ? "old" : "new";
            return "Give the " + side + " side once: --" + side + " RULEBOOK or --" + side + "-history DIR, not both or neither."
                    + " / 请只给出一次" + ("old".equals(side) ? "原" : "新") + "规则：--" + side + " RULEBOOK 或 --" + side
                    + "-history DIR，二者必须且只能选其一。";
        }
        if (asOf != null && oldHistory == null && newHistory == null) {
            return "--as-of chooses the versions of a history; give --old-history or --new-history too. / --as-of 用于在规则集"
                    + "历史中选择版本，请同时给出 --old-history 或 --new-history。";
        }
        return HistoryOption.asOfProblem(asOf);
    }

    /** One side's history, its versions announced on {@code err}; null after printing its problems. */
    private static RulebookHistory loadHistory(String side, Path folder, PrintWriter err) {
        HistoryOption option = new HistoryOption();
        option.history = folder;
        RulebookHistory h = option.load(err);
        if (h == null) {
            err.println("(the " + side + " history: " + folder + ")");
            err.flush();
            return null;
        }
        for (Rulebook v : h.versions()) {
            err.printf(Locale.ROOT, "%s history %s: version %s from %s (%s)%n", side, folder, v.version(),
                    v.inForceFrom().orElseThrow(), v.fingerprint().substring(0, 12));
        }
        err.flush();
        return h;
    }

    /** One side's rulebook, announced on {@code err}; null after printing its problems. */
    private static Rulebook load(String side, List<Path> paths, PrintWriter err) {
        RulesOption option = new RulesOption();
        option.rules = paths;
        Rulebook rb = option.load(err);
        if (rb == null) {
            err.println("(the " + side + " rulebook: " + paths + ")");
            err.flush();
            return null;
        }
        err.printf(Locale.ROOT, "%s rulebook %s %s (%s)%n", side, rb.name(), rb.version(), rb.fingerprint().substring(0, 12));
        err.flush();
        return rb;
    }
}
