package io.autoclaims.spring.boot;

import io.autoclaims.model.Claim;
import io.autoclaims.model.Verdict;
import io.autoclaims.model.InvalidClaimException;
import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.Explanation;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.rules.UnsupportedClaimException;
import io.autoclaims.spring.boot.internal.AdjudicationMeters;
import io.autoclaims.spring.boot.internal.RecordTally;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The {@link Adjudicator} bean with Micrometer meters around it: inject this instead of the
 * {@code Adjudicator} wherever calls should show up in the metrics. It is a bean of the starter
 * (a facade rather than a proxy: {@code Adjudicator} is a final class, and calls made on the
 * {@code Adjudicator} bean directly are not measured). Every call goes to the same adjudicator, so
 * a swap or a reload of the folder applies to both at once. Thread-safe, like the adjudicator.
 *
 * <p>Meters (when the application has Micrometer and a {@code MeterRegistry}; otherwise the calls
 * are simply passed on):
 * <ul>
 * <li>{@code autoclaims.adjudication}: timer of each call, tags {@code call} ({@code adjudicate},
 * {@code explain}, {@code adjudicateJsonLines}: one timing per backlog) and {@code exception}
 * ({@code none} or the simple class name of what the call threw);
 * <li>{@code autoclaims.verdicts}: counter of verdicts from {@code adjudicate} and
 * {@code adjudicateJsonLines}, tags {@code type} (claim type) and {@code decision};
 * {@code explain} is not counted (it re-examines a claim, usually one already adjudicated);
 * <li>{@code autoclaims.errors}: counter of claims answered with an error record
 * ({@code adjudicateJsonLines}) or an invalid or unsupported claim exception ({@code adjudicate}),
 * tag {@code code} (the contract's error code, e.g. {@code INVALID_FIELD});
 * <li>{@code autoclaims.reloads}: counter of the folder watcher's reload attempts, tag
 * {@code outcome} ({@code SWAPPED}, {@code UNCHANGED}, {@code REFUSED}, {@code INCOMPLETE}).
 * </ul>
 */
public final class MeasuredAdjudicator {
    private final Adjudicator adjudicator;
    private final AdjudicationMeters meters;

    MeasuredAdjudicator(Adjudicator adjudicator, AdjudicationMeters meters) {
        this.adjudicator = Objects.requireNonNull(adjudicator, "adjudicator");
        this.meters = Objects.requireNonNull(meters, "meters");
    }

    /**
     * The adjudicator every call goes to: the application's {@code Adjudicator} bean.
     *
     * @return the adjudicator
     */
    public Adjudicator adjudicator() {
        return adjudicator;
    }

    /**
     * The rulebook new calls use, as {@link Adjudicator#rulebook()}.
     *
     * @return the live rulebook
     */
    public Rulebook rulebook() {
        return adjudicator.rulebook();
    }

    /**
     * The verdict on one claim, as {@link Adjudicator#adjudicate(Claim)}, timed and counted.
     *
     * @param claim the claim
     * @return its verdict
     * @throws InvalidClaimException when the claim breaks the contract (counted by its error code)
     * @throws UnsupportedClaimException when the rulebook has no tables for the claim's type (counted
     *     as {@code UNSUPPORTED_CLAIM_TYPE})
     */
    public Verdict adjudicate(Claim claim) {
        long start = System.nanoTime();
        try {
            Verdict v = adjudicator.adjudicate(claim);
            meters.call("adjudicate", System.nanoTime() - start, null);
            meters.verdict(v.type().name(), v.decision().name());
            return v;
        } catch (InvalidClaimException e) {
            meters.error(e.error().code());
            throw failed("adjudicate", start, e);
        } catch (UnsupportedClaimException e) {
            meters.error(e.error().code());
            throw failed("adjudicate", start, e);
        } catch (RuntimeException e) {
            throw failed("adjudicate", start, e);
        }
    }

    /**
     * The verdict with every rule row that fired, as {@link Adjudicator#explain(Claim)}; timed, its
     * verdict not counted.
     *
     * @param claim the claim
     * @return the explanation
     * @throws InvalidClaimException when the claim breaks the contract
     * @throws UnsupportedClaimException when the rulebook has no tables for the claim's type
     */
    public Explanation explain(Claim claim) {
        long start = System.nanoTime();
        try {
            Explanation e = adjudicator.explain(claim);
            meters.call("explain", System.nanoTime() - start, null);
            return e;
        } catch (RuntimeException e) {
            throw failed("explain", start, e);
        }
    }

    /**
     * Adjudicates a JSON Lines backlog, as {@link Adjudicator#adjudicateJsonLines(InputStream,
     * OutputStream)}: the same bytes, one record per input line. The backlog is timed as one call;
     * each record is counted once written, a verdict by type and decision, an error record by code.
     * The streams are left open.
     *
     * @param in the backlog, JSON Lines
     * @param out where the records go
     * @return the number of lines written
     * @throws io.autoclaims.rules.OutputFailedException when writing fails, with the number of lines
     *     whose records were written
     * @throws UncheckedIOException when reading fails
     */
    public long adjudicateJsonLines(InputStream in, OutputStream out) {
        long start = System.nanoTime();
        RecordTally tally = new RecordTally(Objects.requireNonNull(out, "out"), meters);
        try {
            long lines = adjudicator.adjudicateJsonLines(in, tally);
            meters.call("adjudicateJsonLines", System.nanoTime() - start, null);
            return lines;
        } catch (RuntimeException e) {
            throw failed("adjudicateJsonLines", start, e);
        }
    }

    private RuntimeException failed(String call, long start, RuntimeException e) {
        meters.call(call, System.nanoTime() - start, e);
        return e;
    }
}
