package io.autoclaims.model;

import java.util.Objects;

/**
 * The record written instead of a verdict for an input line that breaks the contract.
 *
 * @param claimId the claim's id when it could be read, else null
 * @param line    the 1-based input line
 * @param error   what is wrong
 */
public record ErrorRecord(String claimId, long line, InputError error) {
    /**
     * An error record.
     *
     * @param claimId the claim's id when it could be read, else null
     * @param line    the 1-based input line
     * @param error   what is wrong
     * @throws NullPointerException when {@code error} is null
     */
    public ErrorRecord {
        Objects.requireNonNull(error, "error");
    }
}
