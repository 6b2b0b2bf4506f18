package io.autoclaims.batch;

/** The checks the run builders share: each setting given once, thread and batch counts of 1 or more. */
final class Settings {
    private Settings() {
    }

    /** Throws when a setting that may be given once already has a value. */
    static void once(Object current, String name) {
        if (current != null) {
            throw new IllegalStateException(name + " was already set to " + current);
        }
    }

    /** The thread count to keep; {@code current} 0 means not set yet. */
    static int threads(int current, int requested) {
        if (current != 0) {
            throw new IllegalStateException("threads was already set to " + current);
        }
        if (requested < 1) {
            throw new IllegalArgumentException("threads must be 1 or more, got " + requested);
        }
        return requested;
    }

    static int batchLines(int lines) {
        if (lines < 1) {
            throw new IllegalArgumentException("batch lines must be 1 or more, got " + lines);
        }
        return lines;
    }
}
