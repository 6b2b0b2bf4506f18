package io.autoclaims.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autoclaims.cli.HostileLines.Form;
import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.Rulebook;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14's reproducers through the command line, in-process: any bytes in, exactly one record per
 * line out, exit status 0, the error record naming the line and what is wrong with it, the output
 * valid UTF-8; and the same bytes out of every path ({@code adjudicate} from standard input to
 * standard output and from {@code --in} to {@code --out}, {@code reevaluate} on one and two threads,
 * with and without a checkpoint, {@link Adjudicator#adjudicateJsonLines}).
 */
class HostileInputCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private record Run(int status, byte[] out, String err) {
        List<String> records() {
            String text = HostileLines.strictUtf8(out);
            assertTrue(text.isEmpty() || text.endsWith("\n"), "every record ends with a line feed");
            return text.isEmpty() ? List.of() : List.of(text.substring(0, text.length() - 1).split("\n", -1));
        }
    }

    /** The command with standard output captured as bytes (and standard input from {@code stdin} when given). */
    private static Run run(byte[] stdin, String... args) {
        InputStream saved = System.in;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int status;
        try {
            if (stdin != null) {
                System.setIn(new ByteArrayInputStream(stdin));
            }
            status = ClaimsCli.run(stdout, new PrintWriter(err, true), args);
        } finally {
            System.setIn(saved);
        }
        return new Run(status, stdout.toByteArray(), err.toString());
    }

    /** {@code adjudicate --in IN --out OUT} and the bytes of OUT. */
    private Run adjudicateFile(Path in, String... more) throws IOException {
        Path out = dir.resolve("out-" + System.nanoTime() + ".jsonl");
        List<String> args = new ArrayList<>(List.of("adjudicate", "--in", in.toString(), "--out", out.toString()));
        args.addAll(List.of(more));
        Run r = run(null, args.toArray(String[]::new));
        assertEquals("", new String(r.out(), StandardCharsets.UTF_8), "nothing on standard output with --out");
        return new Run(r.status(), Files.exists(out) ? Files.readAllBytes(out) : new byte[0], r.err());
    }

    private static Path examples() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("examples/claims/warranty.jsonl"))) {
                return p.resolve("examples/claims/warranty.jsonl");
            }
        }
        throw new IllegalStateException("examples/claims/warranty.jsonl not found above " + Path.of("").toAbsolutePath());
    }

    private static byte[] firstExampleLine() throws IOException {
        return Files.readAllLines(examples(), StandardCharsets.UTF_8).get(0).getBytes(StandardCharsets.UTF_8);
    }

    /** The issue's reproducer: {@code printf '%s\n' "$(head -1 examples/claims/warranty.jsonl)" '{"claimId":"BAD-\xff","type":"WARRANTY"}'}. */
    private Path reproducer() throws IOException {
        Path in = dir.resolve("bad-byte.jsonl");
        Files.write(in, HostileLines.concat(firstExampleLine(), new byte[] {'\n'},
                HostileLines.bytes("{\"claimId\":\"BAD-", new byte[] {(byte) 0xFF}, "\",\"type\":\"WARRANTY\"}\n")));
        return in;
    }

    // ---- the reproducers -------------------------------------------------------------------------

    @Test
    void theIssuesReproducerGivesTwoRecordsTheSecondNamingTheByte() throws IOException {
        Run r = adjudicateFile(reproducer());
        assertEquals(0, r.status(), r.err());
        List<String> records = r.records();
        assertEquals(2, records.size(), r.err());
        JsonNode verdict = JSON.readTree(records.get(0));
        assertEquals("W-001", verdict.get("claimId").asText());
        assertTrue(verdict.has("decision"), records.get(0));
        JsonNode bad = JSON.readTree(records.get(1));
        assertEquals(2, bad.get("line").asInt());
        assertFalse(bad.has("claimId"), "the line was not read: its claim id is not known");
        assertEquals("INVALID_ENCODING", bad.get("error").get("code").asText());
        assertEquals("the line is not valid UTF-8: byte 0xFF at byte 17 cannot start a character;"
                + " save the file as UTF-8 and run again", bad.get("error").get("message").asText());
        assertTrue(r.err().contains("2 lines adjudicated"), r.err());

        // standard input to standard output: the same bytes
        Run piped = run(Files.readAllBytes(reproducer()), "adjudicate");
        assertEquals(0, piped.status(), piped.err());
        assertArrayEquals(r.out(), piped.out());
    }

    @Test
    void aBadByteOnLine15000Of30000SpoilsThatLineOnly() throws IOException {
        List<String> examples = Files.readAllLines(examples(), StandardCharsets.UTF_8);
        Path in = dir.resolve("thirty-thousand.jsonl");
        int n = 30_000;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(in), 1 << 16)) {
            for (int i = 1; i <= n; i++) {
                String line = examples.get((i - 1) % examples.size());
                if (i == 15_000) {
                    out.write(HostileLines.bytes("{\"claimId\":\"BAD-", new byte[] {(byte) 0xFF},
                            "\",\"type\":\"WARRANTY\"}"));
                } else {
                    out.write(line.getBytes(StandardCharsets.UTF_8));
                }
                out.write('\n');
            }
        }
        Run r = adjudicateFile(in);
        assertEquals(0, r.status(), r.err());
        List<String> records = r.records();
        assertEquals(n, records.size());
        JsonNode bad = JSON.readTree(records.get(15_000 - 1));
        assertEquals(15_000, bad.get("line").asInt());
        assertEquals("INVALID_ENCODING", bad.get("error").get("code").asText());
        assertTrue(bad.get("error").get("message").asText().contains("0xFF"), bad.toString());
        for (int i : new int[] {1, 14_999, 15_001, n}) {
            String expectedId = JSON.readTree(examples.get((i - 1) % examples.size())).get("claimId").asText();
            assertEquals(expectedId, JSON.readTree(records.get(i - 1)).get("claimId").asText(), "record " + i);
        }
        assertTrue(r.err().contains(n + " lines adjudicated"), r.err());
    }

    @Test
    void aUtf16FileGivesOneInvalidEncodingRecordPerLine() throws IOException {
        String text = String.join("\n", Files.readAllLines(examples(), StandardCharsets.UTF_8).subList(0, 5)) + "\n";
        for (boolean littleEndian : new boolean[] {true, false}) {
            byte[] bom = littleEndian ? new byte[] {(byte) 0xFF, (byte) 0xFE} : new byte[] {(byte) 0xFE, (byte) 0xFF};
            byte[] bytes = HostileLines.concat(bom, text.getBytes(littleEndian ? StandardCharsets.UTF_16LE
                    : StandardCharsets.UTF_16BE));
            Path in = dir.resolve("utf16" + (littleEndian ? "le" : "be") + ".jsonl");
            Files.write(in, bytes);
            Run r = adjudicateFile(in);
            assertEquals(0, r.status(), r.err());
            List<String> records = r.records();
            // a line per 0x0A byte, and the 0x00 after the last one (UTF-16LE) is a line too
            int expected = 0;
            for (byte b : bytes) {
                expected += b == '\n' ? 1 : 0;
            }
            expected += bytes[bytes.length - 1] == '\n' ? 0 : 1;
            assertEquals(expected, records.size(), (littleEndian ? "LE" : "BE") + ": " + records);
            for (int i = 0; i < records.size(); i++) {
                JsonNode e = JSON.readTree(records.get(i));
                assertEquals("INVALID_ENCODING", e.get("error").get("code").asText(), records.get(i));
                assertEquals(i + 1, e.get("line").asInt(), records.get(i));
            }
            assertTrue(JSON.readTree(records.get(0)).get("error").get("message").asText()
                    .startsWith("the file starts with a UTF-16 byte order mark"), records.get(0));
            assertArrayEquals(r.out(), run(bytes, "adjudicate").out(), "standard input reads the same");
        }
    }

    @Test
    void anEscapedLoneSurrogateInPureAsciiJsonIsReportedAtItsFieldAndTheRunGoesOn() throws IOException {
        byte[] surrogate = HostileLines.claim("W-SUR", "x\\ud800y");
        for (byte b : surrogate) {
            assertTrue(b > 0 && b < 0x7F, "pure ASCII");
        }
        Path in = dir.resolve("surrogate.jsonl");
        Files.write(in, HostileLines.concat(HostileLines.claim("W-1", "brake"), new byte[] {'\n'}, surrogate,
                new byte[] {'\n'}, HostileLines.claim("W-3", "brake"), new byte[] {'\n'}));
        Run r = adjudicateFile(in);
        assertEquals(0, r.status(), r.err());
        List<String> records = r.records(); // decoded with REPORT: valid UTF-8
        assertEquals(3, records.size());
        JsonNode e = JSON.readTree(records.get(1));
        assertEquals("W-SUR", e.get("claimId").asText());
        assertEquals(2, e.get("line").asInt());
        assertEquals("INVALID_ENCODING", e.get("error").get("code").asText());
        assertEquals("lines[0].part", e.get("error").get("field").asText());
        assertTrue(e.get("error").get("message").asText().contains("\\uD800"), records.get(1));
        assertEquals("W-3", JSON.readTree(records.get(2)).get("claimId").asText());
        assertArrayEquals(r.out(), run(Files.readAllBytes(in), "adjudicate").out(), "standard input reads the same");
    }

    /** {@code --out} naming the input (itself, another spelling, a link) used to empty the backlog and exit 0. */
    @Test
    void anOutputThatIsTheInputIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path in = reproducer();
        byte[] backlog = Files.readAllBytes(in);
        Path link = Files.createSymbolicLink(dir.resolve("link.jsonl"), in);
        for (Path out : new Path[] {in, dir.resolve(".").resolve(in.getFileName()), link}) {
            Run r = run(null, "adjudicate", "--in", in.toString(), "--out", out.toString());
            assertEquals(ClaimsCli.USAGE, r.status(), out + ": " + r.err());
            assertTrue(r.err().contains("is the input file"), r.err());
            assertArrayEquals(backlog, Files.readAllBytes(in), out + ": the backlog is untouched");
            Run reevaluate = run(null, "reevaluate", "--in", in.toString(), "--out", out.toString());
            assertEquals(ClaimsCli.USAGE, reevaluate.status(), out + ": " + reevaluate.err());
            assertArrayEquals(backlog, Files.readAllBytes(in), out + ": the backlog is untouched");
        }
    }

    // ---- the same on every path ------------------------------------------------------------------

    /**
     * Every small hostile form, a line over the limit, a part of 900 KB under it, a BOM on line 1, CRLF
     * and no line end after the last line: through every path, byte for byte the same records.
     */
    @Test
    void theSameHostileFileGivesTheSameBytesOnEveryPath() throws IOException {
        Path in = dir.resolve("hostile.jsonl");
        Map<Long, Form> expected = new LinkedHashMap<>();
        long line = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(in), 1 << 16)) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            out.write(HostileLines.claim("H-1", "brake"));
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            expected.put(++line, new Form("BOM on line 1", null, null, null, null));
            for (int round = 0; round < 3; round++) {
                for (int k = 0; k < HostileLines.small(0).size(); k++) {
                    Form f = HostileLines.small(line + 1).get(k);
                    out.write(f.bytes());
                    out.write('\n');
                    expected.put(++line, f);
                }
                HostileLines.writeHugePart(out, "H-" + (line + 1), 1_200_000); // over 1 MiB
                expected.put(++line, new Form("line over the limit", null, "LINE_TOO_LONG", null, "1,048,576"));
                HostileLines.writeHugePart(out, "H-" + (line + 1), 900_000);
                expected.put(++line, new Form("part of 900 KB", null, "INVALID_FIELD", "lines[0].part", "at most 200"));
            }
            out.write(HostileLines.claim("H-last", "brake")); // no line end
            expected.put(++line, new Form("last line without a line end", null, null, null, null));
        }
        byte[] input = Files.readAllBytes(in);

        Map<String, byte[]> outputs = new LinkedHashMap<>();
        Run stdin = run(input, "adjudicate");
        assertEquals(0, stdin.status(), stdin.err());
        outputs.put("adjudicate stdin -> stdout", stdin.out());
        Run file = adjudicateFile(in);
        assertEquals(0, file.status(), file.err());
        outputs.put("adjudicate --in --out", file.out());
        for (String threads : new String[] {"1", "2"}) {
            Path out = dir.resolve("reevaluated-" + threads + ".jsonl");
            Run r = run(null, "reevaluate", "--in", in.toString(), "--out", out.toString(), "--threads", threads);
            assertEquals(0, r.status(), r.err());
            outputs.put("reevaluate --threads " + threads, Files.readAllBytes(out));
        }
        Path out = dir.resolve("reevaluated-checkpointed.jsonl");
        Run checkpointed = run(null, "reevaluate", "--in", in.toString(), "--out", out.toString(), "--threads", "2",
                "--checkpoint", dir.resolve("ckpt").toString());
        assertEquals(0, checkpointed.status(), checkpointed.err());
        outputs.put("reevaluate --threads 2 --checkpoint", Files.readAllBytes(out));
        ByteArrayOutputStream library = new ByteArrayOutputStream();
        assertEquals(line, Adjudicator.of(Rulebook.loadDefault()).adjudicateJsonLines(new ByteArrayInputStream(input),
                library));
        outputs.put("Adjudicator.adjudicateJsonLines", library.toByteArray());

        byte[] reference = outputs.get("adjudicate stdin -> stdout");
        for (Map.Entry<String, byte[]> o : outputs.entrySet()) {
            assertArrayEquals(reference, o.getValue(), o.getKey() + " writes what adjudicate writes to standard output");
        }
        List<String> records = stdin.records();
        assertEquals(line, records.size());
        for (Map.Entry<Long, Form> e : expected.entrySet()) {
            HostileLines.assertRecord(e.getValue(), e.getKey(), records.get((int) (e.getKey() - 1)));
            assertTrue(records.get((int) (e.getKey() - 1)).length() < 16_000,
                    "line " + e.getKey() + " (" + e.getValue() + "): a record stays small: "
                            + records.get((int) (e.getKey() - 1)).length());
        }
        // free text is quoted shortened in the verdict of the 150-character part
        int part150 = expected.entrySet().stream().filter(e -> e.getValue().name().equals("part of 150 characters"))
                .findFirst().orElseThrow().getKey().intValue();
        assertTrue(records.get(part150 - 1).contains("p".repeat(79) + "…"), records.get(part150 - 1));
        assertFalse(records.get(part150 - 1).contains("p".repeat(81)), records.get(part150 - 1));
    }

    @Test
    void theLineLimitIsTheSameOnEveryPath() throws IOException {
        Path in = dir.resolve("limited.jsonl");
        byte[] small = HostileLines.claim("H-1", "brake");
        byte[] longer = HostileLines.claim("H-2", "brake".repeat(30));
        Files.write(in, HostileLines.concat(small, new byte[] {'\n'}, longer, new byte[] {'\n'}, small));
        String limit = String.valueOf(small.length);
        Run stdin = run(Files.readAllBytes(in), "adjudicate", "--max-line-bytes", limit);
        assertEquals(0, stdin.status(), stdin.err());
        List<String> records = stdin.records();
        assertEquals(3, records.size());
        HostileLines.assertRecord(new Form("over", null, "LINE_TOO_LONG", null,
                String.format("the line has %,d bytes, more than the %,d", longer.length, small.length)), 2, records.get(1));
        assertArrayEquals(stdin.out(), adjudicateFile(in, "--max-line-bytes", limit).out());
        Path out = dir.resolve("reevaluated.jsonl");
        Run r = run(null, "reevaluate", "--in", in.toString(), "--out", out.toString(), "--threads", "2",
                "--max-line-bytes", limit);
        assertEquals(0, r.status(), r.err());
        assertArrayEquals(stdin.out(), Files.readAllBytes(out));
        ByteArrayOutputStream library = new ByteArrayOutputStream();
        Adjudicator.of(Rulebook.loadDefault()).adjudicateJsonLines(new ByteArrayInputStream(Files.readAllBytes(in)),
                library, small.length);
        assertArrayEquals(stdin.out(), library.toByteArray());

        for (String bad : new String[] {"0", "-1", "many"}) {
            Run refused = run(new byte[0], "adjudicate", "--max-line-bytes", bad);
            assertEquals(ClaimsCli.USAGE, refused.status(), refused.err());
            assertEquals(0, refused.out().length);
        }
    }
}
