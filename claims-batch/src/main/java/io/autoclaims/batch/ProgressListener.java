package io.autoclaims.batch;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Objects;

/**
 * Receives a {@link BacklogRun}'s progress. Calls come from the run's writer thread, one after each
 * written batch, so an implementation throttles its own output. Progress is never written to the
 * output file or standard output by the library's own listeners: they write to the stream given.
 */
public interface ProgressListener {

    /** Ignores everything. */
    ProgressListener NONE = p -> { };

    /** Once, before the first batch: where the run starts (after a resume, the lines already done). */
    default void started(Progress start) {
    }

    /** After each written batch. */
    void progress(Progress now);

    /** Something the operator should know, e.g. that a checkpoint was discarded; one sentence. */
    default void note(String message) {
    }

    /** Once, when the run has written every line. */
    default void finished(RunSummary summary) {
    }

    /** Once, when an {@link ImpactRun} has read every line and written its report. */
    default void finished(ImpactSummary summary, Duration elapsed) {
    }

    /**
     * The listener for standard error: a plain progress line on {@code err} every 5 seconds, then the
     * final summary on {@code err}. (The command line draws a progress bar instead when standard error
     * is a terminal; that console piece, and its libraries, live in {@code claims-cli}.)
     */
    static ProgressListener console(PrintWriter err) {
        return plain(err, Duration.ofSeconds(5));
    }

    /**
     * A plain line at most every {@code every}, for logs and CI:
     * {@code 1,234,567 / 10,000,000 lines  12.3%  98,765 claims/s  elapsed 0:12  eta 1:30}; then the summary.
     */
    static ProgressListener plain(PrintWriter err, Duration every) {
        return new ConsoleProgress.Plain(Objects.requireNonNull(err, "err"), Objects.requireNonNull(every, "every"));
    }
}
