package io.autoclaims.model;

import java.util.Objects;

/** The record written instead of a verdict for an input line that breaks the contract. */
public record ErrorRecord(String claimId, long line, InputError error) {
    public ErrorRecord {
        Objects.requireNonNull(error, "error");
    }
}
