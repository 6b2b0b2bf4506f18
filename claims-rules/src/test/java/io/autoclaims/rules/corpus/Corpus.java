package io.autoclaims.rules.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.rules.RulebookScenarios;
import io.autoclaims.rules.ScenarioReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The shipped workbooks, the claim backlogs every corpus rulebook is run on, and the comparison of a
 * rulebook written by another program with the one it was made from.
 */
final class Corpus {
    static final List<String> SHIPPED = List.of("warranty.xlsx", "insurance.xlsx", "assistance.xlsx");
    private static final String DEFAULT = "/io/autoclaims/rules/default/";

    private Corpus() {
    }

    /** The shipped workbooks by file name, in the default rulebook's order. */
    static Map<String, byte[]> shipped() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : SHIPPED) {
            files.put(name, resource(DEFAULT + name));
        }
        return files;
    }

    /** The corpus workbooks of a folder (e.g. "libreoffice"), standing in for the shipped ones of the same names. */
    static Map<String, byte[]> folder(String folder) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : SHIPPED) {
            files.put(name, resource("/corpus/" + folder + "/" + name));
        }
        return files;
    }

    static byte[] resource(String name) {
        try (InputStream in = Corpus.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped rulebook with some of its workbooks replaced; scenario claim files are the shipped ones. */
    static Rulebook rulebook(Map<String, byte[]> replacing) {
        Map<String, byte[]> files = shipped();
        files.putAll(replacing);
        return Rulebook.fromWorkbooks(files, RulebookScenarios.defaultFiles());
    }

    /**
     * The backlogs every corpus rulebook adjudicates: the example backlogs of examples/claims and the
     * claim files of the shipped scenarios, by name.
     */
    static Map<String, String> backlogs() {
        Map<String, String> backlogs = new LinkedHashMap<>();
        Path examples = Path.of("..", "examples", "claims");
        assertTrue(Files.isDirectory(examples), "the example backlogs are at " + examples.toAbsolutePath());
        try {
            for (String name : List.of("warranty.jsonl", "insurance.jsonl", "assistance.jsonl", "mixed.jsonl")) {
                backlogs.put("examples/claims/" + name, Files.readString(examples.resolve(name)));
            }
            for (String name : List.of("warranty.jsonl", "insurance.jsonl", "assistance.jsonl")) {
                backlogs.put("scenarios/" + name, RulebookScenarios.defaultFiles().read("scenarios/" + name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return backlogs;
    }

    /** Each backlog's verdicts as the JSON Lines {@code claims adjudicate} writes. */
    static Map<String, String> verdicts(Rulebook rulebook) {
        Adjudicator adjudicator = Adjudicator.of(rulebook);
        Map<String, String> out = new LinkedHashMap<>();
        backlogs().forEach((name, lines) -> {
            StringWriter w = new StringWriter();
            long n = adjudicator.adjudicateJsonLines(new StringReader(lines), w);
            assertTrue(n > 0, name);
            out.put(name, w.toString());
        });
        return out;
    }

    /** The ids of the failing scenarios, with what differed. */
    static List<String> failures(Rulebook rulebook) {
        ScenarioReport report = RulebookScenarios.run(rulebook);
        assertTrue(report.results().size() >= 90, "the shipped scenarios ran: " + report.results().size());
        List<String> failed = new ArrayList<>();
        report.failures().forEach(r -> failed.add(r.id() + " " + r.differences()));
        return failed;
    }

    /**
     * A rulebook made from the shipped workbooks by another program behaves as the shipped one: the
     * same fingerprint, every scenario passing, byte-identical verdicts on every backlog.
     */
    static void assertSameAsShipped(String what, Map<String, byte[]> workbooks) {
        Rulebook shipped = rulebook(Map.of());
        Rulebook other = rulebook(workbooks);
        assertEquals(shipped.fingerprint(), other.fingerprint(), what + ": fingerprint");
        assertEquals(List.of(), failures(other), what + ": scenarios");
        Map<String, String> expected = verdicts(shipped);
        Map<String, String> actual = verdicts(other);
        for (String backlog : expected.keySet()) {
            assertEquals(expected.get(backlog), actual.get(backlog), what + ": verdicts on " + backlog);
        }
    }

    /** The path of a program on PATH, or null. */
    static Path onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** Runs a program to completion (bounded), failing the test with its output when it fails. */
    static String run(Path workDir, List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        String text = new String(out, java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), command + " failed:\n" + text);
        return text;
    }
}
