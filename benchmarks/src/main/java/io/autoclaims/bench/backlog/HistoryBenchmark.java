package io.autoclaims.bench.backlog;

import io.autoclaims.model.Claim;
import io.autoclaims.model.json.ClaimCodec;
import io.autoclaims.model.json.ReadResult;
import io.autoclaims.rules.Adjudication;
import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.rules.RulebookHistory;
import io.autoclaims.testkit.SyntheticBacklog;
import java.time.LocalDate;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue #18, the cost of choosing a version per claim: {@value #CLAIMS} synthetic claims (seed 2026,
 * the three claim types, incident dates 2021-2026) adjudicated with {@code adjudicateAll} by one
 * rulebook ({@code single}) and by a history of ten versions of the same rules ({@code history10}:
 * in force from 2000-01-01, then every six months from 2021-07-01 to 2025-07-01, so the claims spread
 * over all ten). The history pays one binary search per claim, grouping the claims by version, and
 * ten smaller Drools rounds instead of two, and warms ten rulebooks' generated code instead of one.
 * {@code history10-latest} isolates the cost of choosing: ten versions dated 1990-1999, so every
 * claim gets the latest (one rulebook's rounds and code, plus the search and the grouping).
 * {@code history10-terms} is {@code history10} with each version's traction battery term (a THEN
 * value) 12 months longer than the one before, as a real history's versions differ. Versions whose
 * generated rules are one text (all three histories here: only About cells and THEN values change)
 * share one Drools network; before that, each ran its own. Score = claims per second.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar HistoryBenchmark -rf json -rff history.json
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 10)
public class HistoryBenchmark {
    public static final int CLAIMS = 2000;

    @Param({"single", "history10", "history10-latest", "history10-terms"})
    public String rules;

    private Adjudicator adjudicator;
    private List<Claim> claims;

    @Setup(Level.Trial)
    public void setUp() {
        ClaimCodec codec = ClaimCodec.create();
        claims = SyntheticBacklog.lines(CLAIMS * 2L, 2026).map(l -> codec.read(l, 1))
                .filter(r -> r instanceof ReadResult.Ok).map(r -> ((ReadResult.Ok) r).claim()).limit(CLAIMS).toList();
        if (rules.equals("single")) {
            adjudicator = Adjudicator.of(Rulebook.loadDefault());
        } else if (rules.equals("history10-latest")) {
            List<Rulebook> versions = new ArrayList<>();
            for (int k = 0; k < 10; k++) {
                versions.add(Rulebooks.dated("v" + k, LocalDate.of(1990 + k, 1, 1)));
            }
            adjudicator = Adjudicator.of(RulebookHistory.of(versions));
        } else if (rules.equals("history10-terms")) {
            List<Rulebook> versions = new ArrayList<>();
            versions.add(Rulebooks.dated("v0", LocalDate.of(2000, 1, 1), 96));
            for (int k = 1; k < 10; k++) {
                versions.add(Rulebooks.dated("v" + k, LocalDate.of(2021, 7, 1).plusMonths(6L * (k - 1)), 96 + 12 * k));
            }
            adjudicator = Adjudicator.of(RulebookHistory.of(versions));
        } else {
            List<Rulebook> versions = new ArrayList<>();
            versions.add(Rulebooks.dated("v0", LocalDate.of(2000, 1, 1)));
            for (int k = 1; k < 10; k++) {
                versions.add(Rulebooks.dated("v" + k, LocalDate.of(2021, 7, 1).plusMonths(6L * (k - 1))));
            }
            adjudicator = Adjudicator.of(RulebookHistory.of(versions));
        }
        LoadAverage.print();
    }

    @Setup(Level.Iteration)
    public void load() {
        LoadAverage.print();
    }

    @Benchmark
    @OperationsPerInvocation(CLAIMS)
    public List<Adjudication> adjudicateAll() {
        return adjudicator.adjudicateAll(claims);
    }
}
