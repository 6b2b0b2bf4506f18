package io.autoclaims.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.batch.BacklogRun;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.testkit.SyntheticBacklog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14 through the command line: {@code reevaluate --checkpoint} on a damaged checkpoint (stale
 * checksum, or the output changed under it) exits 2 with a message starting "The checkpoint" on
 * standard error, and writes nothing: the output, {@code checkpoint.txt} and {@code batches.log} keep
 * every byte. An interrupted run resumes to what {@code adjudicate} writes, with and without
 * {@code --verify-all}.
 */
class CheckpointCommandTest {
    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private List<byte[]> files(Path out, Path ckpt) throws IOException {
        List<byte[]> f = new ArrayList<>();
        for (Path p : new Path[] {out, ckpt.resolve("checkpoint.txt"), ckpt.resolve("batches.log")}) {
            f.add(Files.readAllBytes(p));
        }
        return f;
    }

    /** {@code reevaluate} with the checkpoint exits 2 naming the damage, and no byte of the three files changes. */
    private void assertRefused(Path in, Path out, Path ckpt, String fragment, String... more) throws IOException {
        List<byte[]> before = files(out, ckpt);
        List<String> args = new ArrayList<>(List.of("reevaluate", "--in", in.toString(), "--out", out.toString(),
                "--checkpoint", ckpt.toString(), "--threads", "2"));
        args.addAll(List.of(more));
        CliRun r = run(args.toArray(String[]::new));
        assertEquals(ClaimsCli.USAGE, r.status(), r.err());
        String message = r.err().lines().filter(l -> l.startsWith("The checkpoint ")).findFirst().orElseThrow(
                () -> new AssertionError("no line starting with 'The checkpoint': " + r.err()));
        assertTrue(message.contains(fragment), message);
        assertTrue(message.contains("Nothing was written"), message);
        List<byte[]> after = files(out, ckpt);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(before.get(i), after.get(i), "file " + i + " unchanged: " + message);
        }
    }

    private static void editCheckpoint(Path ckpt, String key, String value) throws IOException {
        Path f = ckpt.resolve("checkpoint.txt");
        StringBuilder text = new StringBuilder();
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            text.append(line.startsWith(key + "=") ? key + "=" + value : line).append('\n');
        }
        Files.writeString(f, text, StandardCharsets.UTF_8);
    }

    private static String value(Path ckpt, String key) throws IOException {
        return Files.readAllLines(ckpt.resolve("checkpoint.txt")).stream().filter(l -> l.startsWith(key + "="))
                .map(l -> l.substring(key.length() + 1)).findFirst().orElseThrow();
    }

    @Test
    void aDamagedCheckpointExits2AndWritesNothing() throws IOException {
        Path in = dir.resolve("backlog.jsonl");
        SyntheticBacklog.write(in, 3500, 14);
        Path expected = dir.resolve("adjudicated.jsonl");
        assertEquals(0, run("adjudicate", "--in", in.toString(), "--out", expected.toString()).status());
        Path out = dir.resolve("reevaluated.jsonl");
        Path ckpt = dir.resolve("ckpt");
        // interrupted after two batches of 1,000 lines (as by a kill right after a checkpoint)
        AtomicInteger batches = new AtomicInteger();
        assertThrows(IllegalStateException.class, () -> BacklogRun.builder().rulebook(Rulebook.loadDefault()).input(in)
                .output(out).checkpoint(ckpt).threads(2).progress(p -> {
                    if (batches.incrementAndGet() == 2) {
                        throw new IllegalStateException("simulated crash");
                    }
                }).build().run());
        assertEquals("2000", value(ckpt, "linesDone"));
        String checkpoint = Files.readString(ckpt.resolve("checkpoint.txt"));
        byte[] done = Files.readAllBytes(out);

        // the damages, checksum left stale
        editCheckpoint(ckpt, "outputOffset", String.valueOf(Long.parseLong(value(ckpt, "outputOffset")) - 1));
        assertRefused(in, out, ckpt, "is damaged: its content does not match its checksum");
        Files.writeString(ckpt.resolve("checkpoint.txt"), checkpoint);
        editCheckpoint(ckpt, "complete", "true");
        assertRefused(in, out, ckpt, "is damaged");
        Files.writeString(ckpt.resolve("checkpoint.txt"), checkpoint);
        editCheckpoint(ckpt, "linesDone", "2001");
        assertRefused(in, out, ckpt, "is damaged");
        Files.write(ckpt.resolve("checkpoint.txt"), new byte[] {(byte) 0x8F, 0x01, (byte) 0xFF, 0x00, 0x42});
        assertRefused(in, out, ckpt, "is damaged: it is not UTF-8 text");
        Files.writeString(ckpt.resolve("checkpoint.txt"), checkpoint);
        // a byte flipped in the done output, with and without --verify-all
        byte[] flipped = done.clone();
        flipped[100] ^= 0x04;
        Files.write(out, flipped);
        assertRefused(in, out, ckpt, "does not match the output");
        assertRefused(in, out, ckpt, "does not match the output", "--verify-all");
        // the output cut short
        Files.write(out, java.util.Arrays.copyOf(done, done.length - 10));
        assertRefused(in, out, ckpt, "does not match the output " + out + ": it holds " + (done.length - 10) + " bytes");
        Files.write(out, done);

        // resumed: what adjudicate writes; then only reported
        CliRun resumed = run("reevaluate", "--in", in.toString(), "--out", out.toString(), "--checkpoint", ckpt.toString(),
                "--threads", "1", "--verify-all");
        assertEquals(0, resumed.status(), resumed.err());
        assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(out));
        CliRun again = run("reevaluate", "--in", in.toString(), "--out", out.toString(), "--checkpoint", ckpt.toString());
        assertEquals(0, again.status(), again.err());
        assertTrue(again.err().contains("complete run: nothing to do"), again.err());
        // a record appended to the finished output
        Files.writeString(out, "{\"claimId\":\"FORGED\"}\n", StandardOpenOption.APPEND);
        assertRefused(in, out, ckpt, "bytes, the complete run wrote " + Files.size(expected));
    }
}
