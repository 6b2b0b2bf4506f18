package io.autoclaims.rules;

import io.autoclaims.model.InputError;

/** A valid claim that the loaded rulebook has no tables for (e.g. a claim type it does not cover). */
public final class UnsupportedClaimException extends RuntimeException {
    private final transient InputError error;

    public UnsupportedClaimException(InputError error) {
        super(error.message());
        this.error = error;
    }

    /** The error record content: code {@code UNSUPPORTED_CLAIM_TYPE}, field {@code type}. */
    public InputError error() {
        return error;
    }
}
