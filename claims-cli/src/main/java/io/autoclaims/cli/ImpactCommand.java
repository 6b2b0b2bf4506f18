package io.autoclaims.cli;

import io.autoclaims.batch.ImpactEdits;
import io.autoclaims.batch.ImpactRun;
import io.autoclaims.rules.Rulebook;
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
                    + " summary go to standard error."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every input line was compared (error records included)",
            "2:unusable arguments (missing input file, bad --threads or --top)",
            "3:a rulebook does not load; its problems are printed with their cells",
            "4:reading or writing failed while running"})
final class ImpactCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--old", paramLabel = "RULEBOOK", required = true,
            description = "The rulebook in force: a workbook (.xlsx) or a folder of them; repeat for several.")
    List<Path> old;

    @Option(names = "--new", paramLabel = "RULEBOOK", required = true,
            description = "The changed rulebook: a workbook or a folder of them; repeat for several.")
    List<Path> changed;

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
        Rulebook older = load("old", old, err);
        if (older == null) {
            return ClaimsCli.RULEBOOK;
        }
        Rulebook newer = load("new", changed, err);
        if (newer == null) {
            return ClaimsCli.RULEBOOK;
        }
        ImpactRun.Builder run = ImpactRun.builder().oldRulebook(older).newRulebook(newer).input(in).reportDir(report)
                .sources(ImpactEdits.source(old), ImpactEdits.source(changed)).progress(ConsoleProgressBar.console(err, "impact"))
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
