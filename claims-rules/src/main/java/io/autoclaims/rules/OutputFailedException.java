package io.autoclaims.rules;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writing the records of a JSON Lines run failed (a full disk, a closed pipe): the run stopped, and
 * the records of the first {@link #linesWritten()} input lines were handed to the output completely.
 */
public final class OutputFailedException extends UncheckedIOException {
    private static final long serialVersionUID = 1L;

    /** The input lines whose records were completely written before the failure. */
    private final long linesWritten;

    /**
     * The exception for a write that failed after the records of {@code linesWritten} lines.
     *
     * @param linesWritten input lines whose records were completely written
     * @param cause        the write's failure
     */
    public OutputFailedException(long linesWritten, IOException cause) {
        super("writing the records failed after line " + linesWritten + ": " + cause.getMessage(), cause);
        this.linesWritten = linesWritten;
    }

    /**
     * How far the output got.
     *
     * @return the input lines whose records were completely written before the failure
     */
    public long linesWritten() {
        return linesWritten;
    }
}
