package io.autoclaims.bench.ceiling;

import io.autoclaims.model.Claim;
import io.autoclaims.model.Verdict;
import io.autoclaims.rules.Adjudication;
import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.Rulebook;
import java.util.ArrayList;
import java.util.List;
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
 * Issue #7, the default rulebook end to end against its ceiling: warranty claims per second, at 1 and
 * 2 threads, of {@code Adjudicator.of(Rulebook.loadDefault()).adjudicateAll(batch)} ({@code autoclaims})
 * and of {@link HandWrittenWarranty}, the same warranty rules written by hand in plain Java
 * ({@code hand-written}). The target is autoclaims &gt;= 0.25 x hand-written.
 *
 * <p>The claims are the first 100,000 valid warranty claims of {@code SyntheticBacklog} seed 2026,
 * read into {@link Claim} records before timing ({@code -jvmArgsAppend -Dbench.claims=20000} uses fewer),
 * cut into batches of 1,000. One invocation adjudicates one batch ({@code @OperationsPerInvocation(1000)},
 * so ops/s are claims/s); with {@code T} threads each thread cycles through its own {@code 1/T} of the
 * batches. Both engines do the whole job: the input checks, every rule, and a {@link Verdict} with
 * line verdicts and bilingual reasons. Before timing, the trial's setup adjudicates every claim with
 * both engines and fails unless the verdicts agree (decision, remedy, amounts, documents, lines, every
 * reason's code, rule id, sheet, row and line id).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar DefaultRulebookBenchmark -rf json -rff default.json
 * java -jar benchmarks/target/benchmarks.jar DefaultRulebookBenchmark -f 1 -wi 2 -i 3 -w 3s -r 3s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
// Drools needs about 10 s of warm-up (JIT of the generated constraints) to reach a plateau
@Warmup(iterations = 4, time = 5)
@Measurement(iterations = 5, time = 5)
public class DefaultRulebookBenchmark {
    static final int BATCH = 1000;
    static final long SEED = 2026;

    @Param({"autoclaims", "hand-written"})
    public String engine;

    /** The verdicts of a batch of valid claims: each one has its verdict. */
    static List<Verdict> verdicts(List<Adjudication> adjudications) {
        return adjudications.stream().map(Adjudication::verdictOrThrow).toList();
    }

    /** One engine's way of adjudicating a batch. */
    interface Engine {
        List<Verdict> adjudicateAll(List<Claim> batch);
    }

    Engine loaded;
    List<List<Claim>> batches;

    @Setup(Level.Trial)
    public void load() {
        int claims = Integer.getInteger("bench.claims", 100_000) / BATCH * BATCH;
        List<Claim> all = WarrantyClaims.synthetic(claims, SEED);
        batches = new ArrayList<>(claims / BATCH);
        for (int from = 0; from < claims; from += BATCH) {
            batches.add(List.copyOf(all.subList(from, from + BATCH)));
        }
        Rulebook rulebook = Rulebook.loadDefault();
        Adjudicator adjudicator = Adjudicator.of(rulebook);
        HandWrittenWarranty handWritten = new HandWrittenWarranty(rulebook.info());
        loaded = switch (engine) {
            case "autoclaims" -> batch -> verdicts(adjudicator.adjudicateAll(batch));
            case "hand-written" -> handWritten::adjudicateAll;
            default -> throw new IllegalArgumentException("engine: autoclaims or hand-written, got " + engine);
        };
        // both engines, every claim, before timing: the ceiling must give the library's verdicts
        for (List<Claim> batch : batches) {
            String d = VerdictComparison.difference(verdicts(adjudicator.adjudicateAll(batch)),
                    handWritten.adjudicateAll(batch));
            if (d != null) {
                throw new IllegalStateException("hand-written and autoclaims verdicts differ: " + d);
            }
        }
    }

    /** One thread's slice of the batches and its position in it. */
    @State(Scope.Thread)
    public static class Worker {
        Engine engine;
        List<List<Claim>> batches;
        int next;
        int start;
        int end;

        @Setup(Level.Trial)
        public void setup(DefaultRulebookBenchmark b, ThreadParams thread) {
            engine = b.loaded;
            batches = b.batches;
            int n = batches.size();
            start = (int) ((long) n * thread.getThreadIndex() / thread.getThreadCount());
            end = (int) ((long) n * (thread.getThreadIndex() + 1) / thread.getThreadCount());
            next = start;
        }

        List<Verdict> batch() {
            List<Verdict> verdicts = engine.adjudicateAll(batches.get(next));
            next = next + 1 == end ? start : next + 1;
            return verdicts;
        }
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(BATCH)
    public List<Verdict> oneThread(Worker w) {
        return w.batch();
    }

    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(BATCH)
    public List<Verdict> twoThreads(Worker w) {
        return w.batch();
    }
}
