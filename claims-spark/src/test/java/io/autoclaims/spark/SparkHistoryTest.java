package io.autoclaims.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.AsOf;
import io.autoclaims.rules.RulebookHistory;
import io.autoclaims.testkit.SyntheticBacklog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spark-reevaluate --history} and the history overloads of {@link ClaimsSpark}: on the example
 * history (2026.1 from 2026-01-01, 2027.1 from 2027-01-01) and a backlog spanning both dates and the
 * days before the first (the example history backlog 40 times, then 800 synthetic lines with bad ones
 * mixed in), every record equals, byte for byte, what {@code claims adjudicate --history} writes for that
 * line: by incident date, by submission date and as of one date.
 */
class SparkHistoryTest {
    static final Path HISTORY = Path.of("../examples/history");
    static RulebookHistory history;
    static Path backlog;
    static byte[] backlogBytes;

    @TempDir
    static Path dir;

    @BeforeAll
    static void load() throws IOException {
        history = RulebookHistory.load(HISTORY);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] examples = Files.readAllBytes(HISTORY.resolve("claims.jsonl"));
        for (int i = 0; i < 40; i++) {
            all.write(examples);
        }
        Path synthetic = dir.resolve("synthetic.jsonl");
        SyntheticBacklog.write(synthetic, 800, 23);
        all.write(Files.readAllBytes(synthetic));
        backlogBytes = all.toByteArray();
        backlog = dir.resolve("backlog.jsonl");
        Files.write(backlog, backlogBytes);
    }

    /** What {@code claims adjudicate --history HISTORY --as-of asOf} writes for the backlog. */
    static String local(AsOf asOf) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Adjudicator.of(history, asOf).adjudicateJsonLines(new ByteArrayInputStream(backlogBytes), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void assertSameAsLocal(String expected, Dataset<Row> verdicts) {
        List<String> local = List.of(expected.split("\n"));
        List<Row> rows = verdicts.select("line", "record").orderBy("line").collectAsList();
        assertEquals(local.size(), rows.size(), "one record per input line");
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(i + 1, rows.get(i).getLong(0));
            assertEquals(local.get(i), rows.get(i).getString(1), "line " + (i + 1));
        }
    }

    @Test
    void eachClaimGetsTheVersionInForceOnItsDateAsTheLocalRunGivesIt() {
        Dataset<Row> lines = ClaimsSpark.readJsonl(SparkTests.spark(), backlog.toString(), 3);
        String byIncident = local(AsOf.INCIDENT);
        // the backlog reaches both versions and the days before the first
        assertTrue(byIncident.contains("\"version\":\"2026.1\"") && byIncident.contains("\"version\":\"2027.1\"")
                && byIncident.contains("\"code\":\"NO_RULEBOOK_IN_FORCE\""), byIncident.substring(0, 2000));
        assertSameAsLocal(byIncident, ClaimsSpark.verdicts(lines, history, AsOf.INCIDENT));
        String bySubmission = local(AsOf.SUBMITTED);
        assertTrue(!bySubmission.equals(byIncident), "H-03 failed in 2026 and was filed in 2027");
        assertEquals(List.of(bySubmission.split("\n")),
                ClaimsSpark.reevaluateLines(lines, history, AsOf.SUBMITTED).collectAsList(), "in input order");
        String h03 = byIncident.split("\n")[2];
        assertTrue(h03.contains("\"version\":\"2026.1\"") && h03.contains("\"asOf\":\"2026-12-30\""), h03);
    }

    @Test
    void sparkReevaluateWithAHistoryWritesTheLocalRunsBytes() throws IOException {
        SparkTests.spark();
        Path out = dir.resolve("out");
        assertEquals(0, SparkCli.run("spark-reevaluate", "--history", HISTORY.toString(), "--as-of", "2027-06-30",
                "--in", backlog.toString(), "--out", out.toString(), "--partitions", "2"));
        String expected = local(AsOf.date(LocalDate.of(2027, 6, 30)));
        assertTrue(expected.contains("\"version\":\"2027.1\"") && !expected.contains("\"version\":\"2026.1\""));
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), SparkCliTest.concatenated(out));
    }

    @Test
    void unusableHistoryArguments() throws IOException {
        Path out = dir.resolve("o").toAbsolutePath();
        assertEquals(2, SparkCli.run("spark-reevaluate", "--history", HISTORY.toString(), "--rules", HISTORY.resolve("2026.1")
                .toString(), "--in", backlog.toString(), "--out", out.toString()));
        assertEquals(2, SparkCli.run("spark-reevaluate", "--as-of", "submitted", "--in", backlog.toString(), "--out",
                out.toString()));
        assertEquals(2, SparkCli.run("spark-reevaluate", "--history", HISTORY.toString(), "--as-of", "yesterday",
                "--in", backlog.toString(), "--out", out.toString()));
        // a folder without version folders does not load: exit 3, before Spark starts
        Path empty = Files.createDirectories(dir.resolve("empty-history"));
        assertEquals(3, SparkCli.run("spark-reevaluate", "--history", empty.toString(), "--in", backlog.toString(),
                "--out", out.toString()));
        assertTrue(!Files.exists(out), "nothing written");
    }
}
