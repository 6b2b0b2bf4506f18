package io.autoclaims.cli;

import io.autoclaims.batch.ImpactSummary;
import io.autoclaims.batch.Progress;
import io.autoclaims.batch.ProgressListener;
import io.autoclaims.batch.RunSummary;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The command line's progress: a me.tongfei progress bar redrawn in place on a terminal. It lives here,
 * not in claims-batch, so that the library brings no console libraries (progressbar, jline) to hosts.
 * The resume line, notes and the final summary are written exactly as claims-batch's plain listener
 * writes them.
 */
final class ConsoleProgressBar implements ProgressListener {
    private final PrintStream terminal;
    private final ProgressListener text;
    private final String task;
    private ProgressBar bar;

    private ConsoleProgressBar(PrintStream terminal, PrintWriter summary, String task) {
        this.terminal = terminal;
        // only its started/note/finished text is used: progress goes to the bar
        this.text = ProgressListener.plain(summary, Duration.ofDays(1));
        this.task = task;
    }

    /**
     * A progress bar on {@link System#err} when it is a terminal ({@code System.console() != null}),
     * else claims-batch's plain progress line on {@code err} every 5 seconds; either way a final
     * summary on {@code err}.
     */
    static ProgressListener console(PrintWriter err, String task) {
        return System.console() != null ? new ConsoleProgressBar(System.err, err, task) : ProgressListener.console(err);
    }

    @Override
    public void started(Progress start) {
        text.started(start);
        bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(start.linesTotal())
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                .setConsumer(new ConsoleProgressBarConsumer(terminal))
                .setUnit(" lines", 1)
                .showSpeed()
                .setSpeedUnit(ChronoUnit.SECONDS)
                .setUpdateIntervalMillis(500)
                .continuousUpdate()
                .startsFrom(start.resumedFromLine(), Duration.ZERO)
                .build();
    }

    @Override
    public void note(String message) {
        text.note(message);
    }

    @Override
    public void progress(Progress now) {
        if (bar == null) {
            started(now);
        }
        if (now.linesTotal() >= 0 && bar.getMax() != now.linesTotal()) {
            bar.maxHint(now.linesTotal());
        }
        bar.stepTo(now.linesDone());
    }

    @Override
    public void finished(RunSummary s) {
        close(s.lines());
        text.finished(s);
    }

    @Override
    public void finished(ImpactSummary s, Duration elapsed) {
        close(s.lines());
        text.finished(s, elapsed);
    }

    private void close(long lines) {
        if (bar != null) {
            bar.maxHint(lines);
            bar.stepTo(lines);
            bar.close();
        }
    }
}
