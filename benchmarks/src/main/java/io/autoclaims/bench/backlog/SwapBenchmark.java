package io.autoclaims.bench.backlog;

import io.autoclaims.model.Claim;
import io.autoclaims.model.json.ClaimCodec;
import io.autoclaims.model.json.ReadResult;
import io.autoclaims.rules.Adjudication;
import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.testkit.SyntheticBacklog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
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
 * Issue #6 (b), a swap under load: two threads adjudicate batches of 1,000 claims with one shared
 * {@link Adjudicator} while a third swaps its rulebook every {@code swapEveryMs} ms, alternating the
 * default rulebook and a copy with one changed cell (T-01: traction battery 96 -> 120 months). With
 * {@code swapEveryMs = 0} the third thread only sleeps: the baseline without swaps, same thread count.
 * Read {@code swapUnderLoad:claims} = claims per second (both threads together) and
 * {@code swapUnderLoad:swapper} = swaps per second. The claims are the valid lines of a 100,000-line synthetic backlog (all three types).
 * The swap goes through {@link RulebookSwap}, the one call site to adapt to the checked swap API.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar SwapBenchmark -rf json -rff swap.json
 * </pre>
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class SwapBenchmark {
    static final int BATCH = 1000;

    @Param({"0", "10", "100"})
    public int swapEveryMs;

    Adjudicator adjudicator;
    Rulebook original;
    Rulebook changed;
    List<Claim> claims;
    boolean onChanged;

    @Setup(Level.Trial)
    public void load() {
        original = Rulebook.loadDefault();
        changed = Rulebooks.withTractionBatteryTerm(120);
        if (changed.fingerprint().equals(original.fingerprint())) {
            throw new IllegalStateException("the changed rulebook has the default's fingerprint: the cell did not change");
        }
        adjudicator = Adjudicator.of(original);
        ClaimCodec codec = ClaimCodec.create();
        List<Claim> valid = new ArrayList<>();
        long[] n = {0};
        SyntheticBacklog.lines(100_000, 2026).forEach(line -> {
            if (codec.read(line, ++n[0]) instanceof ReadResult.Ok ok && adjudicator.unsupported(ok.claim()).isEmpty()) {
                valid.add(ok.claim());
            }
        });
        claims = valid.subList(0, valid.size() / BATCH * BATCH);
    }

    /**
     * One adjudicating thread's position in the claims, and its claim counter: JMH reports
     * {@code swapUnderLoad:claims} in claims per second (JMH applies no {@code @OperationsPerInvocation}
     * to one method of a group, so {@code swapUnderLoad:adjudicate} counts batches of 1,000).
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Cursor {
        int next;
        public long claims;
    }

    @Benchmark
    @Group("swapUnderLoad")
    @GroupThreads(2)
    public List<Adjudication> adjudicate(Cursor c) {
        int from = c.next;
        c.next = from + BATCH >= claims.size() ? 0 : from + BATCH;
        List<Adjudication> verdicts = adjudicator.adjudicateAll(claims.subList(from, from + BATCH));
        c.claims += BATCH;
        return verdicts;
    }

    @Benchmark
    @Group("swapUnderLoad")
    @GroupThreads(1)
    public Rulebook swapper() throws InterruptedException {
        if (swapEveryMs == 0) {
            Thread.sleep(100);
            return null;
        }
        Thread.sleep(swapEveryMs);
        onChanged = !onChanged;
        return RulebookSwap.swap(adjudicator, onChanged ? changed : original);
    }
}
