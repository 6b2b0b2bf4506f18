package io.autoclaims.rules;

import io.autoclaims.model.ClaimsException;
import java.io.IOException;
import java.io.Serial;
import java.util.Objects;

/**
 * Writing the records of a JSON Lines run failed (a full disk, a closed pipe): the run stopped, and
 * the records of the first {@link #linesWritten()} input lines were handed to the output completely.
 * The {@link IOException} of the failed write is the {@linkplain #getCause() cause}.
 */
public final class OutputFailedException extends ClaimsException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The input lines whose records were completely written before the failure. */
    private final long linesWritten;

    /**
     * The exception for a failed write.
     *
     * @param linesWritten the input lines whose records were completely written before the failure
     * @param cause        the failure of the write
     */
    public OutputFailedException(long linesWritten, IOException cause) {
        super("writing the records failed after line " + linesWritten + ": "
                + Objects.requireNonNull(cause, "cause").getMessage(), cause);
        this.linesWritten = linesWritten;
    }

    /**
     * The input lines whose records were completely written before the failure.
     *
     * @return a count of lines, 0 when not one record was written
     */
    public long linesWritten() {
        return linesWritten;
    }

    /**
     * The failure of the write.
     *
     * @return the {@link IOException} given to the constructor
     */
    @Override
    public synchronized IOException getCause() {
        return (IOException) super.getCause();
    }
}
