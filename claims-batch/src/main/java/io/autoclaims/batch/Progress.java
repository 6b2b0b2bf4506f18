package io.autoclaims.batch;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of a running {@link BacklogRun}, handed to {@link ProgressListener#progress}.
 *
 * @param linesDone       records written so far, lines done before a resume included
 * @param linesTotal      lines in the input, or -1 while not (yet) known (counted in the background for a regular file)
 * @param bytesDone       input bytes consumed so far
 * @param bytesTotal      the input's size in bytes, or -1 when unknown
 * @param resumedFromLine lines already done when this run started
 * @param resumedFromByte input bytes already consumed when this run started
 * @param elapsed         time since this run started
 */
public record Progress(long linesDone, long linesTotal, long bytesDone, long bytesTotal, long resumedFromLine,
                       long resumedFromByte, Duration elapsed) {

    /**
     * A snapshot; the library's runs make them, a listener only reads them.
     *
     * @param linesDone       records written so far, lines done before a resume included
     * @param linesTotal      lines in the input, or -1 while not known
     * @param bytesDone       input bytes consumed so far
     * @param bytesTotal      the input's size in bytes, or -1 when unknown
     * @param resumedFromLine lines already done when this run started
     * @param resumedFromByte input bytes already consumed when this run started
     * @param elapsed         time since this run started, not null
     * @throws NullPointerException when {@code elapsed} is null
     */
    public Progress {
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /**
     * The speed of this run so far.
     *
     * @return lines this run adjudicated (after {@code resumedFromLine}) per second of {@code elapsed}; 0 at the start
     */
    public double linesPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return s <= 0 ? 0 : (linesDone - resumedFromLine) / s;
    }

    /**
     * How much is done.
     *
     * @return done as a fraction 0..1: by lines when their total is known, else by bytes; empty when neither is
     */
    public Optional<Double> fraction() {
        if (linesTotal > 0) {
            return Optional.of(Math.min(1.0, (double) linesDone / linesTotal));
        }
        if (bytesTotal > 0) {
            return Optional.of(Math.min(1.0, (double) bytesDone / bytesTotal));
        }
        return linesTotal == 0 || bytesTotal == 0 ? Optional.of(1.0) : Optional.empty();
    }

    /**
     * The estimated time left.
     *
     * @return time left at this run's rate so far (by lines when their total is known, else by bytes);
     *     empty before this run has done anything or when no total is known
     */
    public Optional<Duration> eta() {
        double s = elapsed.toNanos() / 1e9;
        double left;
        if (linesTotal >= 0 && linesDone > resumedFromLine) {
            left = (linesTotal - linesDone) * s / (linesDone - resumedFromLine);
        } else if (bytesTotal >= 0 && bytesDone > resumedFromByte) {
            left = (bytesTotal - bytesDone) * s / (bytesDone - resumedFromByte);
        } else {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(Math.round(Math.max(0, left) * 1000)));
    }
}
