package io.autoclaims.bench.service;

import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.server.ClaimsServer;
import io.autoclaims.testkit.ServiceFaults;
import io.autoclaims.testkit.SyntheticBacklog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
 * backlog. By default the server runs in this JVM; {@code --url} loads one already running in another
 * (e.g. {@code java -jar claims-server.jar}), which is the fairer measure: the clients' allocation and
 * collection stay out of the server's heap, though both still share the machine's cores. The clients
 * are {@link LoopbackHttp} by default (kept-alive raw sockets, cheap per request; a batch is one
 * request of the whole backlog, read while it is sent), or Java's {@code HttpClient} with
 * {@code --client httpclient} (dearer per request; a batch in requests of 1,000 lines). Every
 * response is counted; a status other than the declared 200, 400 and 422 (the synthetic backlog
 * holds bad lines on purpose), a failed request, or a batch whose record count differs from its line
 * count is reported and makes the exit status 1. Bounded: it stops by itself. SECONDS 0 runs the
 * batch step only. The load average is printed before and after.
 *
 * <p>{@code faults} runs issue #17's faults under load instead ({@link ServiceFaults}, the mix of
 * {@code ClaimsServerFaultTest} for longer): 8 clients of claims and batches, a client disconnecting
 * mid-batch and sending malformed and oversized bodies, a reload every second from a rules folder
 * whose candidate is rewritten each time, every third broken. It prints the counts and every
 * violation, checks /metrics' reload counts and in-flight gauge afterwards, and exits with 1 on any.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.autoclaims.bench.service.ServiceLoad [SECONDS_PER_STEP] [BATCH_LINES]
 *      [--url http://127.0.0.1:8080] [--client loopback|httpclient]
 * java -cp benchmarks/target/benchmarks.jar io.autoclaims.bench.service.ServiceLoad faults [SECONDS] [PAUSE_MS]
 * </pre>
 */
public final class ServiceLoad {

    private ServiceLoad() {
    }

    /**
     * Runs the steps and prints one line per step.
     *
     * @param args seconds per step (default 10) and lines of the batch backlog (default 50,000), then
     *             {@code --url URL} to load a server already running (in another JVM) instead of one
     *             started in this JVM, and {@code --client loopback|httpclient} (default loopback)
     * @throws Exception when the server does not start
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("faults")) {
            System.exit(faults(args.length > 1 ? Integer.parseInt(args[1]) : 60, args.length > 2 ? Integer.parseInt(args[2]) : 5));
        }
        System.exit(measure(args) == 0 ? 0 : 1);
    }

    /**
     * The load steps of {@link #main} (same arguments, not {@code faults}), printed on standard output.
     *
     * @param args as {@link #main}'s
     * @return the failures counted: requests that failed or were answered with an undeclared status, and
     *         batches whose record count differs from their line count
     * @throws Exception when the server does not start
     */
    public static long measure(String... args) throws Exception {
        List<Integer> numbers = new ArrayList<>();
        String url = null;
        String client = "loopback";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--client" -> client = args[++i];
                default -> numbers.add(Integer.parseInt(args[i]));
            }
        }
        if (!client.equals("loopback") && !client.equals("httpclient")) {
            throw new IllegalArgumentException("--client loopback or --client httpclient, got " + client);
        }
        int seconds = numbers.size() > 0 ? numbers.get(0) : 10;
        int batchLines = numbers.size() > 1 ? numbers.get(1) : 50_000;
        List<byte[]> claims = new ArrayList<>();
        SyntheticBacklog.lines(2_000, 2026).forEach(l -> claims.add(l.getBytes(StandardCharsets.UTF_8)));
        System.out.println("load average before: " + loadAverage() + "; client: " + client + ", server: "
                + (url == null ? "in this JVM" : url));
        long failures = 0;
        if (url == null) {
            try (ClaimsServer server = ClaimsServer.builder().port(0).maxConcurrentRequests(256).accessLog(l -> { })
                    .build().start()) {
                failures = run(URI.create("http://127.0.0.1:" + server.port()), client, claims, seconds, batchLines,
                        server.rulebook());
            }
        } else {
            failures = run(URI.create(url), client, claims, seconds, batchLines, null);
        }
        System.out.println("load average after: " + loadAverage());
        return failures;
    }

    /** The steps against {@code base}; {@code rulebook} is the server's, or null to load the shipped one here. */
    private static long run(URI base, String client, List<byte[]> claims, int seconds, int batchLines, Rulebook rulebook)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI verdicts = base.resolve("/v1/verdicts");
        long failures = 0;
        if (seconds > 0) {
            step(http, client, verdicts, claims, 8, Math.max(2, seconds / 2), "warm-up");
            for (int connections : new int[] {1, 8, 64}) {
                failures += step(http, client, verdicts, claims, connections, seconds, "single claims");
            }
        }
        return failures + batch(http, client, base, batchLines, rulebook);
    }

    /** /proc/loadavg's first three figures, or "unknown" where there is none. */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
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

    /** Sends one claim and answers its status; one per client thread. */
    private interface Sender extends AutoCloseable {
        int send(byte[] claim) throws Exception;

        @Override
        default void close() {
        }
    }

    private static Sender sender(HttpClient http, String client, URI uri) {
        if (client.equals("httpclient")) {
            return claim -> http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(claim)).build(), HttpResponse.BodyHandlers.ofByteArray())
                    .statusCode();
        }
        LoopbackHttp c = new LoopbackHttp(uri);
        return new Sender() {
            @Override
            public int send(byte[] claim) throws Exception {
                return c.post(uri.getPath(), "application/json", claim).status();
            }

            @Override
            public void close() {
                c.close();
            }
        };
    }

    /** {@code connections} threads, each one request at a time on its own connection, for {@code seconds}; the failures. */
    private static long step(HttpClient http, String client, URI uri, List<byte[]> claims, int connections, int seconds,
            String what) throws InterruptedException {
        Histogram latency = new ConcurrentHistogram(60_000_000_000L, 3);
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < connections; t++) {
            int offset = t * 31;
            Thread thread = new Thread(() -> {
                int i = offset;
                try (Sender sender = sender(http, client, uri)) {
                    while (System.nanoTime() < end) {
                        byte[] claim = claims.get(i++ % claims.size());
                        long start = System.nanoTime();
                        try {
                            int status = sender.send(claim);
                            latency.recordValue(System.nanoTime() - start);
                            // the synthetic backlog holds bad lines on purpose: 400 and 422 are declared answers too
                            if (status != 200 && status != 400 && status != 422 && failed.incrementAndGet() <= 3) {
                                System.out.println("  status " + status);
                            }
                        } catch (Exception e) {
                            if (failed.incrementAndGet() <= 3) {
                                System.out.println("  failed: " + e);
                            }
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

    /**
     * The batch endpoint against the library call on the same bytes, three rounds each; the failures.
     * {@code rulebook} is the server's, or null: then the shipped one is loaded here, and the ratio is
     * only printed when the server's fingerprint header names it.
     */
    private static long batch(HttpClient http, String client, URI base, int lines, Rulebook rulebook) throws Exception {
        ByteArrayOutputStream backlog = new ByteArrayOutputStream();
        SyntheticBacklog.lines(lines, 17).forEach(l -> backlog.writeBytes((l + "\n").getBytes(StandardCharsets.UTF_8)));
        byte[] bytes = backlog.toByteArray();
        URI uri = base.resolve("/v1/verdicts/batch");
        Adjudicator library = Adjudicator.of(rulebook != null ? rulebook : Rulebook.loadDefault());
        long failures = 0;
        double bestHttp = 0;
        double bestLibrary = 0;
        String served = null;
        // once untimed: in another JVM than the server's the library's code is not compiled yet
        library.adjudicateJsonLines(new ByteArrayInputStream(bytes), OutputStream.nullOutputStream());
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            long written = library.adjudicateJsonLines(new ByteArrayInputStream(bytes), OutputStream.nullOutputStream());
            bestLibrary = Math.max(bestLibrary, written / ((System.nanoTime() - start) / 1e9));
            start = System.nanoTime();
            long records;
            if (client.equals("loopback")) {
                // the whole backlog in one request, read while it is sent, as curl does
                try (LoopbackHttp c = new LoopbackHttp(uri)) {
                    LineCount count = new LineCount();
                    LoopbackHttp.Response r = c.post(uri.getPath(), "application/x-ndjson", bytes, 0, bytes.length, count);
                    records = count.lines;
                    served = r.fingerprint();
                    if (r.status() != 200) {
                        failures++;
                        System.out.println("batch: status " + r.status());
                    }
                }
            } else {
                records = 0;
                // Java's HttpClient (HTTP/1.1) reads no response before it has sent the whole request: a
                // batch larger than the socket buffers would wait on itself. It sends the backlog in requests
                // of 1,000 lines (the server's own batch), one after the other.
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
                    served = r.headers().firstValue("X-Rulebook-Fingerprint").orElse(null);
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
            }
            bestHttp = Math.max(bestHttp, records / ((System.nanoTime() - start) / 1e9));
            if (records != lines) {
                failures++;
                System.out.println("batch: " + records + " records for " + lines + " lines");
            }
        }
        boolean same = library.rulebook().fingerprint().equals(served);
        System.out.printf(Locale.ROOT, "batch %d lines: %8.0f claims/s over HTTP (%s), %8.0f claims/s adjudicateJsonLines in"
                        + " process, ratio %s (best of 3 each)%n", lines, bestHttp,
                client.equals("loopback") ? "one request, read while sent" : "requests of 1,000 lines",
                bestLibrary, same ? String.format(Locale.ROOT, "%.2f", bestHttp / bestLibrary)
                        : "none (the server does not serve the shipped rulebook)");
        return failures;
    }

    /** Counts the records of a streamed answer. */
    private static final class LineCount extends OutputStream {
        long lines;

        @Override
        public void write(int b) {
            if (b == '\n') {
                lines++;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    lines++;
                }
            }
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
