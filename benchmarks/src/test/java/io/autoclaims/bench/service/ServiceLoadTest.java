package io.autoclaims.bench.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue #17's loopback load test in its short form (the full one is {@code ServiceLoad 10 50000}): a
 * server on an ephemeral loopback port, single claims at 1, 8 and 64 connections for a second each,
 * then a batch of 2,000 lines against the same lines in process. Asserted: every request answered
 * with a declared status, no batch record lost or duplicated, and each step reporting its rate and
 * percentiles. The figures themselves are not asserted (speed is measured in the full run).
 */
class ServiceLoadTest {
    private static final Pattern STEP = Pattern.compile(
            "single claims +(\\d+) connections: +(\\d+) requests/s, p50 +[\\d.]+ ms, p90 +[\\d.]+ ms, p99 +[\\d.]+ ms,"
                    + " p99\\.9 +[\\d.]+ ms, max +[\\d.]+ ms, (\\d+) requests, (\\d+) failed");
    private static final Pattern BATCH = Pattern.compile(
            "batch 2000 lines: +(\\d+) claims/s over HTTP .*?(\\d+) claims/s adjudicateJsonLines in process, ratio [\\d.]+");

    @Test
    @Timeout(180)
    void shortLoadAnswersEveryRequestAsDeclaredAndLosesNoBatchRecord() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        long failures;
        try (PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            failures = ServiceLoad.measure("1", "2000");
        } finally {
            System.setOut(original);
        }
        String out = printed.toString(StandardCharsets.UTF_8);
        System.out.print(out);
        assertEquals(0, failures, out);
        int steps = 0;
        Matcher step = STEP.matcher(out);
        while (step.find()) {
            steps++;
            assertTrue(Long.parseLong(step.group(3)) > 0, "no request completed: " + step.group());
            assertEquals("0", step.group(4), step.group());
        }
        assertEquals(3, steps, "a line for 1, 8 and 64 connections:\n" + out);
        Matcher batch = BATCH.matcher(out);
        assertTrue(batch.find(), "the batch step's line:\n" + out);
        assertTrue(Long.parseLong(batch.group(1)) > 0 && Long.parseLong(batch.group(2)) > 0, batch.group());
    }
}
