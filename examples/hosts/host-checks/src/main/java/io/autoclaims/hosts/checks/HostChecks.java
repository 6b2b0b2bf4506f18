package io.autoclaims.hosts.checks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every host of the compatibility matrix checks, with no dependency of its own (the hosts take
 * this module without its dependencies, so it changes nothing on their classpaths): the sample
 * backlogs of {@code examples/claims}, the command line's output on each (made in this module's
 * build), and the checks made with them.
 */
public final class HostChecks {
    /** The sample backlogs, by name. */
    public static final List<String> BACKLOGS = List.of("warranty", "insurance", "assistance", "mixed");

    /** A verdict record opens with its claim id, type and decision (the contract's field order). */
    private static final Pattern VERDICT = Pattern.compile("^\\{\"claimId\":\"(?:[^\"\\\\]|\\\\.)*\",\"type\":\"([A-Z_]+)\",\"decision\":\"([A-Z_]+)\"");
    /** An error record: claim id when there is one, line, then the error's code. */
    private static final Pattern ERROR = Pattern.compile("^\\{(?:\"claimId\":\"(?:[^\"\\\\]|\\\\.)*\",)?\"line\":\\d+,\"error\":\\{\"code\":\"([A-Z_]+)\"");

    /** Adjudicates a JSON Lines backlog: {@code Adjudicator::adjudicateJsonLines} or a facade's. */
    @FunctionalInterface
    public interface JsonLines {
        /**
         * Adjudicates the backlog.
         *
         * @param in the backlog
         * @param out where its records go
         * @return the number of lines
         */
        long adjudicate(InputStream in, OutputStream out);
    }

    private HostChecks() {
    }

    /**
     * The sample backlog, as in {@code examples/claims}.
     *
     * @param name one of {@link #BACKLOGS}
     * @return its bytes
     */
    public static byte[] backlog(String name) {
        return resource(name + ".jsonl");
    }

    /**
     * What {@code claims adjudicate --in NAME.jsonl} wrote, in this build.
     *
     * @param name one of {@link #BACKLOGS}
     * @return its bytes
     */
    public static byte[] commandLineOutput(String name) {
        return resource(name + ".expected.jsonl");
    }

    /**
     * Adjudicates every sample backlog and compares the records with the command line's, byte for byte.
     *
     * @param adjudication how the host adjudicates
     * @return the number of lines adjudicated
     * @throws AssertionError naming, for each backlog that differs, the lines that differ and both versions of them
     */
    public static long assertSameAsCommandLine(JsonLines adjudication) {
        long lines = 0;
        List<String> differences = new ArrayList<>();
        for (String name : BACKLOGS) {
            try {
                lines += assertSame(name, adjudication, "");
            } catch (AssertionError e) {
                differences.add(e.getMessage());
            }
        }
        if (!differences.isEmpty()) {
            throw new AssertionError(String.join("\n", differences));
        }
        return lines;
    }

    /**
     * Shares one adjudication among threads: each adjudicates every sample backlog {@code rounds}
     * times, each starting with another backlog, and every output must equal the command line's.
     *
     * @param threads how many threads call at once
     * @param rounds how many times each thread adjudicates each backlog
     * @param adjudication the shared adjudication
     * @return the number of lines adjudicated, all threads together
     * @throws AssertionError when any output differs
     */
    public static long assertSharedBy(int threads, int rounds, JsonLines adjudication) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    long lines = 0;
                    for (int r = 0; r < rounds; r++) {
                        for (int b = 0; b < BACKLOGS.size(); b++) {
                            String name = BACKLOGS.get((thread + b) % BACKLOGS.size());
                            lines += assertSame(name, adjudication, " (thread " + thread + ", round " + r + ")");
                        }
                    }
                    return lines;
                }));
            }
            long lines = 0;
            for (Future<Long> f : done) {
                try {
                    lines += f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof AssertionError a) {
                        throw a;
                    }
                    throw new AssertionError("a thread failed", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
            return lines;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * What the command line's records on every sample backlog hold: verdicts by {@code "TYPE DECISION"}
     * and error records by {@code "error CODE"}, read from the records' opening fields.
     *
     * @return the counts, sorted by key
     */
    public static Map<String, Long> commandLineTally() {
        Map<String, Long> tally = new TreeMap<>();
        for (String name : BACKLOGS) {
            for (String record : new String(commandLineOutput(name), StandardCharsets.UTF_8).split("\n")) {
                Matcher v = VERDICT.matcher(record);
                Matcher e = ERROR.matcher(record);
                String key = v.find() ? v.group(1) + " " + v.group(2) : e.find() ? "error " + e.group(1) : null;
                if (key == null) {
                    throw new AssertionError("neither a verdict nor an error record: " + record);
                }
                tally.merge(key, 1L, Long::sum);
            }
        }
        return tally;
    }

    /**
     * The jar each class was loaded from, by file name, e.g. {@code jackson-databind-2.19.2.jar}: what
     * a host ended up with.
     *
     * @param classes one class of each library
     * @return the jar (or folder) names, in that order
     */
    public static List<String> jarsOf(Class<?>... classes) {
        List<String> jars = new ArrayList<>();
        for (Class<?> c : classes) {
            try {
                jars.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).getFileName().toString());
            } catch (URISyntaxException | RuntimeException e) {
                jars.add(c.getName() + " (location unknown)");
            }
        }
        return jars;
    }

    private static long assertSame(String name, JsonLines adjudication, String where) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long lines = adjudication.adjudicate(new ByteArrayInputStream(backlog(name)), out);
        byte[] expected = commandLineOutput(name);
        byte[] actual = out.toByteArray();
        if (!Arrays.equals(expected, actual)) {
            throw new AssertionError(name + ".jsonl" + where + ": the host's records differ from the command line's in "
                    + differences(expected, actual));
        }
        return lines;
    }

    /** The lines that differ (the first ten), each in both versions. */
    private static String differences(byte[] expected, byte[] actual) {
        String[] e = new String(expected, StandardCharsets.UTF_8).split("\n", -1);
        String[] a = new String(actual, StandardCharsets.UTF_8).split("\n", -1);
        StringBuilder found = new StringBuilder();
        int differing = 0;
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String el = i < e.length ? e[i] : "(no line)";
            String al = i < a.length ? a[i] : "(no line)";
            if (!el.equals(al) && ++differing <= 10) {
                found.append("\n  line ").append(i + 1).append("\n    command line: ").append(el).append("\n    host:         ").append(al);
            }
        }
        return differing == 0 ? " (same text, other bytes)" : differing + " line(s):" + found;
    }

    private static byte[] resource(String file) {
        try (InputStream in = HostChecks.class.getResourceAsStream("/backlogs/" + file)) {
            if (in == null) {
                throw new IllegalStateException("backlogs/" + file + " is not on the classpath: build host-checks first");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
