package io.autoclaims.rules;

import io.autoclaims.model.Claim;
import io.autoclaims.model.Verdict;
import io.autoclaims.model.json.ClaimCodec;
import io.autoclaims.model.json.ReadResult;
import io.autoclaims.rules.internal.ScenarioModel;
import io.autoclaims.rules.internal.WorkbookModel;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

    /**
     * Files beside the workbooks: in the folder or below it, by relative name. Absolute names, names
     * through {@code ..}, links leading out of the folder, anything but a regular file, and files over
     * 16 MiB are refused, each reported at the scenario cell that names it.
     */
    public static Files folder(Path dir) {
        return name -> ScenarioFile.read(dir, name);
    }

    /**
     * The shipped rulebook's scenario files: for a rulebook built from the shipped workbooks with a
     * cell changed, {@code Rulebook.fromWorkbooks(bytes, RulebookScenarios.defaultFiles())}.
     */
    public static Files defaultFiles() {
        return Rulebook::defaultResource;
    }

    /** Runs the scenarios of workbook files or folders (referenced claim files are read next to them). */
    public static ScenarioReport run(List<Path> paths) {
        return run(Rulebook.load(paths));
    }

    /** Runs the scenarios of the shipped rulebook. */
    public static ScenarioReport runDefault() {
        return run(Rulebook.loadDefault());
    }

    /** Compiles the workbooks, runs every scenario, and reports results and row coverage. */
    public static ScenarioReport run(Map<String, byte[]> workbooks, Files files) {
        return run(Rulebook.fromWorkbooks(workbooks, files));
    }

    /**
     * Runs the scenarios of a rulebook already loaded, on it: claim files are read as it was loaded
     * (next to its folder, from the shipped resources, or through the {@link Files} it was given).
     */
    public static ScenarioReport run(Rulebook rulebook) {
        List<ScenarioModel> scenarios = new ArrayList<>();
        for (WorkbookModel w : rulebook.compiled().workbooks()) {
            scenarios.addAll(w.scenarios());
        }
        Adjudicator adjudicator = Adjudicator.of(rulebook);
        Files files = rulebook.scenarioFiles();
        ClaimCodec codec = ClaimCodec.create();
        Map<String, Map<String, Claim>> claimFiles = new HashMap<>();
        // each file that cannot be read is tried once and reported once, at the first cell naming it
        Map<String, ScenarioFile.Refused> refused = new LinkedHashMap<>();
        Map<String, CellRef> firstCell = new HashMap<>();
        Map<String, Integer> naming = new HashMap<>();
        Set<String> reached = new LinkedHashSet<>();
        List<ScenarioReport.Result> results = new ArrayList<>();
        for (ScenarioModel s : scenarios) {
            List<String> differences = new ArrayList<>();
            boolean ran = true;
            try {
                Claim claim = claim(s, files, claimFiles, refused, codec);
                Explanation e = adjudicator.explain(claim);
                e.fired().forEach(r -> reached.add(r.ruleId()));
                compare(s, e.verdict(), differences);
            } catch (ScenarioFile.Refused r) {
                ran = false;
                firstCell.putIfAbsent(r.file, s.claimCell());
                naming.merge(r.file, 1, Integer::sum);
                differences.add(NOT_RUN + r.file);
            } catch (RuntimeException | IOException ex) {
                differences.add(CANNOT_ADJUDICATE + ex.getMessage());
            }
            results.add(new ScenarioReport.Result(s.id(), s.idCell(), s.description(), differences.isEmpty(),
                    differences, ran));
        }
        List<WorkbookIssue> fileProblems = refused.values().stream()
                .map(r -> ScenarioFile.issue(r, firstCell.get(r.file), naming.get(r.file))).toList();
        List<RuleRef> uncovered = rulebook.rules().stream().filter(r -> !reached.contains(r.ruleId())).toList();
        return new ScenarioReport(results, rulebook.rules().size(), uncovered, fileProblems);
    }

    /**
     * Each failed scenario as an error at its ID cell, in English and Chinese: why a checked swap
     * refuses the rulebook.
     */
    static List<WorkbookIssue> failures(ScenarioReport report) {
        // a claim file that cannot be read is one error at its cell, not one per scenario naming it
        List<WorkbookIssue> issues = new ArrayList<>(report.fileProblems());
        report.failures().stream().filter(ScenarioReport.Result::ran).map(r -> WorkbookIssue.error("SCENARIO_FAILED", r.where(),
                "scenario " + r.id() + " fails: " + String.join("; ", r.differences()),
                "fix the rule rows, or the scenario's expected values if the policy changed on purpose; "
                        + "claims test lists every failure")
                .withZh("测试场景 " + r.id() + " 未通过：" + String.join("；", r.differences().stream()
                                .map(RulebookScenarios::zh).toList()),
                        "请修正规则行；如政策是有意变更，请更新该场景的预期值；claims test 列出全部未通过的场景"))
                .forEach(issues::add);
        return issues;
    }

    private static final String CANNOT_ADJUDICATE = "the claim cannot be adjudicated: ";
    private static final String NOT_RUN = "not run: its claim file cannot be read: ";
    private static final java.util.regex.Pattern NO_CLAIM =
            java.util.regex.Pattern.compile("no valid claim (.*) in (.*)");
    private static final java.util.regex.Pattern NOT_A_CLAIM =
            java.util.regex.Pattern.compile("\"(.*)\" is neither JSON nor file.jsonl#claimId");
    private static final java.util.regex.Pattern EXPECTED_GOT =
            java.util.regex.Pattern.compile("(decision|remedy|payable|reasons): expected (.*), got (.*)");

    /** One difference as {@link #compare} and {@link #run(Rulebook)} word it, in Chinese. */
    static String zh(String difference) {
        if (difference.startsWith(CANNOT_ADJUDICATE)) {
            String cause = difference.substring(CANNOT_ADJUDICATE.length());
            java.util.regex.Matcher m = NO_CLAIM.matcher(cause);
            if (m.matches()) {
                return "该索赔无法裁定：" + m.group(2) + " 中没有编号为 " + m.group(1) + " 的有效索赔";
            }
            m = NOT_A_CLAIM.matcher(cause);
            if (m.matches()) {
                return "该索赔无法裁定：\"" + m.group(1) + "\" 既不是 JSON，也不是 file.jsonl#claimId";
            }
            return "该索赔无法裁定：" + cause;
        }
        if (difference.startsWith(NOT_RUN)) {
            return "未运行：无法读取其索赔文件 " + difference.substring(NOT_RUN.length());
        }
        java.util.regex.Matcher m = EXPECTED_GOT.matcher(difference);
        if (!m.matches()) {
            return difference;
        }
        String field = switch (m.group(1)) {
            case "decision" -> "结论";
            case "remedy" -> "处理";
            case "payable" -> "赔付";
            default -> "理由代码";
        };
        return field + "应为 " + m.group(2).replace(" CNY", " 元") + "，实为 " + m.group(3).replace(" CNY", " 元");
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
            Map<String, ScenarioFile.Refused> refused, ClaimCodec codec) throws IOException {
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
        if (refused.containsKey(file)) {
            throw refused.get(file);
        }
        Map<String, Claim> byId = cache.get(file);
        if (byId == null) {
            byId = new HashMap<>();
            String text;
            try {
                // the name is checked here whatever reads the files, the rest by the reader
                ScenarioFile.checkName(file);
                text = files.read(file);
                if (text.length() > ScenarioFile.MAX_BYTES) {
                    throw new ScenarioFile.Refused(ScenarioFile.Reason.TOO_LARGE, file,
                            "more than " + ScenarioFile.mib(ScenarioFile.MAX_BYTES));
                }
            } catch (IOException e) {
                ScenarioFile.Refused r = ScenarioFile.refusal(file, e);
                refused.put(file, r);
                throw r;
            }
            try (Stream<ReadResult> results = codec.readLines(new StringReader(text))) {
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
            differences.add("payable: expected " + io.autoclaims.model.Money.round(s.payable()).toPlainString()
                    + " CNY, got " + v.payableCny().toPlainString() + " CNY");
        }
        if (s.reasons() != null && !s.reasons().equals(v.reasonCodes())) {
            differences.add("reasons: expected " + s.reasons() + ", got " + v.reasonCodes());
        }
    }
}
