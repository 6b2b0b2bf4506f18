package io.autoclaims.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.batch.ImpactReport;
import io.autoclaims.batch.ImpactRun;
import io.autoclaims.batch.ImpactStatus;
import io.autoclaims.batch.ImpactSummary;
import io.autoclaims.rules.Rulebook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Old against new rulebook on Spark gives the numbers of {@code claims impact} ({@link ImpactRun}) on the
 * same 20,000 lines, and the same report files byte for byte. New = the shipped rulebook with the
 * traction-battery term at 120 months (examples/impact/warranty-battery-120.xlsx) and no assistance
 * workbook, so verdicts change, and verdicts turn into errors.
 */
class SparkImpactTest {

    static Rulebook newRulebook() throws IOException {
        Map<String, byte[]> workbooks = new LinkedHashMap<>(SparkTests.rulebook().workbooks());
        workbooks.remove("assistance.xlsx");
        workbooks.put("warranty.xlsx", Files.readAllBytes(Path.of("../examples/impact/warranty-battery-120.xlsx")));
        return Rulebook.fromWorkbooks(workbooks);
    }

    @Test
    void sparkImpactEqualsClaimsImpact() throws IOException {
        Rulebook older = SparkTests.rulebook();
        Rulebook newer = newRulebook();
        Path local = SparkTests.dir().resolve("impact-local");
        ImpactSummary expected = ImpactRun.builder().oldRulebook(older).newRulebook(newer)
                .input(SparkTests.backlog()).reportDir(local).threads(2).build().run();

        Dataset<Row> lines = ClaimsSpark.readJsonl(SparkTests.spark(), SparkTests.backlog().toString(), 3).repartition(5);
        Path spark = SparkTests.dir().resolve("impact-spark");
        try (SparkImpact impact = ClaimsSpark.impact(lines, older, newer)) {
            ImpactSummary actual = impact.summary();
            assertEquals(expected, actual);
            assertEquals(SparkTests.LINES, actual.lines());
            assertTrue(actual.changed() > 1000, "changed: " + actual.changed());
            assertTrue(!actual.byRule().isEmpty(), "changes by rule row");
            assertTrue(actual.transitions().get(ImpactStatus.APPROVED).get(ImpactStatus.ERROR) > 0);
            assertEquals(expected.changed(), impact.changed().count());
            assertEquals(actual, impact.writeReport(spark));
        }
        for (String file : new String[] {ImpactReport.CSV, ImpactReport.HTML, ImpactReport.JSON}) {
            assertArrayEquals(Files.readAllBytes(local.resolve(file)), Files.readAllBytes(spark.resolve(file)), file);
        }
    }

    @Test
    void theAccumulatorSurvivesSerialization() throws IOException {
        Rulebook rb = SparkTests.rulebook();
        Dataset<Row> lines = ClaimsSpark.readJsonl(SparkTests.spark(), SparkTests.backlog().toString(), 2).limit(500);
        try (SparkImpact impact = ClaimsSpark.impact(lines, rb, rb, 0)) {
            ImpactSummary s = impact.summary();
            assertEquals(500, s.lines());
            assertEquals(0, s.changed());
            assertEquals(0, impact.changed().count());
        }
    }
}
