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

    /**
     * Once, before the first batch.
     *
     * @param start where the run starts (after a resume, the lines already done)
     */
    default void started(Progress start) {
    }

    /**
     * After each written batch.
     *
     * @param now the run's progress after that batch
     */
    void progress(Progress now);

    /**
     * Something the operator should know, e.g. that a checkpoint was discarded.
     *
     * @param message one sentence, in English, no line end
     */
    default void note(String message) {
    }

    /**
     * Once, when a {@link BacklogRun} has written every line.
     *
     * @param summary what the run produced
     */
    default void finished(RunSummary summary) {
    }

    /**
     * Once, when an {@link ImpactRun} has read every line and written its report.
     *
     * @param summary the comparison's totals
     * @param elapsed the run's wall-clock time
     */
    default void finished(ImpactSummary summary, Duration elapsed) {
    }

    /**
     * The listener for standard error: a plain progress line on {@code err} every 5 seconds, then the
     * final summary on {@code err}. (The command line draws a progress bar instead when standard error
     * is a terminal; that console piece, and its libraries, live in {@code claims-cli}.)
     *
     * @param err where progress and the summary go, usually standard error
     * @return the listener
     */
    static ProgressListener console(PrintWriter err) {
        return plain(err, Duration.ofSeconds(5));
    }

    /**
     * A plain line at most every {@code every}, for logs and CI:
     * {@code 1,234,567 / 10,000,000 lines  12.3%  98,765 claims/s  elapsed 0:12  eta 1:30}; then the summary.
     *
     * @param err   where the lines go
     * @param every the least time between two progress lines
     * @return the listener
     * @throws NullPointerException when an argument is null
     */
    static ProgressListener plain(PrintWriter err, Duration every) {
        return new ConsoleProgress.Plain(Objects.requireNonNull(err, "err"), Objects.requireNonNull(every, "every"));
    }
}
