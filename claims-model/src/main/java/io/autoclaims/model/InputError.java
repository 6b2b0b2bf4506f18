package io.autoclaims.model;

import java.util.Objects;

/**
 * Why a claim could not be read: a code ({@code INVALID_JSON}, {@code UNKNOWN_FIELD},
 * {@code MISSING_FIELD}, {@code INVALID_FIELD}, or an adjudicator code such as
 * {@code UNSUPPORTED_CLAIM_TYPE}), the dotted field path (null when the line is not a JSON object),
 * and a message saying what was expected and what was found.
 *
 * @param code    the error code, e.g. {@code INVALID_FIELD}
 * @param field   the dotted field path, e.g. {@code lines[0].repairCostCny}; null when the line is not a JSON
 *     object
 * @param message what was expected and what was found, in English
 */
public record InputError(String code, String field, String message) {
    /**
     * An input error.
     *
     * @param code    the error code, e.g. {@code INVALID_FIELD}
     * @param field   the dotted field path, e.g. {@code lines[0].repairCostCny}; null when the line is not a
     *     JSON object
     * @param message what was expected and what was found, in English
     * @throws NullPointerException when {@code code} or {@code message} is null
     */
    public InputError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
