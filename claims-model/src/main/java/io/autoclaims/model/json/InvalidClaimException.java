package io.autoclaims.model.json;

import io.autoclaims.model.InputError;

/** Thrown by {@link ClaimCodec#readClaim} for input that breaks the contract; carries the input error. */
public final class InvalidClaimException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient InputError error;

    private InvalidClaimException(InputError error) {
        super(error.code() + (error.field() == null ? "" : " " + error.field()) + ": " + error.message());
        this.error = error;
    }

    /**
     * The exception for an error found outside the codec, e.g. by {@link io.autoclaims.model.ClaimChecks}.
     *
     * @param error the contract violation; its code, field and message make the exception's message
     * @return the exception
     */
    public static InvalidClaimException of(InputError error) {
        return new InvalidClaimException(error);
    }

    /**
     * What is wrong with the claim.
     *
     * @return the code, the dotted field path (null for a line that is not a JSON object) and the message
     */
    public InputError error() {
        return error;
    }

    static InvalidClaimException invalidJson(String message) {
        return new InvalidClaimException(new InputError("INVALID_JSON", null, message));
    }

    static InvalidClaimException unknownField(Path at, String message) {
        return new InvalidClaimException(new InputError("UNKNOWN_FIELD", at.toString(), message));
    }

    static InvalidClaimException missingField(Path at, String message) {
        return new InvalidClaimException(new InputError("MISSING_FIELD", at.toString(), message));
    }

    /** The second occurrence of a key in one object, reported on that field. */
    static InvalidClaimException duplicateField(Path at, String name) {
        return invalidField(at, "duplicate field \"" + name + "\": a field may appear only once in an object");
    }

    static InvalidClaimException invalidField(Path at, String message) {
        return invalidField(at.toString(), message);
    }

    static InvalidClaimException invalidField(String field, String message) {
        return new InvalidClaimException(new InputError("INVALID_FIELD", field, message));
    }
}
