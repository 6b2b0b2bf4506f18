package io.autoclaims.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.testkit.SyntheticBacklog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backlog is streamed, never held: a child JVM with a 64 MB heap re-evaluates 300,000 synthetic
 * claims (about 210 MB of JSON in, 650 MB out; held as strings the input alone would need several
 * times the heap, as claims far more), with two workers and a checkpoint.
 */
class StreamingMemoryTest {
    private static final int LINES = 300_000;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void threeHundredThousandClaimsInA64MegabyteHeap() throws IOException, InterruptedException {
        Path in = dir.resolve("backlog.jsonl");
        SyntheticBacklog.write(in, LINES, 300);
        assertTrue(Files.size(in) > 3L * 64 * 1024 * 1024, "the input is several times the heap: " + Files.size(in));
        Path out = dir.resolve("verdicts.jsonl");
        Path log = dir.resolve("child.log");
        ChildJvm child = ChildJvm.start("64m", log, in, out, 2, dir.resolve("ckpt"), BacklogRun.BATCH_LINES);
        String[] done = child.awaitDone();
        assertTrue(child.process.waitFor(5, TimeUnit.MINUTES));
        assertNotNull(done, () -> "the child finished: " + read(log));
        assertEquals(0, child.process.exitValue(), () -> read(log));
        assertEquals(String.valueOf(LINES), done[1]);
        assertEquals(LINES, countLines(out));
        System.out.printf("streaming: %,d lines in a 64 MB heap, %s claims/s, %s s, peak heap used %s MB, peak live %s MB%n",
                LINES, done[3], done[4], done[5], done[6]);
    }

    static long countLines(Path file) throws IOException {
        long lines = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return lines;
    }

    static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "(no log)";
        } catch (IOException e) {
            return e.toString();
        }
    }
}
