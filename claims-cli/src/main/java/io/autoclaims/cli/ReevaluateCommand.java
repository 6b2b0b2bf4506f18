package io.autoclaims.cli;

import io.autoclaims.batch.BacklogRun;
import io.autoclaims.batch.CheckpointMismatchException;
import io.autoclaims.rules.OutputFailedException;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.rules.RulebookArchive;
import io.autoclaims.rules.RulebookArchiveException;
import io.autoclaims.rules.RulebookHistory;
import io.autoclaims.rules.WorkbookIssue;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code claims reevaluate}: a large backlog re-run with a rulebook, streamed, in parallel, resumable. */
@Command(name = "reevaluate",
        mixinStandardHelpOptions = true,
        description = {
            "Re-evaluates a JSON Lines backlog of any size with a rulebook, on several threads. With --history each"
                    + " claim is adjudicated with the version in force on its as-of date (--as-of; the incident date"
                    + " by default).",
            "",
            "The backlog is streamed (memory stays flat) and one record is written per input line, in input"
                    + " order: the same bytes as 'claims adjudicate' writes, for any --threads. Progress and a final"
                    + " summary go to standard error.",
            "",
            "With --checkpoint the run can be killed at any moment and started again with the same arguments:"
                    + " it continues after the last durable batch, and the finished output holds every line exactly"
                    + " once. A checkpoint that is damaged, or of another rulebook (another history: a version added,"
                    + " removed or changed, or another --as-of), input or output, is refused (exit"
                    + " status 2) before anything is written. Once the"
                    + " run is complete, running it again only reports it; if the output file is missing, the"
                    + " checkpoint is discarded and the run starts over."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every input line produced a record (error records included)",
            "2:unusable arguments (missing input file, bad --threads, --as-of without --history), or a checkpoint"
                    + " that is damaged or does not match the rulebook (or history), the input or the output (nothing"
                    + " is written then)",
            "3:the rulebook (or a version of the history) does not load; its problems are printed with their cells",
            "4:reading or writing failed while running, or the rulebook could not be stored in --archive"})
final class ReevaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RulesOption rules;

    @Mixin
    HistoryOption history;

    @Option(names = "--in", paramLabel = "BACKLOG.jsonl", required = true, description = "The JSON Lines backlog.")
    Path in;

    @Option(names = "--out", paramLabel = "VERDICTS.jsonl", required = true,
            description = "Where to write the records (replaced, or continued when resuming).")
    Path out;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads; default: the available processors.")
    Integer threads;

    @Option(names = "--checkpoint", paramLabel = "DIR",
            description = "A directory for the checkpoint, making the run resumable (created if missing).")
    Path checkpoint;

    @Option(names = "--verify-all",
            description = "When resuming, re-read every done batch of input and output against the checkpoint,"
                    + " however large the run (by default: every batch while they total under 256 MiB, else the last).")
    boolean verifyAll;

    @Mixin
    LineLimitOption lineLimit;

    @Mixin
    ArchiveOption archive;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!lineLimit.valid(err)) {
            return ClaimsCli.USAGE;
        }
        if (threads != null && threads < 1) {
            err.println("--threads must be 1 or more, got " + threads);
            err.flush();
            return ClaimsCli.USAGE;
        }
        String historyProblem = history.problem(rules.rules != null && !rules.rules.isEmpty());
        if (historyProblem != null) {
            err.println(historyProblem);
            err.flush();
            return ClaimsCli.USAGE;
        }
        BacklogRun.Builder run = BacklogRun.builder();
        if (history.history != null) {
            RulebookHistory versions = history.load(err);
            if (versions == null) {
                return ClaimsCli.RULEBOOK;
            }
            for (Rulebook v : versions.versions()) {
                err.printf(Locale.ROOT, "version %s from %s (%s)%n", v.version(), v.inForceFrom().orElseThrow(),
                        v.fingerprint().substring(0, 12));
            }
            err.printf(Locale.ROOT, "history %s, as of %s%n", history.history, history.asOfSetting());
            run.history(versions, history.asOfSetting());
        } else {
            Rulebook rulebook = rules.load(err);
            if (rulebook == null) {
                return ClaimsCli.RULEBOOK;
            }
            for (WorkbookIssue w : rulebook.warnings()) {
                err.println("warning: " + w);
            }
            err.printf(Locale.ROOT, "rulebook %s %s (%s)%n", rulebook.name(), rulebook.version(),
                    rulebook.fingerprint().substring(0, 12));
            run.rulebook(rulebook);
        }
        err.flush();
        run.input(in).output(out)
                .checkpoint(checkpoint).progress(ConsoleProgressBar.console(err, "reevaluate"))
                .maxLineBytes(lineLimit.maxLineBytes).verifyAll(verifyAll);
        if (threads != null) {
            run.threads(threads);
        }
        if (!archive.none()) {
            RulebookArchive opened = archive.open(err);
            if (opened == null) {
                return ClaimsCli.IO;
            }
            run.archive(opened);
        }
        try {
            run.build().run();
            return 0;
        } catch (NoSuchFileException e) {
            err.println("No such file: " + e.getFile());
            err.flush();
            return ClaimsCli.USAGE;
        } catch (CheckpointMismatchException | IllegalArgumentException e) {
            err.println(e.getMessage());
            err.flush();
            return ClaimsCli.USAGE;
        } catch (RulebookArchiveException e) {
            ArchiveOption.print(err, e);
            return ClaimsCli.IO;
        } catch (IOException | UncheckedIOException | OutputFailedException e) {
            err.println("Reading or writing failed: " + e.getMessage());
            err.flush();
            return ClaimsCli.IO;
        }
    }
}
