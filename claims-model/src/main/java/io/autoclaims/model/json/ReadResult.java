package io.autoclaims.model.json;

import io.autoclaims.model.Claim;
import io.autoclaims.model.ErrorRecord;

/** What one input line yields: a claim, or the error record written instead of its verdict. */
public sealed interface ReadResult permits ReadResult.Ok, ReadResult.Failed {

    /**
     * Which line this is.
     *
     * @return the 1-based input line number
     */
    long line();

    /**
     * The line held a claim that honours the contract.
     *
     * @param line  the 1-based input line number
     * @param claim the claim read
     */
    record Ok(long line, Claim claim) implements ReadResult {
        /**
         * Rejects a null claim.
         *
         * @param line  the 1-based input line number
         * @param claim the claim read
         */
        public Ok {
            java.util.Objects.requireNonNull(claim, "claim");
        }
    }

    /**
     * The line broke the contract; {@code error} names the first defect in document order.
     *
     * @param line  the 1-based input line number
     * @param error the error record written instead of a verdict
     */
    record Failed(long line, ErrorRecord error) implements ReadResult {
        /**
         * Rejects a null error record.
         *
         * @param line  the 1-based input line number
         * @param error the error record written instead of a verdict
         */
        public Failed {
            java.util.Objects.requireNonNull(error, "error");
        }
    }
}
