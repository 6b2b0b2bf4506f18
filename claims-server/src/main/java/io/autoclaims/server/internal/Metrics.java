package io.autoclaims.server.internal;

import io.autoclaims.model.ClaimType;
import io.autoclaims.model.Decision;
import io.autoclaims.rules.Rulebook;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The service's counters in the Prometheus text format (version 0.0.4), kept by hand: a handful of
 * counters and one histogram need no metrics library on a host's classpath.
 */
final class Metrics {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4";
    /** Upper bounds of the latency buckets, in seconds. */
    private static final double[] BOUNDS = {0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};

    /** Records made by claim type, then decision: no key is built per record. */
    private final Map<String, Map<String, LongAdder>> verdicts = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> reloads = new ConcurrentHashMap<>();
    private final AtomicLongArray buckets = new AtomicLongArray(BOUNDS.length + 1);
    private final LongAdder latencyNanos = new LongAdder();
    private final LongAdder batchLines = new LongAdder();
    private final LongAdder batches = new LongAdder();
    private final LongAdder rejected = new LongAdder();

    /**
     * One record made, of /v1/verdicts or of a line of /v1/verdicts/batch: a verdict by its claim
     * type and decision; an error record (decision null) as type NONE, decision ERROR, since a
     * batch's error record does not say the claim's type (the line may not even be JSON).
     */
    void decided(String type, String decision) {
        String t = decision == null ? "NONE" : type;
        String d = decision == null ? "ERROR" : decision;
        Map<String, LongAdder> byDecision = verdicts.get(t);
        if (byDecision == null) {
            byDecision = verdicts.computeIfAbsent(t, k -> new ConcurrentHashMap<>());
        }
        LongAdder n = byDecision.get(d);
        if (n == null) {
            n = byDecision.computeIfAbsent(d, k -> new LongAdder());
        }
        n.increment();
    }

    /** {@link #decided(String, String)} for a verdict (decision non-null) or an error record (decision null). */
    void decided(ClaimType type, Decision decision) {
        decided(type == null ? null : type.name(), decision == null ? null : decision.name());
    }

    /** One claim of /v1/verdicts read and adjudicated in {@code nanos}. */
    void latency(long nanos) {
        double seconds = nanos / 1e9;
        int i = 0;
        while (i < BOUNDS.length && seconds > BOUNDS[i]) {
            i++;
        }
        buckets.incrementAndGet(i);
        latencyNanos.add(nanos);
    }

    /** One batch of {@code lines} lines completed. */
    void batch(long lines, long nanos) {
        batches.increment();
        batchLines.add(lines);
    }

    /** One reload attempt (API or watcher) and its outcome. */
    void reload(String outcome) {
        reloads.computeIfAbsent(outcome, k -> new LongAdder()).increment();
    }

    /** One request refused by the concurrency limit. */
    void rejected() {
        rejected.increment();
    }

    /** The exposition text; {@code live}: the live rulebook, or every version of a live history. */
    String scrape(java.util.List<Rulebook> live, int requestsInFlight) {
        StringBuilder s = new StringBuilder(2048);
        s.append("# HELP claims_requests_in_flight Requests being served now (this scrape included); a stop waits"
                + " for them.\n# TYPE claims_requests_in_flight gauge\nclaims_requests_in_flight ")
                .append(requestsInFlight).append('\n');
        s.append("# HELP claims_verdicts_total Records made, by POST /v1/verdicts and for each line of POST"
                + " /v1/verdicts/batch, by claim type and decision (NONE, ERROR: an error record).\n# TYPE claims_verdicts_total counter\n");
        new TreeMap<>(verdicts).forEach((type, byDecision) -> new TreeMap<>(byDecision).forEach((decision, v) ->
                s.append("claims_verdicts_total{type=\"").append(type).append("\",decision=\"").append(decision)
                        .append("\"} ").append(v.sum()).append('\n')));
        s.append("# HELP claims_verdict_seconds Time to read and adjudicate one claim of POST /v1/verdicts.\n"
                + "# TYPE claims_verdict_seconds histogram\n");
        long cumulative = 0;
        for (int i = 0; i <= BOUNDS.length; i++) {
            cumulative += buckets.get(i);
            s.append("claims_verdict_seconds_bucket{le=\"").append(i < BOUNDS.length ? number(BOUNDS[i]) : "+Inf")
                    .append("\"} ").append(cumulative).append('\n');
        }
        s.append("claims_verdict_seconds_sum ").append(number(latencyNanos.sum() / 1e9)).append('\n');
        s.append("claims_verdict_seconds_count ").append(cumulative).append('\n');
        s.append("# HELP claims_batch_lines_total Lines of completed POST /v1/verdicts/batch requests, one record each.\n"
                + "# TYPE claims_batch_lines_total counter\nclaims_batch_lines_total ").append(batchLines.sum()).append('\n');
        s.append("# HELP claims_batches_total Completed POST /v1/verdicts/batch requests.\n"
                + "# TYPE claims_batches_total counter\nclaims_batches_total ").append(batches.sum()).append('\n');
        s.append("# HELP claims_reloads_total Rulebook reload attempts (reload endpoint and folder watcher) by outcome.\n"
                + "# TYPE claims_reloads_total counter\n");
        new TreeMap<>(reloads).forEach((k, v) -> s.append("claims_reloads_total{outcome=\"").append(k).append("\"} ")
                .append(v.sum()).append('\n'));
        s.append("# HELP claims_rejected_total Requests answered 503 by the concurrency limit.\n"
                + "# TYPE claims_rejected_total counter\nclaims_rejected_total ").append(rejected.sum()).append('\n');
        if (!live.isEmpty()) {
            // a history: one series per version, each live for the claims of its dates
            s.append("# HELP claims_rulebook_info The live rulebook (every version of a live history).\n"
                    + "# TYPE claims_rulebook_info gauge\n");
            for (Rulebook r : live) {
                s.append("claims_rulebook_info{name=\"").append(label(r.name())).append("\",version=\"")
                        .append(label(r.version())).append("\",fingerprint=\"").append(r.fingerprint()).append("\"} 1\n");
            }
        }
        return s.toString();
    }

    private static String number(double d) {
        return String.format(Locale.ROOT, "%s", d);
    }

    /** A label value as the text format escapes it: backslash, double quote, line feed. */
    private static String label(String value) {
        return value == null ? "" : value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
