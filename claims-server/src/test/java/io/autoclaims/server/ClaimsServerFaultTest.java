package io.autoclaims.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.rules.Rulebook;
import io.autoclaims.testkit.ServiceFaults;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #17's faults under load, on loopback, in a short form (the full run is the benchmarks'
 * {@code ServiceLoad faults}): 8 clients send claims and batches while another disconnects mid-batch
 * and sends malformed and oversized bodies, and a reload runs every second, every third candidate
 * broken. Every response is checked against openapi.yaml as well.
 */
@Timeout(180)
class ClaimsServerFaultTest {
    private static final String TOKEN = "fault-token";
    private static final long MAX_BODY = 2 << 20;
    private static final int MAX_LINE = 64 * 1024;

    @TempDir
    Path dir;

    @Test
    void underFaultsAndReloadsEveryAnswerIsDeclaredNoRecordIsLostAndEveryVerdictNamesALiveRulebook() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.createDirectories(rules.resolve("scenarios"));
        for (String type : List.of("warranty", "insurance", "assistance")) {
            copy(type + ".xlsx", rules);
            copy("scenarios/" + type + ".jsonl", rules);
        }
        Path token = dir.resolve("token");
        Files.writeString(token, TOKEN);
        // the folder holds the shipped workbooks: the shared compiled rulebook is the folder's, one compile less
        Rulebook shipped = SharedRulebook.shipped();
        ServiceFaults.Report report;
        try (ClaimsServer server = ClaimsServer.builder().rulebook(shipped).rules(List.of(rules)).port(0).tokenFile(token)
                .maxBodyBytes(MAX_BODY).maxLineBytes(MAX_LINE).idleTimeout(Duration.ofSeconds(5)).stopTimeout(Duration.ofSeconds(5))
                .accessLog(l -> { }).build().start()) {
            long started = System.nanoTime();
            report = ServiceFaults.against(URI.create("http://127.0.0.1:" + server.port())).token(TOKEN).rulesFolder(rules)
                    .limits(MAX_BODY, MAX_LINE).duration(Duration.ofSeconds(6)).minReloads(3).pause(Duration.ofMillis(10)).check(OpenApiContract::problems).run();
            System.out.printf("fault run: %.1f s, %s, %d violations %s%n", (System.nanoTime() - started) / 1e9, report.counts(),
                    report.violations().size(), report.violations().subList(0, Math.min(5, report.violations().size())));

            assertEquals(List.of(), report.violations());
            long swapped = report.count("reload 200 SWAPPED");
            long refused = report.count("reload 409 REFUSED");
            assertTrue(swapped >= 2 && refused >= 1, "at least one round of good, good, broken: " + report.counts());
            assertEquals(swapped + 1, report.live().size(), "every good candidate differs: " + report.live());
            assertTrue(report.live().containsAll(report.fingerprints()), report.fingerprints() + " not all in " + report.live());
            assertTrue(report.count("half a batch, then gone") >= 1 && report.count("part of the answer, then gone") >= 1
                    && report.count("oversized batch 413") >= 1, report.counts().toString());
            assertTrue(report.count("batch 200") >= 8 && report.count("single 200") >= 8, report.counts().toString());

            assertTrue(report.live().contains(server.rulebook().fingerprint()), "the live rulebook is the last good one");
            assertEquals(200, ClaimsServerTest.send(server, "GET", "/health/ready", null, null, false, null).statusCode());
            String metrics = scrapeWhenSettled(server);
            assertEquals(swapped, counter(metrics, "claims_reloads_total\\{outcome=\"SWAPPED\"\\}"), metrics);
            assertEquals(refused, counter(metrics, "claims_reloads_total\\{outcome=\"REFUSED\"\\}"), metrics);
            assertEquals(0, counter(metrics, "claims_reloads_total\\{outcome=\"UNCHANGED\"\\}"), metrics);
        }
    }

    /**
     * /metrics once no request but the scrape itself is in flight (the gauge counts the scrape): the
     * server lets go of every aborted batch within a few seconds.
     */
    private static String scrapeWhenSettled(ClaimsServer server) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            String metrics = ClaimsServerTest.text(ClaimsServerTest.send(server, "GET", "/metrics", null, null, false, TOKEN));
            long inFlight = counter(metrics, "claims_requests_in_flight");
            if (inFlight == 1) {
                return metrics;
            }
            assertTrue(System.nanoTime() < deadline, "requests still in flight 10 s after the run: " + inFlight);
            Thread.sleep(50);
        }
    }

    private static long counter(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + " (\\d+)$").matcher(metrics);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static void copy(String name, Path to) throws IOException {
        try (InputStream in = ClaimsServerFaultTest.class.getResourceAsStream("/io/autoclaims/rules/default/" + name)) {
            Files.write(to.resolve(name), in.readAllBytes());
        }
    }
}
