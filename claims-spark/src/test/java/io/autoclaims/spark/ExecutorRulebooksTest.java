package io.autoclaims.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.model.json.ClaimCodec;
import io.autoclaims.rules.Rulebook;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The rulebook travels as workbook bytes, is compiled once per executor JVM, and its fingerprint is checked. */
class ExecutorRulebooksTest {

    @Test
    void theRulebookIsCompiledOncePerExecutorJvmNotPerPartition() {
        Rulebook rb = SparkTests.rulebook();
        ExecutorRulebooks.clear();
        Dataset<Row> lines = ClaimsSpark.readJsonl(SparkTests.spark(), SparkTests.backlog().toString(), 8).limit(4000)
                .repartition(8);
        assertEquals(4000, ClaimsSpark.verdicts(lines, rb).count());
        assertEquals(4000, ClaimsSpark.verdicts(lines, rb).filter("decision IS NOT NULL OR errorCode IS NOT NULL").count());
        // asked on the executors themselves (in local mode: the driver's JVM), one task per partition
        String fp = rb.fingerprint();
        List<String> seen = SparkTests.spark().range(0, 8, 1, 8).mapPartitions(
                (MapPartitionsFunction<Long, String>) it -> report(it, fp), Encoders.STRING()).collectAsList();
        assertEquals(8, seen.size());
        for (String s : seen) {
            assertEquals(ExecutorRulebooks.jvm() + " compiled 1", s, "16 partitions in 2 jobs, one compilation per JVM");
        }
        assertEquals(1, ExecutorRulebooks.compilations(fp));
    }

    private static Iterator<String> report(Iterator<Long> ignored, String fingerprint) {
        return List.of(ExecutorRulebooks.jvm() + " compiled " + ExecutorRulebooks.compilations(fingerprint)).iterator();
    }

    @Test
    void aWrongFingerprintFailsFastWithAClearMessage() {
        Rulebook rb = SparkTests.rulebook();
        String wrong = "0".repeat(64);
        ShippedRulebook shipped = ShippedRulebook.of(rb).withFingerprint(wrong);
        Dataset<Row> lines = ClaimsSpark.readJsonl(SparkTests.spark(), SparkTests.backlog().toString(), 4);
        long start = System.nanoTime();
        SparkException e = assertThrows(SparkException.class, () -> ClaimsSpark.verdicts(lines, shipped, ClaimCodec.DEFAULT_MAX_LINE_BYTES).count());
        double seconds = (System.nanoTime() - start) / 1e9;
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof RulebookMismatchException)) {
            cause = cause.getCause();
        }
        RulebookMismatchException m = assertInstanceOf(RulebookMismatchException.class, cause, () -> e.toString());
        assertInstanceOf(io.autoclaims.model.ClaimsException.class, m, "the library's one base exception");
        assertEquals(wrong, m.expected());
        assertEquals(rb.fingerprint(), m.actual());
        assertTrue(m.getMessage().startsWith("Rulebook fingerprint mismatch on executor " + ExecutorRulebooks.jvm()
                + ": the driver shipped " + rb.name() + " " + rb.version() + " with fingerprint " + wrong
                + ", but its workbooks compile here to " + rb.fingerprint()), m.getMessage());
        assertTrue(e.getMessage().contains("Rulebook fingerprint mismatch"), "the job's error names it: " + e.getMessage());
        assertEquals(1, ExecutorRulebooks.compilations(wrong), "no task compiles it again after the first failure");
        assertTrue(seconds < 60, "fails at the first task, before the backlog: " + seconds + " s");
    }
}
