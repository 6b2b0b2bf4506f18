package io.autoclaims.spark;

import io.autoclaims.model.ClaimsException;
import java.io.Serial;

/**
 * An executor compiled the shipped workbooks to another fingerprint than the driver's rulebook has:
 * the executor would give other verdicts than the driver expects (another version of the library on
 * the executors, or damaged bytes). The task fails at once, before any claim is adjudicated.
 */
public final class RulebookMismatchException extends ClaimsException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The fingerprint the driver shipped. */
    private final String expected;
    /** The fingerprint the executor compiled, or null. */
    private final String actual;

    RulebookMismatchException(String message, String expected, String actual) {
        super(message);
        this.expected = expected;
        this.actual = actual;
    }

    /**
     * What the driver expected.
     *
     * @return the fingerprint the driver shipped (SHA-256, hexadecimal)
     */
    public String expected() {
        return expected;
    }

    /**
     * What the executor arrived at.
     *
     * @return the fingerprint the executor compiled, or null when the workbooks did not compile there
     */
    public String actual() {
        return actual;
    }
}
