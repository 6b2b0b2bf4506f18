package io.autoclaims.rules;

import io.autoclaims.model.ClaimsException;
import io.autoclaims.model.InputError;
import java.io.Serial;
import java.util.Objects;

/**
 * A valid claim that the loaded rulebook has no tables for (e.g. a claim type it does not cover).
 * It carries the content of the error record the JSON Lines paths write for it.
 */
public final class UnsupportedClaimException extends ClaimsException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** An {@code InputError} is not serializable; a deserialized exception keeps only its message. */
    private final transient InputError error;

    /**
     * The exception for an unsupported claim.
     *
     * @param error the error record's content: code {@code UNSUPPORTED_CLAIM_TYPE}, field {@code type}
     */
    public UnsupportedClaimException(InputError error) {
        super(Objects.requireNonNull(error, "error").message());
        this.error = error;
    }

    /**
     * The error record's content.
     *
     * @return code {@code UNSUPPORTED_CLAIM_TYPE}, field {@code type}, and a message naming the rulebook
     */
    public InputError error() {
        return error;
    }
}
