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
            // the batch is in flight once the server reports a request it is serving: wait for readiness to say so
            Thread stopper = new Thread(server::stop, "stopper");
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
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
}
