package io.autoclaims.model.json.tree;

import io.autoclaims.model.InputError;
import java.util.Locale;

/** The reference's InvalidClaimException (and the two TextCheck helpers it used), copied as they were. */
final class Invalid extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient InputError error;

    private Invalid(InputError error) {
        super(error.code() + (error.field() == null ? "" : " " + error.field()) + ": " + error.message());
        this.error = error;
    }

    InputError error() {
        return error;
    }

    static Invalid invalidJson(String message) {
        return new Invalid(new InputError("INVALID_JSON", null, message));
    }

    static Invalid unknownField(Path at, String message) {
        return new Invalid(new InputError("UNKNOWN_FIELD", at.toString(), message));
    }

    static Invalid missingField(Path at, String message) {
        return new Invalid(new InputError("MISSING_FIELD", at.toString(), message));
    }

    static Invalid invalidField(Path at, String message) {
        return invalidField(at.toString(), message);
    }

    static Invalid invalidField(String field, String message) {
        return new Invalid(new InputError("INVALID_FIELD", field, message));
    }

    /** The index of the first lone surrogate in a decoded JSON string, or -1. */
    static int loneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    static String codePoint(int cp) {
        return String.format(Locale.ROOT, "%04X", cp);
    }
}
