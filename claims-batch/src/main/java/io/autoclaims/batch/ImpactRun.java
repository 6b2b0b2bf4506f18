package io.autoclaims.batch;

import io.autoclaims.model.json.ClaimCodec;
import io.autoclaims.model.json.JsonLinesReader;
import io.autoclaims.model.json.RawLines;
import io.autoclaims.model.json.ReadResult;
import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.AsOf;
import io.autoclaims.rules.LineBatch;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.rules.RulebookHistory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a rulebook change does to a backlog: both rulebooks adjudicate every line in one streaming,
 * parallel pass (the machinery of {@link BacklogRun}), and the lines whose outcome differs are
 * written to an impact report ({@link ImpactReport}: {@code impact.csv}, {@code impact.html},
 * {@code impact.json}).
 *
 * <pre>{@code
 * ImpactSummary s = ImpactRun.builder()
 *         .oldRulebook(Rulebook.loadDefault())
 *         .newRulebook(Rulebook.load(Path.of("rules-2027/")))
 *         .input(Path.of("backlog.jsonl"))
 *         .reportDir(Path.of("impact/"))
 *         .threads(2)
 *         .build()
 *         .run();
 * }</pre>
 *
 * <p>Either side may be a {@link RulebookHistory} instead ({@link Builder#oldHistory}, {@link Builder#newHistory},
 * both as of the same {@link Builder#asOf} setting): the impact of adding a version is the history without
 * it against the history with it. Each changed row then names the version behind each side's verdict
 * ({@link ImpactRow#oldVersion()}, {@code impact.csv}'s {@code old_version}/{@code new_version} columns),
 * each side's label lists its versions and dates, and the edits are those of each version one side
 * lacks, against the other side's version in force on its date.
 *
 * <p>A line's outcome under a rulebook is what {@link BacklogRun} would write for it: the verdict, or
 * the error record (unreadable or invalid line, or a claim type the rulebook does not support). A line
 * that is a verdict under one rulebook and an error under the other is a change. Memory does not grow
 * with the backlog: the changed rows go to the CSV as their batch is done, and only the totals and the
 * top N largest changes are kept ({@link ImpactAccumulator}). The report is the same bytes for any
 * thread count.
 */
public final class ImpactRun {

    /** Each side's one rulebook, or its history's latest version (what the summary's side names). */
    private final Rulebook oldRulebook;
    private final Rulebook newRulebook;
    /** Each side's history, or null for one rulebook. */
    private final RulebookHistory oldHistory;
    private final RulebookHistory newHistory;
    private final AsOf asOf;
    private final String oldSource;
    private final String newSource;
    private final Path input;
    private final Path reportDir;
    private final int threads;
    private final int top;
    private final ProgressListener progress;
    private final int batchLines;
    private final ClaimCodec codec;

    private ImpactRun(Builder b) {
        this.oldHistory = b.oldHistory;
        this.newHistory = b.newHistory;
        this.asOf = b.asOf == null ? AsOf.INCIDENT : b.asOf;
        this.oldRulebook = b.oldHistory != null ? latest(b.oldHistory) : b.oldRulebook;
        this.newRulebook = b.newHistory != null ? latest(b.newHistory) : b.newRulebook;
        this.oldSource = source(b.oldSource, b.oldHistory);
        this.newSource = source(b.newSource, b.newHistory);
        this.input = b.input;
        this.reportDir = b.reportDir;
        this.threads = b.threads;
        this.top = b.top;
        this.progress = b.progress;
        this.batchLines = b.batchLines;
        this.codec = ClaimCodec.create().withMaxLineBytes(b.maxLineBytes);
    }

    /**
     * Starts configuring a comparison.
     *
     * @return a new builder; both rulebooks, {@link Builder#input} and {@link Builder#reportDir} are required
     */
    public static Builder builder() {
        return new Builder();
    }

    /** One batch compared: its totals and its changed rows in input order. */
    private record Batch(ImpactAccumulator totals, List<ImpactRow> changed, long inputEnd) {
    }

    /**
     * Reads the whole input, writes the report and returns its summary.
     *
     * @return the totals the report was written from, with the workbook edits behind them
     * @throws java.nio.file.NoSuchFileException when the input does not exist
     * @throws IOException when reading or writing fails
     */
    public ImpactSummary run() throws IOException {
        long started = System.nanoTime();
        Adjudicator older = oldHistory != null ? Adjudicator.of(oldHistory, asOf) : Adjudicator.of(oldRulebook);
        Adjudicator newer = newHistory != null ? Adjudicator.of(newHistory, asOf) : Adjudicator.of(newRulebook);
        long inputSize = Files.isRegularFile(input) ? Files.size(input) : -1;
        Files.createDirectories(reportDir);
        Path csvTmp = reportDir.resolve(ImpactReport.CSV + ".tmp");
        ImpactAccumulator total = ImpactAccumulator.create(top);
        AtomicLong linesTotal = new AtomicLong(-1);
        Thread counter = progress != ProgressListener.NONE && inputSize >= 0
                ? BatchPipeline.countLines(input, linesTotal) : null;
        long[] bytesDone = {0};
        try (InputStream in = Files.newInputStream(input);
                OutputStream csvOut = Files.newOutputStream(csvTmp);
                ImpactCsv csv = new ImpactCsv(csvOut, oldHistory != null || newHistory != null)) {
            progress.started(progress(0, linesTotal.get(), 0, inputSize, started));
            JsonLinesReader lines = codec.lines(in);
            BatchPipeline.run(() -> lines.next(batchLines, BacklogRun.BATCH_BYTES), threads,
                    batch -> compare(older, newer, batch), (b, last) -> {
                total.merge(b.totals());
                for (ImpactRow r : b.changed()) {
                    csv.write(r);
                }
                bytesDone[0] = b.inputEnd();
                progress.progress(progress(total.lines(), linesTotal.get(), bytesDone[0], inputSize, started));
            });
            csv.flush();
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(csvTmp);
            throw e;
        } finally {
            if (counter != null) {
                counter.interrupt();
            }
        }
        // the report opens with the edit behind the changes it counts
        ImpactSummary summary = total.summary(oldRulebook.info(), newRulebook.info())
                .withEdits(oldHistory == null && newHistory == null
                        ? ImpactEdits.between(oldRulebook, newRulebook, oldSource, newSource) : historyEdits());
        ImpactReport.finish(reportDir, summary, csvTmp);
        progress.finished(summary, Duration.ofNanos(System.nanoTime() - started));
        return summary;
    }

    private static Rulebook latest(RulebookHistory h) {
        return h.versions().get(h.versions().size() - 1);
    }

    /** A side's source as given, followed for a history by its versions and their dates: what the label shows. */
    private static String source(String given, RulebookHistory h) {
        if (h == null) {
            return given;
        }
        String versions = String.join(", ", h.versions().stream()
                .map(v -> v.version() + " from " + v.inForceFrom().orElseThrow()).toList());
        return (given.isEmpty() ? "history" : given) + ": " + versions;
    }

    /**
     * The edits when a side is a history: each version only the new side has, against the old side's
     * version in force on its date (its first before that; a side of one rulebook is that rulebook),
     * then each version only the old side has, against the new side's likewise; every cell prefixed
     * with the pair, e.g. {@code 2026.1 -> 2027.1: warranty.xlsx!Terms 保修期限!C6}.
     */
    private ImpactEdits historyEdits() {
        List<Rulebook> olds = oldHistory == null ? List.of(oldRulebook) : oldHistory.versions();
        List<Rulebook> news = newHistory == null ? List.of(newRulebook) : newHistory.versions();
        java.util.Set<String> oldPrints = new java.util.HashSet<>();
        olds.forEach(r -> oldPrints.add(r.fingerprint()));
        java.util.Set<String> newPrints = new java.util.HashSet<>();
        news.forEach(r -> newPrints.add(r.fingerprint()));
        List<Rulebook[]> pairs = new ArrayList<>();
        for (Rulebook n : news) {
            if (!oldPrints.contains(n.fingerprint())) {
                pairs.add(new Rulebook[] {counterpart(oldHistory, oldRulebook, n), n});
            }
        }
        for (Rulebook o : olds) {
            Rulebook n = counterpart(newHistory, newRulebook, o);
            if (!newPrints.contains(o.fingerprint()) && pairs.stream().noneMatch(p -> p[0] == o && p[1] == n)) {
                pairs.add(new Rulebook[] {o, n});
            }
        }
        List<ImpactEdits.Edit> edits = new ArrayList<>();
        for (Rulebook[] p : pairs) {
            String pair = p[0].version() + " -> " + p[1].version() + ": ";
            for (ImpactEdits.Edit e : ImpactEdits.between(p[0], p[1], "", "").edits()) {
                edits.add(new ImpactEdits.Edit(e.kind(), pair + e.where(), e.ruleId(), e.column(), e.oldValue(),
                        e.newValue()));
            }
        }
        return new ImpactEdits(oldSource, newSource, edits);
    }

    /** The other side's rulebook on the date {@code version} is in force from: its one rulebook, or its history's. */
    private static Rulebook counterpart(RulebookHistory other, Rulebook single, Rulebook version) {
        if (other == null) {
            return single;
        }
        return version.inForceFrom().flatMap(other::versionOn).orElse(other.versions().get(0));
    }

    private static Progress progress(long lines, long linesTotal, long bytes, long bytesTotal, long started) {
        return new Progress(lines, linesTotal, bytes, bytesTotal, 0, 0, Duration.ofNanos(System.nanoTime() - started));
    }

    private Batch compare(Adjudicator older, Adjudicator newer, RawLines lines) {
        List<ReadResult> reads = LineBatch.read(codec, lines); // validated once, by the codec
        ImpactAccumulator acc = ImpactAccumulator.create(top);
        List<ImpactRow> changed = new ArrayList<>();
        acc.addAll(LineBatch.adjudicate(older, reads), LineBatch.adjudicate(newer, reads), changed::add);
        return new Batch(acc, changed, lines.inputEnd());
    }

    /**
     * Configures a run. Each setting can be given once; both rulebooks, {@link #input} and
     * {@link #reportDir} are required.
     */
    public static final class Builder {
        private Rulebook oldRulebook;
        private Rulebook newRulebook;
        private RulebookHistory oldHistory;
        private RulebookHistory newHistory;
        private AsOf asOf;
        private String oldSource = "";
        private String newSource = "";
        private Path input;
        private Path reportDir;
        private int threads;
        private int top = -1;
        private ProgressListener progress;
        private int batchLines = BacklogRun.BATCH_LINES;
        private int maxLineBytes = ClaimCodec.DEFAULT_MAX_LINE_BYTES;

        private Builder() {
        }

        /**
         * The rulebook in force: the "old" side of every comparison.
         *
         * @param rulebook the old rulebook, not null
         * @return this builder
         * @throws IllegalStateException when the old side (rulebook or history) was already set
         */
        public Builder oldRulebook(Rulebook rulebook) {
            Settings.once(oldRulebook, "oldRulebook");
            Settings.once(oldHistory, "oldHistory");
            this.oldRulebook = Objects.requireNonNull(rulebook, "rulebook");
            return this;
        }

        /**
         * The changed rulebook: the "new" side.
         *
         * @param rulebook the new rulebook, not null
         * @return this builder
         * @throws IllegalStateException when the new side (rulebook or history) was already set
         */
        public Builder newRulebook(Rulebook rulebook) {
            Settings.once(newRulebook, "newRulebook");
            Settings.once(newHistory, "newHistory");
            this.newRulebook = Objects.requireNonNull(rulebook, "rulebook");
            return this;
        }

        /**
         * A rulebook history as the old side, instead of {@link #oldRulebook}: each line is adjudicated
         * with the version in force on its claim's as-of date ({@link #asOf}).
         *
         * @param history the old side's versions, not null
         * @return this builder
         * @throws IllegalStateException when the old side was already set
         */
        public Builder oldHistory(RulebookHistory history) {
            Settings.once(oldHistory, "oldHistory");
            Settings.once(oldRulebook, "oldRulebook");
            this.oldHistory = Objects.requireNonNull(history, "history");
            return this;
        }

        /**
         * A rulebook history as the new side, instead of {@link #newRulebook}, e.g. the old side's history
         * with one more version: the impact of adding it.
         *
         * @param history the new side's versions, not null
         * @return this builder
         * @throws IllegalStateException when the new side was already set
         */
        public Builder newHistory(RulebookHistory history) {
            Settings.once(newHistory, "newHistory");
            Settings.once(newRulebook, "newRulebook");
            this.newHistory = Objects.requireNonNull(history, "history");
            return this;
        }

        /**
         * Which date of a claim chooses its version on a side that is a history (the same for both
         * sides); default {@link AsOf#INCIDENT}. Ignored by a side of one rulebook.
         *
         * @param asOf the setting, not null
         * @return this builder
         * @throws IllegalStateException when it was already set
         */
        public Builder asOf(AsOf asOf) {
            Settings.once(this.asOf, "asOf");
            this.asOf = Objects.requireNonNull(asOf, "asOf");
            return this;
        }

        /**
         * Where the two rulebooks were loaded from (e.g. the paths given), shown with each side in the
         * report so that two sides of one version are told apart; default: not shown.
         *
         * @param oldSource the old side's source, e.g. {@link ImpactEdits#source}; not null
         * @param newSource the new side's source; not null
         * @return this builder
         */
        public Builder sources(String oldSource, String newSource) {
            this.oldSource = Objects.requireNonNull(oldSource, "oldSource");
            this.newSource = Objects.requireNonNull(newSource, "newSource");
            return this;
        }

        /**
         * The JSON Lines backlog.
         *
         * @param input the backlog file, not null
         * @return this builder
         * @throws IllegalStateException when it was already set
         */
        public Builder input(Path input) {
            Settings.once(this.input, "input");
            this.input = Objects.requireNonNull(input, "input");
            return this;
        }

        /**
         * The directory the report files go into (created if missing; earlier report files are replaced).
         *
         * @param dir the report directory, not null
         * @return this builder
         * @throws IllegalStateException when it was already set
         */
        public Builder reportDir(Path dir) {
            Settings.once(this.reportDir, "reportDir");
            this.reportDir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /**
         * Worker threads; default: the available processors.
         *
         * @param threads 1 or more
         * @return this builder
         * @throws IllegalArgumentException when {@code threads} is less than 1
         * @throws IllegalStateException when it was already set
         */
        public Builder threads(int threads) {
            this.threads = Settings.threads(this.threads, threads);
            return this;
        }

        /**
         * How many of the largest changes the page and the JSON list; default {@value ImpactAccumulator#DEFAULT_TOP}.
         *
         * @param n 0 or more
         * @return this builder
         * @throws IllegalArgumentException when {@code n} is negative
         * @throws IllegalStateException when it was already set
         */
        public Builder top(int n) {
            if (top >= 0) {
                throw new IllegalStateException("top was already set to " + top);
            }
            if (n < 0) {
                throw new IllegalArgumentException("top must be 0 or more, got " + n);
            }
            this.top = n;
            return this;
        }

        /**
         * Where progress goes; default {@link ProgressListener#NONE}.
         *
         * @param listener the listener, not null
         * @return this builder
         * @throws IllegalStateException when it was already set
         */
        public Builder progress(ProgressListener listener) {
            Settings.once(this.progress, "progress");
            this.progress = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Progress on standard error, or none.
         *
         * @param show true: {@link ProgressListener#console} on standard error; false: {@link ProgressListener#NONE}
         * @return this builder
         * @throws IllegalStateException when the progress listener was already set
         */
        public Builder progress(boolean show) {
            return progress(show ? ProgressListener.console(new PrintWriter(System.err, true))
                    : ProgressListener.NONE);
        }

        /**
         * The longest input line read, in bytes (default 1 MiB); a longer line reads as {@code LINE_TOO_LONG}.
         *
         * @param bytes the limit, 1 or more
         * @return this builder
         * @throws IllegalArgumentException when {@code bytes} is less than 1
         */
        public Builder maxLineBytes(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxLineBytes must be 1 or more, got " + bytes);
            }
            this.maxLineBytes = bytes;
            return this;
        }

        /** Lines per batch (tests use small batches to get many merges). */
        Builder batchLines(int lines) {
            this.batchLines = Settings.batchLines(lines);
            return this;
        }

        /**
         * The configured comparison; nothing is read or written before {@link ImpactRun#run()}.
         *
         * @return the comparison
         * @throws IllegalStateException when a side (rulebook or history), the input or the report directory is missing
         */
        public ImpactRun build() {
            boolean noOld = oldRulebook == null && oldHistory == null;
            boolean noNew = newRulebook == null && newHistory == null;
            if (noOld || noNew || input == null || reportDir == null) {
                throw new IllegalStateException("oldRulebook (or oldHistory), newRulebook (or newHistory), input and"
                        + " reportDir are required; missing: "
                        + ((noOld ? "oldRulebook " : "") + (noNew ? "newRulebook " : "")
                        + (input == null ? "input " : "") + (reportDir == null ? "reportDir" : "")).strip());
            }
            if (threads == 0) {
                threads = Runtime.getRuntime().availableProcessors();
            }
            if (top < 0) {
                top = ImpactAccumulator.DEFAULT_TOP;
            }
            if (progress == null) {
                progress = ProgressListener.NONE;
            }
            return new ImpactRun(this);
        }
    }
}
