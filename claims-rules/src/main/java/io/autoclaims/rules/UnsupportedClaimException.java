package io.autoclaims.rules;

import io.autoclaims.model.InputError;

/** A valid claim that the loaded rulebook has no tables for (e.g. a claim type it does not cover). */
public final class UnsupportedClaimException extends RuntimeException {
    private final transient InputError error;

    /**
     * The exception for that error.
     *
     * @param error the error record content; its message is the exception's
     */
    public UnsupportedClaimException(InputError error) {
        super(error.message());
        this.error = error;
    }

    /**
     * The error record a JSON run writes for the claim instead.
     *
     * @return code {@code UNSUPPORTED_CLAIM_TYPE}, field {@code type}, and the message
     */
    public InputError error() {
        return error;
    }
}
