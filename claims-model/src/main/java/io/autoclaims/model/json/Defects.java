package io.autoclaims.model.json;

import io.autoclaims.model.InputError;
import io.autoclaims.model.InvalidClaimException;

/** The codec's defects as {@link InvalidClaimException}s, one factory per error code. */
final class Defects {

    private Defects() {
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
        return new InvalidClaimException(new InputError("INVALID_FIELD", at.toString(), message));
    }
}
