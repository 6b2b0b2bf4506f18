package io.autoclaims.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.cli.HostileLines.Form;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14: ten claims whose {@code lines[0].part} is 5 MB of text used to exhaust a 256 MB heap in
 * the codec and kill {@code reevaluate --threads 2} with 8 of 10 written. In child JVMs that end at
 * the first OutOfMemoryError: with the default line limit, in a 64 MB heap, each is a
 * {@code LINE_TOO_LONG} record; with {@code --max-line-bytes 8000000} an {@code INVALID_FIELD} record
 * on {@code lines[0].part} (at most 200 characters), in 128 MB (a raised limit raises the memory: a
 * 5 MB string read into a tree costs several times its size, and up to {@code threads + 3} batches
 * exist at once in the batch pipeline, each up to the line limit; measured on 2026-12-06,
 * {@code adjudicate} needs between 56 and 64 MB, {@code reevaluate} about 96 MB on 1 thread and 128 MB
 * on 2); the claims
 * between them, one with a 150-character part, get their verdicts; {@code adjudicate} and
 * {@code reevaluate --threads 2} write the same bytes.
 */
class HugeLineMemoryTest {
    private static final int HUGE = 10;
    private static final long PART_BYTES = 5_000_000;

    @TempDir
    static Path dir;
    static Path in;

    @BeforeAll
    static void writeBacklog() throws IOException {
        in = dir.resolve("huge-parts.jsonl");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(in), 1 << 16)) {
            for (int i = 1; i <= 2 * HUGE; i++) {
                if (i % 2 == 1) {
                    HostileLines.writeHugePart(out, "H-" + i, PART_BYTES);
                } else {
                    out.write(HostileLines.claim("H-" + i, i == 2 ? "p".repeat(150) : "brake master cylinder"));
                    out.write('\n');
                }
            }
        }
        assertTrue(Files.size(in) > HUGE * PART_BYTES, "ten parts of 5 MB: " + Files.size(in));
    }

    private record Child(int status, String log, double seconds) {
    }

    /** The CLI in a child JVM with that heap, which exits at the first OutOfMemoryError. */
    private static Child child(String heap, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), ClaimsCli.class.getName()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(dir, "child", ".log");
        long started = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the child did not finish: " + Files.readString(log));
        }
        return new Child(p.exitValue(), Files.readString(log), (System.nanoTime() - started) / 1e9);
    }

    private static void assertRecords(Path out, Form huge) throws IOException {
        List<String> records = List.of(HostileLines.strictUtf8(Files.readAllBytes(out)).split("\n"));
        assertEquals(2 * HUGE, records.size());
        Form verdict = new Form("claim", null, null, null, null);
        for (int i = 1; i <= 2 * HUGE; i++) {
            HostileLines.assertRecord(i % 2 == 1 ? huge : verdict, i, records.get(i - 1));
            assertTrue(records.get(i - 1).length() < 8000, "record " + i + " stays small: " + records.get(i - 1).length());
        }
        assertTrue(records.get(1).contains("p".repeat(80) + "…") && !records.get(1).contains("p".repeat(81)),
                "the 150-character part is quoted shortened: " + records.get(1));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void tenFiveMegabyteParts() throws IOException, InterruptedException {
        Form tooLong = new Form("5 MB part, default limit", null, "LINE_TOO_LONG", null, "more than the 1,048,576");
        Form tooLongField = new Form("5 MB part under --max-line-bytes 8000000", null, "INVALID_FIELD", "lines[0].part",
                "must be a string of at most 200 characters, got 5000000 characters");
        List<String> timings = new ArrayList<>();

        Path defaultLimit = dir.resolve("default.jsonl");
        Child a = child("64m", "adjudicate", "--in", in.toString(), "--out", defaultLimit.toString());
        assertEquals(0, a.status(), a.log());
        assertRecords(defaultLimit, tooLong);
        timings.add(String.format("adjudicate in 64m %.1f s", a.seconds()));

        Path raised = dir.resolve("raised.jsonl");
        Child b = child("128m", "adjudicate", "--in", in.toString(), "--out", raised.toString(),
                "--max-line-bytes", "8000000");
        assertEquals(0, b.status(), b.log());
        assertRecords(raised, tooLongField);
        timings.add(String.format("adjudicate --max-line-bytes 8000000 in 128m %.1f s", b.seconds()));

        for (String limit : new String[] {"1048576", "8000000"}) {
            Path out = dir.resolve("reevaluated-" + limit + ".jsonl");
            String heap = limit.equals("8000000") ? "128m" : "64m";
            Child r = child(heap, "reevaluate", "--in", in.toString(), "--out", out.toString(), "--threads", "2",
                    "--max-line-bytes", limit);
            assertEquals(0, r.status(), r.log());
            assertArrayEquals(Files.readAllBytes(limit.equals("8000000") ? raised : defaultLimit), Files.readAllBytes(out),
                    "reevaluate --threads 2 --max-line-bytes " + limit + " writes what adjudicate writes");
            timings.add(String.format("reevaluate --threads 2 --max-line-bytes %s in %s %.1f s", limit, heap, r.seconds()));
        }
        System.out.println("ten 5 MB parts: " + String.join(", ", timings));
    }
}
