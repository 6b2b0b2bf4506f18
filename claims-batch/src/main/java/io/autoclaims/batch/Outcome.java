package io.autoclaims.batch;

import io.autoclaims.model.InputError;
import io.autoclaims.model.Money;
import io.autoclaims.model.Verdict;
import io.autoclaims.rules.LineBatch;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What one rulebook made of one input line: a verdict, or the error written instead (exactly one of
 * the two is non-null). {@link ImpactAccumulator#add} compares two of them.
 */
public record Outcome(Verdict verdict, InputError error) {

    /**
     * Checks that exactly one of the two is given.
     *
     * @param verdict the verdict, or null for an error
     * @param error   the error record, or null for a verdict
     * @throws IllegalArgumentException when both or neither are null
     */
    public Outcome {
        if ((verdict == null) == (error == null)) {
            throw new IllegalArgumentException("an outcome is a verdict or an error, not both or neither");
        }
    }

    /**
     * A line answered with a verdict.
     *
     * @param verdict the verdict, not null
     * @return the outcome
     */
    public static Outcome of(Verdict verdict) {
        return new Outcome(Objects.requireNonNull(verdict, "verdict"), null);
    }

    /**
     * The outcome of one line of the line pipeline.
     *
     * @param r the line's result: a verdict or an error
     * @return the outcome
     */
    public static Outcome of(LineBatch.Result r) {
        return new Outcome(r.verdict(), r.error());
    }

    /**
     * A line answered with an error record.
     *
     * @param error the error, not null
     * @return the outcome
     */
    public static Outcome error(InputError error) {
        return new Outcome(null, Objects.requireNonNull(error, "error"));
    }

    /**
     * The outcome's column in an impact report.
     *
     * @return the verdict's decision, or {@link ImpactStatus#ERROR}
     */
    public ImpactStatus status() {
        return verdict == null ? ImpactStatus.ERROR : ImpactStatus.of(verdict.decision());
    }

    /**
     * What is paid.
     *
     * @return the verdict's {@code payableCny} in CNY; 0.00 for an error record (nothing is paid on it)
     */
    public BigDecimal payable() {
        return verdict == null ? Money.ZERO : verdict.payableCny();
    }
}
