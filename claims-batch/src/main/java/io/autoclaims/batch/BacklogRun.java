package io.autoclaims.batch;

import io.autoclaims.model.Verdict;
import io.autoclaims.model.json.ClaimCodec;
import io.autoclaims.model.json.JsonLinesReader;
import io.autoclaims.model.json.RawLines;
import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.AsOf;
import io.autoclaims.rules.LineBatch;
import io.autoclaims.rules.OutputFailedException;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.rules.RulebookArchive;
import io.autoclaims.rules.RulebookHistory;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32C;

/**
 * Re-evaluates a JSON Lines backlog with a rulebook, or a rulebook history ({@link Builder#history}):
 * streamed, in parallel, resumable.
 *
 * <pre>{@code
 * RunSummary s = BacklogRun.builder()
 *         .rulebook(Rulebook.loadDefault())
 *         .input(Path.of("backlog.jsonl"))
 *         .output(Path.of("verdicts.jsonl"))
 *         .threads(2)
 *         .checkpoint(Path.of("backlog.ckpt"))      // optional: resumable after kill -9
 *         .progress(ProgressListener.console(err))  // optional
 *         .build()
 *         .run();
 * }</pre>
 *
 * <p><b>Output.</b> Exactly one record per input line, in input order: the verdict, or an error record
 * for a line that breaks the contract, is not UTF-8 text ({@code INVALID_ENCODING}), is longer than
 * {@link Builder#maxLineBytes} ({@code LINE_TOO_LONG}), or holds a claim type the rulebook does not
 * support ({@code UNSUPPORTED_CLAIM_TYPE}); byte for byte what {@link Adjudicator#adjudicateJsonLines}
 * writes for the same input, through the same line pipeline ({@link LineBatch}); UTF-8, each record
 * ended by {@code \n}. The output is the same whatever the thread count.
 *
 * <p><b>Memory.</b> The input is cut in batches of 1,000 lines (or 1 MiB); a bounded queue of
 * {@code threads + 1} batches in flight (being adjudicated, or done and waiting for their turn) is
 * the reorder buffer, so memory does not grow with the backlog, and a line longer than the limit is
 * skipped while streaming, never held.
 *
 * <p><b>Checkpoint and resume.</b> With a checkpoint directory, after each batch the output is
 * fsynced, the batch is appended to the journal {@code batches.log} (where it lies in input and
 * output, the CRC32C of both) and {@code checkpoint.txt} is replaced atomically (temporary file,
 * fsync, rename, fsync of the directory): the rulebook fingerprint (of a history: every version's name,
 * in-force date and fingerprint, and the as-of setting), the input's size, the lines done,
 * the input and output offsets, the counts so far, the journal's chained digest, and a checksum of
 * its own content (not the thread count: a resume may use another). A run started again with the same
 * arguments refuses with {@link CheckpointMismatchException}, before writing anything, a checkpoint
 * that is damaged or edited, of another rulebook (another history: a version added, removed or changed,
 * or another as-of setting, named in English and Chinese), input size or output path, whose journal does not
 * add up to it, whose output does not end a record at the recorded offset, or whose last batch (every
 * batch while input and output done total under 256 MiB, or with {@link Builder#verifyAll}) reads
 * differently now in the input or the output. The cost of a resume therefore does not grow with the
 * done prefix. Otherwise it truncates the output to the recorded length (dropping a torn or
 * unrecorded tail) and continues with the next line. When every line is written the checkpoint is
 * marked complete: running again then only verifies it (an output longer or shorter than the run
 * wrote is refused) and reports the finished run. If the output
 * file is missing, the checkpoint is discarded and the run starts over from line 1. The checkpoint
 * needs the input to be a regular file. Without a checkpoint nothing is hashed.
 */
public final class BacklogRun {
    /** Lines per batch: parsed, adjudicated (one Drools session round) and written together. */
    static final int BATCH_LINES = 1000;
    /** A batch is cut early, at a line end, once it holds this many bytes. */
    static final int BATCH_BYTES = 1 << 20;
    /**
     * A resume re-reads every done batch of input and output when together they are at most this
     * large (about a tenth of a second); beyond, only the last batch unless {@link Builder#verifyAll}.
     */
    static final long FULL_VERIFY_BYTES = 256L << 20;
    private static final String RESTART = " Nothing was written. Remove the checkpoint directory to start over, or give"
            + " the arguments of the checkpointed run.";
    private static final String RESTART_ZH = "未写入任何内容。若要重新开始，请删除检查点目录；或给出生成该检查点的那次运行的参数。";

    /** The one rulebook, or for a history its latest version (what the checkpoint's rulebook keys name). */
    private final Rulebook rulebook;
    /** The history every claim is adjudicated with, or null for one rulebook. */
    private final RulebookHistory history;
    private final AsOf asOf;
    private final Path input;
    private final Path output;
    private final int threads;
    private final Path checkpointDir;
    private final ProgressListener progress;
    private final int batchLines;
    private final boolean verifyAll;
    private final ClaimCodec codec;
    private final RulebookArchive archive;

    private BacklogRun(Builder b) {
        this.history = b.history;
        this.asOf = b.asOf;
        this.rulebook = b.history != null ? b.history.versions().get(b.history.versions().size() - 1) : b.rulebook;
        this.archive = b.archive;
        this.input = b.input;
        this.output = b.output;
        this.threads = b.threads;
        this.checkpointDir = b.checkpoint;
        this.progress = b.progress;
        this.batchLines = b.batchLines;
        this.verifyAll = b.verifyAll;
        this.codec = ClaimCodec.create().withMaxLineBytes(b.maxLineBytes);
    }

    /**
     * Starts configuring a run.
     *
     * @return a new builder; {@link Builder#rulebook}, {@link Builder#input} and {@link Builder#output}
     *     are required
     */
    public static Builder builder() {
        return new Builder();
    }

    /** The records of one batch, encoded, with their tallies and where the batch lies in the input. */
    private record Batch(Blocks bytes, Counts counts, int lines, long inputStart, long inputEnd, long inputCrc,
                         long outputCrc) {
    }

    /**
     * Runs to the end of the input and returns the summary.
     *
     * @return the counts of the whole backlog (a resumed run included), the line it resumed from and its speed
     * @throws IllegalArgumentException when the output is the input file, or a checkpoint is asked for an
     *     input that is not a regular file
     * @throws CheckpointMismatchException when the checkpoint is damaged or does not match the
     *     rulebook, the input or the output; nothing has been written then
     * @throws java.nio.file.NoSuchFileException when the input does not exist
     * @throws io.autoclaims.rules.RulebookArchiveException when an archive was given and the rulebook
     *     cannot be stored in it; nothing has been written then
     * @throws OutputFailedException when writing the output fails, with the lines written in full
     * @throws IOException when reading fails, or the checkpoint cannot be written
     */
    public RunSummary run() throws IOException {
        long started = System.nanoTime();
        if (Files.exists(output) && Files.isSameFile(input, output)) {
            throw new IllegalArgumentException("the output " + output + " is the input file");
        }
        boolean regular = Files.isRegularFile(input);
        if (checkpointDir != null && !regular) {
            throw new IllegalArgumentException("a checkpoint needs the input to be a regular file, " + input + " is not");
        }
        long inputSize = regular ? Files.size(input) : -1;
        // stored before the first verdict is written, so every verdict's rulebook can be replayed
        Adjudicator adjudicator = history != null
                ? archive == null ? Adjudicator.of(history, asOf) : Adjudicator.of(history, asOf, archive)
                : archive == null ? Adjudicator.of(rulebook) : Adjudicator.of(rulebook, archive);

        Checkpoint cp = null;
        List<Journal.Entry> entries = List.of();
        if (checkpointDir != null) {
            Files.createDirectories(checkpointDir);
            cp = Checkpoint.read(checkpointDir);
            if (cp != null) {
                verifyArguments(cp, inputSize);
            }
            if (cp != null && !Files.exists(output)) {
                progress.note("The output " + output + " is missing: discarding the checkpoint and starting over from line 1.");
                Checkpoint.delete(checkpointDir);
                cp = null;
            }
            if (cp != null) {
                entries = verify(cp);
            }
        }
        long inputOffset = cp == null ? 0 : cp.inputOffset();
        long outOffset = cp == null ? 0 : cp.outputOffset();
        Counts total = cp == null ? new Counts() : cp.counts();
        State state = new State(started, inputSize, total, cp == null ? 0 : cp.linesDone(), inputOffset, outOffset,
                cp == null ? 0 : cp.batches());
        if (cp != null && cp.complete()) {
            progress.note("The checkpoint in " + checkpointDir + " records a complete run: nothing to do.");
            return finish(state);
        }
        try (FileChannel in = FileChannel.open(input, StandardOpenOption.READ);
                FileChannel out = FileChannel.open(output, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                Journal journal = checkpointDir == null ? null : cp == null ? Journal.create(checkpointDir)
                        : Journal.resume(checkpointDir, entries, (int) cp.batches(), cp.chain())) {
            out.truncate(outOffset);
            out.position(outOffset);
            if (inputOffset > 0) {
                in.position(inputOffset);
            }
            JsonLinesReader lines = codec.lines(Channels.newInputStream(in), state.total.lines() + 1, inputOffset);
            if (journal != null) {
                lines.checksum(new CRC32C());
            }
            pipeline(adjudicator, lines, out, journal, state);
            if (journal != null) {
                out.force(true);
                checkpoint(state, journal.chain(), true);
            }
            return finish(state);
        }
    }

    /**
     * Checks the checkpoint against the rulebook, the input and the output without writing anything:
     * the journal's chain, the record boundary at {@code outputOffset}, and the bytes of the last
     * batch (of every batch when small or asked) in both files. Returns the journal's entries.
     */
    /** The rulebook, the output path and the input's size of the checkpointed run. */
    private void verifyArguments(Checkpoint cp, long inputSize) {
        String where = "The checkpoint in " + checkpointDir;
        String[] otherHistory = CheckpointHistory.differences(checkpointDir, cp, history, asOf, rulebook);
        if (otherHistory != null) {
            throw new CheckpointMismatchException(otherHistory[0] + RESTART + "\n" + otherHistory[1] + RESTART_ZH);
        }
        if (!cp.rulebookFingerprint().equals(rulebook.fingerprint())) {
            throw new CheckpointMismatchException(where + " was made with another rulebook (" + cp.rulebook()
                    + ", fingerprint " + cp.rulebookFingerprint() + "), not " + rulebook.name() + " "
                    + rulebook.version() + " (fingerprint " + rulebook.fingerprint() + ")." + RESTART + "\n检查点目录 "
                    + checkpointDir + " 是用另一个规则集生成的（" + cp.rulebook() + "，指纹 " + cp.rulebookFingerprint()
                    + "），而不是 " + rulebook.name() + " " + rulebook.version() + "（指纹 " + rulebook.fingerprint() + "）。"
                    + RESTART_ZH);
        }
        String outputPath = output.toAbsolutePath().normalize().toString();
        if (!cp.output().equals(outputPath)) {
            throw new CheckpointMismatchException(where + " belongs to the output " + cp.output() + ", not "
                    + outputPath + "." + RESTART);
        }
        if (cp.inputSize() != inputSize) {
            throw new CheckpointMismatchException(where + " was made with another input: " + cp.input() + " of "
                    + cp.inputSize() + " bytes, but " + input + " has " + inputSize + " bytes." + RESTART);
        }
    }

    private List<Journal.Entry> verify(Checkpoint cp) throws IOException {
        String where = "The checkpoint in " + checkpointDir;
        String restart = RESTART;
        String noOutput = where + " does not match the output " + output + ": ";
        long outputSize = Files.size(output);
        if (outputSize < cp.outputOffset()) {
            throw new CheckpointMismatchException(noOutput + "it holds " + outputSize + " bytes, the checkpoint recorded "
                    + cp.outputOffset() + " written." + restart);
        }
        if (cp.complete() && outputSize != cp.outputOffset()) {
            // a finished run is only reported, never truncated: bytes after its end were written by something else
            throw new CheckpointMismatchException(noOutput + "it holds " + outputSize + " bytes, the complete run wrote "
                    + cp.outputOffset() + "." + restart);
        }
        List<Journal.Entry> entries = Journal.read(checkpointDir);
        String noJournal = where + " does not match its journal " + checkpointDir.resolve(Journal.FILE) + ": ";
        if (entries.size() < cp.batches()) {
            throw new CheckpointMismatchException(noJournal + "it lists " + entries.size() + " batches, the checkpoint "
                    + cp.batches() + "." + restart);
        }
        String chain = Journal.START;
        long inputEnd = 0;
        long outputEnd = 0;
        long lines = 0;
        for (int i = 0; i < cp.batches(); i++) {
            Journal.Entry e = entries.get(i);
            if (e.inputStart() != inputEnd || e.outputStart() != outputEnd || e.inputEnd() < e.inputStart()
                    || e.outputEnd() < e.outputStart() || e.lines() < 1) {
                throw new CheckpointMismatchException(noJournal + "batch " + (i + 1) + " does not follow the one before."
                        + restart);
            }
            chain = Journal.chain(chain, e);
            inputEnd = e.inputEnd();
            outputEnd = e.outputEnd();
            lines += e.lines();
        }
        if (!chain.equals(cp.chain()) || (cp.batches() > 0 && !entries.get((int) cp.batches() - 1).equals(cp.last()))
                || inputEnd != cp.inputOffset() || outputEnd != cp.outputOffset() || lines != cp.linesDone()) {
            throw new CheckpointMismatchException(noJournal + "its entries do not add up to the checkpoint's "
                    + cp.linesDone() + " lines, " + cp.inputOffset() + " input and " + cp.outputOffset()
                    + " output bytes." + restart);
        }
        try (FileChannel in = FileChannel.open(input, StandardOpenOption.READ);
                FileChannel out = FileChannel.open(output, StandardOpenOption.READ)) {
            if (cp.outputOffset() > 0) {
                ByteBuffer last = ByteBuffer.allocate(1);
                out.read(last, cp.outputOffset() - 1);
                if (last.get(0) != '\n') {
                    throw new CheckpointMismatchException(noOutput + "byte " + cp.outputOffset()
                            + " does not end a record (it is not a line end)." + restart);
                }
            }
            boolean all = verifyAll || cp.inputOffset() + cp.outputOffset() <= FULL_VERIFY_BYTES;
            long firstLine = 1;
            for (int i = 0; i < cp.batches(); i++) {
                Journal.Entry e = entries.get(i);
                if (all || i == cp.batches() - 1) {
                    String lineRange = "lines " + firstLine + "-" + (firstLine + e.lines() - 1);
                    if (crc(in, e.inputStart(), e.inputEnd(), null) != e.inputCrc()) {
                        throw new CheckpointMismatchException(where + " does not match the input " + input + ": bytes "
                                + e.inputStart() + "-" + e.inputEnd() + " (" + lineRange + ") differ from those adjudicated."
                                + restart);
                    }
                    long[] newlines = {0};
                    if (crc(out, e.outputStart(), e.outputEnd(), newlines) != e.outputCrc() || newlines[0] != e.lines()) {
                        throw new CheckpointMismatchException(noOutput + "bytes " + e.outputStart() + "-" + e.outputEnd()
                                + " (the records of " + lineRange + ") differ from what was written." + restart);
                    }
                }
                firstLine += e.lines();
            }
        }
        return entries;
    }

    /** The CRC32C of {@code [from, to)} of the file; counts its line ends into {@code newlines[0]} when given. */
    private static long crc(FileChannel ch, long from, long to, long[] newlines) throws IOException {
        CRC32C crc = new CRC32C();
        ByteBuffer b = ByteBuffer.allocate(1 << 16);
        long at = from;
        while (at < to) {
            b.clear().limit((int) Math.min(b.capacity(), to - at));
            int n = ch.read(b, at);
            if (n < 0) {
                return -1; // shorter than recorded
            }
            b.flip();
            if (newlines != null) {
                for (int i = 0; i < n; i++) {
                    if (b.get(i) == '\n') {
                        newlines[0]++;
                    }
                }
            }
            crc.update(b);
            at += n;
        }
        return crc.getValue();
    }

    /** What the writer knows: where input and output stand, the counts so far. Writer thread only. */
    private static final class State {
        final long started;
        final long inputSize;
        final Counts total;
        final long resumedFromLine;
        final long resumedFromByte;
        long inputOffset;
        long outputOffset;
        long batches;
        Journal.Entry last;

        State(long started, long inputSize, Counts total, long resumedFromLine, long resumedFromByte,
              long outputOffset, long batches) {
            this.started = started;
            this.inputSize = inputSize;
            this.total = total;
            this.resumedFromLine = resumedFromLine;
            this.resumedFromByte = resumedFromByte;
            this.inputOffset = resumedFromByte;
            this.outputOffset = outputOffset;
            this.batches = batches;
        }

        Progress progress(long linesTotal) {
            return new Progress(total.lines(), linesTotal, inputOffset, inputSize, resumedFromLine, resumedFromByte,
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private void pipeline(Adjudicator adjudicator, JsonLinesReader lines, FileChannel out, Journal journal, State state)
            throws IOException {
        AtomicLong linesTotal = new AtomicLong(-1);
        Thread counter = progress != ProgressListener.NONE && state.inputSize >= 0
                ? BatchPipeline.countLines(input, linesTotal) : null;
        progress.started(state.progress(linesTotal.get()));
        boolean crc = journal != null;
        try {
            BatchPipeline.run(() -> lines.next(batchLines, BATCH_BYTES), threads,
                    batch -> adjudicate(adjudicator, batch, crc), (b, last) -> {
                long outputStart = state.outputOffset;
                try {
                    b.bytes().writeTo(out);
                } catch (IOException e) {
                    throw new OutputFailedException(state.total.lines(), e);
                }
                state.outputOffset += b.bytes().length;
                state.inputOffset = b.inputEnd();
                state.total.add(b.counts());
                if (journal != null) {
                    out.force(false);
                    state.last = new Journal.Entry(b.inputStart(), b.inputEnd(), outputStart, state.outputOffset,
                            b.lines(), b.inputCrc(), b.outputCrc());
                    String chain = journal.append(state.last);
                    state.batches++;
                    if (!last) {
                        checkpoint(state, chain, false);
                    }
                }
                progress.progress(state.progress(linesTotal.get()));
            });
        } finally {
            if (counter != null) {
                counter.interrupt();
            }
        }
    }

    private Batch adjudicate(Adjudicator adjudicator, RawLines lines, boolean crc) {
        Counts counts = new Counts();
        Blocks bytes = new Blocks();
        List<LineBatch.Result> results = LineBatch.adjudicate(adjudicator, codec, lines);
        for (LineBatch.Result r : results) {
            if (r.type() != null) {
                counts.types[r.type().ordinal()]++;
            }
            Verdict v = r.verdict();
            if (v != null) {
                counts.verdicts++;
                counts.decisions[v.decision().ordinal()]++;
            } else {
                counts.errors++;
            }
        }
        try {
            LineBatch.write(codec, results, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen: the blocks are memory
        }
        return new Batch(bytes, counts, lines.size(), lines.inputStart(), lines.inputEnd(), lines.checksum(),
                crc ? bytes.crc32c() : 0);
    }

    /**
     * The encoded records of a batch in 64 KB blocks: a batch's output (about 2 MB) in one array would
     * be a humongous object for G1, and one per batch keeps starting concurrent marking cycles.
     */
    private static final class Blocks extends OutputStream {
        private static final int BLOCK = 64 << 10;
        final List<byte[]> blocks = new ArrayList<>();
        private byte[] current = new byte[BLOCK];
        private int position;
        long length;

        @Override
        public void write(byte[] b, int off, int len) {
            int from = off;
            int end = off + len;
            while (from < end) {
                if (position == current.length) {
                    blocks.add(current);
                    current = new byte[BLOCK];
                    position = 0;
                }
                int n = Math.min(end - from, current.length - position);
                System.arraycopy(b, from, current, position, n);
                position += n;
                from += n;
            }
            length += len;
        }

        @Override
        public void write(int b) {
            if (position == current.length) {
                blocks.add(current);
                current = new byte[BLOCK];
                position = 0;
            }
            current[position++] = (byte) b;
            length++;
        }

        long crc32c() {
            CRC32C crc = new CRC32C();
            for (byte[] block : blocks) {
                crc.update(block);
            }
            crc.update(current, 0, position);
            return crc.getValue();
        }

        void writeTo(FileChannel out) throws IOException {
            for (byte[] block : blocks) {
                write(out, ByteBuffer.wrap(block));
            }
            write(out, ByteBuffer.wrap(current, 0, position));
        }

        private static void write(FileChannel out, ByteBuffer b) throws IOException {
            while (b.hasRemaining()) {
                out.write(b);
            }
        }
    }

    private void checkpoint(State state, String chain, boolean complete) throws IOException {
        Journal.Entry last = state.last != null ? state.last : new Journal.Entry(0, 0, 0, 0, 0, 0, 0);
        new Checkpoint(input.toAbsolutePath().normalize().toString(), state.inputSize, state.inputOffset,
                output.toAbsolutePath().normalize().toString(), state.outputOffset, state.total.lines(),
                rulebook.fingerprint(), rulebook.name() + " " + rulebook.version(), complete, state.total,
                state.batches, chain, last, history == null ? List.of() : Checkpoint.Version.of(history),
                history == null ? null : asOf.toString()).write(checkpointDir);
    }

    private RunSummary finish(State state) {
        double seconds = (System.nanoTime() - state.started) / 1e9;
        long lines = state.total.lines();
        RunSummary summary = new RunSummary(lines, state.total.verdicts, state.total.errors,
                state.total.decisionMap(), state.total.typeMap(), state.resumedFromLine, seconds,
                seconds > 0 ? (lines - state.resumedFromLine) / seconds : 0);
        progress.finished(summary);
        return summary;
    }

    /**
     * Configures a run. Each setting can be given once; {@link #rulebook}, {@link #input} and
     * {@link #output} are required.
     */
    public static final class Builder {
        private Rulebook rulebook;
        private RulebookHistory history;
        private AsOf asOf;
        private Path input;
        private Path output;
        private int threads;
        private Path checkpoint;
        private boolean checkpointSet;
        private ProgressListener progress;
        private int batchLines = BATCH_LINES;
        private int maxLineBytes = ClaimCodec.DEFAULT_MAX_LINE_BYTES;
        private boolean verifyAll;
        private RulebookArchive archive;

        private Builder() {
        }

        /**
         * A rulebook archive: the run stores its rulebook there (once per process) before the first
         * verdict, so that {@link Replay} can re-make every verdict later. Default: none.
         *
         * @param archive the archive, not null
         * @return this builder
         * @throws IllegalStateException when the archive was already set
         */
        public Builder archive(RulebookArchive archive) {
            Settings.once(this.archive, "archive");
            this.archive = Objects.requireNonNull(archive, "archive");
            return this;
        }

        /**
         * The rulebook every line is adjudicated with.
         *
         * @param rulebook the rulebook, not null
         * @return this builder
         * @throws IllegalStateException when the rulebook (or a history) was already set
         */
        public Builder rulebook(Rulebook rulebook) {
            Settings.once(this.rulebook, "rulebook");
            if (history != null) {
                throw new IllegalStateException("a history was already set: a run takes a rulebook or a history, not both");
            }
            this.rulebook = Objects.requireNonNull(rulebook, "rulebook");
            return this;
        }

        /**
         * A rulebook history instead of one rulebook: each line is adjudicated with the version in force
         * on its claim's as-of date, as {@link Adjudicator#of(RulebookHistory, AsOf)} does (a claim dated
         * before the first version gets a {@code NO_RULEBOOK_IN_FORCE} error record). The checkpoint
         * records every version (name, in-force date, fingerprint) and the as-of setting; a resume with a
         * version added, removed or changed, or another setting, is refused naming what differs.
         *
         * @param history the versions, not null
         * @param asOf    which date of a claim chooses its version, not null
         * @return this builder
         * @throws IllegalStateException when a history or a rulebook was already set
         */
        public Builder history(RulebookHistory history, AsOf asOf) {
            Settings.once(this.history, "history");
            if (rulebook != null) {
                throw new IllegalStateException("a rulebook was already set: a run takes a rulebook or a history, not both");
            }
            this.history = Objects.requireNonNull(history, "history");
            this.asOf = Objects.requireNonNull(asOf, "asOf");
            return this;
        }

        /**
         * The JSON Lines backlog (a regular file when a checkpoint is used).
         *
         * @param input the backlog file, not null
         * @return this builder
         * @throws IllegalStateException when the input was already set
         */
        public Builder input(Path input) {
            Settings.once(this.input, "input");
            this.input = Objects.requireNonNull(input, "input");
            return this;
        }

        /**
         * Where the records go; created or replaced (or, when resuming, truncated to the checkpoint and continued).
         *
         * @param output the output file, not null, not the input
         * @return this builder
         * @throws IllegalStateException when the output was already set
         */
        public Builder output(Path output) {
            Settings.once(this.output, "output");
            this.output = Objects.requireNonNull(output, "output");
            return this;
        }

        /**
         * Worker threads adjudicating batches; default: the available processors.
         *
         * @param threads 1 or more
         * @return this builder
         * @throws IllegalArgumentException when {@code threads} is less than 1
         * @throws IllegalStateException when the thread count was already set
         */
        public Builder threads(int threads) {
            this.threads = Settings.threads(this.threads, threads);
            return this;
        }

        /**
         * A directory for the checkpoint (created if missing), or null for a run that cannot be resumed.
         *
         * @param dirOrNull the checkpoint directory, or null for none
         * @return this builder
         * @throws IllegalStateException when the checkpoint was already set (null included)
         */
        public Builder checkpoint(Path dirOrNull) {
            if (checkpointSet) {
                throw new IllegalStateException("checkpoint was already set to " + checkpoint);
            }
            checkpointSet = true;
            this.checkpoint = dirOrNull;
            return this;
        }

        /**
         * Where progress goes; default {@link ProgressListener#NONE}.
         *
         * @param listener the listener, not null
         * @return this builder
         * @throws IllegalStateException when the progress listener was already set
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
            return progress(show ? ProgressListener.console(new PrintWriter(System.err, true)) : ProgressListener.NONE);
        }

        /**
         * The longest input line read, in bytes (default 1 MiB); a longer line gets a
         * {@code LINE_TOO_LONG} error record and is never held in memory.
         *
         * @param bytes the limit in bytes, 1 or more
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

        /**
         * On resume, re-read every done batch of input and output against the checkpoint's journal,
         * however large (by default only when together under 256 MiB; else the last batch).
         *
         * @param all true to re-read every done batch
         * @return this builder
         */
        public Builder verifyAll(boolean all) {
            this.verifyAll = all;
            return this;
        }

        /** Lines per batch (tests use small batches to get many checkpoints). */
        Builder batchLines(int lines) {
            this.batchLines = Settings.batchLines(lines);
            return this;
        }

        /**
         * The configured run; nothing is read or written before {@link BacklogRun#run()}.
         *
         * @return the run
         * @throws IllegalStateException when the rulebook (or history), the input or the output is missing
         */
        public BacklogRun build() {
            if (rulebook == null && history == null || input == null || output == null) {
                throw new IllegalStateException("rulebook (or history), input and output are required; missing: "
                        + (rulebook == null && history == null ? "rulebook " : "") + (input == null ? "input " : "")
                        + (output == null ? "output" : "").strip());
            }
            if (threads == 0) {
                threads = Runtime.getRuntime().availableProcessors();
            }
            if (progress == null) {
                progress = ProgressListener.NONE;
            }
            return new BacklogRun(this);
        }
    }
}
