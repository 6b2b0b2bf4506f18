package io.autoclaims.batch;

import io.autoclaims.rules.Rulebook;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link BacklogRun} in a child JVM, for the streaming and kill-and-resume tests (and for measuring):
 * {@code ChildRun IN OUT THREADS CHECKPOINT_DIR|- BATCH_LINES}. Prints {@code READY} on standard output
 * once the rulebook is loaded and the run is about to start, then
 * {@code DONE lines resumedFromLine claimsPerSecond seconds peakHeapUsedMb peakLiveAfterGcMb}; exit
 * status 2 for a refused checkpoint.
 */
public final class ChildRun {
    private ChildRun() {
    }

    public static void main(String[] args) throws Exception {
        AtomicLong peakUsed = new AtomicLong();
        AtomicLong peakLive = new AtomicLong();
        Thread sampler = new Thread(() -> sample(peakUsed, peakLive), "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        Rulebook rulebook = Rulebook.loadDefault();
        BacklogRun run = BacklogRun.builder().rulebook(rulebook).input(Path.of(args[0])).output(Path.of(args[1]))
                .threads(Integer.parseInt(args[2])).checkpoint(args[3].equals("-") ? null : Path.of(args[3]))
                .batchLines(Integer.parseInt(args[4])).build();
        System.out.println("READY");
        System.out.flush();
        try {
            RunSummary s = run.run();
            System.out.printf("DONE %d %d %.0f %.2f %.1f %.1f%n", s.lines(), s.resumedFromLine(), s.claimsPerSecond(),
                    s.seconds(), peakUsed.get() / 1048576.0, peakLive.get() / 1048576.0);
            System.out.flush();
            System.exit(0);
        } catch (CheckpointMismatchException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    /** Peak heap in use (garbage included) and peak heap still in use after a collection (the live set). */
    private static void sample(AtomicLong peakUsed, AtomicLong peakLive) {
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        while (true) {
            peakUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
            long live = 0;
            for (MemoryPoolMXBean pool : pools) {
                MemoryUsage afterGc = pool.getCollectionUsage();
                live += afterGc == null ? 0 : afterGc.getUsed();
            }
            peakLive.accumulateAndGet(live, Math::max);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
