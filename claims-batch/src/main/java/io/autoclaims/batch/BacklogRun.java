package io.autoclaims.batch;

import io.autoclaims.model.Verdict;
import io.autoclaims.model.json.ClaimCodec;
import io.autoclaims.model.json.ReadResult;
import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.Rulebook;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Re-evaluates a JSON Lines backlog with a rulebook: streamed, in parallel, resumable.
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
 * for a line that breaks the contract or whose claim type the rulebook does not support (code
 * {@code UNSUPPORTED_CLAIM_TYPE}, field {@code type}), byte for byte what
 * {@link Adjudicator#adjudicateJsonLines} writes for the same input; UTF-8, each record ended by
 * {@code \n}. Lines are numbered, split and cleaned (BOM, {@code \r\n}, blank lines) by
 * {@link ClaimCodec#readLines}. Bytes that are not UTF-8 are read as U+FFFD. The output is the same
 * whatever the thread count.
 *
 * <p><b>Memory.</b> The input is read in batches of 1,000 lines; a bounded queue of
 * {@code threads + 1} batches in flight (being adjudicated, or done and waiting for their turn) is
 * the reorder buffer, so memory does not grow with the backlog: about 30 MB for the default rulebook
 * plus about 8 MB per thread.
 *
 * <p><b>Checkpoint and resume.</b> With a checkpoint directory, after each batch is written the
 * output is fsynced and {@code checkpoint.txt} is replaced atomically (temporary file, fsync, rename,
 * fsync of the directory): the rulebook fingerprint, the input's size and the SHA-256 of the input prefix
 * consumed, the lines done, the output's length, and the counts so far (not the thread count: a
 * resume may use another). A run started again with the same arguments verifies the rulebook
 * fingerprint, the input size and the prefix hash (recomputed while skipping the done lines) and the
 * output path, and refuses with {@link CheckpointMismatchException} before writing anything if one
 * differs; otherwise it truncates the output to the recorded length (dropping a torn or unrecorded
 * tail) and continues with the next line. When every line is written the checkpoint is marked
 * complete: running again then only verifies it and reports the finished run (nothing is
 * re-adjudicated). If the output file is missing, the checkpoint is discarded and the run starts
 * over from line 1. The checkpoint needs the input to be a regular file.
 */
public final class BacklogRun {
    /** Lines per batch: parsed, adjudicated (one Drools session round) and written together. */
    static final int BATCH_LINES = 1000;
    /** A batch is cut early, at a line end, once it holds this many bytes. */
    private static final int BATCH_BYTES = 4 << 20;

    private final Rulebook rulebook;
    private final Path input;
    private final Path output;
    private final int threads;
    private final Path checkpointDir;
    private final ProgressListener progress;
    private final int batchLines;

    private final ClaimCodec codec = ClaimCodec.create();

    private BacklogRun(Builder b) {
        this.rulebook = b.rulebook;
        this.input = b.input;
        this.output = b.output;
        this.threads = b.threads;
        this.checkpointDir = b.checkpoint;
        this.progress = b.progress;
        this.batchLines = b.batchLines;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The records of one batch, encoded, with their tallies and where the batch ended in the input. */
    private record Batch(Blocks bytes, Counts counts, long inputEnd, String prefixSha256) {
    }

    /**
     * Runs to the end of the input and returns the summary.
     *
     * @throws CheckpointMismatchException when the checkpoint belongs to another rulebook, input or output
     * @throws java.nio.file.NoSuchFileException when the input does not exist
     * @throws IOException when reading or writing fails
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
        Adjudicator adjudicator = Adjudicator.of(rulebook);

        Checkpoint cp = null;
        if (checkpointDir != null) {
            Files.createDirectories(checkpointDir);
            cp = Checkpoint.read(checkpointDir);
        }
        InputStream in = Files.newInputStream(input);
        FileChannel out = null;
        try {
            MessageDigest sha = sha256();
            ChunkReader chunks = new ChunkReader(in, sha, 0, 1, batchLines, BATCH_BYTES);
            if (cp != null) {
                verify(cp, inputSize, chunks);
                if (!Files.exists(output)) {
                    progress.note("The output " + output + " is missing: discarding the checkpoint and starting over from line 1.");
                    Checkpoint.delete(checkpointDir);
                    cp = null;
                    in.close();
                    in = Files.newInputStream(input);
                    chunks = new ChunkReader(in, sha256(), 0, 1, batchLines, BATCH_BYTES);
                } else if (Files.size(output) < cp.outputOffset()) {
                    throw new CheckpointMismatchException("The output " + output + " holds " + Files.size(output)
                            + " bytes but the checkpoint in " + checkpointDir + " recorded " + cp.outputOffset()
                            + ": the output was changed by something else. Remove the checkpoint directory to start over.");
                }
            }
            out = FileChannel.open(output, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            long outOffset = cp == null ? 0 : cp.outputOffset();
            out.truncate(outOffset);
            out.position(outOffset);
            Counts total = cp == null ? new Counts() : cp.counts();
            State state = new State(started, inputSize, total, cp == null ? 0 : cp.linesDone(),
                    cp == null ? 0 : cp.inputOffset(), outOffset, chunks.prefixSha256());
            if (cp != null && cp.complete()) {
                progress.note("The checkpoint in " + checkpointDir + " records a complete run: nothing to do.");
                return finish(state);
            }
            pipeline(adjudicator, chunks, out, state);
            if (checkpointDir != null) {
                out.force(true);
                checkpoint(state, true);
            }
            return finish(state);
        } finally {
            try {
                in.close();
            } finally {
                if (out != null) {
                    out.close();
                }
            }
        }
    }

    /** Refuses a checkpoint of another rulebook, input or output; leaves {@code chunks} after the done prefix. */
    private void verify(Checkpoint cp, long inputSize, ChunkReader chunks) throws IOException {
        String where = "The checkpoint in " + checkpointDir;
        String restart = " Remove the checkpoint directory to start over, or give the arguments of the checkpointed run.";
        if (!cp.rulebookFingerprint().equals(rulebook.fingerprint())) {
            throw new CheckpointMismatchException(where + " was made with another rulebook (" + cp.rulebook()
                    + ", fingerprint " + cp.rulebookFingerprint() + "), not " + rulebook.name() + " "
                    + rulebook.version() + " (fingerprint " + rulebook.fingerprint() + ")." + restart);
        }
        String outputPath = output.toAbsolutePath().normalize().toString();
        if (!cp.output().equals(outputPath)) {
            throw new CheckpointMismatchException(where + " belongs to the output " + cp.output() + ", not "
                    + outputPath + "." + restart);
        }
        if (cp.inputSize() != inputSize) {
            throw new CheckpointMismatchException(where + " was made with another input: " + cp.input() + " of "
                    + cp.inputSize() + " bytes, but " + input + " has " + inputSize + " bytes." + restart);
        }
        try {
            chunks.skip(cp.inputOffset(), cp.linesDone());
        } catch (java.io.EOFException e) {
            throw new CheckpointMismatchException(where + " was made with another input: " + e.getMessage() + "." + restart);
        }
        if (!chunks.prefixSha256().equals(cp.inputSha256())) {
            throw new CheckpointMismatchException(where + " was made with another input: the first "
                    + cp.inputOffset() + " bytes of " + input + " (" + String.format(Locale.ROOT, "%,d", cp.linesDone())
                    + " lines) differ from those of " + cp.input() + " (SHA-256 " + chunks.prefixSha256() + ", recorded "
                    + cp.inputSha256() + ")." + restart);
        }
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
        String prefixSha256;

        State(long started, long inputSize, Counts total, long resumedFromLine, long resumedFromByte,
              long outputOffset, String prefixSha256) {
            this.started = started;
            this.inputSize = inputSize;
            this.total = total;
            this.resumedFromLine = resumedFromLine;
            this.resumedFromByte = resumedFromByte;
            this.inputOffset = resumedFromByte;
            this.outputOffset = outputOffset;
            this.prefixSha256 = prefixSha256;
        }

        Progress progress(long linesTotal) {
            return new Progress(total.lines(), linesTotal, inputOffset, inputSize, resumedFromLine, resumedFromByte,
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private void pipeline(Adjudicator adjudicator, ChunkReader chunks, FileChannel out, State state)
            throws IOException {
        AtomicLong linesTotal = new AtomicLong(-1);
        Thread counter = progress != ProgressListener.NONE && state.inputSize >= 0
                ? BatchPipeline.countLines(input, linesTotal) : null;
        progress.started(state.progress(linesTotal.get()));
        try {
            BatchPipeline.run(chunks, threads, chunk -> adjudicate(adjudicator, chunk), (b, last) -> {
                b.bytes().writeTo(out);
                state.outputOffset += b.bytes().length;
                state.inputOffset = b.inputEnd();
                state.prefixSha256 = b.prefixSha256();
                state.total.add(b.counts());
                if (checkpointDir != null && !last) {
                    out.force(false);
                    checkpoint(state, false);
                }
                progress.progress(state.progress(linesTotal.get()));
            });
        } finally {
            if (counter != null) {
                counter.interrupt();
            }
        }
    }

    private Batch adjudicate(Adjudicator adjudicator, ChunkReader.Chunk chunk) {
        List<BatchPipeline.Line> lines = BatchPipeline.read(codec, chunk);
        List<ReadResult> reads = new ArrayList<>(lines.size());
        for (BatchPipeline.Line l : lines) {
            reads.add(l.read());
        }
        Counts counts = new Counts();
        Blocks bytes = new Blocks();
        // records are encoded straight into the blocks: no String per record (malformed UTF-16, which
        // only an escaped lone surrogate can make, becomes "?" as String.getBytes would make it)
        Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
        try {
            for (LineBatch.Result r : LineBatch.adjudicate(adjudicator, reads)) {
                if (r.type() != null) {
                    counts.types[r.type().ordinal()]++;
                }
                Verdict v = r.outcome().verdict();
                if (v != null) {
                    counts.verdicts++;
                    counts.decisions[v.decision().ordinal()]++;
                } else {
                    counts.errors++;
                }
                r.writeRecord(codec, out);
                out.write('\n');
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen: the blocks are memory
        }
        return new Batch(bytes, counts, chunk.endOffset(), chunk.prefixSha256());
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

    private void checkpoint(State state, boolean complete) throws IOException {
        new Checkpoint(input.toAbsolutePath().normalize().toString(), state.inputSize, state.inputOffset,
                state.prefixSha256, output.toAbsolutePath().normalize().toString(), state.outputOffset,
                state.total.lines(), rulebook.fingerprint(), rulebook.name() + " " + rulebook.version(), complete,
                state.total).write(checkpointDir);
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

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * Configures a run. Each setting can be given once; {@link #rulebook}, {@link #input} and
     * {@link #output} are required.
     */
    public static final class Builder {
        private Rulebook rulebook;
        private Path input;
        private Path output;
        private int threads;
        private Path checkpoint;
        private boolean checkpointSet;
        private ProgressListener progress;
        private int batchLines = BATCH_LINES;

        private Builder() {
        }

        /** The rulebook every line is adjudicated with. */
        public Builder rulebook(Rulebook rulebook) {
            Settings.once(this.rulebook, "rulebook");
            this.rulebook = Objects.requireNonNull(rulebook, "rulebook");
            return this;
        }

        /** The JSON Lines backlog (a regular file when a checkpoint is used). */
        public Builder input(Path input) {
            Settings.once(this.input, "input");
            this.input = Objects.requireNonNull(input, "input");
            return this;
        }

        /** Where the records go; created or replaced (or, when resuming, truncated to the checkpoint and continued). */
        public Builder output(Path output) {
            Settings.once(this.output, "output");
            this.output = Objects.requireNonNull(output, "output");
            return this;
        }

        /** Worker threads adjudicating batches, 1 or more; default: the available processors. */
        public Builder threads(int threads) {
            this.threads = Settings.threads(this.threads, threads);
            return this;
        }

        /** A directory for the checkpoint (created if missing), or null for a run that cannot be resumed. */
        public Builder checkpoint(Path dirOrNull) {
            if (checkpointSet) {
                throw new IllegalStateException("checkpoint was already set to " + checkpoint);
            }
            checkpointSet = true;
            this.checkpoint = dirOrNull;
            return this;
        }

        /** Where progress goes; default {@link ProgressListener#NONE}. */
        public Builder progress(ProgressListener listener) {
            Settings.once(this.progress, "progress");
            this.progress = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** True: {@link ProgressListener#console} on standard error; false: none. */
        public Builder progress(boolean show) {
            return progress(show ? ProgressListener.console(new PrintWriter(System.err, true)) : ProgressListener.NONE);
        }

        /** Lines per batch (tests use small batches to get many checkpoints). */
        Builder batchLines(int lines) {
            this.batchLines = Settings.batchLines(lines);
            return this;
        }

        public BacklogRun build() {
            if (rulebook == null || input == null || output == null) {
                throw new IllegalStateException("rulebook, input and output are required; missing: "
                        + (rulebook == null ? "rulebook " : "") + (input == null ? "input " : "")
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
