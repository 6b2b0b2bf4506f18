package io.autoclaims.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code claims serve} answers a batch with the bytes {@code claims adjudicate} writes for the same lines. */
@Timeout(60)
class ServeCommandTest {

    @Test
    void theBatchEndpointWritesWhatAdjudicateWrites() throws Exception {
        Path backlog = Path.of("../examples/claims/mixed.jsonl");
        byte[] lines = (Files.readString(backlog, StandardCharsets.UTF_8) + "not json\n").getBytes(StandardCharsets.UTF_8);
        Path in = Files.createTempFile("serve", ".jsonl");
        Files.write(in, lines);
        ByteArrayOutputStream adjudicated = new ByteArrayOutputStream();
        assertEquals(0, ClaimsCli.run(adjudicated, new PrintWriter(new StringWriter(), true), "adjudicate", "--in", in.toString()));

        StringWriter err = new StringWriter();
        AtomicInteger status = new AtomicInteger(-1);
        Thread serve = new Thread(() -> status.set(ClaimsCli.run(new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true), "serve", "--port", "0")), "serve");
        serve.start();
        try {
            Pattern listening = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+) ");
            Matcher m = listening.matcher("");
            long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
            while (!m.find() && System.nanoTime() < deadline && serve.isAlive()) {
                Thread.onSpinWait();
                m = listening.matcher(err.toString());
            }
            assertTrue(m.find(0), "not serving: " + err);
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + m.group(1) + "/v1/verdicts/batch"))
                            .header("Content-Type", "application/x-ndjson")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(lines)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode());
            assertEquals(adjudicated.toString(StandardCharsets.UTF_8), new String(r.body(), StandardCharsets.UTF_8));
        } finally {
            serve.interrupt(); // as Ctrl-C: the command stops the server and returns
            serve.join(30_000);
        }
        assertEquals(0, status.get(), "status " + status.get() + ": " + err);
        Files.deleteIfExists(in);
    }

    @Test
    void historyArgumentsThatCannotServe() throws Exception {
        Path empty = Files.createTempDirectory("serve-history");
        try {
            for (String[] args : new String[][] {
                {"serve", "--port", "0", "--history", empty.toString(), "--rules", empty.toString()},
                {"serve", "--port", "0", "--as-of", "submitted"},
                {"serve", "--port", "0", "--history", empty.toString(), "--as-of", "soon"},
                {"serve", "--port", "0", "--history", empty.toString(), "--watch"}}) {
                StringWriter err = new StringWriter();
                assertEquals(2, ClaimsCli.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args),
                        String.join(" ", args) + ": " + err);
            }
            // a folder without versions: the history does not load, nothing is served
            StringWriter err = new StringWriter();
            assertEquals(3, ClaimsCli.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                    "serve", "--port", "0", "--history", empty.toString()));
            assertTrue(err.toString().contains("The rulebook history does not load:")
                    && err.toString().contains("NO_VERSIONS") || err.toString().contains("no version folder"), err.toString());
        } finally {
            Files.deleteIfExists(empty);
        }
    }
}
