package io.autoclaims.cli;

import io.autoclaims.batch.ProgressListener;
import io.autoclaims.batch.Replay;
import io.autoclaims.batch.ReplayFinding;
import io.autoclaims.batch.ReplaySummary;
import io.autoclaims.rules.RulebookArchive;
import io.autoclaims.rules.RulebookHistory;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code claims replay}: re-makes stored verdicts with their archived rulebooks and reports what differs. */
@Command(name = "replay",
        mixinStandardHelpOptions = true,
        description = {
            "Re-adjudicates every claim of CLAIMS.jsonl with the archived rulebook its stored record in"
                    + " OUT.jsonl names (by fingerprint), and checks that the record comes out byte for byte the same.",
            "",
            "Line N of --verdicts is the record of line N of --in (as 'claims adjudicate' and 'claims reevaluate'"
                    + " write them). Reports each record that does not reproduce with its first differing field,"
                    + " each fingerprint the archive lacks or refuses, and a summary on standard error; --report"
                    + " writes every finding as JSON Lines. Error records must reproduce as the same error record;"
                    + " those of a run with a rulebook history are re-made with --history (the run's history and"
                    + " --as-of), without which a NO_RULEBOOK_IN_FORCE record is reported NO_RULEBOOK."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every record reproduced byte for byte",
            "1:some record did not reproduce, or could not be re-made (its rulebook is missing or refused)",
            "2:unusable arguments (a missing file, bad --threads, --as-of without --history)",
            "3:a version of --history does not load; its problems are printed with their cells",
            "4:reading a file or writing the report failed"})
final class ReplayCommand implements Callable<Integer> {
    /** Findings printed on standard error; the report file has every one. */
    private static final int SHOWN = 20;

    @Spec
    CommandSpec spec;

    @Option(names = "--verdicts", paramLabel = "OUT.jsonl", required = true,
            description = "The stored records: the output of a run, one record per claim line.")
    Path verdicts;

    @Option(names = "--in", paramLabel = "CLAIMS.jsonl", required = true,
            description = "The claims the records were made for, in the same order.")
    Path in;

    @Option(names = "--archive", paramLabel = "DIR", required = true,
            description = "The rulebook archive the runs stored their rulebooks in (--archive of adjudicate, reevaluate).")
    Path archive;

    @Option(names = "--history", paramLabel = "DIR",
            description = "The rulebook history the run used (adjudicate or reevaluate --history): its error records"
                    + " whose claim reads are re-made with it, e.g. NO_RULEBOOK_IN_FORCE for a claim dated before its"
                    + " first version. Verdicts are re-made from the archive all the same.")
    Path history;

    @Option(names = "--as-of", paramLabel = "incident|submitted|DATE",
            description = "With --history: the run's --as-of (default incident).")
    String asOf;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads; default: the available processors.")
    Integer threads;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Writes every finding there, one JSON object a line (replaced).")
    Path report;

    @Mixin
    LineLimitOption lineLimit;

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
        for (Path p : new Path[] {verdicts, in}) {
            if (!Files.isRegularFile(p)) {
                err.println("No such file: " + p);
                err.println("文件不存在：" + p);
                err.flush();
                return ClaimsCli.USAGE;
            }
        }
        if (!Files.isDirectory(archive)) {
            err.println("No rulebook archive at " + archive + " (give the folder --archive of adjudicate or reevaluate wrote)");
            err.println("找不到规则集归档目录 " + archive + "（请给出 adjudicate 或 reevaluate 的 --archive 所写的目录）");
            err.flush();
            return ClaimsCli.USAGE;
        }
        HistoryOption historyOption = new HistoryOption();
        historyOption.history = history;
        historyOption.asOf = asOf;
        String historyProblem = historyOption.problem(false);
        if (historyProblem != null) {
            err.println(historyProblem);
            err.flush();
            return ClaimsCli.USAGE;
        }
        RulebookHistory versions = null;
        if (history != null) {
            versions = historyOption.load(err);
            if (versions == null) {
                return ClaimsCli.RULEBOOK;
            }
        }
        RulebookArchive opened = new ArchiveOption().withFolder(archive).open(err);
        if (opened == null) {
            return ClaimsCli.IO;
        }
        int[] shown = {0};
        try (Writer reportOut = report == null ? Writer.nullWriter()
                : new BufferedWriter(Files.newBufferedWriter(report, StandardCharsets.UTF_8))) {
            Replay.Builder replay = Replay.builder().verdicts(verdicts).claims(in).archive(opened)
                    .maxLineBytes(lineLimit.maxLineBytes).progress(ProgressListener.console(err))
                    .findings(f -> {
                        if (shown[0]++ < SHOWN) {
                            err.println(f);
                            err.println("  " + f.toStringZh());
                        }
                        try {
                            reportOut.write(f.toJson());
                            reportOut.write('\n');
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
            if (threads != null) {
                replay.threads(threads);
            }
            if (versions != null) {
                replay.history(versions, historyOption.asOfSetting());
            }
            ReplaySummary s = replay.build().verify();
            if (shown[0] > SHOWN) {
                err.println("... " + (shown[0] - SHOWN) + " more finding(s)" + (report == null ? "; --report FILE lists them all"
                        : " in " + report));
            }
            err.println(s);
            err.println(s.toStringZh());
            s.missingFingerprints().forEach((fp, lines) -> {
                err.println("missing from the archive: " + fp + " (" + lines + " line(s))");
                err.println("  归档中缺少：" + fp + "（" + lines + " 行）");
            });
            err.flush();
            return s.allReproduced() ? 0 : 1;
        } catch (NoSuchFileException e) {
            err.println("No such file: " + e.getFile());
            err.flush();
            return ClaimsCli.USAGE;
        } catch (IOException | UncheckedIOException e) {
            err.println("Reading or writing failed: " + e.getMessage());
            err.println("读取或写入失败：" + e.getMessage());
            err.flush();
            return ClaimsCli.IO;
        }
    }
}
