package io.autoclaims.bench.table;

import io.autoclaims.model.Cause;
import io.autoclaims.model.PartSystem;
import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.Rulebook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.kie.api.KieBase;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue #7, cold load: a fresh JVM per measurement ({@code SingleShotTime}, one shot per fork, no
 * warm-up), from the workbook's bytes to the first answer: parse, check, compile and decide one
 * claim. The bytes are read from files a child JVM generated ({@link TableFiles}), so POI, Drools and
 * OpenL classes are loaded inside the measured shot. {@code java-map} builds its map from the seeded
 * rows in memory (no workbook to read). Score = milliseconds.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ColdLoadBenchmark -rf json -rff cold.json
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 5, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class ColdLoadBenchmark {
    private static final BenchClaim CLAIM = new BenchClaim(0, PartSystem.ENGINE, Cause.QUALITY_DEFECT, 1, 100);

    @Param({"400", "4000", "10000"})
    public int rows;

    @Param({"autoclaims", "drools-xls", "openl", "java-map"})
    public String engine;

    private Path dir;
    private byte[] bytes;

    @Setup(Level.Trial)
    public void read() throws IOException {
        dir = TableFiles.ensure(rows);
        bytes = switch (engine) {
            case "autoclaims" -> Files.readAllBytes(dir.resolve(AutoclaimsWorkbook.FILE));
            case "drools-xls" -> Files.readAllBytes(dir.resolve("terms.drl.xlsx"));
            default -> null;
        };
    }

    @Benchmark
    public Answer loadAndFirstAnswer() {
        return switch (engine) {
            case "autoclaims" -> {
                Adjudicator a = Adjudicator.of(Rulebook.fromWorkbooks(Map.of(AutoclaimsWorkbook.FILE, bytes)));
                yield Answer.of(a.adjudicate(AutoclaimsEngine.claim(0, CLAIM)).reasons().get(0).code());
            }
            case "drools-xls" -> {
                KieBase base = DroolsXlsEngine.build(bytes);
                DtClaim fact = new DtClaim(TermsTable.modelName(0), CLAIM.system().name(), CLAIM.cause().name(),
                        CLAIM.months(), CLAIM.km());
                base.newStatelessKieSession().execute(fact);
                yield Answer.of(fact.getResult());
            }
            case "openl" -> Answer.of(new OpenlEngine(dir.resolve(OpenlWorkbook.FILE)).instance()
                    .decide(CLAIM.cause().name(), TermsTable.modelName(0), CLAIM.system().name(), CLAIM.months(),
                            CLAIM.km()));
            case "java-map" -> {
                JavaMapEngine e = new JavaMapEngine(TermsTable.generate(rows, DecisionTableBenchmark.TABLE_SEED));
                e.prepare(new BenchClaim[] {CLAIM});
                Answer[] out = new Answer[1];
                e.newEvaluator().decide(0, 1, out);
                yield out[0];
            }
            default -> throw new IllegalArgumentException("unknown engine " + engine);
        };
    }
}
