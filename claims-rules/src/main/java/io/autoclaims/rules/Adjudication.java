package io.autoclaims.rules;

import io.autoclaims.model.ErrorRecord;
import io.autoclaims.model.InvalidClaimException;
import io.autoclaims.model.Verdict;
import java.util.Objects;

/**
 * What {@link Adjudicator#adjudicateAll} made of one claim: its verdict ({@link Ok}), or the error
 * record the JSON Lines paths would write for it ({@link Failed}): a claim that breaks the contract,
 * or one the rulebook has no tables for. Exactly one of {@link #verdict()} and {@link #error()} is
 * non-null.
 *
 * <pre>{@code
 * for (Adjudication a : adjudicator.adjudicateAll(claims)) {
 *     if (a.verdict() != null) {
 *         store(a.verdict());
 *     } else {
 *         reject(a.claimId(), a.error().error());   // code, field, message
 *     }
 * }
 * }</pre>
 */
public sealed interface Adjudication permits Adjudication.Ok, Adjudication.Failed {

    /**
     * The claim's id.
     *
     * @return the id the claim was given
     */
    String claimId();

    /**
     * The verdict.
     *
     * @return the verdict, or null when the claim {@linkplain Failed failed}
     */
    Verdict verdict();

    /**
     * The error record written instead of a verdict.
     *
     * @return the error record, or null when the claim has its verdict
     */
    ErrorRecord error();

    /**
     * The verdict, or the exception {@link Adjudicator#adjudicate} throws for the claim: for hosts
     * that handle a failed claim as an exception.
     *
     * @return the verdict
     * @throws InvalidClaimException     when the claim breaks the contract
     * @throws UnsupportedClaimException when the rulebook has no tables for its type
     */
    Verdict verdictOrThrow();

    /**
     * The claim's verdict.
     *
     * @param verdict the verdict
     */
    record Ok(Verdict verdict) implements Adjudication {
        /**
         * Rejects a null verdict.
         *
         * @param verdict the verdict
         */
        public Ok {
            Objects.requireNonNull(verdict, "verdict");
        }

        @Override
        public String claimId() {
            return verdict.claimId();
        }

        /** Always null: the claim has its verdict. */
        @Override
        public ErrorRecord error() {
            return null;
        }

        @Override
        public Verdict verdictOrThrow() {
            return verdict;
        }
    }

    /**
     * The error record written instead of a verdict: its {@code line} is the claim's 1-based position
     * in the list given to {@link Adjudicator#adjudicateAll} (as a JSON Lines backlog numbers lines),
     * its content the contract's code ({@code INVALID_FIELD}, {@code MISSING_FIELD},
     * {@code UNSUPPORTED_CLAIM_TYPE}, ...), dotted field path and message.
     *
     * @param error the error record
     */
    record Failed(ErrorRecord error) implements Adjudication {
        /** The code of a claim the rulebook has no tables for. */
        static final String UNSUPPORTED = "UNSUPPORTED_CLAIM_TYPE";

        /**
         * Rejects a null error record.
         *
         * @param error the error record
         */
        public Failed {
            Objects.requireNonNull(error, "error");
        }

        @Override
        public String claimId() {
            return error.claimId();
        }

        /** Always null: the claim has no verdict. */
        @Override
        public Verdict verdict() {
            return null;
        }

        @Override
        public Verdict verdictOrThrow() {
            if (error.error().code().equals(UNSUPPORTED) || error.error().code().equals(Adjudicator.NO_RULEBOOK_IN_FORCE)) {
                throw new UnsupportedClaimException(error.error());
            }
            throw new InvalidClaimException(error.error());
        }
    }
}
