package io.autoclaims.batch;

import io.autoclaims.model.ClaimsException;
import java.io.Serial;

/**
 * A checkpoint that cannot be resumed with the given arguments: it was made with another rulebook,
 * another input or another output, or it is unreadable. The message says which and how to proceed
 * (remove the checkpoint directory to start over). Nothing has been written when this is thrown.
 */
public final class CheckpointMismatchException extends ClaimsException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * The exception for a checkpoint that cannot be resumed.
     *
     * @param message what does not match and how to proceed
     */
    public CheckpointMismatchException(String message) {
        super(message);
    }
}
