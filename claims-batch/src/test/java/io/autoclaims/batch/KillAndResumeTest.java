package io.autoclaims.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.testkit.SyntheticBacklog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly once across {@code kill -9}: a child JVM re-evaluating a 40,000-line backlog with a
 * checkpoint is killed with SIGKILL at 8 seeded random moments of one run (each time started again
 * with the same arguments but a random thread count and batch size), then runs to completion; the
 * output equals an uninterrupted run's byte for byte. Eight, not more: each child spends most of its
 * life starting and compiling the rulebook, and twenty kills cost verify a minute and a half without
 * reaching a moment eight do not (early kills, kills between batches, kills mid-batch at 1-3 threads).
 */
class KillAndResumeTest {
    private static final int LINES = 40_000;
    private static final int KILLS = 8;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void killedTwelveTimesThenFinishedEqualsAnUninterruptedRun() throws IOException, InterruptedException {
        Path in = dir.resolve("backlog.jsonl");
        SyntheticBacklog.write(in, LINES, 40);
        byte[] expected = BacklogRunTest.reference(in, TestRulebooks.defaultRulebook());

        Path out = dir.resolve("verdicts.jsonl");
        Path ckpt = dir.resolve("ckpt");
        Path log = dir.resolve("children.log");
        Random random = new Random(20_261_126L);
        List<String> history = new ArrayList<>();
        TreeSet<Long> linesAtKills = new TreeSet<>();
        int killedMidRun = 0;
        for (int k = 0; k < KILLS; k++) {
            int threads = 1 + random.nextInt(3);
            int batch = random.nextBoolean() ? 1000 : 250;
            // a quarter of the kills fall early (checking the checkpoint, truncating, the first batch);
            // the rest after the run has made another batch durable, so that every run moves on
            boolean early = random.nextInt(4) == 0;
            long delay = early ? random.nextInt(600) : random.nextInt(400);
            long before = linesDone(ckpt);
            ChildJvm child = ChildJvm.start("128m", log, in, out, threads, ckpt, batch);
            assertTrue(child.awaitReady(), () -> "the child started: " + StreamingMemoryTest.read(log));
            if (!early) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (child.process.isAlive() && linesDone(ckpt) == before && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
            }
            boolean exited = child.process.waitFor(delay, TimeUnit.MILLISECONDS);
            child.process.destroyForcibly();
            child.process.waitFor();
            if (!exited) {
                killedMidRun++;
            }
            long done = linesDone(ckpt);
            linesAtKills.add(done);
            history.add("kill " + (k + 1) + ": " + threads + " threads, batches of " + batch + ", "
                    + (early ? "" : "after a new checkpoint and ") + delay + " ms" + (exited ? " (had finished)" : "")
                    + ", checkpoint at line " + done + ", output " + (Files.exists(out) ? Files.size(out) : 0)
                    + " bytes");
        }
        ChildJvm last = ChildJvm.start("128m", log, in, out, 2, ckpt, 1000);
        String[] done = last.awaitDone();
        assertTrue(last.process.waitFor(5, TimeUnit.MINUTES));
        String story = String.join("\n", history);
        assertNotNull(done, () -> story + "\n" + StreamingMemoryTest.read(log));
        assertEquals(0, last.process.exitValue());
        System.out.println(story);
        System.out.println("final run: " + String.join(" ", done));

        assertArrayEquals(expected, Files.readAllBytes(out), story);
        assertEquals(String.valueOf(LINES), done[1]);
        assertTrue(killedMidRun >= KILLS / 2, "most kills landed in the middle of a run:\n" + story);
        assertTrue(linesAtKills.size() >= 5, "the kills fell at many different points of the run:\n" + story);
    }

    private static long linesDone(Path ckpt) throws IOException {
        Checkpoint c = Files.exists(Checkpoint.file(ckpt)) ? Checkpoint.read(ckpt) : null;
        return c == null ? 0 : c.linesDone();
    }
}
