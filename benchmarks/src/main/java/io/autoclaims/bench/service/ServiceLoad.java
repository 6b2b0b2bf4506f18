package io.autoclaims.bench.service;

import io.autoclaims.rules.Adjudicator;
import io.autoclaims.server.ClaimsServer;
import io.autoclaims.testkit.SyntheticBacklog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Issue #17's load figures, on loopback: single claims (POST /v1/verdicts) at 1, 8 and 64
 * concurrent connections (requests/s and latency percentiles, HdrHistogram), and the batch endpoint's
 * claims/s against {@code adjudicateJsonLines} (what {@code claims adjudicate} runs) on the same
 * backlog. Server and clients share one JVM and the machine's cores: the figures are a floor. Every
 * response is counted; a status other than the declared 200, 400 and 422 (the synthetic backlog
 * holds bad lines on purpose), a failed request, or a batch whose record count differs from its line
 * count is reported and makes the exit status 1. Bounded: it stops by itself. SECONDS 0 runs the
 * batch step only.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.autoclaims.bench.service.ServiceLoad [SECONDS_PER_STEP] [BATCH_LINES]
 * </pre>
 */
public final class ServiceLoad {

    private ServiceLoad() {
    }

    /**
     * Runs the steps and prints one line per step.
     *
     * @param args seconds per step (default 10) and lines of the batch backlog (default 50,000)
     * @throws Exception when the server does not start
     */
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int batchLines = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        List<String> claims = new ArrayList<>();
        SyntheticBacklog.lines(2_000, 2026).forEach(claims::add);
        long failures = 0;
        try (ClaimsServer server = ClaimsServer.builder().port(0).maxConcurrentRequests(256).accessLog(l -> { })
                .build().start()) {
            URI verdicts = URI.create("http://127.0.0.1:" + server.port() + "/v1/verdicts");
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            if (seconds > 0) {
                step(http, verdicts, claims, 8, Math.max(2, seconds / 2), "warm-up");
                for (int connections : new int[] {1, 8, 64}) {
                    failures += step(http, verdicts, claims, connections, seconds, "single claims");
                }
            }
            failures += batch(http, server, batchLines);
        }
        System.exit(failures == 0 ? 0 : 1);
    }

    /** {@code connections} threads, each one request at a time, for {@code seconds}; the failures. */
    private static long step(HttpClient http, URI uri, List<String> claims, int connections, int seconds, String what)
            throws InterruptedException {
        Histogram latency = new ConcurrentHistogram(60_000_000_000L, 3);
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < connections; t++) {
            int offset = t * 31;
            Thread thread = new Thread(() -> {
                int i = offset;
                while (System.nanoTime() < end) {
                    HttpRequest req = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(claims.get(i++ % claims.size()))).build();
                    long start = System.nanoTime();
                    try {
                        HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                        latency.recordValue(System.nanoTime() - start);
                        // the synthetic backlog holds bad lines on purpose: 400 and 422 are declared answers too
                        if (r.statusCode() != 200 && r.statusCode() != 400 && r.statusCode() != 422
                                && failed.incrementAndGet() <= 3) {
                            System.out.println("  status " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
                        }
                    } catch (Exception e) {
                        if (failed.incrementAndGet() <= 3) {
                            System.out.println("  failed: " + e);
                        }
                    }
                }
            }, "load-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long n = latency.getTotalCount();
        System.out.printf(Locale.ROOT, "%-13s %3d connections: %8.0f requests/s, p50 %6.2f ms, p90 %6.2f ms, p99 %6.2f ms,"
                        + " p99.9 %6.2f ms, max %7.2f ms, %d requests, %d failed%n", what, connections, n / (double) seconds,
                ms(latency.getValueAtPercentile(50)), ms(latency.getValueAtPercentile(90)),
                ms(latency.getValueAtPercentile(99)), ms(latency.getValueAtPercentile(99.9)), ms(latency.getMaxValue()), n,
                failed.get());
        return failed.get();
    }

    /** The batch endpoint against the library call on the same bytes, three rounds each; the failures. */
    private static long batch(HttpClient http, ClaimsServer server, int lines) throws Exception {
        ByteArrayOutputStream backlog = new ByteArrayOutputStream();
        SyntheticBacklog.lines(lines, 17).forEach(l -> backlog.writeBytes((l + "\n").getBytes(StandardCharsets.UTF_8)));
        byte[] bytes = backlog.toByteArray();
        URI uri = URI.create("http://127.0.0.1:" + server.port() + "/v1/verdicts/batch");
        Adjudicator library = Adjudicator.of(server.rulebook());
        long failures = 0;
        double bestHttp = 0;
        double bestLibrary = 0;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            long written = library.adjudicateJsonLines(new ByteArrayInputStream(bytes), OutputStream.nullOutputStream());
            bestLibrary = Math.max(bestLibrary, written / ((System.nanoTime() - start) / 1e9));
            // Java's HttpClient (HTTP/1.1) reads no response before it has sent the whole request: a
            // batch larger than the socket buffers would wait on itself. It sends the backlog in requests
            // of 1,000 lines (the server's own batch), one after the other.
            start = System.nanoTime();
            long records = 0;
            for (int from = 0; from < bytes.length; ) {
                int to = from;
                for (int n = 0; n < 1000 && to < bytes.length; to++) {
                    if (bytes[to] == '\n') {
                        n++;
                    }
                }
                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes, from, to - from)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() != 200) {
                    failures++;
                    System.out.println("batch: status " + r.statusCode());
                }
                for (byte b : r.body()) {
                    if (b == '\n') {
                        records++;
                    }
                }
                from = to;
            }
            bestHttp = Math.max(bestHttp, records / ((System.nanoTime() - start) / 1e9));
            if (records != lines) {
                failures++;
                System.out.println("batch: " + records + " records for " + lines + " lines");
            }
        }
        System.out.printf(Locale.ROOT, "batch %d lines: %8.0f claims/s over HTTP, %8.0f claims/s adjudicateJsonLines in"
                + " process, ratio %.2f (best of 3 each; HTTP in requests of 1,000 lines)%n", lines, bestHttp, bestLibrary, bestHttp / bestLibrary);
        return failures;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
