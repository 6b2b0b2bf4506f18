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

    public Progress {
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** Lines this run adjudicated per second so far. */
    public double linesPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return s <= 0 ? 0 : (linesDone - resumedFromLine) / s;
    }

    /** Done as a fraction 0..1: by lines when their total is known, else by bytes; empty when neither is. */
    public Optional<Double> fraction() {
        if (linesTotal > 0) {
            return Optional.of(Math.min(1.0, (double) linesDone / linesTotal));
        }
        if (bytesTotal > 0) {
            return Optional.of(Math.min(1.0, (double) bytesDone / bytesTotal));
        }
        return linesTotal == 0 || bytesTotal == 0 ? Optional.of(1.0) : Optional.empty();
    }

    /** Time left at this run's rate so far (by lines when their total is known, else by bytes). */
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
