package io.autoclaims.model.json;

import io.autoclaims.model.Claim;
import io.autoclaims.model.ErrorRecord;

/** What one input line yields: a claim, or the error record written instead of its verdict. */
public sealed interface ReadResult permits ReadResult.Ok, ReadResult.Failed {

    /** The 1-based input line number. */
    long line();

    /** The line held a claim that honours the contract. */
    record Ok(long line, Claim claim) implements ReadResult {
    }

    /** The line broke the contract; {@code error} names the first defect in document order. */
    record Failed(long line, ErrorRecord error) implements ReadResult {
    }
}
