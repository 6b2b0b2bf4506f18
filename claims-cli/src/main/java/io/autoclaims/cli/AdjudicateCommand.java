package io.autoclaims.cli;

import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.OutputFailedException;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.rules.RulebookArchive;
import io.autoclaims.rules.RulebookArchiveException;
import io.autoclaims.rules.RulebookHistory;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code claims adjudicate}: a JSON Lines backlog in, one verdict or error record per line out. */
@Command(name = "adjudicate",
        mixinStandardHelpOptions = true,
        description = {
            "Reads claims as JSON Lines and writes one record per input line, in input order: the verdict,",
            "or an error record for a line that breaks the contract. Without --rules the default rulebook",
            "shipped in the library is used. With --history each claim is adjudicated with the version",
            "in force on its as-of date (--as-of; the incident date by default)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every input line produced a record (error records included)",
            "2:unusable arguments (unknown option, missing input file, --out naming the input file, --as-of"
                    + " without --history)",
            "3:the rulebook (or a version of the history) does not load; its problems are printed with their cells",
            "4:reading or writing failed while running, standard output included (the message names the last"
                    + " input line whose record was written), or the rulebook could not be stored in --archive"})
final class AdjudicateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RulesOption rules;

    @Mixin
    HistoryOption history;

    @Option(names = "--in", paramLabel = "FILE", defaultValue = "-",
            description = "The JSON Lines backlog; - for standard input (default).")
    String in;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where to write the records; standard output by default.")
    Path out;

    @Mixin
    LineLimitOption lineLimit;

    @Mixin
    ArchiveOption archive;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        long started = System.nanoTime();
        if (!lineLimit.valid(err)) {
            return ClaimsCli.USAGE;
        }
        if (sameFile(in, out)) {
            // opening the output would empty the backlog before a line of it was read
            err.println("The output " + out + " is the input file: nothing was read or written.");
            err.println("输出文件 " + out + " 就是输入文件：未读取也未写入任何内容。");
            err.flush();
            return ClaimsCli.USAGE;
        }
        String historyProblem = history.problem(rules.rules != null && !rules.rules.isEmpty());
        if (historyProblem != null) {
            err.println(historyProblem);
            err.flush();
            return ClaimsCli.USAGE;
        }
        RulebookHistory versions = null;
        Rulebook rulebook = null;
        if (history.history != null) {
            versions = history.load(err);
            if (versions == null) {
                return ClaimsCli.RULEBOOK;
            }
        } else {
            rulebook = rules.load(err);
            if (rulebook == null) {
                return ClaimsCli.RULEBOOK;
            }
        }
        RulebookArchive opened = null;
        if (!archive.none()) {
            opened = archive.open(err);
            if (opened == null) {
                return ClaimsCli.IO;
            }
        }
        Adjudicator adjudicator;
        try {
            // with an archive, every rulebook (every version of a history) is stored before the first verdict
            adjudicator = versions != null
                    ? opened == null ? Adjudicator.of(versions, history.asOfSetting())
                            : Adjudicator.of(versions, history.asOfSetting(), opened)
                    : opened == null ? Adjudicator.of(rulebook) : Adjudicator.of(rulebook, opened);
        } catch (RulebookArchiveException e) {
            ArchiveOption.print(err, e);
            return ClaimsCli.IO;
        }
        CheckedOutput written = null;
        long lines;
        try (InputStream claims = open(in); CheckedOutput sink = open(out)) {
            written = sink;
            lines = adjudicator.adjudicateJsonLines(claims, sink, lineLimit.maxLineBytes);
        } catch (NoSuchFileException e) {
            err.println("No such input file: " + e.getFile());
            err.flush();
            return ClaimsCli.USAGE;
        } catch (IOException | UncheckedIOException | OutputFailedException e) {
            if (written != null && written.failure() != null) {
                // counted at the stream: exact whatever the batches and buffers above it
                written.printFailure(err);
                return ClaimsCli.IO;
            }
            err.println("Reading or writing failed: " + e.getMessage());
            err.flush();
            return ClaimsCli.IO;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Rulebook used = adjudicator.rulebook();
        if (adjudicator.history().isPresent()) {
            String names = adjudicator.history().get().versions().stream()
                    .map(v -> v.version() + " from " + v.inForceFrom().orElseThrow() + " (" + v.fingerprint().substring(0, 12) + ")")
                    .collect(java.util.stream.Collectors.joining(", "));
            err.printf(Locale.ROOT, "%d lines adjudicated with the history %s (as of %s): %s in %.2f s%n",
                    lines, history.history, asOfText(adjudicator.asOf().orElseThrow()), names, seconds);
        } else {
            err.printf(Locale.ROOT, "%d lines adjudicated with %s %s (%s) in %.2f s%n", lines, used.name(),
                    used.version(), used.fingerprint().substring(0, 12), seconds);
        }
        err.flush();
        return 0;
    }

    private static String asOfText(io.autoclaims.rules.AsOf asOf) {
        String s = asOf.toString();
        return s.equals("incident") ? "each claim's incident.occurredOn" : s.equals("submitted") ? "each claim's submittedOn" : s;
    }

    /** True when both name the same existing file (through links or other spellings too). */
    private static boolean sameFile(String in, Path out) {
        if (out == null || in == null || in.equals("-")) {
            return false;
        }
        try {
            return Files.exists(out) && Files.exists(Path.of(in)) && Files.isSameFile(Path.of(in), out);
        } catch (IOException | RuntimeException e) {
            return false; // the run itself reports what cannot be opened
        }
    }

    private InputStream open(String path) throws IOException {
        if (path == null || path.equals("-")) {
            return new FilterInputStream(System.in) {
                @Override
                public void close() {
                    // standard input stays open for the caller
                }
            };
        }
        return Files.newInputStream(Path.of(path));
    }

    /** The records' stream: the file, or standard output as ClaimsCli set it (flushed, never closed). */
    private CheckedOutput open(Path path) throws IOException {
        if (path == null) {
            return CheckedOutput.ofStandardOutput(spec.root().userObject() instanceof ClaimsCli cli ? cli.stdout
                    : CheckedOutput.standardOutput());
        }
        return CheckedOutput.ofFile(Files.newOutputStream(path), path);
    }
}
