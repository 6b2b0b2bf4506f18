package io.autoclaims.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autoclaims.model.ClaimType;
import io.autoclaims.model.Decision;
import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.testkit.SyntheticBacklog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link BacklogRun} in-process: order, one record per line, determinism, checkpoints, refusals, progress. */
class BacklogRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Rulebook rulebook;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        rulebook = TestRulebooks.defaultRulebook();
    }

    // ---- output ----------------------------------------------------------------------------------

    @Test
    void oneRecordPerLineInInputOrderWithErrorLinesMixedIn() throws IOException {
        List<String> valid = SyntheticBacklog.lines(400, 3).filter(l -> !l.isEmpty() && l.startsWith("{")
                && !l.endsWith("\r")).limit(60).toList();
        List<String> physical = new ArrayList<>();
        for (int i = 0; i < valid.size(); i++) {
            physical.add(valid.get(i));
            switch (i % 6) {
                case 0 -> physical.add("");                                    // blank line
                case 1 -> physical.add("{\"claimId\":\"BAD-" + i + "\",\"type\":\"WARRANTY\"}"); // missing fields
                case 2 -> physical.add("not json at all, 第 " + i + " 行");
                case 3 -> physical.add("\uFEFF" + valid.get(i));              // a BOM not on the first line is no BOM
                case 4 -> physical.add("   ");
                default -> physical.add(valid.get(i).replace("\"odometerKm\":", "\"odometer\":"));
            }
        }
        // a BOM and CRLF on the first line, CRLF here and there, no line end after the last line
        StringBuilder text = new StringBuilder("\uFEFF");
        for (int i = 0; i < physical.size(); i++) {
            text.append(physical.get(i));
            if (i < physical.size() - 1) {
                text.append(i % 5 == 0 ? "\r\n" : "\n");
            }
        }
        Path in = dir.resolve("mixed.jsonl");
        Files.writeString(in, text, StandardCharsets.UTF_8);
        byte[] expected = reference(in, rulebook);

        for (int threads : new int[] {1, 2, 4}) {
            for (int batch : new int[] {7, 1000}) {
                Path out = dir.resolve("out-" + threads + "-" + batch + ".jsonl");
                RunSummary s = builder(in, out).threads(threads).batchLines(batch).build().run();
                assertArrayEquals(expected, Files.readAllBytes(out), threads + " threads, batches of " + batch);
                assertEquals(physical.size(), s.lines());
            }
        }
        List<String> records = Files.readAllLines(dir.resolve("out-2-7.jsonl"), StandardCharsets.UTF_8);
        assertEquals(physical.size(), records.size());
        for (int i = 0; i < records.size(); i++) {
            JsonNode r = JSON.readTree(records.get(i));
            boolean claim = i % 2 == 0;
            int kind = i / 2 % 6;
            if (claim) {
                assertFalse(r.has("error"), "line " + (i + 1) + " holds a valid claim: " + r);
                assertEquals(JSON.readTree(physical.get(i)).get("claimId").asText(), r.get("claimId").asText());
            } else if (kind != 3) {
                assertTrue(r.has("error"), "line " + (i + 1) + " is bad: " + r);
            }
            if (r.has("error")) {
                assertEquals(i + 1, r.get("line").asLong(), "error record of line " + (i + 1));
            }
        }
    }

    @Test
    void syntheticBacklogIsByteIdenticalForAnyThreadCountAndEqualToAdjudicateJsonLines() throws IOException {
        Path in = dir.resolve("synthetic.jsonl");
        SyntheticBacklog.write(in, 3000, 11);
        byte[] expected = reference(in, rulebook);
        RunSummary first = null;
        for (int[] config : new int[][] {{1, 1000}, {2, 1000}, {4, 1000}, {4, 97}}) {
            Path out = dir.resolve("out-" + config[0] + "-" + config[1] + ".jsonl");
            RunSummary s = builder(in, out).threads(config[0]).batchLines(config[1]).build().run();
            assertArrayEquals(expected, Files.readAllBytes(out), config[0] + " threads, batches of " + config[1]);
            if (first == null) {
                first = s;
            } else {
                assertEquals(first.decisions(), s.decisions());
                assertEquals(first.claimsByType(), s.claimsByType());
            }
        }
        assertSummaryCountsOutput(first, dir.resolve("out-1-1000.jsonl"));
        assertEquals(0, first.resumedFromLine());
        assertEquals(3000, first.linesThisRun());
    }

    @Test
    void unsupportedClaimTypesGetTheAdjudicatorsErrorRecord() throws IOException {
        Rulebook warrantyOnly = Rulebook.fromWorkbooks(Map.of("warranty.xlsx", defaultWorkbook("warranty.xlsx")));
        assertFalse(warrantyOnly.supports(ClaimType.INSURANCE));
        Path in = dir.resolve("synthetic.jsonl");
        SyntheticBacklog.write(in, 600, 5);
        Path out = dir.resolve("out.jsonl");
        RunSummary s = BacklogRun.builder().rulebook(warrantyOnly).input(in).output(out).threads(2).batchLines(50)
                .build().run();
        assertArrayEquals(reference(in, warrantyOnly), Files.readAllBytes(out));
        long unsupported = Files.readAllLines(out).stream().filter(l -> l.contains("\"UNSUPPORTED_CLAIM_TYPE\""))
                .peek(l -> assertTrue(l.contains("\"field\":\"type\""), l)).count();
        assertTrue(unsupported > 100, "insurance claims are unsupported: " + unsupported);
        assertTrue(s.claimsByType().get(ClaimType.INSURANCE) >= unsupported - s.claimsByType().get(ClaimType.ASSISTANCE));
        assertSummaryCountsOutput(s, out);
    }

    @Test
    void emptyInputGivesEmptyOutput() throws IOException {
        Path in = Files.writeString(dir.resolve("empty.jsonl"), "");
        Path out = dir.resolve("out.jsonl");
        Files.writeString(out, "stale content\n");
        RunSummary s = builder(in, out).checkpoint(dir.resolve("ckpt")).build().run();
        assertEquals(0, s.lines());
        assertEquals(0, Files.size(out));
        assertEquals("true", checkpointValue(dir.resolve("ckpt"), "complete"));
    }

    // ---- checkpoint and resume ---------------------------------------------------------------------

    /** A listener that fails the run after some batches, like a crash right after a checkpoint. */
    private static ProgressListener crashAfter(int batches) {
        AtomicInteger seen = new AtomicInteger();
        return p -> {
            if (seen.incrementAndGet() == batches) {
                throw new IllegalStateException("simulated crash");
            }
        };
    }

    @Test
    void anInterruptedRunResumesAfterItsLastCheckpointAndDropsATornTail() throws IOException {
        Path in = dir.resolve("in.jsonl");
        SyntheticBacklog.write(in, 1500, 21);
        byte[] expected = reference(in, rulebook);
        Path out = dir.resolve("out.jsonl");
        Path ckpt = dir.resolve("ckpt");

        assertThrows(IllegalStateException.class,
                () -> builder(in, out).threads(2).batchLines(100).checkpoint(ckpt).progress(crashAfter(4)).build().run());
        long done = Long.parseLong(checkpointValue(ckpt, "linesDone"));
        assertTrue(done >= 100 && done < 1500, "lines done at the crash: " + done);
        assertEquals("false", checkpointValue(ckpt, "complete"));
        // a torn record after the recorded end, as a kill in the middle of a write leaves it
        Files.writeString(out, "{\"claimId\":\"I-0000001\",\"type\":\"INSUR", StandardOpenOption.APPEND);

        RunSummary s = builder(in, out).threads(3).batchLines(250).checkpoint(ckpt).build().run();
        assertArrayEquals(expected, Files.readAllBytes(out));
        assertEquals(done, s.resumedFromLine());
        assertEquals(1500, s.lines());
        assertEquals(1500 - done, s.linesThisRun());
        assertSummaryCountsOutput(s, out);
        assertEquals("true", checkpointValue(ckpt, "complete"));
        assertEquals(String.valueOf(expected.length), checkpointValue(ckpt, "outputOffset"));
    }

    @Test
    void aCompleteCheckpointOnlyReportsTheFinishedRunAndAMissingOutputStartsOver() throws IOException {
        Path in = dir.resolve("in.jsonl");
        SyntheticBacklog.write(in, 800, 22);
        Path out = dir.resolve("out.jsonl");
        Path ckpt = dir.resolve("ckpt");
        RunSummary full = builder(in, out).threads(2).checkpoint(ckpt).build().run();
        byte[] written = Files.readAllBytes(out);

        AtomicInteger batches = new AtomicInteger();
        StringWriter notes = new StringWriter();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void progress(Progress now) {
                batches.incrementAndGet();
            }

            @Override
            public void note(String message) {
                notes.write(message);
            }
        };
        RunSummary again = builder(in, out).threads(1).checkpoint(ckpt).progress(listener).build().run();
        assertEquals(0, batches.get(), "nothing is adjudicated again");
        assertTrue(notes.toString().contains("complete run"), notes.toString());
        assertArrayEquals(written, Files.readAllBytes(out));
        assertEquals(800, again.lines());
        assertEquals(800, again.resumedFromLine());
        assertEquals(0, again.linesThisRun());
        assertEquals(full.decisions(), again.decisions());
        assertEquals(full.claimsByType(), again.claimsByType());

        Files.delete(out);
        StringWriter notes2 = new StringWriter();
        RunSummary fresh = builder(in, out).threads(2).checkpoint(ckpt).progress(ProgressListener.plain(
                new PrintWriter(notes2, true), Duration.ofHours(1))).build().run();
        assertTrue(notes2.toString().contains("starting over"), notes2.toString());
        assertEquals(0, fresh.resumedFromLine());
        assertArrayEquals(written, Files.readAllBytes(out));
    }

    @Test
    void refusesACheckpointOfAnotherInput() throws IOException {
        Path in = dir.resolve("in.jsonl");
        SyntheticBacklog.write(in, 500, 23);
        Path out = dir.resolve("out.jsonl");
        Path ckpt = dir.resolve("ckpt");
        assertThrows(IllegalStateException.class,
                () -> builder(in, out).batchLines(100).checkpoint(ckpt).progress(crashAfter(2)).build().run());
        byte[] before = Files.readAllBytes(out);
        String checkpoint = Files.readString(Checkpoint.file(ckpt));

        // another size
        Path other = dir.resolve("other.jsonl");
        SyntheticBacklog.write(other, 501, 23);
        CheckpointMismatchException e = assertThrows(CheckpointMismatchException.class,
                () -> builder(other, out).checkpoint(ckpt).build().run());
        assertTrue(e.getMessage().contains("another input"), e.getMessage());
        assertTrue(e instanceof io.autoclaims.model.ClaimsException, "the library's one base exception");
        // the same size, one byte changed inside the done prefix
        byte[] bytes = Files.readAllBytes(in);
        int at = bytes.length / 10;
        while (bytes[at] < '0' || bytes[at] > '8') {
            at++;
        }
        bytes[at]++;
        Files.write(other, bytes);
        e = assertThrows(CheckpointMismatchException.class, () -> builder(other, out).checkpoint(ckpt).build().run());
        assertTrue(e.getMessage().contains("differ"), e.getMessage());
        // the same file changed in place
        Files.write(in, bytes);
        e = assertThrows(CheckpointMismatchException.class, () -> builder(in, out).checkpoint(ckpt).build().run());
        assertTrue(e.getMessage().contains("does not match the input") && e.getMessage().contains("differ"),
                e.getMessage());

        assertArrayEquals(before, Files.readAllBytes(out), "a refused run writes nothing");
        assertEquals(checkpoint, Files.readString(Checkpoint.file(ckpt)), "nor touches the checkpoint");
    }

    @Test
    void refusesACheckpointOfAnotherRulebookOrOutput() throws IOException {
        Path in = dir.resolve("in.jsonl");
        SyntheticBacklog.write(in, 300, 24);
        Path out = dir.resolve("out.jsonl");
        Path ckpt = dir.resolve("ckpt");
        assertThrows(IllegalStateException.class,
                () -> builder(in, out).batchLines(100).checkpoint(ckpt).progress(crashAfter(2)).build().run());
        byte[] before = Files.readAllBytes(out);

        Map<String, byte[]> workbooks = new LinkedHashMap<>();
        for (String name : List.of("warranty.xlsx", "insurance.xlsx", "assistance.xlsx")) {
            workbooks.put(name, defaultWorkbook(name));
        }
        workbooks.put("warranty.xlsx", withWholeVehicleTermOf(48));
        Rulebook changed = Rulebook.fromWorkbooks(workbooks);
        assertFalse(changed.fingerprint().equals(rulebook.fingerprint()));
        CheckpointMismatchException e = assertThrows(CheckpointMismatchException.class, () -> BacklogRun.builder()
                .rulebook(changed).input(in).output(out).checkpoint(ckpt).build().run());
        assertTrue(e.getMessage().contains("another rulebook") && e.getMessage().contains(changed.fingerprint()),
                e.getMessage());

        Path elsewhere = dir.resolve("elsewhere.jsonl");
        e = assertThrows(CheckpointMismatchException.class, () -> builder(in, elsewhere).checkpoint(ckpt).build().run());
        assertTrue(e.getMessage().contains("belongs to the output"), e.getMessage());
        assertFalse(Files.exists(elsewhere));
        assertArrayEquals(before, Files.readAllBytes(out));

        // the right arguments still resume
        builder(in, out).checkpoint(ckpt).build().run();
        assertArrayEquals(reference(in, rulebook), Files.readAllBytes(out));
    }

    // ---- progress ----------------------------------------------------------------------------------

    @Test
    void progressGoesToTheListenersStreamNeverToTheOutput() throws IOException {
        Path in = dir.resolve("in.jsonl");
        SyntheticBacklog.write(in, 1200, 25);
        Path out = dir.resolve("out.jsonl");
        StringWriter err = new StringWriter();
        RunSummary s = builder(in, out).threads(2).batchLines(100)
                .progress(ProgressListener.plain(new PrintWriter(err, true), Duration.ZERO)).build().run();
        assertArrayEquals(reference(in, rulebook), Files.readAllBytes(out));
        String text = err.toString();
        assertTrue(text.contains("claims/s  elapsed 0:"), text);
        assertTrue(text.contains("1,200 / 1,200 lines  100.0%"), text);
        assertTrue(text.contains("1,200 lines: " + String.format("%,d", s.verdicts()) + " verdicts"), text);
        assertTrue(text.contains("decisions:  APPROVED"), text);
        assertTrue(text.contains("claims by type:  WARRANTY"), text);
    }

    @Test
    void progressLineFormat() {
        Progress p = new Progress(1_234_567, 10_000_000, 0, -1, 0, 0, Duration.ofSeconds(12));
        assertEquals("1,234,567 / 10,000,000 lines  12.3%  102,881 claims/s  elapsed 0:12  eta 1:25",
                ConsoleProgress.line(p));
        Progress bytes = new Progress(1000, -1, 50_000_000, 200_000_000, 0, 0, Duration.ofSeconds(10));
        assertEquals("1,000 lines  25.0% of 200.0 MB  100 claims/s  elapsed 0:10  eta 0:30", ConsoleProgress.line(bytes));
    }

    @Test
    void builderChecksItsArguments() {
        assertThrows(IllegalArgumentException.class, () -> BacklogRun.builder().threads(0));
        assertThrows(IllegalStateException.class, () -> BacklogRun.builder().threads(2).threads(3));
        assertThrows(IllegalStateException.class, () -> BacklogRun.builder().input(dir).build());
    }

    @Test
    void refusesToOverwriteItsInput() throws IOException {
        Path in = dir.resolve("in.jsonl");
        SyntheticBacklog.write(in, 10, 1);
        assertThrows(IllegalArgumentException.class, () -> builder(in, in).build().run());
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private static BacklogRun.Builder builder(Path in, Path out) {
        return BacklogRun.builder().rulebook(rulebook).input(in).output(out);
    }

    /** What {@link Adjudicator#adjudicateJsonLines} writes for the file, as UTF-8 bytes. */
    static byte[] reference(Path in, Rulebook rulebook) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Reader r = new InputStreamReader(Files.newInputStream(in), StandardCharsets.UTF_8);
                Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            Adjudicator.of(rulebook).adjudicateJsonLines(r, w);
        }
        return bytes.toByteArray();
    }

    private static void assertSummaryCountsOutput(RunSummary s, Path out) throws IOException {
        long verdicts = 0;
        long errors = 0;
        Map<Decision, Long> decisions = new EnumMap<>(Decision.class);
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            JsonNode r = JSON.readTree(line);
            if (r.has("error")) {
                errors++;
            } else {
                verdicts++;
                decisions.merge(Decision.valueOf(r.get("decision").asText()), 1L, Long::sum);
            }
        }
        assertEquals(verdicts, s.verdicts());
        assertEquals(errors, s.errors());
        for (Decision d : Decision.values()) {
            assertEquals(decisions.getOrDefault(d, 0L), s.decisions().get(d), d.name());
        }
        assertEquals(verdicts + errors, s.lines());
        assertTrue(s.claimsByType().values().stream().mapToLong(Long::longValue).sum() >= verdicts);
    }

    private static String checkpointValue(Path ckpt, String key) throws IOException {
        for (String line : Files.readAllLines(Checkpoint.file(ckpt))) {
            if (line.startsWith(key + "=")) {
                return line.substring(key.length() + 1);
            }
        }
        throw new AssertionError("no " + key + " in the checkpoint");
    }

    static byte[] defaultWorkbook(String name) throws IOException {
        try (InputStream in = BacklogRunTest.class.getResourceAsStream("/io/autoclaims/rules/default/" + name)) {
            return in.readAllBytes();
        }
    }

    /** The shipped warranty workbook with the whole-vehicle term (row T-04) changed: a rule change. */
    static byte[] withWholeVehicleTermOf(int months) throws IOException {
        try (InputStream in = BacklogRunTest.class.getResourceAsStream("/io/autoclaims/rules/default/warranty.xlsx");
                Workbook wb = WorkbookFactory.create(in);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet terms = wb.getSheet("Terms 保修期限");
            boolean found = false;
            for (Row row : terms) {
                if (row.getRowNum() >= 5 && row.getCell(0) != null && "T-04".equals(row.getCell(0).getStringCellValue())) {
                    row.getCell(2).setCellValue(months);
                    found = true;
                }
            }
            assertTrue(found, "row T-04");
            wb.write(out);
            return out.toByteArray();
        }
    }
}
