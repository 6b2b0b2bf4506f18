package io.autoclaims.batch;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/** The library's progress listener for standard error (the in-place progress bar is claims-cli's). */
final class ConsoleProgress {
    private ConsoleProgress() {
    }

    static String line(Progress p) {
        StringBuilder s = new StringBuilder();
        if (p.linesTotal() >= 0) {
            s.append(String.format(Locale.ROOT, "%,d / %,d lines", p.linesDone(), p.linesTotal()));
            p.fraction().ifPresent(f -> s.append(String.format(Locale.ROOT, "  %.1f%%", f * 100)));
        } else {
            s.append(String.format(Locale.ROOT, "%,d lines", p.linesDone()));
            if (p.bytesTotal() > 0) {
                s.append(String.format(Locale.ROOT, "  %.1f%% of %,.1f MB", 100.0 * p.bytesDone() / p.bytesTotal(),
                        p.bytesTotal() / 1e6));
            }
        }
        s.append(String.format(Locale.ROOT, "  %,.0f claims/s  elapsed %s", p.linesPerSecond(),
                Durations.clock(p.elapsed().toNanos() / 1e9)));
        p.eta().ifPresent(eta -> s.append("  eta ").append(Durations.clock(eta.toMillis() / 1e3)));
        return s.toString();
    }

    static void started(PrintWriter err, Progress start) {
        if (start.resumedFromLine() > 0) {
            err.printf(Locale.ROOT, "resuming from the checkpoint: %,d lines done, continuing at line %,d%n",
                    start.resumedFromLine(), start.resumedFromLine() + 1);
            err.flush();
        }
    }

    static void finished(PrintWriter err, RunSummary summary) {
        err.println(summary.describe());
        err.flush();
    }

    static void finished(PrintWriter err, ImpactSummary summary, Duration elapsed) {
        err.println(summary.describe());
        err.printf(Locale.ROOT, "  %,d lines compared in %s%n", summary.lines(), Durations.clock(elapsed.toNanos() / 1e9));
        err.flush();
    }

    /** A plain line every so often. */
    static final class Plain implements ProgressListener {
        private final PrintWriter err;
        private final long everyNanos;
        private long last;

        Plain(PrintWriter err, Duration every) {
            this.err = err;
            this.everyNanos = every.toNanos();
        }

        @Override
        public void started(Progress start) {
            last = System.nanoTime();
            ConsoleProgress.started(err, start);
        }

        @Override
        public void progress(Progress now) {
            long t = System.nanoTime();
            if (t - last >= everyNanos) {
                last = t;
                err.println(line(now));
                err.flush();
            }
        }

        @Override
        public void note(String message) {
            err.println(message);
            err.flush();
        }

        @Override
        public void finished(RunSummary summary) {
            ConsoleProgress.finished(err, summary);
        }

        @Override
        public void finished(ImpactSummary summary, Duration elapsed) {
            ConsoleProgress.finished(err, summary, elapsed);
        }
    }
}
