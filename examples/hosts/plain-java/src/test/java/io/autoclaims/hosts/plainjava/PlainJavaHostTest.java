package io.autoclaims.hosts.plainjava;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.cli.ClaimsCli;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host started as a host starts it: a child JVM on exactly its runtime classpath (the build
 * writes it to {@code target/host-classpath.txt}), on the example backlogs and on a file of bad
 * lines. Its records must be the command line's, byte for byte (the command line runs in this JVM,
 * from the same build); eight threads sharing its adjudicator must give the same records as one;
 * and it must give the same records with the oldest supported jackson-core in place of the newest,
 * while a jackson-core below that floor stops it when the rulebook loads.
 */
class PlainJavaHostTest {

    private static final List<String> BACKLOGS = List.of("warranty.jsonl", "insurance.jsonl", "assistance.jsonl", "mixed.jsonl");

    @TempDir
    static Path dir;

    private static List<Path> inputs;
    private static Path badLines;

    @BeforeAll
    static void inputs() throws IOException {
        Path backlogs = Path.of(System.getProperty("backlogs.dir"));
        inputs = new ArrayList<>();
        for (String name : BACKLOGS) {
            inputs.add(backlogs.resolve(name));
        }
        badLines = dir.resolve("bad-lines.jsonl");
        Files.write(badLines, badLines(Files.readAllLines(inputs.get(0), StandardCharsets.UTF_8).get(0)));
        inputs.add(badLines);
    }

    @Test
    void theHostsRecordsAreTheCommandLinesAlsoFromEightThreads() throws Exception {
        Path out = dir.resolve("host");
        Run run = host(hostClasspath(), out, "--threads", "8");
        assertEquals(0, run.status, run.stderr);
        for (Path input : inputs) {
            byte[] cli = cli(input);
            String name = input.getFileName().toString();
            assertTrue(cli.length > 0, name);
            assertArrayEquals(cli, Files.readAllBytes(out.resolve(name)), name + ": the host's records are not the command line's");
            for (int t = 1; t <= 8; t++) {
                assertArrayEquals(cli, Files.readAllBytes(out.resolve("thread-" + t).resolve(name)),
                        name + ": thread " + t + " of 8 sharing the adjudicator differs from one thread");
            }
        }
    }

    @Test
    void theOldestSupportedJacksonGivesTheSameRecordsAsTheNewest() throws Exception {
        Path newest = dir.resolve("newest");
        Run withNewest = host(hostClasspath(), newest);
        assertEquals(0, withNewest.status, withNewest.stderr);
        String floor = System.getProperty("jackson.floor");
        Path floorOut = dir.resolve("floor");
        Run withFloor = host(withJacksonCore(floor), floorOut);
        assertEquals(0, withFloor.status, withFloor.stderr);
        for (Path input : inputs) {
            String name = input.getFileName().toString();
            assertArrayEquals(Files.readAllBytes(newest.resolve(name)), Files.readAllBytes(floorOut.resolve(name)),
                    name + ": jackson-core " + floor + " gives other records than the newest");
        }
        // the bad lines are read to the end: one record per line, none of them a verdict but the last
        List<String> records = Files.readAllLines(floorOut.resolve(badLines.getFileName()), StandardCharsets.UTF_8);
        assertEquals(Files.readAllLines(badLines, StandardCharsets.UTF_8).size(), records.size());
        assertTrue(records.stream().filter(r -> r.contains("\"INVALID_JSON\"")).count() >= 20, String.join("\n", records));
    }

    @Test
    void aJacksonBelowTheFloorStopsTheHostWhenTheRulebookLoads() throws Exception {
        String below = System.getProperty("jackson.below-floor");
        Run run = host(withJacksonCore(below), dir.resolve("below"));
        assertEquals(PlainJavaHost.RULEBOOK_FAILED, run.status, run.stderr);
        assertTrue(run.stderr.contains("the classpath holds jackson-core " + below + ", and autoclaims needs jackson-core "
                + System.getProperty("jackson.floor") + " or a newer 2.x release"), run.stderr);
        assertTrue(run.stderr.contains("com.fasterxml.jackson:jackson-bom"), run.stderr);
        assertTrue(run.stderr.contains("类路径上的 jackson-core 版本为 " + below), run.stderr);
        assertTrue(Files.notExists(dir.resolve("below").resolve("warranty.jsonl")), "no claim was read");
    }

    // --- the host and the command line ----------------------------------------------------------

    private record Run(int status, String stderr) {
    }

    private static Run host(List<String> classpath, Path out, String... more) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, classpath), PlainJavaHost.class.getName(), out.toString()));
        inputs.forEach(p -> command.add(p.toString()));
        command.addAll(Arrays.asList(more));
        Path stderr = Files.createTempFile(dir, "stderr", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the host did not finish: " + command);
        }
        return new Run(p.exitValue(), Files.readString(stderr, StandardCharsets.UTF_8));
    }

    /** The records of {@code claims adjudicate --in input}, from the command line of the same build. */
    private static byte[] cli(Path input) throws IOException {
        Path out = Files.createTempFile(dir, "cli", ".jsonl");
        StringWriter err = new StringWriter();
        int status = ClaimsCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err),
                "adjudicate", "--in", input.toString(), "--out", out.toString());
        assertEquals(0, status, err.toString());
        return Files.readAllBytes(out);
    }

    /** The host's classes and its runtime dependencies, as the build resolved them for it. */
    private static List<String> hostClasspath() throws IOException {
        List<String> classpath = new ArrayList<>();
        classpath.add(System.getProperty("host.classes"));
        classpath.addAll(Arrays.asList(Files.readString(Path.of(System.getProperty("host.classpath"))).strip()
                .split(File.pathSeparator)));
        return classpath;
    }

    /** The host's classpath with its jackson-core replaced by that release's jar (and nothing else changed). */
    private static List<String> withJacksonCore(String version) throws IOException {
        List<String> classpath = hostClasspath();
        List<String> swapped = classpath.stream().filter(e -> !Path.of(e).getFileName().toString().startsWith("jackson-core-"))
                .collect(Collectors.toCollection(ArrayList::new));
        assertEquals(classpath.size() - 1, swapped.size(), "one jackson-core on the host's classpath: " + classpath);
        assertTrue(classpath.stream().noneMatch(e -> e.contains("jackson-databind")), "the library brings jackson-core only");
        Path jar = Path.of(System.getProperty("jackson.dir"), "jackson-core-" + version + ".jar");
        assertTrue(Files.isRegularFile(jar), jar + " (the build copies it)");
        swapped.add(jar.toString());
        return swapped;
    }

    /**
     * Lines the parser refuses or the codec does not read, at many columns and of many kinds, each a
     * record whose words and columns must not depend on the Jackson release; the last line a claim.
     */
    static List<String> badLines(String claim) {
        List<String> lines = new ArrayList<>(List.of(
                "not json", "{\"claimId\": \"W-1\",", "{\"claimId\": \"W-1\", \"type\": }", "{\"claimId\": 'W-1'}",
                "{\"a\": NaN}", "{\"a\": 01}", "{\"a\": [1, 2,]}", "{\"a\": 1,}", "{\"a\" 1}", "{a: 1}", "{\"a\": tru}",
                "{\"a\": \"x\ty\"}", "{\"a\": \"\\x\"}", "{\"a\": \"\\u12G4\"}", "{\"a\": -}", "{\"a\": 1.}", "{\"a\": .5}",
                "{\"a\": 1e}", "{\"a\": +1}", "{\"a\": [1x]}", "42x", "[1, 2", "  {\"claimId\": \"W-1\"  ", "{} {}", "{} 123",
                "{} -5 ", "{} \"abc", "{} true", "{} }", claim + " x", claim + " {}", "[1,2]", "\"W-1\"", "null",
                "{\"claimId\":\"中文\",\"type\":\"WARRANTY\",  ?}", "{\"claimId\": 42}",
                "{\"claimId\": \"W-1\", \"type\": \"WARRANTY\", \"vehicle\": []}",
                "{\"claimId\": \"W-1\", \"claimId\": \"W-2\"}", "{\"claimId\":\"W-9\",\"extensions\":{\"a\":\"\\ud800\"}}",
                "{\"claimId\":\"W-9\",\"extensions\":{\"n\":1e9999999999}}",
                "{\"claimId\":\"W-9\",\"extensions\":{\"n\":1.5e-2147483648}}",
                "{\"claimId\":\"W-9\",\"odometerKm\":1e9999999999}",
                "{\"claimId\":\"W-9\",\"extensions\":{\"n\":1e999999999}}"));
        for (int digits : new int[] {1000, 1001}) {
            lines.add("{\"claimId\":\"W-9\",\"extensions\":{\"n\":-" + "1".repeat(digits) + "}}");
            lines.add("{\"claimId\":\"W-9\",\"extensions\":{\"n\":0." + "5".repeat(digits) + "}}");
            lines.add("{\"claimId\":\"W-9\",\"extensions\":{\"n\":" + "5".repeat(digits) + ".5}}");
        }
        for (int depth : new int[] {998, 999}) {
            lines.add("{\"claimId\":\"W-9\",\"extensions\":{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}}");
        }
        lines.add("[".repeat(1001) + "]".repeat(1001));
        lines.add("{\"claimId\":\"W-9\",\"extensions\":{\"a\":1}, \"extensions\": " + "[".repeat(1001) + "]".repeat(1001) + "}");
        for (int length : new int[] {50_000, 50_001}) {
            lines.add("{\"claimId\":\"W-9\",\"extensions\":{\"" + "n".repeat(length) + "\":1}}");
        }
        lines.add("{\"claimId\":\"W-9\",\"" + "n".repeat(60_000) + "\":1}");
        lines.add(claim);
        return lines;
    }
}
