package io.autoclaims.bench.backlog;

import io.autoclaims.batch.BacklogRun;
import io.autoclaims.batch.RunSummary;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.testkit.SyntheticBacklog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue #6 (a), a backlog end to end: a JSON Lines file of {@value #LINES} synthetic claims
 * ({@link SyntheticBacklog#write}, seed 2026: about half warranty, a third insurance, the rest
 * roadside assistance, 1 % bad lines), written once per trial, turned into a file of one record per
 * line, at 1 and 2 worker threads. Three levels, so the report shows where the time goes:
 * <ul>
 *   <li>{@link #jacksonFloor}: the I/O floor, each line parsed by Jackson ({@code readTree}) and
 *       written back, nothing else;</li>
 *   <li>{@link #codecOnly}: our strict {@code ClaimCodec} reading each claim and writing it back, no
 *       rules;</li>
 *   <li>{@link #backlogRun}: {@link BacklogRun} with the default rulebook (codec, adjudication,
 *       verdict JSON, the input's SHA-256 for checkpoints; no checkpoint directory).</li>
 * </ul>
 * The floors use the same shape as BacklogRun (1,000-line batches, {@code threads + 1} in flight,
 * one ordered writer). Score = lines (claims) per second: each invocation is a whole run, declared as
 * {@code @OperationsPerInvocation(LINES)}.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar BacklogBenchmark -rf json -rff backlog.json
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 5, time = 10)
public class BacklogBenchmark {
    public static final int LINES = 200_000;

    @Param({"1", "2"})
    public int threads;

    private Path dir;
    private Path input;
    private Path output;
    private Rulebook rulebook;

    @Setup(Level.Trial)
    public void write() throws IOException {
        dir = Files.createTempDirectory("autoclaims-backlog-bench-");
        input = dir.resolve("backlog.jsonl");
        output = dir.resolve("out.jsonl");
        SyntheticBacklog.write(input, LINES, 2026);
        rulebook = Rulebook.loadDefault();
    }

    @Setup(Level.Iteration)
    public void load() {
        LoadAverage.print();
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        Files.deleteIfExists(input);
        Files.deleteIfExists(output);
        Files.deleteIfExists(dir);
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public long jacksonFloor() throws IOException {
        return check(JsonLinesPipeline.run(input, output, threads, JsonLinesPipeline.jacksonCopy()));
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public long codecOnly() throws IOException {
        return check(JsonLinesPipeline.run(input, output, threads, JsonLinesPipeline.codecCopy()));
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public RunSummary backlogRun() throws IOException {
        RunSummary s = BacklogRun.builder().rulebook(rulebook).input(input).output(output).threads(threads).build().run();
        check(s.lines());
        return s;
    }

    private static long check(long records) {
        if (records != LINES) {
            throw new IllegalStateException("expected one record per line, " + LINES + ", got " + records);
        }
        return records;
    }
}
