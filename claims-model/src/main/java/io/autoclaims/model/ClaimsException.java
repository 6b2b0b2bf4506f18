package io.autoclaims.model;

import java.io.Serial;

/**
 * The base of every exception the library throws for a reason of its own: a claim that breaks the
 * contract ({@link InvalidClaimException}), a claim the rulebook has no tables for, a rulebook that
 * does not load or is refused by a checked swap, a record that could not be written, a checkpoint or
 * an executor's rulebook that does not match (the subtypes in {@code claims-rules}, {@code
 * claims-batch} and {@code claims-spark}). Unchecked: a host catches it where it can act on it.
 *
 * <p>Programming errors are not {@code ClaimsException}s but the JDK's own: a null argument is a
 * {@link NullPointerException} naming the parameter, an argument out of its range an
 * {@link IllegalArgumentException}, a call in the wrong state (a rollback with nothing to roll back
 * to) an {@link IllegalStateException}. See the {@linkplain io.autoclaims.model package description}.
 */
public abstract class ClaimsException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message for the host's log.
     *
     * @param message what went wrong, in the library's own words
     */
    protected ClaimsException(String message) {
        super(message);
    }

    /**
     * An exception with a message for the host's log and the failure that caused it.
     *
     * @param message what went wrong, in the library's own words
     * @param cause   the failure underneath, e.g. the {@link java.io.IOException} of a failed write
     */
    protected ClaimsException(String message, Throwable cause) {
        super(message, cause);
    }
}
