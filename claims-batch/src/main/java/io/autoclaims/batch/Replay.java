package io.autoclaims.batch;

import io.autoclaims.model.json.ClaimCodec;
import io.autoclaims.model.json.JsonLinesReader;
import io.autoclaims.model.json.RawLines;
import io.autoclaims.model.json.ReadResult;
import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.AsOf;
import io.autoclaims.rules.LineBatch;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.rules.RulebookArchive;
import io.autoclaims.rules.RulebookArchiveException;
import io.autoclaims.rules.RulebookException;
import io.autoclaims.rules.RulebookHistory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Proves that stored verdicts can be re-made: each claim line is adjudicated again with the archived
 * rulebook its stored record names ({@link RulebookArchive}), and the new record is compared with the
 * stored one byte for byte.
 *
 * <pre>{@code
 * ReplaySummary s = Replay.verify(Path.of("verdicts.jsonl"), Path.of("claims.jsonl"),
 *         RulebookArchive.open(Path.of("/srv/rulebook-archive")));
 * if (!s.allReproduced()) { ... }
 * // or, with every finding as it is found:
 * Replay.builder().verdicts(v).claims(c).archive(a).threads(2).findings(f -> log(f.toString())).build().verify();
 * }</pre>
 *
 * <p><b>Pairing.</b> Line N of the verdicts file is the record made for line N of the claims file (as
 * every run writes them); a record whose claim id differs from its claim line's is reported
 * ({@link ReplayFinding.Kind#CLAIM_ID_MISMATCH}) and not re-made. Error records are re-made too and must
 * come out as the same error record: a line the codec refuses needs no rulebook; an error record whose
 * claim reads (a claim type its rulebook had no rules for) carries no fingerprint, and is re-made with
 * the rulebook of the nearest verdict of its batch of lines (the run that wrote them used one rulebook),
 * or, when the run used a rulebook history and it is given ({@link Builder#history}), with that history:
 * a claim dated before its first version comes out as the same {@code NO_RULEBOOK_IN_FORCE} record.
 *
 * <p><b>Findings</b> go to the {@link Builder#findings} consumer in line order: each record that differs,
 * with the first differing field ({@link ReplayFinding}); each fingerprint the archive lacks or refuses,
 * once (the summary counts their lines); unusable records; a verdicts file shorter or longer than the
 * claims file, once.
 *
 * <p><b>Memory and speed.</b> Both files are streamed in batches of 1,000 lines through the machinery
 * of {@link BacklogRun} (the same line reader, line pipeline and bounded reorder queue), so memory does
 * not grow with the files. Each archived rulebook is loaded and compiled once, on first use, and kept
 * for the run.
 */
public final class Replay {
    /** A stored record is a small multiple of its claim line: lines up to this many times the claim limit are read. */
    private static final int RECORD_LINE_FACTOR = 16;

    private final Path verdicts;
    private final Path claims;
    private final RulebookArchive archive;
    private final int threads;
    private final Consumer<ReplayFinding> findings;
    private final ProgressListener progress;
    private final int batchLines;
    private final ClaimCodec codec;
    private final ClaimCodec recordCodec;
    /** The history the run used, for its error records whose claim reads; null when not given. */
    private final Loaded history;
    /**
     * The lines re-made together: those of one stored fingerprint and as-of date, or those re-made with the
     * run's history. A record, not a joined string, so no stored text can reach another group.
     */
    private record Group(boolean byHistory, String fingerprint, String asOf) {
        static final Group HISTORY = new Group(true, null, null);
    }

    /** A line's rulebook object when it is re-made with {@link #history}: told apart by identity, not content. */
    private static final Map<String, String> BY_HISTORY = java.util.Collections.unmodifiableMap(new java.util.HashMap<>());
    /** Each archived rulebook, loaded and compiled once by the first worker that needs it. */
    private final Map<String, FutureTask<Loaded>> rulebooks = new ConcurrentHashMap<>();

    private Replay(Builder b) {
        this.verdicts = b.verdicts;
        this.claims = b.claims;
        this.archive = b.archive;
        this.history = b.history == null ? null : new Loaded(Adjudicator.of(b.history, b.asOf), null);
        this.threads = b.threads;
        this.findings = b.findings;
        this.progress = b.progress;
        this.batchLines = b.batchLines;
        this.codec = ClaimCodec.create().withMaxLineBytes(b.maxLineBytes);
        this.recordCodec = ClaimCodec.create()
                .withMaxLineBytes((int) Math.min(Integer.MAX_VALUE - 64, (long) b.maxLineBytes * RECORD_LINE_FACTOR));
    }

    /**
     * Replays a verdicts file against its claims file with the rulebooks of an archive, on as many
     * threads as there are processors, and returns the summary (findings are not kept: see
     * {@link #builder()} to receive them).
     *
     * @param verdicts the stored records, one per claim line (a run's output)
     * @param claims   the claims they were made for
     * @param archive  the archive holding the rulebooks the verdicts name
     * @return what reproduced and what did not
     * @throws java.nio.file.NoSuchFileException when a file does not exist
     * @throws IOException when reading fails
     */
    public static ReplaySummary verify(Path verdicts, Path claims, RulebookArchive archive) throws IOException {
        return builder().verdicts(verdicts).claims(claims).archive(archive).build().verify();
    }

    /**
     * Starts configuring a replay.
     *
     * @return a new builder; {@link Builder#verdicts}, {@link Builder#claims} and {@link Builder#archive} are required
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A batch: claim lines (null past the end of the claims file) and the records of the same lines. */
    private record Pair(RawLines claims, List<RawLines> records, long firstLine, long claimBytesEnd) {
    }

    /** What a worker found in one batch, in line order. */
    private record Compared(List<ReplayFinding> findings, long lines, long reproduced, long verdicts, long errors,
                            long claimBytesEnd) {
    }

    /** An archived rulebook ready to adjudicate, or why there is none. */
    private record Loaded(Adjudicator adjudicator, RuntimeException refused) {
    }

    /** One line to re-make: the claim line as read and the stored {@code rulebook} object to re-make it with. */
    private record Line(ReadResult claim, Map<String, String> rulebook) {
    }

    /** A record made again ({@code length} bytes of {@code bytes} from {@code offset}), or why it could not be (then {@code bytes} is null). */
    private record Remade(byte[] bytes, int offset, int length, ReplayFinding.Kind problem, String fingerprint, String detail) {
        static Remade failed(ReplayFinding.Kind problem, String fingerprint, String detail) {
            return new Remade(null, 0, 0, problem, fingerprint, detail);
        }

        boolean same(byte[] stored) {
            return Arrays.equals(bytes, offset, offset + length, stored, 0, stored.length);
        }

        byte[] copy() {
            return Arrays.copyOfRange(bytes, offset, offset + length);
        }
    }

    /**
     * Reads both files to the end and compares every line.
     *
     * @return what reproduced and what did not
     * @throws java.nio.file.NoSuchFileException when a file does not exist
     * @throws IOException when reading fails
     */
    public ReplaySummary verify() throws IOException {
        long started = System.nanoTime();
        long claimsSize = Files.isRegularFile(claims) ? Files.size(claims) : -1;
        Tally tally = new Tally();
        AtomicLong linesTotal = new AtomicLong(-1);
        Thread counter = progress != ProgressListener.NONE && claimsSize >= 0
                ? BatchPipeline.countLines(claims, linesTotal) : null;
        try (InputStream claimIn = Files.newInputStream(claims); InputStream recordIn = Files.newInputStream(verdicts)) {
            JsonLinesReader claimLines = codec.lines(claimIn);
            JsonLinesReader records = recordCodec.lines(recordIn);
            progress.started(progress(0, linesTotal.get(), 0, claimsSize, started));
            BatchPipeline.run(() -> pair(claimLines, records), threads, this::compare, (c, last) -> {
                tally.add(c);
                progress.progress(progress(tally.lines, linesTotal.get(), c.claimBytesEnd(), claimsSize, started));
            });
        } finally {
            if (counter != null) {
                counter.interrupt();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new ReplaySummary(tally.lines, tally.reproduced, tally.verdicts, tally.errors,
                tally.count(ReplayFinding.Kind.DIFFERENT), tally.count(ReplayFinding.Kind.MISSING_RULEBOOK),
                tally.count(ReplayFinding.Kind.REFUSED_RULEBOOK), tally.count(ReplayFinding.Kind.CLAIM_ID_MISMATCH),
                tally.count(ReplayFinding.Kind.UNREADABLE_RECORD), tally.count(ReplayFinding.Kind.NO_RULEBOOK),
                tally.count(ReplayFinding.Kind.MISSING_RECORD), tally.count(ReplayFinding.Kind.EXTRA_RECORD),
                tally.missing, tally.refused, seconds, seconds > 0 ? tally.lines / seconds : 0);
    }

    private static Progress progress(long lines, long linesTotal, long bytes, long bytesTotal, long started) {
        return new Progress(lines, linesTotal, bytes, bytesTotal, 0, 0, Duration.ofNanos(System.nanoTime() - started));
    }

    /** The next claim lines and as many record lines, on the reader thread; null when both files are done. */
    private Pair pair(JsonLinesReader claimLines, JsonLinesReader records) throws IOException {
        long first = claimLines.nextLine();
        RawLines c = claimLines.next(batchLines, BacklogRun.BATCH_BYTES);
        int want = c == null ? batchLines : c.size();
        if (c == null) {
            first = records.nextLine();
        }
        List<RawLines> r = new ArrayList<>();
        for (int got = 0; got < want; ) {
            RawLines piece = records.next(want - got, BacklogRun.BATCH_BYTES * 4);
            if (piece == null) {
                break;
            }
            r.add(piece);
            got += piece.size();
        }
        if (c == null && r.isEmpty()) {
            return null;
        }
        return new Pair(c, r, first, claimLines.offset());
    }

    /** One batch, on a worker: every line paired, re-made and compared. */
    private Compared compare(Pair p) {
        List<ReadResult> reads = p.claims() == null ? List.of() : LineBatch.read(codec, p.claims());
        List<StoredRecord> stored = new ArrayList<>();
        for (RawLines r : p.records()) {
            for (int i = 0; i < r.size(); i++) {
                stored.add(StoredRecord.parse(r.lineBytes(i)));
            }
        }
        int n = Math.max(reads.size(), stored.size());
        ReplayFinding[] found = new ReplayFinding[n];
        long verdictCount = 0;
        long errorCount = 0;
        // the nearest verdict of the batch, before or else after each line: the rulebook of its error records
        int[] before = new int[n];
        int last = -1;
        for (int i = 0; i < n; i++) {
            if (i < stored.size() && isVerdict(stored.get(i))) {
                last = i;
            }
            before[i] = last;
        }
        int next = -1;
        int[] after = new int[n];
        for (int i = n - 1; i >= 0; i--) {
            if (i < stored.size() && isVerdict(stored.get(i))) {
                next = i;
            }
            after[i] = next;
        }
        List<Line> toRemake = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long line = p.firstLine() + i;
            if (i >= stored.size()) {
                found[i] = new ReplayFinding(ReplayFinding.Kind.MISSING_RECORD, line, claimIdOf(reads.get(i)), null, null,
                        null, null);
                continue;
            }
            StoredRecord s = stored.get(i);
            if (s.problem() == null) {
                verdictCount += s.error() ? 0 : 1;
                errorCount += s.error() ? 1 : 0;
            }
            if (i >= reads.size()) {
                found[i] = new ReplayFinding(ReplayFinding.Kind.EXTRA_RECORD, line, s.claimId(), null, null, null, null);
                continue;
            }
            ReadResult read = reads.get(i);
            String readId = claimIdOf(read);
            if (s.problem() != null) {
                found[i] = new ReplayFinding(ReplayFinding.Kind.UNREADABLE_RECORD, line, readId, null, null, null,
                        s.problem());
                continue;
            }
            if (s.claimId() != null && readId != null && !s.claimId().equals(readId)) {
                found[i] = new ReplayFinding(ReplayFinding.Kind.CLAIM_ID_MISMATCH, line, s.claimId(), s.fingerprint(), null,
                        s.claimId(), readId);
                continue;
            }
            Map<String, String> rulebook = s.rulebook();
            if (s.error() && read instanceof ReadResult.Ok && history != null) {
                // the history decides, per claim, as in the run: no version yet, or the one in force
                rulebook = BY_HISTORY;
            } else if (s.error() && read instanceof ReadResult.Ok && ReplayFinding.HISTORY_ERROR.equals(s.errorCode())) {
                // names no version: only the history that made it knows its first version and date
                found[i] = new ReplayFinding(ReplayFinding.Kind.NO_RULEBOOK, line, readId, null, null,
                        ReplayFinding.HISTORY_ERROR, null);
                continue;
            } else if (s.error() && read instanceof ReadResult.Ok) {
                int v = before[i] >= 0 ? before[i] : after[i];
                if (v < 0) {
                    found[i] = new ReplayFinding(ReplayFinding.Kind.NO_RULEBOOK, line, readId, null, null, null, null);
                    continue;
                }
                rulebook = stored.get(v).rulebook();
            }
            toRemake.add(new Line(read, rulebook));
            at.add(i);
        }
        List<Remade> remade = reproduce(toRemake, toRemake.size() == reads.size() ? reads : null);
        long reproduced = 0;
        for (int k = 0; k < remade.size(); k++) {
            int i = at.get(k);
            long line = p.firstLine() + i;
            StoredRecord s = stored.get(i);
            Remade r = remade.get(k);
            String id = s.claimId() != null ? s.claimId() : claimIdOf(reads.get(i));
            if (r.bytes() == null) {
                found[i] = new ReplayFinding(r.problem(), line, id, r.fingerprint(), null, null, r.detail());
            } else if (r.same(s.bytes())) {
                reproduced++;
            } else {
                JsonDifference.At d = JsonDifference.first(s.bytes(), r.copy());
                found[i] = new ReplayFinding(ReplayFinding.Kind.DIFFERENT, line, id, r.fingerprint(), d.path(),
                        d.oldValue(), d.newValue());
            }
        }
        List<ReplayFinding> list = new ArrayList<>();
        for (ReplayFinding f : found) {
            if (f != null) {
                list.add(f);
            }
        }
        return new Compared(list, n, reproduced, verdictCount, errorCount, p.claimBytesEnd());
    }

    private static boolean isVerdict(StoredRecord s) {
        return s.problem() == null && !s.error();
    }

    private static String claimIdOf(ReadResult r) {
        return r instanceof ReadResult.Ok ok ? ok.claim().claimId() : ((ReadResult.Failed) r).error().claimId();
    }

    /**
     * Re-makes each claim line's record for the stored record's {@code rulebook} object: the one place a
     * replay adjudicates. Today the object's fingerprint picks the archived rulebook; a verdict from a
     * rulebook history (#18 items 1-2: the object's {@code asOf} and {@code inForceFrom}) is re-made here,
     * at the stored as-of date with the archived version. A line the codec refuses needs no rulebook: its
     * error record is the codec's.
     *
     * @param lines the claim lines as read, each with the rulebook object to re-make it with
     * @param all   the batch's reads when {@code lines} are all of them, in order (one Drools round for the
     *              batch when they share a rulebook, the claims validated once); else null
     * @return one record per line, in order: its bytes, or why it could not be re-made
     */
    private List<Remade> reproduce(List<Line> lines, List<ReadResult> all) {
        Remade[] out = new Remade[lines.size()];
        List<LineBatch.Result> refused = new ArrayList<>();
        List<Integer> refusedAt = new ArrayList<>();
        Map<Group, List<Integer>> byFingerprint = new LinkedHashMap<>();
        for (int k = 0; k < lines.size(); k++) {
            Line l = lines.get(k);
            if (l.claim() instanceof ReadResult.Failed f) {
                refused.add(new LineBatch.Result(f.line(), f.error().claimId(), null, null, f.error().error()));
                refusedAt.add(k);
            } else {
                // a verdict a history made names its as-of date: it is made again with that version as of that date
                Group key = l.rulebook() == BY_HISTORY ? Group.HISTORY
                        : new Group(false, l.rulebook().get("fingerprint"), l.rulebook().get("asOf"));
                byFingerprint.computeIfAbsent(key, x -> new ArrayList<>()).add(k);
            }
        }
        if (!refused.isEmpty()) {
            written(refused, refusedAt, null, out);
        }
        for (Map.Entry<Group, List<Integer>> group : byFingerprint.entrySet()) {
            Group g = group.getKey();
            String fingerprint = g.fingerprint();
            Loaded loaded = g.byHistory() ? history : rulebook(fingerprint);
            if (g.asOf() != null && loaded != null && loaded.refused() == null) {
                loaded = asOf(loaded, g.asOf());
            }
            if (loaded == null || loaded.refused() != null) {
                for (int k : group.getValue()) {
                    out[k] = loaded == null ? Remade.failed(ReplayFinding.Kind.MISSING_RULEBOOK, fingerprint, null)
                            : Remade.failed(ReplayFinding.Kind.REFUSED_RULEBOOK, fingerprint, loaded.refused().getMessage());
                }
                continue;
            }
            if (all != null && byFingerprint.size() == 1) {
                // the common case: one rulebook for the whole batch, error lines included, as the run made it
                List<Integer> every = new ArrayList<>(lines.size());
                for (int k = 0; k < lines.size(); k++) {
                    every.add(k);
                }
                written(LineBatch.adjudicate(loaded.adjudicator(), all), every, fingerprint, out);
                break;
            }
            List<ReadResult> reads = group.getValue().stream().map(k -> lines.get(k).claim()).toList();
            written(LineBatch.adjudicate(loaded.adjudicator(), reads), group.getValue(), fingerprint, out);
        }
        return Arrays.asList(out);
    }

    /** Writes the results as a run writes them (one generator for all) and puts each record's bytes at its place. */
    private void written(List<LineBatch.Result> results, List<Integer> at, String fingerprint, Remade[] out) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(results.size() * 2048);
        try {
            LineBatch.write(codec, results, buffer);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // memory
        }
        byte[] bytes = buffer.toByteArray();
        int from = 0;
        for (int j = 0; j < results.size(); j++) {
            int end = from;
            while (bytes[end] != '\n') {
                end++; // a record has no raw line end in it: JSON escapes them
            }
            out[at.get(j)] = new Remade(bytes, from, end - from, null, fingerprint, null);
            from = end + 1;
        }
    }

    /**
     * The archived version as a history adjudicated with it on that as-of date (the verdict's
     * {@code rulebook} then carries the same {@code inForceFrom} and {@code asOf}); refused when the
     * stored date is not a date or the archived rulebook states no in-force date.
     */
    private static Loaded asOf(Loaded loaded, String date) {
        try {
            return new Loaded(Adjudicator.ofVersionAsOf(loaded.adjudicator().rulebook(), java.time.LocalDate.parse(date)), null);
        } catch (java.time.format.DateTimeParseException | RulebookException e) {
            return new Loaded(null, new IllegalArgumentException("the stored verdict's asOf " + date
                    + " cannot be replayed with the archived rulebook / 存储裁定中的 asOf 无法用归档规则集重放: "
                    + e.getMessage(), e));
        }
    }

    /** The archived rulebook, compiled once per replay; null when the archive lacks it. */
    private Loaded rulebook(String fingerprint) {
        if (fingerprint == null || !RulebookArchive.isFingerprint(fingerprint)) {
            return null; // not a fingerprint: no entry can have it
        }
        FutureTask<Loaded> task = new FutureTask<>(() -> {
            try {
                Optional<Rulebook> r = archive.load(fingerprint);
                return r.map(rulebook -> new Loaded(Adjudicator.of(rulebook), null)).orElse(null);
            } catch (RulebookArchiveException e) {
                return new Loaded(null, e);
            }
        });
        FutureTask<Loaded> existing = rulebooks.putIfAbsent(fingerprint, task);
        if (existing == null) {
            task.run();
            existing = task;
        }
        try {
            return existing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("interrupted while loading rulebook " + fingerprint));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The running totals, on the caller's thread; each rulebook finding reported once, its lines counted. */
    private final class Tally {
        long lines;
        long reproduced;
        long verdicts;
        long errors;
        final long[] kinds = new long[ReplayFinding.Kind.values().length];
        final Map<String, Long> missing = new LinkedHashMap<>();
        final Map<String, Long> refused = new LinkedHashMap<>();

        void add(Compared c) {
            lines += c.lines();
            reproduced += c.reproduced();
            verdicts += c.verdicts();
            errors += c.errors();
            for (ReplayFinding f : c.findings()) {
                boolean first = kinds[f.kind().ordinal()]++ == 0;
                boolean report = switch (f.kind()) {
                    case MISSING_RULEBOOK -> missing.merge(String.valueOf(f.fingerprint()), 1L, Long::sum) == 1L;
                    case REFUSED_RULEBOOK -> refused.merge(f.fingerprint(), 1L, Long::sum) == 1L;
                    case MISSING_RECORD, EXTRA_RECORD -> first;
                    default -> true;
                };
                if (report) {
                    findings.accept(f);
                }
            }
        }

        long count(ReplayFinding.Kind kind) {
            return kinds[kind.ordinal()];
        }
    }

    /**
     * Configures a replay. {@link #verdicts}, {@link #claims} and {@link #archive} are required.
     */
    public static final class Builder {
        private Path verdicts;
        private Path claims;
        private RulebookArchive archive;
        private RulebookHistory history;
        private AsOf asOf;
        private int threads;
        private Consumer<ReplayFinding> findings;
        private ProgressListener progress;
        private int batchLines = BacklogRun.BATCH_LINES;
        private int maxLineBytes = ClaimCodec.DEFAULT_MAX_LINE_BYTES;

        private Builder() {
        }

        /**
         * The stored records: a run's output, one record per claim line.
         *
         * @param file the verdicts file, not null
         * @return this builder
         * @throws IllegalStateException when it was already set
         */
        public Builder verdicts(Path file) {
            Settings.once(this.verdicts, "verdicts");
            this.verdicts = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * The claims the records were made for, in the same order.
         *
         * @param file the JSON Lines claims file, not null
         * @return this builder
         * @throws IllegalStateException when it was already set
         */
        public Builder claims(Path file) {
            Settings.once(this.claims, "claims");
            this.claims = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * The archive holding the rulebooks the records name.
         *
         * @param archive the archive, not null
         * @return this builder
         * @throws IllegalStateException when it was already set
         */
        public Builder archive(RulebookArchive archive) {
            Settings.once(this.archive, "archive");
            this.archive = Objects.requireNonNull(archive, "archive");
            return this;
        }

        /**
         * The rulebook history the run that wrote the records used, and its as-of setting: its error
         * records whose claim reads are re-made with it, claim by claim, as the run made them. A claim
         * dated before the first version is a {@code NO_RULEBOOK_IN_FORCE} record naming that version and
         * its date, which no stored verdict names: without the history such a record is reported
         * {@link ReplayFinding.Kind#NO_RULEBOOK}. Verdicts are re-made from the archive as always (the
         * version their fingerprint names, as of their stored date). Default: none; error records then
         * take the rulebook of the nearest verdict of their batch.
         *
         * @param history the history of the run, not null
         * @param asOf    the run's as-of setting, not null
         * @return this builder
         * @throws IllegalStateException when it was already set
         */
        public Builder history(RulebookHistory history, AsOf asOf) {
            Settings.once(this.history, "history");
            this.history = Objects.requireNonNull(history, "history");
            this.asOf = Objects.requireNonNull(asOf, "asOf");
            return this;
        }

        /**
         * Worker threads re-making batches; default: the available processors.
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
         * Receives each finding, in line order, on the thread that called {@link Replay#verify()}.
         * Default: findings are only counted.
         *
         * @param consumer the consumer, not null
         * @return this builder
         * @throws IllegalStateException when it was already set
         */
        public Builder findings(Consumer<ReplayFinding> consumer) {
            Settings.once(this.findings, "findings");
            this.findings = Objects.requireNonNull(consumer, "consumer");
            return this;
        }

        /**
         * Where progress goes; default {@link ProgressListener#NONE}. Only {@code started} and
         * {@code progress} are called: the summary is {@link Replay#verify()}'s result.
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
         * The longest claim line read, in bytes, as the run that made the records had it (default 1 MiB):
         * a longer line's record is {@code LINE_TOO_LONG}. Stored records are read up to 16 times as long.
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

        /** Lines per batch (tests use small batches to put error records and verdicts in separate batches). */
        Builder batchLines(int lines) {
            this.batchLines = Settings.batchLines(lines);
            return this;
        }

        /**
         * The configured replay; nothing is read before {@link Replay#verify()}.
         *
         * @return the replay
         * @throws IllegalStateException when the verdicts, the claims or the archive is missing
         */
        public Replay build() {
            if (verdicts == null || claims == null || archive == null) {
                throw new IllegalStateException("verdicts, claims and archive are required; missing: "
                        + (verdicts == null ? "verdicts " : "") + (claims == null ? "claims " : "")
                        + (archive == null ? "archive" : "").strip());
            }
            if (threads == 0) {
                threads = Runtime.getRuntime().availableProcessors();
            }
            if (progress == null) {
                progress = ProgressListener.NONE;
            }
            if (findings == null) {
                findings = f -> { };
            }
            return new Replay(this);
        }
    }
}
