package io.autoclaims.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14: a write error on standard output ends the run with exit status 4 and a message naming
 * the output and the last input line whose record was written in full, in-process (a stream that
 * fails after N bytes) and in a child JVM (/dev/full, a pipe closed by its reader, a full tmpfs).
 */
class StandardOutputCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLAIM = "{\"claimId\":\"W-%d\",\"type\":\"WARRANTY\",\"submittedOn\":\"2024-05-21\","
            + "\"vehicle\":{\"vin\":\"LSGKB54H8JA123456\",\"purchasedOn\":\"2023-01-10\",\"odometerKm\":%d},"
            + "\"incident\":{\"occurredOn\":\"2024-05-20\",\"cause\":\"QUALITY_DEFECT\"},"
            + "\"repairShop\":{\"id\":\"4S-SH-001\",\"authorized\":true,\"tier\":\"DEALER_4S\"},"
            + "\"lines\":[{\"lineId\":\"L1\",\"system\":\"BRAKE\",\"part\":\"制动主缸\",\"repairCostCny\":950.00,"
            + "\"replaceCostCny\":2100.00}],\"documents\":[\"REPAIR_ORDER\"]}";
    private static final Pattern AFTER_LINE = Pattern.compile("failed after line (\\d+) \\(");

    @TempDir
    Path dir;

    /** Accepts {@code limit} bytes, then writes what still fits of a call and throws, as a full disk does. */
    private static final class FailingOutput extends OutputStream {
        final ByteArrayOutputStream got = new ByteArrayOutputStream();
        final int limit;

        FailingOutput(int limit) {
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int room = limit - got.size();
            got.write(b, off, Math.min(len, Math.max(room, 0)));
            if (len > room) {
                throw new IOException("No space left on device (test)");
            }
        }
    }

    private record Run(int status, byte[] out, String err) {
    }

    private static Run run(OutputStream stdout, String... args) {
        StringWriter err = new StringWriter();
        int status = ClaimsCli.run(stdout, new PrintWriter(err, true), args);
        byte[] out = stdout instanceof FailingOutput f ? f.got.toByteArray()
                : stdout instanceof ByteArrayOutputStream b ? b.toByteArray() : new byte[0];
        return new Run(status, out, err.toString());
    }

    private Path backlog(int n) throws IOException {
        Path in = dir.resolve("in-" + n + ".jsonl");
        try (Writer w = Files.newBufferedWriter(in, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= n; i++) {
                w.write(String.format(CLAIM, i, 1000 + i));
                w.write('\n');
            }
        }
        return in;
    }

    private static int newlines(byte[] b, int length) {
        int n = 0;
        for (int i = 0; i < length; i++) {
            n += b[i] == '\n' ? 1 : 0;
        }
        return n;
    }

    /** Where record {@code k} (1-based) ends, after its line feed. */
    private static int endOfRecord(byte[] b, int k) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n' && --k == 0) {
                return i + 1;
            }
        }
        throw new AssertionError("fewer records than " + k);
    }

    private static long lineNamed(String err) {
        Matcher m = AFTER_LINE.matcher(err);
        assertTrue(m.find(), err);
        return Long.parseLong(m.group(1));
    }

    @Test
    void adjudicateStopsAtTheFirstFailedWriteAndNamesTheLastRecordWritten() throws IOException {
        Path in = backlog(30);
        Run full = run(new ByteArrayOutputStream(), "adjudicate", "--in", in.toString());
        assertEquals(0, full.status(), full.err());
        assertEquals(30, newlines(full.out(), full.out().length));
        int tenth = endOfRecord(full.out(), 10);
        // nothing, mid-record, exactly ten records, all but the last line feed
        for (int limit : new int[] {0, full.out().length / 2, tenth, full.out().length - 1}) {
            Run r = run(new FailingOutput(limit), "adjudicate", "--in", in.toString());
            assertEquals(ClaimsCli.IO, r.status(), "limit " + limit + ": " + r.err());
            assertArrayEquals(Arrays.copyOf(full.out(), limit), r.out(), "the bytes before the failure, then nothing");
            int written = newlines(r.out(), r.out().length);
            assertTrue(r.err().contains("写入标准输出失败（No space left on device (test)）"), r.err());
            if (written == 0) {
                assertTrue(r.err().contains("Writing standard output failed before the first record "
                        + "(No space left on device (test)); no record was written."), r.err());
                continue;
            }
            assertEquals(written, lineNamed(r.err()), r.err());
            assertTrue(r.err().contains("the records of lines 1-" + written + " were written"), r.err());
            assertTrue(r.err().contains("第 1-" + written + " 行的记录已完整写出"), r.err());
            assertTrue(!r.err().contains("lines adjudicated"), r.err());
            // record K is input line K's
            String[] records = new String(r.out(), 0, endOfRecord(r.out(), written), StandardCharsets.UTF_8).split("\n");
            assertEquals("W-" + written, JSON.readTree(records[written - 1]).get("claimId").asText());
        }
        assertEquals(10, lineNamed(run(new FailingOutput(tenth), "adjudicate", "--in", in.toString()).err()));
        assertEquals(0, run(new FailingOutput(full.out().length), "adjudicate", "--in", in.toString()).status());
    }

    @Test
    void reportsOnAFailingStandardOutputExitWithStatus4() throws IOException {
        Path workbook = dir.resolve("warranty.xlsx");
        try (InputStream in = getClass().getResourceAsStream("/io/autoclaims/rules/default/warranty.xlsx")) {
            Files.write(workbook, in.readAllBytes());
        }
        Path claim = dir.resolve("claim.json");
        Files.writeString(claim, String.format(CLAIM, 1, 1000), StandardCharsets.UTF_8);
        List<String[]> commands = List.of(new String[] {"check"}, new String[] {"diff", workbook.toString(), workbook.toString()},
                new String[] {"explain", "--claim", claim.toString()}, new String[] {"test", "--rules", workbook.toString()},
                new String[] {"--help"}, new String[] {"help", "adjudicate"}, new String[] {});
        for (String[] args : commands) {
            // the same text as through a PrintWriter: only the stream under it changed
            StringWriter text = new StringWriter();
            int expected = ClaimsCli.run(new PrintWriter(text, true), new PrintWriter(new StringWriter(), true), args);
            Run captured = run(new ByteArrayOutputStream(), args);
            assertEquals(expected, captured.status(), List.of(args) + ": " + captured.err());
            assertEquals(text.toString(), new String(captured.out(), StandardCharsets.UTF_8), List.of(args).toString());
            assertTrue(captured.out().length > 1, List.of(args).toString());

            for (int limit : new int[] {0, captured.out().length / 2}) {
                Run r = run(new FailingOutput(limit), args);
                assertEquals(ClaimsCli.IO, r.status(), List.of(args) + ": " + r.err());
                assertTrue(r.err().contains("Writing standard output failed (No space left on device (test)); "
                        + "what was printed is incomplete."), List.of(args) + ": " + r.err());
                assertTrue(r.err().contains("写入标准输出失败（No space left on device (test)）：输出不完整。"), r.err());
            }
        }
        // through a caller's PrintWriter the reason is not known, the failure is
        StringWriter err = new StringWriter();
        PrintWriter broken = new PrintWriter(new FailingOutput(0), true);
        assertEquals(ClaimsCli.IO, ClaimsCli.run(broken, new PrintWriter(err, true), "check"));
        assertTrue(err.toString().contains("Writing standard output failed; what was printed is incomplete."), err.toString());
    }

    // --- a child JVM: the process's real standard output ---

    private record Child(int status, String err) {
    }

    private List<String> command(String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // C1 only: each child is a short command run, where C2 compiling costs more than it gains
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"), ClaimsCli.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private Child child(File stdout, String... args) throws IOException, InterruptedException {
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(command(args)).redirectOutput(stdout).redirectError(err.toFile()).start();
        return finish(p, err);
    }

    private static Child finish(Process p, Path err) throws IOException, InterruptedException {
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the child did not finish: " + Files.readString(err));
        }
        return new Child(p.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static void skip(String reason) {
        System.out.println("SKIPPED: " + reason);
        Assumptions.abort(reason);
    }

    @Test
    void devFullExitsWithStatus4() throws IOException, InterruptedException {
        File full = new File("/dev/full");
        if (!full.exists() || !full.canWrite()) {
            skip("/dev/full not available");
        }
        Child c = child(full, "adjudicate", "--in", backlog(5).toString());
        assertEquals(ClaimsCli.IO, c.status(), c.err());
        assertTrue(c.err().contains("Writing standard output failed before the first record (No space left on device); "
                + "no record was written."), c.err());
        assertTrue(c.err().contains("写入标准输出失败（No space left on device）"), c.err());

        Child help = child(full, "--help");
        assertEquals(ClaimsCli.IO, help.status(), help.err());
        assertTrue(help.err().contains("Writing standard output failed (No space left on device)"), help.err());
    }

    @Test
    void aPipeClosedByItsReaderEndsTheRun() throws IOException, InterruptedException {
        int n = 3000;
        Path in = backlog(n);
        Path err = dir.resolve("pipe-err.txt");
        Process p = new ProcessBuilder(command("adjudicate", "--in", in.toString())).redirectError(err.toFile()).start();
        try (BufferedReader records = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (int i = 1; i <= 3; i++) {
                String record = records.readLine();
                assertNotNull(record, "record " + i);
                assertEquals("W-" + i, JSON.readTree(record).get("claimId").asText());
            }
        } // as `claims adjudicate | head -3`
        Child c = finish(p, err);
        assertEquals(ClaimsCli.IO, c.status(), c.err());
        assertTrue(c.err().contains("Broken pipe"), c.err());
        long written = lineNamed(c.err());
        assertTrue(written >= 3 && written < n, c.err());
        assertTrue(!c.err().contains("lines adjudicated"), c.err());
    }

    @Test
    void aFullDiskStopsAtARecordBoundaryTheMessageNames() throws IOException, InterruptedException {
        Path mount = Files.createDirectories(dir.resolve("tmpfs"));
        String mounted = exec("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mount.toString());
        if (mounted != null) {
            skip("a 64 KiB tmpfs cannot be mounted here (" + mounted.strip() + ")");
        }
        try {
            Path in = backlog(500);
            Run reference = run(new ByteArrayOutputStream(), "adjudicate", "--in", in.toString());
            assertEquals(0, reference.status(), reference.err());
            assertTrue(reference.out().length > 128 * 1024, "more than the disk holds");

            Path out = mount.resolve("out.jsonl");
            Child toFile = child(new File("/dev/null"), "adjudicate", "--in", in.toString(), "--out", out.toString());
            assertEquals(ClaimsCli.IO, toFile.status(), toFile.err());
            assertTrue(toFile.err().contains("Writing " + out + " failed after line "), toFile.err());
            assertTrue(toFile.err().contains("写入 " + out + " 失败（No space left on device）"), toFile.err());
            assertWrittenAsNamed(Files.readAllBytes(out), reference.out(), lineNamed(toFile.err()));
            Files.delete(out);

            Path stdout = mount.resolve("stdout.jsonl");
            Child toStdout = child(stdout.toFile(), "adjudicate", "--in", in.toString());
            assertEquals(ClaimsCli.IO, toStdout.status(), toStdout.err());
            assertTrue(toStdout.err().contains("Writing standard output failed after line "), toStdout.err());
            assertWrittenAsNamed(Files.readAllBytes(stdout), reference.out(), lineNamed(toStdout.err()));
        } finally {
            String unmounted = exec("umount", mount.toString());
            if (unmounted != null) {
                exec("umount", "-l", mount.toString());
            }
        }
    }

    /** The file holds exactly the named number of complete records, the reference's, and at most a cut one after. */
    private static void assertWrittenAsNamed(byte[] file, byte[] reference, long named) {
        assertEquals(named, newlines(file, file.length), "complete records in the file");
        assertTrue(named > 10, "the disk took some records");
        assertArrayEquals(Arrays.copyOf(reference, file.length), file, "the reference's bytes");
    }

    /** Runs a command; null when it succeeded, else its output (or why it did not start). */
    private static String exec(String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor() == 0 ? null : String.join(" ", command) + ": " + output;
        } catch (IOException e) {
            return String.join(" ", command) + ": " + e.getMessage();
        }
    }
}
