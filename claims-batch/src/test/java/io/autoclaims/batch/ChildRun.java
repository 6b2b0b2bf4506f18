package io.autoclaims.batch;

import io.autoclaims.rules.Rulebook;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;

/**
 * A {@link BacklogRun} in a child JVM, for the streaming and kill-and-resume tests:
 * {@code ChildRun IN OUT THREADS CHECKPOINT_DIR|- BATCH_LINES}. Prints {@code READY} on standard output
 * once the rulebook is loaded and the run is about to start, then {@code DONE lines resumedFromLine
 * peakHeapMb}; exit status 2 for a refused checkpoint.
 */
public final class ChildRun {
    private ChildRun() {
    }

    public static void main(String[] args) throws Exception {
        Rulebook rulebook = Rulebook.loadDefault();
        BacklogRun run = BacklogRun.builder().rulebook(rulebook).input(Path.of(args[0])).output(Path.of(args[1]))
                .threads(Integer.parseInt(args[2])).checkpoint(args[3].equals("-") ? null : Path.of(args[3]))
                .batchLines(Integer.parseInt(args[4])).build();
        System.out.println("READY");
        System.out.flush();
        try {
            RunSummary s = run.run();
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.printf("DONE %d %d %.1f %.1f%n", s.lines(), s.resumedFromLine(), peak / 1048576.0, s.claimsPerSecond());
            System.out.flush();
            System.exit(0);
        } catch (CheckpointMismatchException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }
}
