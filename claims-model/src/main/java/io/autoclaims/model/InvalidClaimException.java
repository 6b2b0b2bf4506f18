package io.autoclaims.model;

import java.io.Serial;
import java.util.Objects;

/**
 * A claim that breaks the contract: thrown by {@link io.autoclaims.model.json.ClaimCodec#readClaim}
 * for bad JSON, by the builders' {@code build()} for a claim built in Java, and by the adjudicator
 * for a single claim. It carries the content of the error record the JSON Lines paths write for the
 * same mistake: the code, the dotted field path and the message.
 */
public final class InvalidClaimException extends ClaimsException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** An {@code InputError} is not serializable; a deserialized exception keeps only its message. */
    private final transient InputError error;

    /**
     * The exception for an input error.
     *
     * @param error the code ({@code INVALID_FIELD}, {@code MISSING_FIELD}, ...), field and message
     */
    public InvalidClaimException(InputError error) {
        super(message(Objects.requireNonNull(error, "error")));
        this.error = error;
    }

    /**
     * The code, the dotted field path (null for a line that is not a JSON object) and the message.
     *
     * @return the error record's content
     */
    public InputError error() {
        return error;
    }

    private static String message(InputError error) {
        return error.code() + (error.field() == null ? "" : " " + error.field()) + ": " + error.message();
    }
}
