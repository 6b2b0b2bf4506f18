package io.autoclaims.bench.backlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autoclaims.model.json.ClaimCodec;
import io.autoclaims.model.json.JsonLinesReader;
import io.autoclaims.model.json.RawLines;
import io.autoclaims.model.json.ReadResult;
import io.autoclaims.testkit.SyntheticBacklog;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Issue #14, the codec's read alone, one thread: the {@value #LINES} lines of the benchmark backlog
 * ({@link SyntheticBacklog}, seed 2026), cut into batches once, in memory, then read into claims (or
 * error records) by {@link ClaimCodec#read(RawLines, int)}: bytes to records, no rules, no writing.
 * {@link #jacksonTree} is the same lines parsed by Jackson into a tree ({@code readTree}), the read
 * half of the I/O floor. Score = lines per second. The load average is printed before each iteration.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar CodecReadBenchmark -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
public class CodecReadBenchmark {
    public static final int LINES = 200_000;

    private final ClaimCodec codec = ClaimCodec.create();
    private final ObjectMapper mapper = new ObjectMapper();
    private List<RawLines> batches;
    private List<byte[]> lines;

    @Setup(Level.Trial)
    public void cut() throws IOException {
        Path file = Files.createTempFile("autoclaims-codec-bench-", ".jsonl");
        try {
            SyntheticBacklog.write(file, LINES, 2026);
            byte[] bytes = Files.readAllBytes(file);
            batches = new ArrayList<>();
            try (JsonLinesReader reader = codec.lines(new ByteArrayInputStream(bytes))) {
                for (RawLines b; (b = reader.next(1000, 1 << 20)) != null; ) {
                    batches.add(b);
                }
            }
            lines = new ArrayList<>(LINES);
            for (int start = 0, end; start < bytes.length; start = end + 1) {
                end = start;
                while (end < bytes.length && bytes[end] != '\n') {
                    end++;
                }
                lines.add(java.util.Arrays.copyOfRange(bytes, start, end));
            }
        } finally {
            Files.deleteIfExists(file);
        }
        long read = batches.stream().mapToLong(RawLines::size).sum();
        if (read != LINES) {
            throw new IllegalStateException("expected " + LINES + " lines, cut " + read);
        }
    }

    @Setup(Level.Iteration)
    public void load() {
        LoadAverage.print();
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public int codecRead(Blackhole bh) {
        int ok = 0;
        for (RawLines batch : batches) {
            for (int i = 0; i < batch.size(); i++) {
                ReadResult r = codec.read(batch, i);
                ok += r instanceof ReadResult.Ok ? 1 : 0;
                bh.consume(r);
            }
        }
        return ok;
    }

    /** Jackson's tree of each line's bytes. */
    @Benchmark
    @OperationsPerInvocation(LINES)
    public int jacksonTree(Blackhole bh) {
        int ok = 0;
        for (byte[] line : lines) {
            try {
                JsonNode node = mapper.readTree(line);
                ok += node != null && node.isObject() ? 1 : 0;
                bh.consume(node);
            } catch (IOException e) {
                bh.consume(e);
            }
        }
        return ok;
    }
}
