package io.autoclaims.bench.service;

import io.autoclaims.rules.Adjudicator;
import io.autoclaims.server.ClaimsServer;
import io.autoclaims.testkit.ServiceFaults;
import io.autoclaims.testkit.SyntheticBacklog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
 * <p>{@code faults} runs issue #17's faults under load instead ({@link ServiceFaults}, the mix of
 * {@code ClaimsServerFaultTest} for longer): 8 clients of claims and batches, a client disconnecting
 * mid-batch and sending malformed and oversized bodies, a reload every second from a rules folder
 * whose candidate is rewritten each time, every third broken. It prints the counts and every
 * violation, checks /metrics' reload counts and in-flight gauge afterwards, and exits with 1 on any.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.autoclaims.bench.service.ServiceLoad [SECONDS_PER_STEP] [BATCH_LINES]
 * java -cp benchmarks/target/benchmarks.jar io.autoclaims.bench.service.ServiceLoad faults [SECONDS] [PAUSE_MS]
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
        if (args.length > 0 && args[0].equals("faults")) {
            System.exit(faults(args.length > 1 ? Integer.parseInt(args[1]) : 60, args.length > 2 ? Integer.parseInt(args[2]) : 5));
        }
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

    /** The fault mix for {@code seconds}, clients pausing {@code pauseMs} between requests; the exit status. */
    private static int faults(int seconds, int pauseMs) throws Exception {
        Path dir = Files.createTempDirectory("claims-faults");
        try {
            Path rules = Files.createDirectories(dir.resolve("rules").resolve("scenarios")).getParent();
            for (String type : List.of("warranty", "insurance", "assistance")) {
                for (String name : List.of(type + ".xlsx", "scenarios/" + type + ".jsonl")) {
                    try (InputStream in = ServiceLoad.class.getResourceAsStream("/io/autoclaims/rules/default/" + name)) {
                        Files.write(rules.resolve(name), in.readAllBytes());
                    }
                }
            }
            String token = "faults-" + Long.toHexString(System.nanoTime());
            Path tokenFile = Files.writeString(dir.resolve("token"), token);
            long maxBody = 2 << 20;
            int maxLine = 64 * 1024;
            try (ClaimsServer server = ClaimsServer.builder().rules(List.of(rules)).port(0).tokenFile(tokenFile)
                    .maxBodyBytes(maxBody).maxLineBytes(maxLine).idleTimeout(Duration.ofSeconds(5)).accessLog(l -> { })
                    .build().start()) {
                long started = System.nanoTime();
                ServiceFaults.Report r = ServiceFaults.against(URI.create("http://127.0.0.1:" + server.port())).token(token)
                        .rulesFolder(rules).limits(maxBody, maxLine).duration(Duration.ofSeconds(seconds))
                        .pause(Duration.ofMillis(pauseMs)).run();
                List<String> violations = new ArrayList<>(r.violations());
                HttpClient http = HttpClient.newHttpClient();
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                        + "/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() != 200) {
                    violations.add("/health/ready " + ready.statusCode() + " after the run");
                }
                String metrics = settledMetrics(http, server.port(), token, violations);
                for (String outcome : List.of("SWAPPED", "REFUSED", "UNCHANGED")) {
                    long made = r.count("reload " + (outcome.equals("REFUSED") ? 409 : 200) + " " + outcome);
                    long counted = counter(metrics, "claims_reloads_total\\{outcome=\"" + outcome + "\"\\}");
                    if (made != counted) {
                        violations.add("/metrics counts " + counted + " reloads " + outcome + ", the run made " + made);
                    }
                }
                System.out.printf(Locale.ROOT, "faults for %.1f s (clients pausing %d ms): %s%n",
                        (System.nanoTime() - started) / 1e9, pauseMs, r.counts());
                System.out.println("rulebooks live: " + r.live().size() + ", named by verdicts: " + r.fingerprints().size());
                System.out.println(violations.size() + " violations" + (violations.isEmpty() ? "" : ":"));
                violations.forEach(v -> System.out.println("  " + v));
                return violations.isEmpty() ? 0 : 1;
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** /metrics once only the scrape itself is in flight (at most 10 s); a violation otherwise. */
    private static String settledMetrics(HttpClient http, int port, String token, List<String> violations) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
            long inFlight = counter(metrics, "claims_requests_in_flight");
            if (inFlight == 1) {
                return metrics;
            }
            if (System.nanoTime() > deadline) {
                violations.add(inFlight + " requests in flight (the scrape included) 10 s after the run");
                return metrics;
            }
            Thread.sleep(50);
        }
    }

    private static long counter(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + " (\\d+)$").matcher(metrics);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
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
