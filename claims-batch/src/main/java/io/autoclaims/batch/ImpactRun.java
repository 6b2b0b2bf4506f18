package io.autoclaims.batch;

import io.autoclaims.model.json.ClaimCodec;
import io.autoclaims.model.json.JsonLinesReader;
import io.autoclaims.model.json.RawLines;
import io.autoclaims.model.json.ReadResult;
import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.LineBatch;
import io.autoclaims.rules.Rulebook;
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
 * <p>A line's outcome under a rulebook is what {@link BacklogRun} would write for it: the verdict, or
 * the error record (unreadable or invalid line, or a claim type the rulebook does not support). A line
 * that is a verdict under one rulebook and an error under the other is a change. Memory does not grow
 * with the backlog: the changed rows go to the CSV as their batch is done, and only the totals and the
 * top N largest changes are kept ({@link ImpactAccumulator}). The report is the same bytes for any
 * thread count.
 */
public final class ImpactRun {

    private final Rulebook oldRulebook;
    private final Rulebook newRulebook;
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
        this.oldRulebook = b.oldRulebook;
        this.newRulebook = b.newRulebook;
        this.oldSource = b.oldSource;
        this.newSource = b.newSource;
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
        Adjudicator older = Adjudicator.of(oldRulebook);
        Adjudicator newer = Adjudicator.of(newRulebook);
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
                ImpactCsv csv = new ImpactCsv(csvOut)) {
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
                .withEdits(ImpactEdits.between(oldRulebook, newRulebook, oldSource, newSource));
        ImpactReport.finish(reportDir, summary, csvTmp);
        progress.finished(summary, Duration.ofNanos(System.nanoTime() - started));
        return summary;
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
         * @throws IllegalStateException when it was already set
         */
        public Builder oldRulebook(Rulebook rulebook) {
            Settings.once(oldRulebook, "oldRulebook");
            this.oldRulebook = Objects.requireNonNull(rulebook, "rulebook");
            return this;
        }

        /**
         * The changed rulebook: the "new" side.
         *
         * @param rulebook the new rulebook, not null
         * @return this builder
         * @throws IllegalStateException when it was already set
         */
        public Builder newRulebook(Rulebook rulebook) {
            Settings.once(newRulebook, "newRulebook");
            this.newRulebook = Objects.requireNonNull(rulebook, "rulebook");
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
         * @throws IllegalStateException when a rulebook, the input or the report directory is missing
         */
        public ImpactRun build() {
            if (oldRulebook == null || newRulebook == null || input == null || reportDir == null) {
                throw new IllegalStateException("oldRulebook, newRulebook, input and reportDir are required; missing: "
                        + ((oldRulebook == null ? "oldRulebook " : "") + (newRulebook == null ? "newRulebook " : "")
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
