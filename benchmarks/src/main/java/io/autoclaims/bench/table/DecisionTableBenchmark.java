package io.autoclaims.bench.table;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Issue #7, throughput: the comparison decision ({@link TermsTable}) at 400 / 4,000 / 10,000 rows in
 * each engine, on the same 1,000,000 seeded claims, at 1 and 2 threads. Score = claims per second:
 * one invocation decides a batch of 1,000 claims ({@code @OperationsPerInvocation(1000)}). With
 * {@code T} threads each thread cycles through its own {@code 1/T} slice of the claims, so together
 * they decide all of them and never share a (mutable) Drools fact.
 *
 * <p>Before timing, the trial's setup runs the engine over all the claims and fails unless every
 * answer equals the reference evaluation's (so all engines agree with each other). The {@code -explained}
 * engines (issue #16) are the peers' tables written to return this library's explanation; their setup
 * also checks every explanation equal to this library's. The claims are generated once per trial; {@code -jvmArgsAppend -Dbench.claims=100000} uses fewer (development
 * runs only).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar DecisionTableBenchmark -rf json -rff table.json
 * java -jar benchmarks/target/benchmarks.jar DecisionTableBenchmark -p rows=400 -p engine=autoclaims,openl -f 1 -wi 3 -i 3 -w 3s -r 3s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
// Drools-based engines need about 10 s of warm-up (JIT of the generated constraints) to reach a plateau
@Warmup(iterations = 4, time = 5)
@Measurement(iterations = 5, time = 5)
public class DecisionTableBenchmark {
    static final long TABLE_SEED = 7;
    static final long CLAIM_SEED = 11;

    @Param({"400", "4000", "10000"})
    public int rows;

    @Param({"autoclaims", "drools-batch", "drools-per-claim", "openl", "java-map", "openl-explained",
            "drools-batch-explained"})
    public String engine;

    DecisionEngine loaded;
    int claims;

    @Setup(Level.Trial)
    public void load() {
        claims = Integer.getInteger("bench.claims", 1_000_000);
        TermsTable table = TermsTable.generate(rows, TABLE_SEED);
        BenchClaim[] generated = BenchClaim.generate(table, claims, CLAIM_SEED);
        loaded = Engines.load(engine, table);
        loaded.prepare(generated);
        Engines.checkAgainstReference(engine, loaded, table, generated);
        if (engine.endsWith("-explained")) {
            DecisionEngine library = Engines.load("autoclaims", table);
            library.prepare(generated);
            Engines.checkExplanations(engine, (Explaining) loaded, (Explaining) library, generated);
        }
    }

    /** One thread's evaluator (its own session or instance), answers and position. */
    @State(Scope.Thread)
    public static class Worker {
        DecisionEngine.Evaluator evaluator;
        Answer[] out;
        int next;
        int start;
        int end;

        @Setup(Level.Trial)
        public void setup(DecisionTableBenchmark b, ThreadParams thread) {
            evaluator = b.loaded.newEvaluator();
            out = new Answer[b.claims];
            int batches = b.claims / Engines.BATCH;
            start = (int) ((long) batches * thread.getThreadIndex() / thread.getThreadCount()) * Engines.BATCH;
            end = (int) ((long) batches * (thread.getThreadIndex() + 1) / thread.getThreadCount()) * Engines.BATCH;
            next = start;
        }

        Answer batch() {
            int from = next;
            int to = from + Engines.BATCH;
            evaluator.decide(from, to, out);
            next = to + Engines.BATCH > end ? start : to;
            return out[from];
        }
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(Engines.BATCH)
    public Answer oneThread(Worker w) {
        return w.batch();
    }

    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(Engines.BATCH)
    public Answer twoThreads(Worker w) {
        return w.batch();
    }
}
