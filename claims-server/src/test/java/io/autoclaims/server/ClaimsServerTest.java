package io.autoclaims.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.batch.ReportJson;
import io.autoclaims.model.json.ClaimCodec;
import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.RulebookCheck;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers on loopback, started once for the class: one with a token and the default limits, one
 * without a token and with tiny limits. Every response is checked against openapi.yaml.
 */
@Timeout(60)
class ClaimsServerTest {
    private static final String TOKEN = "s3cret-token";
    private static final Path EXAMPLES = Path.of("../examples/claims");

    @TempDir
    static Path dir;
    static ClaimsServer server;
    static ClaimsServer tight;
    static final List<String> ACCESS = new CopyOnWriteArrayList<>();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws IOException {
        Path token = dir.resolve("token");
        Files.writeString(token, TOKEN + "\n");
        server = ClaimsServer.builder().rulebook(SharedRulebook.shipped()).port(0).tokenFile(token).accessLog(ACCESS::add)
                .build().start();
        tight = ClaimsServer.builder().rulebook(SharedRulebook.shipped()).port(0).maxBodyBytes(400_000).maxLinesPerBatch(1200).maxConcurrentRequests(1)
                .accessLog(line -> { }).build().start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
        if (tight != null) {
            tight.stop();
        }
    }

    // ---- requests, each response checked against openapi.yaml ----

    static HttpResponse<byte[]> send(ClaimsServer to, String method, String path, String contentType, byte[] body,
            boolean auth) throws IOException, InterruptedException {
        return send(to, method, path, contentType, body, auth, auth ? TOKEN : null);
    }

    /** A request sending {@code token} (none when null); its response checked against openapi.yaml. */
    static HttpResponse<byte[]> send(ClaimsServer to, String method, String path, String contentType, byte[] body,
            boolean auth, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to.port() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        OpenApiContract.assertConforms(method, r);
        return r;
    }

    static HttpResponse<byte[]> post(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        return send(server, "POST", path, contentType, body, true);
    }

    static HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return send(server, "GET", path, null, null, true);
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    static byte[] examples() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (String f : List.of("warranty.jsonl", "insurance.jsonl", "assistance.jsonl")) {
            all.write(Files.readAllBytes(EXAMPLES.resolve(f)));
        }
        return all.toByteArray();
    }

    /** What the command line writes for these bytes: its own library call on the server's rulebook. */
    static byte[] commandLine(byte[] lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Adjudicator.of(server.rulebook()).adjudicateJsonLines(new java.io.ByteArrayInputStream(lines), out);
        return out.toByteArray();
    }

    // ---- verdicts ----

    @Test
    void batchIsByteIdenticalToTheCommandLine() throws Exception {
        byte[] lines = (new String(examples(), StandardCharsets.UTF_8) + "not json\n\n{\"claimId\":\"X\"}\n")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> r = post("/v1/verdicts/batch", "application/x-ndjson", lines);
        assertEquals(200, r.statusCode());
        assertArrayEquals(commandLine(lines), r.body());
        long records = text(r).lines().count();
        assertEquals(new String(lines, StandardCharsets.UTF_8).lines().count(), records);
        assertEquals(server.rulebook().fingerprint(), r.headers().firstValue("X-Rulebook-Fingerprint").orElseThrow());
    }

    @Test
    void oneClaimGetsTheRecordOfItsLine() throws Exception {
        List<String> lines = Files.readAllLines(EXAMPLES.resolve("mixed.jsonl"), StandardCharsets.UTF_8);
        for (String line : lines.subList(0, Math.min(6, lines.size()))) {
            HttpResponse<byte[]> r = post("/v1/verdicts", "application/json", line.getBytes(StandardCharsets.UTF_8));
            String expected = new String(commandLine((line + "\n").getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
            assertEquals(expected, text(r) + "\n", line);
            assertEquals(expected.startsWith("{\"claimId\"") && expected.contains("\"decision\"") ? 200 : 422, r.statusCode());
            String fingerprint = r.headers().firstValue("X-Rulebook-Fingerprint").orElseThrow();
            assertTrue(text(r).contains("\"fingerprint\":\"" + fingerprint + "\""), text(r));
        }
    }

    @Test
    void aPrettyPrintedClaimReadsAsItsOneLine() throws Exception {
        String line = Files.readAllLines(EXAMPLES.resolve("warranty.jsonl"), StandardCharsets.UTF_8).get(0);
        String pretty = line.replace(",\"", ",\n  \"").replace("{\"", "{\r\n  \"") + "\n";
        assertTrue(pretty.contains("\n  \"vehicle\""), pretty);
        HttpResponse<byte[]> one = post("/v1/verdicts", "application/json", line.getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> two = post("/v1/verdicts", "application/json; charset=utf-8", pretty.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, two.statusCode(), text(two));
        assertEquals(text(one), text(two));
    }

    @Test
    void badBodiesGetTheirDeclaredStatus() throws Exception {
        HttpResponse<byte[]> notJson = post("/v1/verdicts", "application/json", "not json".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, notJson.statusCode());
        assertTrue(text(notJson).contains("\"code\":\"INVALID_JSON\""), text(notJson));
        HttpResponse<byte[]> invalid = post("/v1/verdicts", "application/json",
                "{\"claimId\":\"W-17\",\"type\":\"WARRANTY\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(422, invalid.statusCode());
        assertEquals("{\"claimId\":\"W-17\",\"line\":1,\"error\":{\"code\":\"MISSING_FIELD\",\"field\":\"submittedOn\","
                + "\"message\":\"required field \\\"submittedOn\\\" is missing\"}}", text(invalid));
        HttpResponse<byte[]> wrongType = post("/v1/verdicts", "text/plain", "{}".getBytes(StandardCharsets.UTF_8));
        assertEquals(415, wrongType.statusCode());
        assertTrue(text(wrongType).contains("UNSUPPORTED_MEDIA_TYPE") && text(wrongType).contains("请使用"), text(wrongType));
        assertEquals(415, post("/v1/verdicts/batch", "application/json", "{}".getBytes(StandardCharsets.UTF_8)).statusCode());
        assertEquals(415, post("/v1/explanations", null, "{}".getBytes(StandardCharsets.UTF_8)).statusCode());
    }

    @Test
    void explanationIsTheCommandLinesJson() throws Exception {
        String line = Files.readAllLines(EXAMPLES.resolve("warranty.jsonl"), StandardCharsets.UTF_8).get(0);
        HttpResponse<byte[]> r = post("/v1/explanations", "application/json", line.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), text(r));
        ClaimCodec codec = ClaimCodec.create();
        assertEquals(ReportJson.explanation(Adjudicator.of(server.rulebook()).explain(codec.readClaim(line)), codec), text(r));
        assertTrue(text(r).contains("\"textEn\":"), "the verdict's reasons are written: " + text(r));
        assertEquals(422, post("/v1/explanations", "application/json",
                "{\"claimId\":\"W-17\"}".getBytes(StandardCharsets.UTF_8)).statusCode());
    }

    // ---- rulebook ----

    @Test
    void rulebookNamesItsTablesAndTypes() throws Exception {
        assertSame(SharedRulebook.shipped(), server.rulebook(), "the server serves the rulebook it was given");
        HttpResponse<byte[]> r = get("/v1/rulebook");
        assertEquals(200, r.statusCode());
        String body = text(r);
        assertTrue(body.startsWith("{\"name\":\"" + server.rulebook().name() + "\""), body);
        assertTrue(body.contains("\"fingerprint\":\"" + server.rulebook().fingerprint() + "\""), body);
        assertTrue(body.contains("\"claimTypes\":[\"WARRANTY\",\"INSURANCE\",\"ASSISTANCE\"]"), body);
        assertTrue(body.contains("{\"table\":\"Coverage 保修范围\",\"rows\":"), body);
        assertTrue(body.contains("\"workbooks\":[") && body.contains("warranty.xlsx"), body);
    }

    @Test
    void checkGivesTheFindingsOfClaimsCheck() throws Exception {
        Map<String, byte[]> workbooks = RulebookCheck.defaultWorkbooks();
        String boundary = "claims-test-boundary";
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> w : workbooks.entrySet()) {
            form.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"workbook\"; filename=\"" + w.getKey()
                    + "\"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            form.write(w.getValue());
            form.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        form.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> r = post("/v1/rulebook/check", "multipart/form-data; boundary=" + boundary, form.toByteArray());
        assertEquals(200, r.statusCode(), text(r));
        assertEquals(ReportJson.findings(RulebookCheck.of(workbooks).issues()), text(r));

        String notXlsx = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"workbook\"; filename=\"notes.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nhello\r\n--" + boundary + "--\r\n";
        HttpResponse<byte[]> bad = post("/v1/rulebook/check", "multipart/form-data; boundary=" + boundary,
                notXlsx.getBytes(StandardCharsets.UTF_8));
        assertEquals(400, bad.statusCode());
        assertTrue(text(bad).contains("NOT_A_WORKBOOK"), text(bad));
    }

    @Test
    void reloadWithoutARulesFolderIsRefusedAndWithoutATokenForbidden() throws Exception {
        HttpResponse<byte[]> r = post("/v1/rulebook/reload", null, null);
        assertEquals(409, r.statusCode());
        assertTrue(text(r).contains("NO_RULES_FOLDER"), text(r));
        HttpResponse<byte[]> forbidden = send(tight, "POST", "/v1/rulebook/reload", null, null, false);
        assertEquals(403, forbidden.statusCode());
    }

    // ---- operations ----

    @Test
    void healthMetricsAndTheDocument() throws Exception {
        assertEquals(200, send(server, "GET", "/health/live", null, null, false).statusCode());
        HttpResponse<byte[]> ready = send(server, "GET", "/health/ready", null, null, false);
        assertEquals(200, ready.statusCode());
        assertTrue(text(ready).contains(server.rulebook().fingerprint()));
        post("/v1/verdicts", "application/json",
                Files.readAllLines(EXAMPLES.resolve("warranty.jsonl"), StandardCharsets.UTF_8).get(0).getBytes(StandardCharsets.UTF_8));
        String metrics = text(get("/metrics"));
        assertTrue(metrics.contains("claims_verdicts_total{type=\"WARRANTY\",decision=\"APPROVED\"} "), metrics);
        assertTrue(metrics.contains("claims_rulebook_info{name=\"autoclaims default rulebook\",version=\"2026.1\",fingerprint=\""
                + server.rulebook().fingerprint() + "\"} 1"), metrics);
        assertTrue(metrics.contains("claims_verdict_seconds_bucket{le=\"+Inf\"} "), metrics);
        byte[] yaml;
        try (InputStream in = ClaimsServer.class.getResourceAsStream("/io/autoclaims/server/openapi.yaml")) {
            yaml = in.readAllBytes();
        }
        assertArrayEquals(yaml, get("/openapi.yaml").body());
        assertFalse(ACCESS.isEmpty());
        assertTrue(ACCESS.stream().anyMatch(l -> l.startsWith("{\"method\":\"GET\",\"path\":\"/health/live\",\"status\":200,")),
                ACCESS.toString());
    }

    @Test
    void everyLineOfABatchIsCountedByTypeAndDecision() throws Exception {
        byte[] lines = (new String(examples(), StandardCharsets.UTF_8) + "not json\n{\"claimId\":\"X\"}\n")
                .getBytes(StandardCharsets.UTF_8);
        // what the counters must gain: each record the command line writes, by its own type and decision
        Map<String, Long> expected = new java.util.TreeMap<>();
        java.util.regex.Pattern verdict = java.util.regex.Pattern.compile("^\\{\"claimId\":\"[^\"]*\",\"type\":\"(\\w+)\","
                + "\"decision\":\"(\\w+)\"");
        for (String record : new String(commandLine(lines), StandardCharsets.UTF_8).split("\n")) {
            java.util.regex.Matcher m = verdict.matcher(record);
            expected.merge(m.find() ? "type=\"" + m.group(1) + "\",decision=\"" + m.group(2) + "\""
                    : "type=\"NONE\",decision=\"ERROR\"", 1L, Long::sum);
        }
        assertTrue(expected.size() >= 6 && expected.containsKey("type=\"NONE\",decision=\"ERROR\""), expected.toString());
        Map<String, Long> before = verdictCounts();
        HttpResponse<byte[]> r = post("/v1/verdicts/batch", "application/x-ndjson", lines);
        assertEquals(200, r.statusCode());
        Map<String, Long> after = verdictCounts();
        Map<String, Long> gained = new java.util.TreeMap<>();
        after.forEach((k, v) -> {
            long d = v - before.getOrDefault(k, 0L);
            if (d != 0) {
                gained.put(k, d);
            }
        });
        assertEquals(expected, gained);
    }

    /** claims_verdicts_total of the token server by its labels. */
    private static Map<String, Long> verdictCounts() throws Exception {
        Map<String, Long> counts = new java.util.TreeMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^claims_verdicts_total\\{(.*)\\} (\\d+)$")
                .matcher(text(get("/metrics")));
        while (m.find()) {
            counts.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return counts;
    }

    @Test
    void theTokenGuardsEverythingButHealth() throws Exception {
        HttpResponse<byte[]> r = send(server, "GET", "/v1/rulebook", null, null, false);
        assertEquals(401, r.statusCode());
        assertEquals("Bearer", r.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertEquals(401, send(server, "POST", "/v1/verdicts", "application/json", "{}".getBytes(StandardCharsets.UTF_8), false)
                .statusCode());
    }

    @Test
    void unknownPathsAreJsonNotStackTraces() throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v2/nothing")).GET().build();
        HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
        assertEquals(404, r.statusCode());
        assertTrue(r.body().startsWith("{\"error\":{\"code\":\"NOT_FOUND\""), r.body());
    }

    // ---- limits ----

    @Test
    void tooLargeBodiesAre413() throws Exception {
        byte[] big = ("{\"claimId\":\"" + "x".repeat(500_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> r = send(tight, "POST", "/v1/verdicts", "application/json", big, false);
        assertEquals(413, r.statusCode());
        assertTrue(text(r).contains("BODY_TOO_LARGE"), text(r));
        assertEquals(413, send(tight, "POST", "/v1/verdicts/batch", "application/x-ndjson", big, false).statusCode());
    }

    /**
     * A refused body with and without {@code Expect: 100-continue}, sent by curl (which reads while it
     * sends and tells a reset from an answer): both get 413 at once; the client that announced the
     * body never sends it, the other is read and dropped (so it sees the answer, not a reset). Java's
     * HttpClient cannot be the client here: before JDK 17.0.17 it never completes an exchange whose
     * answer to Expect is not 100 (JDK-8286171), whatever the server does.
     */
    @Test
    void aTooLargeBodyIs413AtOnceAndAnnouncedWithExpectContinueIsNeverSent() throws Exception {
        Path curl = Path.of("/usr/bin/curl");
        if (!Files.isExecutable(curl)) {
            System.out.println("skipped aTooLargeBodyIs413AtOnce...: no /usr/bin/curl on this machine");
            org.junit.jupiter.api.Assumptions.abort("no /usr/bin/curl");
        }
        Path big = dir.resolve("big.json");
        Files.write(big, new byte[8 << 20]); // 8 MiB: twice what the server drains, far past tight's 400,000 bytes
        for (String path : List.of("/v1/verdicts", "/v1/verdicts/batch")) {
            String type = path.endsWith("batch") ? "application/x-ndjson" : "application/json";
            for (boolean expect : List.of(true, false)) {
                Path out = dir.resolve("curl-out");
                long started = System.nanoTime();
                // --expect100-timeout 30: curl would otherwise send the body after 1 s without an answer
                Process p = new ProcessBuilder(curl.toString(), "-s", "-S", "-o", out.toString(), "--max-time", "20",
                        "--expect100-timeout", "30", "-H", expect ? "Expect: 100-continue" : "Expect:",
                        "-H", "Content-Type: " + type, "--data-binary", "@" + big,
                        "-w", "%{http_code} %{size_upload} %{content_type}",
                        "http://127.0.0.1:" + tight.port() + path).redirectErrorStream(true).start();
                String report = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                int exit = p.waitFor();
                double seconds = (System.nanoTime() - started) / 1e9;
                String what = path + (expect ? " with" : " without") + " Expect: curl exit " + exit + ", " + report;
                assertEquals(0, exit, what + " (curl saw no answer)");
                String[] w = report.split(" ", 3);
                assertEquals("413", w[0], what);
                assertTrue(seconds < 10, what + " after " + seconds + " s");
                if (expect) {
                    assertEquals("0", w[1], "the announced body was never sent: " + what);
                } else {
                    assertTrue(Long.parseLong(w[1]) > 400_000, "the body was sent and read: " + what);
                }
                byte[] body = Files.readAllBytes(out);
                assertTrue(new String(body, StandardCharsets.UTF_8).contains("\"code\":\"BODY_TOO_LARGE\""), what);
                assertEquals(List.of(), OpenApiContract.problems("POST", path, 413, w[2], h -> null, body), what);
            }
        }
    }

    @Test
    void aBatchPastALimitBeforeItsFirstRecordsIs413() throws Exception {
        // sent chunked (no Content-Length): the limit is found while reading, before any record left
        String body = "x\n".repeat(1201);
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + tight.port() + "/v1/verdicts/batch"))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))).build();
        HttpResponse<byte[]> r = HTTP.send(req, HttpResponse.BodyHandlers.ofByteArray());
        OpenApiContract.assertConforms("POST", r);
        assertEquals(413, r.statusCode());
        assertTrue(text(r).contains("BATCH_TOO_LARGE") && text(r).contains("1200 lines"), text(r));
    }

    @Test
    void aBatchPastItsLineLimitAfterItsFirstRecordsIsCutOffNotShortened() throws Exception {
        String line = "x".repeat(299) + "\n"; // 1,000 lines (one batch, 300 kB) are read and answered first
        HttpResponse<byte[]> allowed = send(tight, "POST", "/v1/verdicts/batch", "application/x-ndjson",
                line.repeat(1200).getBytes(StandardCharsets.UTF_8), false);
        assertEquals(1200, text(allowed).lines().count());
        HttpRequest over = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + tight.port() + "/v1/verdicts/batch"))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(line.repeat(1201))).build();
        // the first 1,000 records were sent; then the connection is closed without the final chunk
        assertThrows(IOException.class, () -> HTTP.send(over, HttpResponse.BodyHandlers.ofByteArray()));
    }

    @Test
    void oneRequestTooManyIs503WithRetryAfter() throws Exception {
        // a batch whose body never ends holds the only permit; but a previous request's permit comes back
        // only just after its last byte, so the held batch itself may be refused: then it is held again
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<String> seen = new ArrayList<>();
        int passed = 0;
        while (true) {
            assertTrue(System.nanoTime() < deadline, "never refused in " + passed + " requests; " + seen);
            try (Socket held = new Socket("127.0.0.1", tight.port())) {
                OutputStream out = held.getOutputStream();
                out.write(("POST /v1/verdicts/batch HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-ndjson\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n5\r\nnot j\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                HttpResponse<byte[]> refused = null;
                while (refused == null && System.nanoTime() < deadline && held.getInputStream().available() == 0) {
                    HttpResponse<byte[]> r = send(tight, "GET", "/v1/rulebook", null, null, false);
                    if (r.statusCode() == 503) {
                        refused = r;
                    } else {
                        passed++;
                        Thread.onSpinWait();
                    }
                }
                if (refused == null) {
                    seen.add("the held batch was answered: " + new String(held.getInputStream().readNBytes(
                            Math.min(12, held.getInputStream().available())), StandardCharsets.US_ASCII));
                    continue;
                }
                assertEquals("1", refused.headers().firstValue("Retry-After").orElseThrow());
                assertTrue(text(refused).contains("TOO_MANY_REQUESTS"), text(refused));
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String response = new String(held.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
                assertEquals("HTTP/1.1 200", response);
                break;
            }
        }
        // the permit comes back just after the response's last byte: the next requests get through again
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int status = 0;
        while (status != 200 && System.nanoTime() < until) {
            status = send(tight, "GET", "/v1/rulebook", null, null, false).statusCode();
        }
        assertEquals(200, status);
    }

    // ---- the oracle itself ----

    @Test
    void theDocumentRejectsAWrongResponse() {
        String fp = "a".repeat(64);
        assertTrue(OpenApiContract.problems("POST", "/v1/verdicts", 200, "application/json", h -> fp,
                "{\"claimId\":\"W-1\",\"decision\":\"MAYBE\"}".getBytes(StandardCharsets.UTF_8)).size() > 0);
        assertFalse(OpenApiContract.problems("POST", "/v1/verdicts", 200, "application/json", h -> null,
                "{}".getBytes(StandardCharsets.UTF_8)).stream().noneMatch(p -> p.contains("X-Rulebook-Fingerprint")));
        assertFalse(OpenApiContract.problems("POST", "/v1/verdicts", 418, "application/json", h -> fp,
                "{}".getBytes(StandardCharsets.UTF_8)).isEmpty());
        assertFalse(OpenApiContract.problems("POST", "/v1/verdicts/batch", 200, "application/x-ndjson", h -> fp,
                "{\"line\":1,\"error\":{\"code\":\"INVALID_JSON\",\"field\":null}}\n".getBytes(StandardCharsets.UTF_8)).isEmpty());
        assertTrue(OpenApiContract.problems("POST", "/v1/verdicts/batch", 200, "application/x-ndjson", h -> fp,
                "{\"line\":1,\"error\":{\"code\":\"INVALID_JSON\",\"field\":null,\"message\":\"m\"}}\n"
                        .getBytes(StandardCharsets.UTF_8)).isEmpty());
    }
}
