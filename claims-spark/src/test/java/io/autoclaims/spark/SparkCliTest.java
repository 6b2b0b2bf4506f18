package io.autoclaims.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.batch.ImpactRun;
import io.autoclaims.rules.Rulebook;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code claims spark-reevaluate} and {@code claims spark-impact}, run in-process on the tests' Spark session. */
class SparkCliTest {
    @TempDir
    Path dir;

    /** The part files in name order, concatenated. */
    static byte[] concatenated(Path outDir) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (Stream<Path> s = Files.list(outDir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                all.write(Files.readAllBytes(p));
            }
        }
        return all.toByteArray();
    }

    @Test
    void sparkReevaluateWritesTheLocalRunsBytesInItsPartFiles() throws IOException {
        SparkTests.spark(); // the command uses the running session and leaves it running
        Path out = dir.resolve("out");
        assertEquals(0, SparkCli.run("spark-reevaluate", "--in", SparkTests.backlog().toString(), "--out", out.toString(),
                "--partitions", "4"));
        String expected = String.join("\n", SparkTests.localRecords()) + "\n";
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), concatenated(out));
        assertEquals(true, Files.exists(out.resolve("_SUCCESS")), "committed");
        // a re-run replaces the output with the same bytes
        assertEquals(0, SparkCli.run("spark-reevaluate", "--in", SparkTests.backlog().toString(), "--out", out.toString(),
                "--partitions", "2"));
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), concatenated(out));
    }

    @Test
    void sparkImpactWritesTheExampleReport() throws IOException {
        SparkTests.spark();
        Path report = dir.resolve("report");
        String old = "../claims-rules/src/main/resources/io/autoclaims/rules/default/warranty.xlsx";
        String changed = "../examples/impact/warranty-battery-120.xlsx";
        String in = "../examples/impact/ev-backlog.jsonl";
        assertEquals(0, SparkCli.run("spark-impact", "--old", old, "--new", changed, "--in", in,
                "--report", report.toString(), "--partitions", "2"));
        // what claims impact writes for the same arguments (it labels each side with the paths given)
        Path local = dir.resolve("local");
        ImpactRun.builder().oldRulebook(Rulebook.load(Path.of(old))).newRulebook(Rulebook.load(Path.of(changed)))
                .input(Path.of(in)).reportDir(local).sources(old, changed).threads(2).build().run();
        for (String f : List.of("impact.csv", "impact.html", "impact.json")) {
            assertArrayEquals(Files.readAllBytes(local.resolve(f)), Files.readAllBytes(report.resolve(f)),
                    "the same bytes as claims impact's " + f);
        }
        // and the numbers of the checked-in example report, which opens with the one edited cell
        String json = Files.readString(report.resolve("impact.json"));
        String sample = Files.readString(Path.of("../examples/impact-sample/impact.json"));
        assertEquals(sample.substring(sample.indexOf("\"edits\"")), json.substring(json.indexOf("\"edits\"")));
        assertTrue(json.contains("\"source\" : \"" + changed + "\""), json);
    }

    @Test
    void unusableArgumentsAndRulebooks() {
        assertEquals(2, SparkCli.run("spark-reevaluate", "--in", "x.jsonl", "--out", dir.toString(), "--partitions", "0"));
        assertEquals(3, SparkCli.run("spark-reevaluate", "--rules", dir.resolve("missing.xlsx").toString(),
                "--in", "x.jsonl", "--out", dir.resolve("o").toString()));
        assertEquals(2, SparkCli.run("spark-reevaluate", "--out", dir.toString()));
    }
}
