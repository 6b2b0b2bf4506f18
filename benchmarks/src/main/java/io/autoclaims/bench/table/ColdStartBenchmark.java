package io.autoclaims.bench.table;

import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.Rulebook;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue #7, cold start on the default rulebook: a fresh JVM per measurement ({@code SingleShotTime},
 * one shot per fork, no warm-up) runs {@link Rulebook#loadDefault()} (read the three shipped
 * workbooks, check, write DRL, compile with Drools) and adjudicates one example claim given as JSON,
 * as {@code claims adjudicate} does for its first line. Nothing of the library, POI or Drools is
 * loaded before the shot. What it leaves out is the JVM's own start and the command line (a few
 * hundred ms): the wall time of {@code ./claims adjudicate} on one claim is the whole figure (see
 * the README). Score = milliseconds.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ColdStartBenchmark -rf json -rff coldstart.json
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(5)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class ColdStartBenchmark {
    /** The first claim of {@code examples/claims/warranty.jsonl}: covered, engine oil leak. */
    static final String CLAIM = "{\"claimId\":\"W-001\",\"type\":\"WARRANTY\",\"submittedOn\":\"2025-03-04\","
            + "\"vehicle\":{\"vin\":\"LSGKB54H8PA123456\",\"purchasedOn\":\"2023-05-10\",\"odometerKm\":28400,"
            + "\"priceCny\":149900.00},\"incident\":{\"occurredOn\":\"2025-03-02\",\"cause\":\"QUALITY_DEFECT\"},"
            + "\"repairShop\":{\"id\":\"4S-SH-0231\",\"authorized\":true,\"tier\":\"DEALER_4S\"},"
            + "\"lines\":[{\"lineId\":\"L1\",\"system\":\"ENGINE\",\"part\":\"气门室盖垫 valve cover gasket\","
            + "\"problem\":\"ENG-OIL-LEAK\",\"repairCostCny\":860.00,\"replaceCostCny\":1450.00}],"
            + "\"documents\":[\"REPAIR_ORDER\",\"WARRANTY_CARD\"],"
            + "\"extensions\":{\"dmsRoNo\":\"RO2503020142\",\"advisor\":\"王磊\"}}";

    @Benchmark
    public String loadDefaultAndFirstVerdict() {
        String verdict = Adjudicator.of(Rulebook.loadDefault()).adjudicateJson(CLAIM);
        if (!verdict.contains("\"W-001\"")) {
            throw new IllegalStateException("unexpected verdict " + verdict);
        }
        return verdict;
    }
}
