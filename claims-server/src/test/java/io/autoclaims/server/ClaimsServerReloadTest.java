package io.autoclaims.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server on a rules folder with a token: reload through the checked swap (refused, then
 * swapped; an unchanged folder is UNCHANGED, left to the code: one load less), then a graceful stop that finishes the request in flight. One server, in this order.
 */
@Timeout(90)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClaimsServerReloadTest {
    private static final String TOKEN = "reload-token";

    @TempDir
    static Path dir;
    static Path rules;
    static ClaimsServer server;

    @BeforeAll
    static void start() throws IOException {
        rules = Files.createDirectories(dir.resolve("rules"));
        Files.createDirectories(rules.resolve("scenarios"));
        // warranty and insurance only: adding the assistance workbook later is a real swap
        for (String type : List.of("warranty", "insurance")) {
            copy(type + ".xlsx");
            copy("scenarios/" + type + ".jsonl");
        }
        Path token = dir.resolve("token");
        Files.writeString(token, TOKEN);
        server = ClaimsServer.builder().rules(List.of(rules)).port(0).tokenFile(token).accessLog(l -> { })
                .stopTimeout(Duration.ofSeconds(20)).build().start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static void copy(String name) throws IOException {
        try (InputStream in = ClaimsServerReloadTest.class.getResourceAsStream("/io/autoclaims/rules/default/" + name)) {
            Files.write(rules.resolve(name), in.readAllBytes());
        }
    }

    private static HttpResponse<byte[]> reload() throws IOException, InterruptedException {
        return ClaimsServerTest.send(server, "POST", "/v1/rulebook/reload", null, null, false, TOKEN);
    }

    @Test
    @Order(2)
    void aReloadThatFailsItsChecksIsRefusedAndTheRulebookStays() throws Exception {
        String before = server.rulebook().fingerprint();
        Files.delete(rules.resolve("insurance.xlsx"));
        try {
            HttpResponse<byte[]> r = reload();
            assertEquals(409, r.statusCode(), ClaimsServerTest.text(r));
            String body = ClaimsServerTest.text(r);
            assertTrue(body.startsWith("{\"outcome\":\"REFUSED\",\"live\":{"), body);
            assertTrue(body.contains("\"code\":\"CLAIM_TYPES_DROPPED\""), body);
            assertEquals(before, server.rulebook().fingerprint());
        } finally {
            copy("insurance.xlsx");
        }
    }

    @Test
    @Order(3)
    void aReloadThatPassesIsSwappedAndTheVerdictsSayWhichRulebook() throws Exception {
        String before = server.rulebook().fingerprint();
        copy("assistance.xlsx");
        copy("scenarios/assistance.jsonl");
        HttpResponse<byte[]> r = reload();
        assertEquals(200, r.statusCode(), ClaimsServerTest.text(r));
        String after = server.rulebook().fingerprint();
        assertNotEquals(before, after);
        assertTrue(ClaimsServerTest.text(r).startsWith("{\"outcome\":\"SWAPPED\",\"live\":{"), ClaimsServerTest.text(r));
        assertTrue(ClaimsServerTest.text(r).contains("\"replaced\":{") && ClaimsServerTest.text(r).contains(before));
        String assistance = Files.readAllLines(Path.of("../examples/claims/assistance.jsonl"), StandardCharsets.UTF_8).get(0);
        HttpResponse<byte[]> v = ClaimsServerTest.send(server, "POST", "/v1/verdicts", "application/json",
                assistance.getBytes(StandardCharsets.UTF_8), false, TOKEN);
        assertEquals(200, v.statusCode(), ClaimsServerTest.text(v));
        assertEquals(after, v.headers().firstValue("X-Rulebook-Fingerprint").orElseThrow());
        String metrics = ClaimsServerTest.text(ClaimsServerTest.send(server, "GET", "/metrics", null, null, false, TOKEN));
        assertTrue(metrics.contains("claims_reloads_total{outcome=\"SWAPPED\"} 1"), metrics);
        assertTrue(metrics.contains("claims_reloads_total{outcome=\"REFUSED\"} 1"), metrics);
        assertTrue(metrics.contains("fingerprint=\"" + after + "\"} 1"), metrics);
    }

    @Test
    @Order(4)
    void underLoadWithFaultsAndReloadsEveryAnswerIsDeclaredAndEveryVerdictNamesALiveRulebook() throws Exception {
        String claim = Files.readAllLines(Path.of("../examples/claims/warranty.jsonl"), StandardCharsets.UTF_8).get(0);
        String batch = (claim + "\n").repeat(40);
        java.util.Set<String> live = java.util.concurrent.ConcurrentHashMap.newKeySet();
        live.add(server.rulebook().fingerprint());
        List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicLong answered = new java.util.concurrent.atomic.AtomicLong();
        List<Thread> clients = new java.util.ArrayList<>();
        for (int t = 0; t < 3; t++) {
            int kind0 = t;
            Thread c = new Thread(() -> {
                for (int i = kind0; running.get(); i++) {
                    try {
                        switch (i % 4) {
                            case 0 -> record(problems, seen, "POST", ClaimsServerTest.send(server, "POST", "/v1/verdicts",
                                    "application/json", claim.getBytes(StandardCharsets.UTF_8), false, TOKEN));
                            case 1 -> record(problems, seen, "POST", ClaimsServerTest.send(server, "POST", "/v1/verdicts",
                                    "application/json", "{\"claimId\":".getBytes(StandardCharsets.UTF_8), false, TOKEN));
                            case 2 -> {
                                HttpResponse<byte[]> r = ClaimsServerTest.send(server, "POST", "/v1/verdicts/batch",
                                        "application/x-ndjson", batch.getBytes(StandardCharsets.UTF_8), false, TOKEN);
                                record(problems, seen, "POST", r);
                                if (ClaimsServerTest.text(r).lines().count() != 40) {
                                    problems.add("a completed batch of 40 lines has " + ClaimsServerTest.text(r).lines().count());
                                }
                            }
                            default -> {
                                // a client that goes away in the middle of its batch
                                try (Socket s = new Socket("127.0.0.1", server.port())) {
                                    s.getOutputStream().write(("POST /v1/verdicts/batch HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                                            + TOKEN + "\r\nContent-Type: application/x-ndjson\r\nContent-Length: 100000\r\n\r\n"
                                            + claim + "\n").getBytes(StandardCharsets.UTF_8));
                                }
                            }
                        }
                        answered.incrementAndGet();
                    } catch (AssertionError | Exception e) {
                        problems.add(e.toString());
                    }
                }
            }, "client-" + t);
            clients.add(c);
            c.start();
        }
        try {
            // a broken candidate (a workbook missing: refused), then the same workbooks again (unchanged)
            Files.delete(rules.resolve("insurance.xlsx"));
            HttpResponse<byte[]> refused = reload();
            copy("insurance.xlsx");
            HttpResponse<byte[]> unchanged = reload();
            assertEquals(409, refused.statusCode(), ClaimsServerTest.text(refused));
            assertEquals(200, unchanged.statusCode(), ClaimsServerTest.text(unchanged));
            live.add(server.rulebook().fingerprint());
        } finally {
            running.set(false);
            for (Thread c : clients) {
                c.join(30_000);
            }
        }
        assertTrue(problems.isEmpty(), problems.toString());
        assertTrue(answered.get() >= 8, "requests answered: " + answered.get());
        assertTrue(live.containsAll(seen), "verdicts named " + seen + "; live were " + live);
        assertEquals(200, ClaimsServerTest.send(server, "GET", "/health/ready", null, null, false, null).statusCode());
    }

    /** Checks a response against the document (collecting, not throwing) and notes its rulebook. */
    private static void record(List<String> problems, java.util.Set<String> seen, String method, HttpResponse<byte[]> r) {
        problems.addAll(OpenApiContract.problems(method, r.request().uri().getPath(), r.statusCode(),
                r.headers().firstValue("Content-Type").orElse(null), h -> r.headers().firstValue(h).orElse(null), r.body()));
        r.headers().firstValue("X-Rulebook-Fingerprint").ifPresent(seen::add);
    }

    @Test
    @Order(5)
    void aStopFinishesTheRequestInFlightAndRefusesNewOnes() throws Exception {
        String line = Files.readAllLines(Path.of("../examples/claims/warranty.jsonl"), StandardCharsets.UTF_8).get(0) + "\n";
        byte[] chunk = line.getBytes(StandardCharsets.UTF_8);
        try (Socket held = new Socket("127.0.0.1", server.port())) {
            OutputStream out = held.getOutputStream();
            out.write(("POST /v1/verdicts/batch HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN
                    + "\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(chunk);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // the batch is in flight once the server counts it: the scrape itself is the other request
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (inFlight(server) < 2) {
                assertTrue(System.nanoTime() < deadline, "the batch never became a request in flight");
                Thread.sleep(5);
            }
            Thread stopper = new Thread(server::stop, "stopper");
            HttpResponse<byte[]> refused = null;
            stopper.start();
            while (System.nanoTime() < deadline) {
                HttpResponse<byte[]> r = ClaimsServerTest.send(server, "GET", "/health/ready", null, null, false, null);
                if (r.statusCode() == 503) {
                    refused = r;
                    break;
                }
                Thread.onSpinWait();
            }
            assertTrue(refused != null && ClaimsServerTest.text(refused).contains("STOPPING"));
            HttpResponse<byte[]> v = ClaimsServerTest.send(server, "POST", "/v1/verdicts", "application/json", chunk, false, TOKEN);
            assertEquals(503, v.statusCode());
            assertTrue(stopper.isAlive(), "the stop waits for the batch");
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(held.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 200"), response);
            assertTrue(response.contains("\"claimId\":\"W-001\"") && response.contains("\"decision\":"), response);
            assertTrue(response.endsWith("0\r\n\r\n"), "the final chunk: the batch completed");
            stopper.join(20_000);
            assertTrue(!stopper.isAlive(), "stopped once the batch was answered");
        }
    }

    /** The server's own count of requests in flight, from /metrics (this scrape included). */
    private static int inFlight(ClaimsServer server) throws Exception {
        String metrics = ClaimsServerTest.text(ClaimsServerTest.send(server, "GET", "/metrics", null, null, false, TOKEN));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^claims_requests_in_flight (\\d+)$").matcher(metrics);
        assertTrue(m.find(), metrics);
        return Integer.parseInt(m.group(1));
    }
}
