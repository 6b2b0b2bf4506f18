package io.autoclaims.rules;

import io.autoclaims.model.Claim;
import io.autoclaims.model.ClaimType;
import io.autoclaims.model.ErrorRecord;
import io.autoclaims.model.InputError;
import io.autoclaims.model.Verdict;
import io.autoclaims.model.json.ClaimCodec;
import io.autoclaims.model.json.RawLines;
import io.autoclaims.model.json.ReadResult;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * The line pipeline every entry point runs ({@link Adjudicator#adjudicateJsonLines}, the batch runs
 * and impact reports of claims-batch, claims-spark): numbered lines in, one result per line out. The
 * claims the rulebook supports are adjudicated together, as {@link Adjudicator#adjudicateAll} does
 * (claims the codec read here are validated once, by the codec, not again); every other line becomes
 * its error record. Records are byte for byte the same on every path for the same line.
 *
 * <pre>{@code
 * try (JsonLinesReader lines = codec.lines(in)) {
 *     for (RawLines batch; (batch = lines.next(1000, 1 << 20)) != null; ) {
 *         LineBatch.write(codec, LineBatch.adjudicate(adjudicator, codec, batch), out);
 *     }
 * }
 * }</pre>
 */
public final class LineBatch {

    private LineBatch() {
    }

    /**
     * What one rulebook made of one input line: a verdict, or the error written instead (exactly one
     * of the two).
     *
     * @param line    the 1-based input line
     * @param claimId the claim id; null when the line could not be read and had no textual claimId
     * @param type    the claim type; null when the line could not be read
     * @param verdict the verdict, or null for an error
     * @param error   the error written instead of a verdict, or null for a verdict
     */
    public record Result(long line, String claimId, ClaimType type, Verdict verdict, InputError error) {
        /**
         * Checks that exactly one of verdict and error is given.
         *
         * @param line    the 1-based input line
         * @param claimId the claim id, or null
         * @param type    the claim type, or null
         * @param verdict the verdict, or null
         * @param error   the error, or null
         * @throws IllegalArgumentException when both or neither of verdict and error are null
         */
        public Result {
            if ((verdict == null) == (error == null)) {
                throw new IllegalArgumentException("a result is a verdict or an error, not both or neither");
            }
        }

        /**
         * The record written for this line.
         *
         * @param codec the codec writing it
         * @return the verdict or error record as one line of JSON, without its {@code \n}
         */
        public String record(ClaimCodec codec) {
            Objects.requireNonNull(codec, "codec");
            return verdict != null ? codec.writeVerdict(verdict) : codec.writeError(new ErrorRecord(claimId, line, error));
        }

        /**
         * Writes {@link #record} as UTF-8 to {@code out}, without its {@code \n}.
         *
         * @param codec the codec writing it
         * @param out   where the bytes go; left open
         * @throws IOException when writing fails
         */
        public void writeRecord(ClaimCodec codec, OutputStream out) throws IOException {
            Objects.requireNonNull(codec, "codec");
            Objects.requireNonNull(out, "out");
            if (verdict != null) {
                codec.writeVerdict(verdict, out);
            } else {
                codec.writeError(new ErrorRecord(claimId, line, error), out);
            }
        }
    }

    /**
     * Reads the lines of {@code lines} and adjudicates them: one result per line, in order.
     *
     * @param adjudicator whose live rulebook adjudicates the batch
     * @param codec       the codec reading the lines
     * @param lines       the batch
     * @return one result per line, in order
     */
    public static List<Result> adjudicate(Adjudicator adjudicator, ClaimCodec codec, RawLines lines) {
        Objects.requireNonNull(adjudicator, "adjudicator");
        return adjudicate(adjudicator, read(codec, lines));
    }

    /**
     * Reads the lines of {@code lines}: one result per line, in order, in a list that
     * {@link #adjudicate(Adjudicator, List)} knows the codec made, so its claims are validated once
     * (by the codec), not again. For callers adjudicating the same lines twice (impact reports).
     *
     * @param codec the codec reading the lines
     * @param lines the batch
     * @return one read per line, in order; unmodifiable
     */
    public static List<ReadResult> read(ClaimCodec codec, RawLines lines) {
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(lines, "lines");
        ReadResult[] reads = new ReadResult[lines.size()];
        for (int i = 0; i < reads.length; i++) {
            reads[i] = codec.read(lines, i);
        }
        return new CodecReads(reads);
    }

    /** What {@link #read} returns: unmodifiable, and only this class makes one. */
    private static final class CodecReads extends java.util.AbstractList<ReadResult> implements java.util.RandomAccess {
        private final ReadResult[] reads;

        CodecReads(ReadResult[] reads) {
            this.reads = reads;
        }

        @Override
        public ReadResult get(int index) {
            return reads[index];
        }

        @Override
        public int size() {
            return reads.length;
        }
    }

    /**
     * Adjudicates lines already read with the adjudicator's live rulebook (read once, so one batch
     * never mixes two rulebooks) and returns one result per line, in the same order. Claims read by
     * {@link #read} are not checked again; other {@code ReadResult.Ok}s may hold claims built in Java
     * and are checked as {@link Adjudicator#adjudicateAll} checks them: one that breaks the contract
     * gets its error record, as a bad line does.
     *
     * @param adjudicator whose live rulebook adjudicates the lines
     * @param lines       the lines, read
     * @return one result per line, in order: a verdict, the line's error record, or {@code
     *     UNSUPPORTED_CLAIM_TYPE}
     */
    public static List<Result> adjudicate(Adjudicator adjudicator, List<? extends ReadResult> lines) {
        return adjudicate(adjudicator, lines, !(lines instanceof CodecReads));
    }

    /**
     * {@link #adjudicate(Adjudicator, List)} for results this package's callers read with the codec
     * themselves: their claims are validated once, by the codec, not again by {@code ClaimChecks}.
     * (The public method cannot know where a {@code ReadResult.Ok} came from, so it checks.)
     */
    static List<Result> adjudicateRead(Adjudicator adjudicator, List<? extends ReadResult> lines) {
        return adjudicate(adjudicator, lines, false);
    }

    private static List<Result> adjudicate(Adjudicator adjudicator, List<? extends ReadResult> lines, boolean check) {
        Objects.requireNonNull(adjudicator, "adjudicator");
        Objects.requireNonNull(lines, "lines");
        // the live rulebook read once: a swap on the caller's adjudicator cannot mix two rulebooks in a batch
        Adjudicator.Live live = adjudicator.live();
        List<Claim> claims = new ArrayList<>(lines.size());
        for (ReadResult l : lines) {
            if (l instanceof ReadResult.Ok ok) {
                claims.add(ok.claim());
            }
        }
        Iterator<Adjudication> adjudications = Adjudicator.adjudicate(live, claims, check).iterator();
        List<Result> results = new ArrayList<>(lines.size());
        for (ReadResult l : lines) {
            if (l instanceof ReadResult.Failed failed) {
                ErrorRecord e = failed.error();
                results.add(new Result(l.line(), e.claimId(), null, null, e.error()));
            } else {
                Claim claim = ((ReadResult.Ok) l).claim();
                Adjudication a = adjudications.next();
                results.add(a.verdict() != null
                        ? new Result(l.line(), claim.claimId(), claim.type(), a.verdict(), null)
                        : new Result(l.line(), claim.claimId(), claim.type(), null, a.error().error()));
            }
        }
        return results;
    }

    /**
     * Writes each result's record and its {@code \n} to {@code out}, UTF-8.
     *
     * @param codec   the codec writing them
     * @param results the results, in the order to write them
     * @param out     where the bytes go; left open
     * @return the bytes written
     * @throws IOException when writing fails
     */
    public static long write(ClaimCodec codec, List<Result> results, OutputStream out) throws IOException {
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(results, "results");
        Objects.requireNonNull(out, "out");
        CountingStream counting = new CountingStream(out);
        try (ClaimCodec.RecordWriter records = codec.records(counting)) { // one generator for the batch
            for (Result r : results) {
                if (r.verdict() != null) {
                    records.verdict(r.verdict());
                } else {
                    records.error(new ErrorRecord(r.claimId(), r.line(), r.error()));
                }
            }
        }
        return counting.count;
    }

    private static final class CountingStream extends OutputStream {
        private final OutputStream out;
        long count;

        CountingStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
