package io.autoclaims.batch;

import io.autoclaims.model.Claim;
import io.autoclaims.model.ClaimType;
import io.autoclaims.model.ErrorRecord;
import io.autoclaims.model.Verdict;
import io.autoclaims.model.json.ClaimCodec;
import io.autoclaims.model.json.ReadResult;
import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.Rulebook;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * A batch of numbered backlog lines adjudicated the way {@link BacklogRun} and {@link ImpactRun} do
 * it (they use this class): the claims the rulebook supports go through one
 * {@link Adjudicator#adjudicateAll} call, every other line becomes its error record. The hook for
 * engines that split a backlog and number its lines themselves (claims-spark): read each line with
 * {@link ClaimCodec#readLine}, adjudicate about a thousand at a time here, and write
 * {@link Result#record}; the records are byte for byte those of {@link BacklogRun} for the same
 * lines.
 *
 * <pre>{@code
 * List<ReadResult> reads = ...;                         // codec.readLine(text, lineNumber) for each line
 * for (LineBatch.Result r : LineBatch.adjudicate(adjudicator, reads)) {
 *     out.println(r.record(codec));
 * }
 * }</pre>
 */
public final class LineBatch {

    private LineBatch() {
    }

    /**
     * What one rulebook made of one input line.
     *
     * @param line    the 1-based input line
     * @param claimId the claim id; null when the line could not be read and had no textual claimId
     * @param type    the claim type; null when the line could not be read
     * @param outcome the verdict, or the error written instead (unreadable or invalid line, or a claim
     *                type the rulebook does not support)
     */
    public record Result(long line, String claimId, ClaimType type, Outcome outcome) {
        public Result {
            Objects.requireNonNull(outcome, "outcome");
        }

        /** The record {@link BacklogRun} writes for this line, without its {@code \n}. */
        public String record(ClaimCodec codec) {
            return outcome.verdict() != null ? codec.writeVerdict(outcome.verdict())
                    : codec.writeError(new ErrorRecord(claimId, line, outcome.error()));
        }

        /** Writes {@link #record} to {@code out} without making a String of it. */
        public void writeRecord(ClaimCodec codec, Writer out) throws IOException {
            if (outcome.verdict() != null) {
                codec.writeVerdict(outcome.verdict(), out);
            } else {
                codec.writeError(new ErrorRecord(claimId, line, outcome.error()), out);
            }
        }
    }

    /**
     * Adjudicates the lines with the adjudicator's live rulebook (read once, so one batch never mixes
     * two rulebooks) and returns one result per line, in the same order.
     */
    public static List<Result> adjudicate(Adjudicator adjudicator, List<? extends ReadResult> lines) {
        Objects.requireNonNull(adjudicator, "adjudicator");
        Rulebook rb = adjudicator.rulebook();
        // pinned: a swap on the caller's adjudicator between the calls below cannot mix two rulebooks
        Adjudicator pinned = Adjudicator.of(rb);
        List<Claim> supported = new ArrayList<>(lines.size());
        for (ReadResult l : lines) {
            if (l instanceof ReadResult.Ok ok && rb.supports(ok.claim().type())) {
                supported.add(ok.claim());
            }
        }
        Iterator<Verdict> verdicts = supported.isEmpty() ? List.<Verdict>of().iterator()
                : pinned.adjudicateAll(supported).iterator();
        List<Result> results = new ArrayList<>(lines.size());
        for (ReadResult l : lines) {
            if (l instanceof ReadResult.Failed failed) {
                ErrorRecord e = failed.error();
                results.add(new Result(l.line(), e.claimId(), null, Outcome.error(e.error())));
            } else {
                Claim claim = ((ReadResult.Ok) l).claim();
                Outcome outcome = rb.supports(claim.type()) ? Outcome.of(verdicts.next())
                        : Outcome.error(pinned.unsupported(claim).orElseThrow());
                results.add(new Result(l.line(), claim.claimId(), claim.type(), outcome));
            }
        }
        return results;
    }
}
