package io.autoclaims.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.batch.BacklogRun;
import io.autoclaims.batch.ImpactReport;
import io.autoclaims.batch.ImpactRun;
import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.testkit.SyntheticBacklog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * A JSON Lines file of hostile bytes (#14) read with {@link ClaimsSpark#readJsonl} gives, line for line
 * and byte for byte, the records of the local run ({@link BacklogRun}, {@link Adjudicator#adjudicateJsonLines}):
 * bytes that are not UTF-8, NUL and control bytes, an encoded and an escaped surrogate, byte order marks
 * on line 1 and later, CRLF, blank lines, lines longer than the longest line read, UTF-16LE.
 */
class SparkHostileLinesTest {
    /** Longer than any synthetic claim, so that only the padded lines are too long. */
    static final int MAX = 4096;

    private static Path hostile;
    private static byte[] localRecords;

    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** {@code claim} with {@code bytes} put in the claimId's string, after its opening quote. */
    static byte[] inClaimId(String claim, byte... bytes) {
        String key = "\"claimId\":\"";
        int at = claim.indexOf(key) + key.length();
        assertTrue(at >= key.length(), claim);
        return concat(utf8(claim.substring(0, at)), bytes, utf8(claim.substring(at)));
    }

    /** {@code claim} grown to {@code length} bytes with spaces before its closing brace (JSON whitespace). */
    static byte[] padded(String claim, int length) {
        int pad = length - utf8(claim).length;
        assertTrue(pad >= 0, claim);
        return concat(utf8(claim.substring(0, claim.length() - 1)), utf8(" ".repeat(pad)), utf8("}"));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** The hostile lines, each with its own line end (most \n; some \r\n, UTF-16LE's 0A 00, none at the end). */
    static List<byte[]> hostileLines(List<String> claims, List<String> fillers, boolean first) {
        int c = 0;
        List<byte[]> lines = new ArrayList<>();
        byte[] nl = {'\n'};
        if (first) {
            lines.add(concat(BOM, utf8(claims.get(c++)), nl)); // line 1: skipped
        }
        lines.add(concat(inClaimId(claims.get(c++), (byte) 0xFF), nl));
        lines.add(concat(BOM, utf8(claims.get(c++)), nl)); // not line 1: INVALID_JSON
        lines.add(concat(inClaimId(claims.get(c++), (byte) 0x00), nl));
        lines.add(concat(inClaimId(claims.get(c++), (byte) 0x01), nl));
        lines.add(concat(inClaimId(claims.get(c++), (byte) 0xED, (byte) 0xA0, (byte) 0x80), nl)); // encoded U+D800
        lines.add(concat(inClaimId(claims.get(c++), utf8("\\ud800")), nl)); // escaped lone surrogate
        lines.add(concat(inClaimId(claims.get(c++), (byte) 0xC0, (byte) 0xAF), nl)); // overlong '/'
        lines.add(concat(utf8(claims.get(c++)), new byte[] {(byte) 0xE4, (byte) 0xB8}, nl)); // cut character
        lines.add(concat(inClaimId(claims.get(c++), utf8("理赔")), nl)); // valid UTF-8, not an error
        lines.add(concat(utf8(claims.get(c++)), utf8("\r\n")));
        lines.add(concat(utf8(claims.get(c++).replaceFirst(",", ",\r")), nl)); // a lone \r is whitespace
        lines.add(nl);
        lines.add(utf8("\r\n"));
        lines.add(utf8("   \t\n"));
        lines.add(concat(padded(claims.get(c++), MAX), nl)); // fits
        lines.add(concat(padded(claims.get(c++), MAX), utf8("\r\n"))); // fits: \r\n not counted
        lines.add(concat(padded(claims.get(c++), MAX + 1), nl));
        lines.add(concat(padded(claims.get(c++), MAX + 1), utf8("\r\n")));
        lines.add(concat(padded(claims.get(c++), 3 * MAX), utf8("\r\n")));
        lines.add(concat(padded(claims.get(c++), 70_000), nl)); // beyond one 64 KiB read
        lines.add((claims.get(c++) + "\n").getBytes(StandardCharsets.UTF_16LE)); // the next line opens with 00
        lines.add(concat(utf8(claims.get(c++)), nl));
        lines.add(concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, (claims.get(c++) + "\r\n")
                .getBytes(StandardCharsets.UTF_16LE))); // with its BOM
        for (String f : fillers) {
            lines.add(concat(utf8(f), nl));
        }
        return lines;
    }

    /** 40 blocks of hostile lines, each followed by 20 synthetic lines (~1 % bad); no final \n. */
    static synchronized Path hostile() {
        if (hostile == null) {
            List<String> all = SyntheticBacklog.lines(2000, 14).toList();
            List<String> claims = all.stream().filter(l -> l.startsWith("{") && l.endsWith("}")
                    && l.contains("\"claimId\":\"")).toList();
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            for (int block = 0; block < 40; block++) {
                for (byte[] line : hostileLines(claims.subList(block * 21, block * 21 + 21),
                        all.subList(1000 + block * 20, 1000 + block * 20 + 20), block == 0)) {
                    file.writeBytes(line);
                }
            }
            file.writeBytes(utf8(all.get(1999)));
            try {
                hostile = SparkTests.dir().resolve("hostile.jsonl");
                Files.write(hostile, file.toByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return hostile;
    }

    /** What {@code claims reevaluate --max-line-bytes MAX} writes for {@link #hostile()}. */
    static synchronized byte[] localRecords() {
        if (localRecords == null) {
            try {
                Path out = SparkTests.dir().resolve("hostile-local.jsonl");
                BacklogRun.builder().rulebook(SparkTests.rulebook()).input(hostile()).output(out).threads(2)
                        .maxLineBytes(MAX).build().run();
                localRecords = Files.readAllBytes(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return localRecords;
    }

    static byte[] joined(List<String> records) {
        return utf8(String.join("\n", records) + "\n");
    }

    /** Compares line by line first, for a readable failure. */
    static void assertSameRecords(byte[] expected, byte[] actual) {
        String[] e = new String(expected, StandardCharsets.UTF_8).split("\n", -1);
        String[] a = new String(actual, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < Math.min(e.length, a.length); i++) {
            assertEquals(e[i], a[i], "line " + (i + 1));
        }
        assertEquals(e.length, a.length, "records");
        assertArrayEquals(expected, actual);
    }

    @Test
    void theLocalRunsAgreeAndSeeEveryKindOfHostileLine() throws IOException {
        byte[] local = localRecords();
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        try (InputStream in = Files.newInputStream(hostile())) {
            Adjudicator.of(SparkTests.rulebook()).adjudicateJsonLines(in, streamed, MAX);
        }
        assertSameRecords(local, streamed.toByteArray());
        // the file holds what it should: every error code of the hostile lines, and a BOM only skipped on line 1
        Map<String, Integer> codes = new TreeMap<>();
        for (String r : new String(local, StandardCharsets.UTF_8).split("\n")) {
            int at = r.indexOf("\"code\":\"");
            if (at >= 0) {
                codes.merge(r.substring(at + 8, r.indexOf('"', at + 8)), 1, Integer::sum);
            }
        }
        for (String code : List.of("INVALID_ENCODING", "INVALID_JSON", "LINE_TOO_LONG")) {
            assertTrue(codes.getOrDefault(code, 0) >= 40, code + ": " + codes);
        }
        String first = new String(local, StandardCharsets.UTF_8).split("\n")[0];
        assertTrue(!first.contains("\"error\""), "line 1's BOM is skipped: " + first);
    }

    @Test
    void readJsonlGivesTheLocalRecordsWithOneOrSeveralPartitionsAndAfterAShuffle() {
        Rulebook rb = SparkTests.rulebook();
        for (int partitions : new int[] {1, 4}) {
            Dataset<Row> lines = ClaimsSpark.readJsonl(SparkTests.spark(), hostile().toString(), partitions);
            assertEquals(ClaimsSpark.FILE_LINES, lines.schema());
            assertSameRecords(localRecords(), joined(ClaimsSpark.reevaluateLines(lines, rb, MAX).collectAsList()));
            if (partitions == 4) {
                List<String> shuffled = ClaimsSpark.records(ClaimsSpark.verdicts(lines.repartition(3), rb, MAX)
                        .orderBy("line")).collectAsList();
                assertSameRecords(localRecords(), joined(shuffled));
                // a table of (line, bytes) alone reads the same
                assertSameRecords(localRecords(), joined(ClaimsSpark.reevaluateLines(
                        lines.select("line", "bytes"), rb, MAX).collectAsList()));
            }
        }
    }

    @Test
    void theTextColumnIsForLookingAt() {
        Dataset<Row> lines = ClaimsSpark.readJsonl(SparkTests.spark(), hostile().toString(), 2);
        Row second = lines.filter("line = 2").first();
        byte[] bytes = second.getAs("bytes");
        assertTrue(Arrays.equals(bytes, 0, 1, new byte[] {'{'}, 0, 1), "no \\n, no decoding");
        assertTrue(((String) second.getAs("text")).contains("\uFFFD"), "0xFF shown as U+FFFD");
        // what is adjudicated never decodes the text, not even below a shuffle
        for (Dataset<Row> d : List.of(lines, lines.repartition(3))) {
            String plan = ClaimsSpark.numbered(d).queryExecution().optimizedPlan().toString();
            assertTrue(!plan.contains("UDF") && !plan.contains("text"), plan);
        }
        assertThrows(IllegalArgumentException.class, () -> ClaimsSpark.reevaluateLines(lines.select("line"),
                SparkTests.rulebook()));
        assertThrows(IllegalArgumentException.class, () -> ClaimsSpark.reevaluateLines(lines, SparkTests.rulebook(), 0));
    }

    @Test
    void sparkImpactReadsTheBytesAsClaimsImpactDoes() throws IOException {
        Rulebook older = SparkTests.rulebook();
        Rulebook newer = SparkImpactTest.newRulebook();
        Path local = SparkTests.dir().resolve("hostile-impact-local");
        ImpactRun.builder().oldRulebook(older).newRulebook(newer).input(hostile()).reportDir(local).threads(2)
                .maxLineBytes(MAX).build().run();
        Path spark = SparkTests.dir().resolve("hostile-impact-spark");
        Dataset<Row> lines = ClaimsSpark.readJsonl(SparkTests.spark(), hostile().toString(), 3);
        try (SparkImpact impact = ClaimsSpark.impact(lines, older, newer, 50, "", "", MAX)) {
            impact.writeReport(spark);
        }
        for (String file : new String[] {ImpactReport.CSV, ImpactReport.HTML, ImpactReport.JSON}) {
            assertArrayEquals(Files.readAllBytes(local.resolve(file)), Files.readAllBytes(spark.resolve(file)), file);
        }
    }

    @Test
    void sparkReevaluateWritesTheLocalRecordsWithMaxLineBytes() throws IOException {
        SparkTests.spark();
        Path out = SparkTests.dir().resolve("hostile-cli");
        assertEquals(0, SparkCli.run("spark-reevaluate", "--in", hostile().toString(), "--out", out.toString(),
                "--partitions", "3", "--max-line-bytes", String.valueOf(MAX)));
        assertSameRecords(localRecords(), SparkCliTest.concatenated(out));
        assertEquals(2, SparkCli.run("spark-reevaluate", "--in", hostile().toString(), "--out", out.toString(),
                "--max-line-bytes", "0"));
    }

    @Test
    void byDefaultTheLongestLineIsOneMebibyteAsInTheLocalRun() throws IOException {
        List<String> claims = SyntheticBacklog.lines(4, 15).toList();
        int max = io.autoclaims.model.json.ClaimCodec.DEFAULT_MAX_LINE_BYTES;
        Path in = SparkTests.dir().resolve("long-lines.jsonl");
        Files.write(in, concat(utf8(claims.get(0) + "\n"), padded(claims.get(1), max), utf8("\r\n"),
                padded(claims.get(2), max + 1), utf8("\n" + claims.get(3) + "\n")));
        Path out = SparkTests.dir().resolve("long-lines-local.jsonl");
        BacklogRun.builder().rulebook(SparkTests.rulebook()).input(in).output(out).threads(1).build().run();
        byte[] local = Files.readAllBytes(out);
        assertTrue(new String(local, StandardCharsets.UTF_8).contains("LINE_TOO_LONG"));
        assertSameRecords(local, joined(ClaimsSpark.reevaluateLines(ClaimsSpark.readJsonl(SparkTests.spark(),
                in.toString(), 2), SparkTests.rulebook()).collectAsList()));
    }
}
