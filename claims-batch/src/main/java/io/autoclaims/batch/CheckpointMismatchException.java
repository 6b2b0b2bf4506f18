package io.autoclaims.batch;

/**
 * A checkpoint that cannot be resumed with the given arguments: it was made with another rulebook,
 * another input or another output, or it is unreadable. The message says which and how to proceed
 * (remove the checkpoint directory to start over). Nothing has been written when this is thrown.
 */
public final class CheckpointMismatchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * The exception with its message.
     *
     * @param message what does not match and how to proceed
     */
    public CheckpointMismatchException(String message) {
        super(message);
    }
}
