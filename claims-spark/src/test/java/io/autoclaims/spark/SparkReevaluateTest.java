package io.autoclaims.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

/**
 * On a 20,000-line synthetic backlog (about 1 % bad lines of 15 kinds: blank, truncated, CSV, unknown
 * enum, CRLF ends ...), the Spark run gives exactly the records of the local batch run: compared by input
 * line, byte for byte, with one partition, several, and after a shuffle.
 */
class SparkReevaluateTest {

    /** Every (line, record) sorted by line must equal the local run's records, byte for byte. */
    private static void assertSameAsLocal(Dataset<Row> verdicts) {
        List<Row> rows = verdicts.select("line", "record").orderBy("line").collectAsList();
        List<String> local = SparkTests.localRecords();
        assertEquals(local.size(), rows.size(), "one record per input line");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            assertEquals(i + 1, r.getLong(0), "line numbers 1..n, each once");
            assertArrayEquals(local.get(i).getBytes(StandardCharsets.UTF_8), r.getString(1).getBytes(StandardCharsets.UTF_8),
                    () -> "line " + r.getLong(0) + ":\nlocal " + local.get(r.getInt(0) - 1) + "\nspark " + r.getString(1));
        }
    }

    @Test
    void onePartitionGivesTheLocalRecords() {
        Dataset<Row> lines = ClaimsSpark.readJsonl(SparkTests.spark(), SparkTests.backlog().toString(), 1);
        assertEquals(1, lines.javaRDD().getNumPartitions());
        assertSameAsLocal(ClaimsSpark.verdicts(lines, SparkTests.rulebook()));
    }

    @Test
    void severalPartitionsAndAShuffleGiveTheLocalRecords() {
        Dataset<Row> lines = ClaimsSpark.readJsonl(SparkTests.spark(), SparkTests.backlog().toString(), 5);
        assertTrue(lines.javaRDD().getNumPartitions() >= 5, "split into 5 or more: " + lines.javaRDD().getNumPartitions());
        assertSameAsLocal(ClaimsSpark.verdicts(lines, SparkTests.rulebook()));
        assertSameAsLocal(ClaimsSpark.verdicts(lines.repartition(7), SparkTests.rulebook()));
    }

    @Test
    void withoutAShuffleTheRecordsComeInInputOrder() {
        // the Dataset<String> API numbers lines by position; read with lineSep \n as the local run splits lines
        SparkSession spark = SparkTests.spark();
        Dataset<String> text = spark.read().option("lineSep", "\n").textFile(SparkTests.backlog().toString());
        List<String> records = ClaimsSpark.reevaluate(text, SparkTests.rulebook()).collectAsList();
        assertEquals(SparkTests.localRecords(), records);
    }

    @Test
    void theTypedViewAgreesWithTheRecords() throws Exception {
        Dataset<Row> verdicts = ClaimsSpark.verdicts(
                ClaimsSpark.readJsonl(SparkTests.spark(), SparkTests.backlog().toString(), 3), SparkTests.rulebook())
                .cache();
        try {
            assertEquals(DataTypes.createDecimalType(18, 2), verdicts.schema().apply("payableCny").dataType());
            assertEquals(DataTypes.createArrayType(DataTypes.StringType, false),
                    verdicts.schema().apply("reasonCodes").dataType());
            // the same totals from the local records, read with Jackson
            ObjectMapper json = new ObjectMapper();
            Map<String, Long> decisions = new TreeMap<>();
            Map<String, Long> errors = new TreeMap<>();
            BigDecimal payable = BigDecimal.ZERO;
            long reasons = 0;
            for (String record : SparkTests.localRecords()) {
                JsonNode n = json.readTree(record);
                if (n.has("error")) {
                    errors.merge(n.get("error").get("code").asText(), 1L, Long::sum);
                } else {
                    decisions.merge(n.get("decision").asText(), 1L, Long::sum);
                    payable = payable.add(n.get("payableCny").decimalValue());
                    reasons += n.get("reasons").size();
                }
            }
            assertTrue(errors.values().stream().mapToLong(Long::longValue).sum() > 100, "error lines are mixed in: " + errors);
            assertEquals(decisions, counts(verdicts.filter("decision IS NOT NULL").groupBy("decision").count()));
            assertEquals(errors, counts(verdicts.filter("errorCode IS NOT NULL").groupBy("errorCode").count()));
            Row sums = verdicts.selectExpr("sum(payableCny)", "sum(size(reasonCodes))").first();
            assertEquals(0, payable.compareTo(sums.getDecimal(0)), "payable " + payable + " vs " + sums.getDecimal(0));
            assertEquals(reasons, sums.getLong(1));
            assertEquals(0, verdicts.filter("(decision IS NULL) = (errorCode IS NULL)").count(),
                    "each row is a verdict or an error record");
        } finally {
            verdicts.unpersist();
        }
    }

    private static Map<String, Long> counts(Dataset<Row> grouped) {
        Map<String, Long> m = new TreeMap<>();
        for (Row r : grouped.collectAsList()) {
            m.put(r.getString(0), r.getLong(1));
        }
        return m;
    }
}
