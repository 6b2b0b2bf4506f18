package io.autoclaims.rules;

import io.autoclaims.model.Claim;
import io.autoclaims.model.Verdict;
import io.autoclaims.model.json.ClaimCodec;
import io.autoclaims.model.json.ReadResult;
import io.autoclaims.rules.internal.RulebookCompiler;
import io.autoclaims.rules.internal.ScenarioModel;
import io.autoclaims.rules.internal.WorkbookModel;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs the test scenarios that rule workbooks carry on their Scenarios sheets and measures row
 * coverage. A scenario's claim is JSON in its cell, or {@code file.jsonl#claimId} naming a claim in a
 * JSON Lines file next to the workbook.
 */
public final class RulebookScenarios {

    /** Reads the files scenarios refer to, by name relative to the workbooks. */
    @FunctionalInterface
    public interface Files {
        String read(String name) throws IOException;
    }

    private RulebookScenarios() {
    }

    /** Files next to the workbooks in a folder. */
    public static Files folder(Path dir) {
        return name -> java.nio.file.Files.readString(dir.resolve(name));
    }

    /** Runs the scenarios of workbook files or folders (referenced claim files are read next to them). */
    public static ScenarioReport run(List<Path> paths) {
        Path first = paths.get(0);
        Path dir = java.nio.file.Files.isDirectory(first) ? first : first.toAbsolutePath().getParent();
        return run(Rulebook.readWorkbooks(paths), folder(dir));
    }

    /** Runs the scenarios of the shipped rulebook. */
    public static ScenarioReport runDefault() {
        return run(Rulebook.defaultWorkbooks(), Rulebook::defaultResource);
    }

    /** Compiles the workbooks, runs every scenario, and reports results and row coverage. */
    public static ScenarioReport run(Map<String, byte[]> workbooks, Files files) {
        Rulebook rulebook = Rulebook.fromWorkbooks(workbooks);
        List<WorkbookIssue> issues = new ArrayList<>();
        List<ScenarioModel> scenarios = new ArrayList<>();
        for (WorkbookModel w : RulebookCompiler.read(workbooks, issues)) {
            scenarios.addAll(w.scenarios());
        }
        if (issues.stream().anyMatch(WorkbookIssue::isError)) {
            throw new RulebookException(issues);
        }
        Adjudicator adjudicator = Adjudicator.of(rulebook);
        ClaimCodec codec = ClaimCodec.create();
        Map<String, Map<String, Claim>> claimFiles = new HashMap<>();
        Set<String> reached = new LinkedHashSet<>();
        List<ScenarioReport.Result> results = new ArrayList<>();
        for (ScenarioModel s : scenarios) {
            List<String> differences = new ArrayList<>();
            try {
                Claim claim = claim(s, files, claimFiles, codec);
                Explanation e = adjudicator.explain(claim);
                e.fired().forEach(r -> reached.add(r.ruleId()));
                compare(s, e.verdict(), differences);
            } catch (RuntimeException | IOException ex) {
                differences.add("the claim cannot be adjudicated: " + ex.getMessage());
            }
            results.add(new ScenarioReport.Result(s.id(), s.idCell(), s.description(), differences.isEmpty(),
                    differences));
        }
        List<RuleRef> uncovered = rulebook.rules().stream().filter(r -> !reached.contains(r.ruleId())).toList();
        return new ScenarioReport(results, rulebook.rules().size(), uncovered);
    }

    /**
     * The scenarios as JUnit 5 dynamic tests, one per scenario row, named by it, so that a host
     * project's build fails when a rule change breaks a scenario:
     * <pre>{@code @TestFactory Stream<DynamicTest> rules() { return RulebookScenarios.dynamicTests(Path.of("rules")); }}</pre>
     * Needs junit-jupiter-api on the test classpath.
     */
    public static Stream<org.junit.jupiter.api.DynamicTest> dynamicTests(Path... paths) {
        ScenarioReport report = run(List.of(paths));
        return report.results().stream().map(r -> org.junit.jupiter.api.DynamicTest.dynamicTest(
                r.id() + " (" + r.where() + ")" + (r.description().isEmpty() ? "" : " " + r.description()),
                () -> {
                    if (!r.passed()) {
                        throw new AssertionError(r.where() + ": " + String.join("; ", r.differences()));
                    }
                }));
    }

    private static Claim claim(ScenarioModel s, Files files, Map<String, Map<String, Claim>> cache,
            ClaimCodec codec) throws IOException {
        String ref = s.claim().strip();
        if (ref.startsWith("{")) {
            return codec.readClaim(ref);
        }
        int hash = ref.lastIndexOf('#');
        if (hash < 0) {
            throw new IllegalArgumentException("\"" + ref + "\" is neither JSON nor file.jsonl#claimId");
        }
        String file = ref.substring(0, hash);
        String id = ref.substring(hash + 1);
        Map<String, Claim> byId = cache.get(file);
        if (byId == null) {
            byId = new HashMap<>();
            try (Stream<ReadResult> results = codec.readLines(new StringReader(files.read(file)))) {
                for (ReadResult r : (Iterable<ReadResult>) results::iterator) {
                    if (r instanceof ReadResult.Ok ok) {
                        byId.putIfAbsent(ok.claim().claimId(), ok.claim());
                    }
                }
            }
            cache.put(file, byId);
        }
        Claim claim = byId.get(id);
        if (claim == null) {
            throw new IllegalArgumentException("no valid claim " + id + " in " + file);
        }
        return claim;
    }

    private static void compare(ScenarioModel s, Verdict v, List<String> differences) {
        if (s.decision() != null && s.decision() != v.decision()) {
            differences.add("decision: expected " + s.decision() + ", got " + v.decision());
        }
        if (s.remedy() != null && s.remedy() != v.remedy()) {
            differences.add("remedy: expected " + s.remedy() + ", got " + v.remedy());
        }
        if (s.payable() != null && s.payable().compareTo(v.payableCny()) != 0) {
            differences.add("payable: expected " + io.autoclaims.model.Money.round(s.payable()).toPlainString() + ", got "
                    + v.payableCny().toPlainString());
        }
        if (s.reasons() != null && !s.reasons().equals(v.reasonCodes())) {
            differences.add("reasons: expected " + s.reasons() + ", got " + v.reasonCodes());
        }
    }
}
