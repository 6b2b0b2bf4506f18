package io.autoclaims.bench.backlog;

import io.autoclaims.batch.BacklogRun;
import io.autoclaims.batch.Progress;
import io.autoclaims.batch.ProgressListener;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.testkit.SyntheticBacklog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Issue #14's resume target: a run killed at 90 % of a large backlog, then started again; how long
 * it takes to verify the checkpoint before the first new batch (default: the journal and the last
 * batch; {@code --verify-all}: every batch). A timing harness, not a JMH benchmark: one resume is one
 * long operation on files of several GB, measured a few times.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.autoclaims.bench.backlog.ResumeCost DIR [LINES]
 * </pre>
 */
public final class ResumeCost {

    private ResumeCost() {
    }

    /** Thrown by the listeners to stop a run at a chosen point; the checkpoint stays as written. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super(null, null, false, false);
        }
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        long lines = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
        Files.createDirectories(dir);
        Path input = dir.resolve("backlog-" + lines + ".jsonl");
        Path output = dir.resolve("verdicts.jsonl");
        Path ckpt = dir.resolve("ckpt");
        Rulebook rulebook = Rulebook.loadDefault();
        if (!Files.exists(input)) {
            SyntheticBacklog.write(input, lines, 2026);
        }
        long killAt = lines * 9 / 10;
        if (!Files.exists(ckpt.resolve("checkpoint.txt"))) {
            long t0 = System.nanoTime();
            try {
                run(rulebook, input, output, ckpt, false, new ProgressListener() {
                    @Override
                    public void progress(Progress now) {
                        if (now.linesDone() >= killAt) {
                            throw new Stop();
                        }
                    }
                });
            } catch (Stop e) {
                System.out.printf(Locale.ROOT, "run to %,d lines (kill at 90%%): %.1f s%n", killAt,
                        (System.nanoTime() - t0) / 1e9);
            }
        }
        System.out.printf(Locale.ROOT, "input %,d bytes, output %,d bytes, load %s%n", Files.size(input),
                Files.size(output), load());
        for (boolean all : new boolean[] {false, false, false, true}) {
            long t0 = System.nanoTime();
            long[] verified = {0};
            try {
                run(rulebook, input, output, ckpt, all, new ProgressListener() {
                    @Override
                    public void started(Progress start) {
                        verified[0] = System.nanoTime();
                        throw new Stop();
                    }

                    @Override
                    public void progress(Progress now) {
                    }
                });
            } catch (Stop e) {
                // stopped right after the verification: nothing more was written
            }
            System.out.printf(Locale.ROOT, "resume verification (%s): %.3f s, load %s%n",
                    all ? "--verify-all" : "default", (verified[0] - t0) / 1e9, load());
        }
    }

    private static void run(Rulebook rulebook, Path input, Path output, Path ckpt, boolean all,
                            ProgressListener listener) throws IOException {
        BacklogRun.builder().rulebook(rulebook).input(input).output(output).checkpoint(ckpt).threads(2)
                .verifyAll(all).progress(listener).build().run();
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
