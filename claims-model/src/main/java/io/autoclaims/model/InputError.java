package io.autoclaims.model;

import java.util.Objects;

/**
 * Why a claim could not be read: a code ({@code INVALID_JSON}, {@code UNKNOWN_FIELD},
 * {@code MISSING_FIELD}, {@code INVALID_FIELD}, or an adjudicator code such as
 * {@code UNSUPPORTED_CLAIM_TYPE}), the dotted field path (null when the line is not a JSON object),
 * and a message saying what was expected and what was found.
 */
public record InputError(String code, String field, String message) {
    public InputError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
