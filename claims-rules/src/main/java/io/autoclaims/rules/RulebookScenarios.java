package io.autoclaims.rules;

import io.autoclaims.model.Claim;
import io.autoclaims.model.Verdict;
import io.autoclaims.model.json.ClaimCodec;
import io.autoclaims.model.json.ReadResult;
import io.autoclaims.rules.internal.workbook.NameText;
import io.autoclaims.rules.internal.table.ScenarioModel;
import io.autoclaims.rules.internal.table.WorkbookModel;
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
 * JSON Lines file next to the workbook. No test library is needed: the same scenarios as JUnit 5
 * dynamic tests are {@code io.autoclaims.testkit.WorkbookScenarios}, in the {@code claims-testkit}
 * artifact.
 */
public final class RulebookScenarios {

    /** Reads the files scenarios refer to, by name relative to the workbooks. */
    @FunctionalInterface
    public interface Files {
        /**
         * Reads one claim file.
         *
         * @param name the name a scenario cell gives, e.g. {@code warranty-scenarios.jsonl}
         * @return the file's text (JSON Lines)
         * @throws IOException when the file cannot be read or is refused
         */
        String read(String name) throws IOException;
    }

    private RulebookScenarios() {
    }

    /**
     * Files beside the workbooks: in the folder or below it, by relative name. Absolute names, names
     * through {@code ..}, links leading out of the folder, anything but a regular file, and files over
     * 16 MiB are refused, each reported at the scenario cell that names it.
     *
     * @param dir the folder the workbooks were loaded from
     * @return the reader of files in and below {@code dir}
     */
    public static Files folder(Path dir) {
        return new ScenarioFile.Folder(java.util.Objects.requireNonNull(dir, "dir"));
    }

    /**
     * The shipped rulebook's scenario files: for a rulebook built from the shipped workbooks with a
     * cell changed, {@code Rulebook.fromWorkbooks(bytes, RulebookScenarios.defaultFiles())}.
     *
     * @return the reader of the shipped scenario files (class path resources)
     */
    public static Files defaultFiles() {
        return Rulebook::defaultResource;
    }

    /**
     * Runs the scenarios of workbook files or folders (referenced claim files are read next to them).
     *
     * @param paths workbooks and folders of workbooks
     * @return each scenario's result and the row coverage
     * @throws RulebookException when the workbooks do not load
     */
    public static ScenarioReport run(List<Path> paths) {
        return run(Rulebook.load(java.util.Objects.requireNonNull(paths, "paths")));
    }

    /**
     * Runs the scenarios of the shipped rulebook.
     *
     * @return each scenario's result and the row coverage
     */
    public static ScenarioReport runDefault() {
        return run(Rulebook.loadDefault());
    }

    /**
     * Compiles the workbooks, runs every scenario, and reports results and row coverage.
     *
     * @param workbooks each workbook's {@code .xlsx} bytes by file name
     * @param files     reads the claim files the scenarios name
     * @return each scenario's result and the row coverage
     * @throws RulebookException when the workbooks do not load
     */
    public static ScenarioReport run(Map<String, byte[]> workbooks, Files files) {
        java.util.Objects.requireNonNull(workbooks, "workbooks");
        java.util.Objects.requireNonNull(files, "files");
        return run(Rulebook.fromWorkbooks(workbooks, files));
    }

    /**
     * Runs the scenarios of a rulebook already loaded, on it: claim files are read as it was loaded
     * (next to its folder, from the shipped resources, or through the {@link Files} it was given).
     *
     * @param rulebook the rulebook
     * @return each scenario's result and the row coverage
     * @throws RulebookException when running fails for a reason that is not a scenario's own (a bug,
     *     the heap running out)
     */
    public static ScenarioReport run(Rulebook rulebook) {
        return run(java.util.Objects.requireNonNull(rulebook, "rulebook"), ScenarioFile.MAX_RUN_BYTES);
    }

    /**
     * As {@link #run(Rulebook)}, reading at most {@code budget} bytes of scenario files in all. Any
     * failure that is not a scenario's own (a bug, the heap running out) is a {@link RulebookException}
     * naming the workbooks, never an exception or error of its own escaping to the caller.
     */
    static ScenarioReport run(Rulebook rulebook, long budget) {
        return RulebookException.guard(Rulebook.names(rulebook.workbookBytes()), () -> runGuarded(rulebook, budget));
    }

    private static ScenarioReport runGuarded(Rulebook rulebook, long budget) {
        List<ScenarioModel> scenarios = new ArrayList<>();
        for (WorkbookModel w : rulebook.compiled().workbooks()) {
            scenarios.addAll(w.scenarios());
        }
        Adjudicator adjudicator = Adjudicator.of(rulebook);
        Files files = rulebook.scenarioFiles();
        ClaimCodec codec = ClaimCodec.create();
        Reads reads = new Reads(files, budget, wantedIds(scenarios));
        Map<String, CellRef> firstCell = new HashMap<>();
        Map<String, Integer> naming = new HashMap<>();
        Set<String> reached = new LinkedHashSet<>();
        List<ScenarioReport.Result> results = new ArrayList<>();
        for (ScenarioModel s : scenarios) {
            List<String> differences = new ArrayList<>();
            boolean ran = true;
            try {
                Claim claim = claim(s, reads, codec);
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
        List<WorkbookIssue> fileProblems = reads.refused.values().stream().distinct()
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
     * What one run has read: each file once, by its real path (or its normalised name), only the
     * claims the scenarios name kept, and never more than the run's budget of bytes in all. Each file
     * that cannot be read is tried once and reported once, at the first cell naming it.
     */
    private static final class Reads {
        final Files files;
        final long budget;
        final Set<String> wanted;
        long used;
        final Map<String, Map<String, Claim>> claims = new HashMap<>();
        final Map<String, ScenarioFile.Refused> refused = new LinkedHashMap<>();

        Reads(Files files, long budget, Set<String> wanted) {
            this.files = files;
            this.budget = budget;
            this.wanted = wanted;
        }

        String key(String name) {
            return files instanceof ScenarioFile.Folder f ? f.key(name) : ScenarioFile.key0(name);
        }

        /** The file's text, counted against the budget; refused beyond it. */
        String read(String name) throws IOException {
            long left = budget - used;
            if (left <= 0) {
                throw new ScenarioFile.Refused(ScenarioFile.Reason.RUN_TOO_LARGE, name, "");
            }
            String text = files instanceof ScenarioFile.Folder f ? f.read(name, left) : files.read(name);
            long bytes = utf8Length(text);
            if (bytes > ScenarioFile.MAX_BYTES) {
                throw new ScenarioFile.Refused(ScenarioFile.Reason.TOO_LARGE, name,
                        "more than " + ScenarioFile.mib(ScenarioFile.MAX_BYTES));
            }
            if (bytes > left) {
                throw new ScenarioFile.Refused(ScenarioFile.Reason.RUN_TOO_LARGE, name, ScenarioFile.mib(bytes));
            }
            used += bytes;
            return text;
        }
    }

    /** The ids of the claims scenarios name in files ({@code file.jsonl#id}). */
    private static Set<String> wantedIds(List<ScenarioModel> scenarios) {
        Set<String> ids = new java.util.HashSet<>();
        for (ScenarioModel s : scenarios) {
            String ref = s.claim() == null ? "" : s.claim().strip();
            int hash = ref.lastIndexOf('#');
            if (!ref.startsWith("{") && hash >= 0) {
                ids.add(ref.substring(hash + 1));
            }
        }
        return ids;
    }

    static long utf8Length(String text) {
        long n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    private static Claim claim(ScenarioModel s, Reads reads, ClaimCodec codec) throws IOException {
        String ref = s.claim().strip();
        if (ref.startsWith("{")) {
            return codec.readClaim(ref);
        }
        int hash = ref.lastIndexOf('#');
        if (hash < 0) {
            throw new IllegalArgumentException("\"" + NameText.oneLine(ref) + "\" is neither JSON nor file.jsonl#claimId");
        }
        String file = ref.substring(0, hash);
        String id = ref.substring(hash + 1);
        Map<String, Claim> byId;
        try {
            // the name is checked here whatever reads the files, the rest by the reader
            ScenarioFile.checkName(file);
        } catch (ScenarioFile.Refused r) {
            reads.refused.putIfAbsent(file, r);
            throw reads.refused.get(file);
        }
        String key = reads.key(file);
        if (reads.refused.containsKey(key)) {
            throw reads.refused.get(key);
        }
        byId = reads.claims.get(key);
        if (byId == null) {
            byId = new HashMap<>();
            String text;
            try {
                text = reads.read(file);
            } catch (IOException e) {
                ScenarioFile.Refused r = ScenarioFile.refusal(file, e);
                reads.refused.put(key, r);
                throw r;
            }
            try (Stream<ReadResult> results = codec.readLines(new StringReader(text))) {
                for (ReadResult r : (Iterable<ReadResult>) results::iterator) {
                    if (r instanceof ReadResult.Ok ok && reads.wanted.contains(ok.claim().claimId())) {
                        byId.putIfAbsent(ok.claim().claimId(), ok.claim());
                    }
                }
            }
            reads.claims.put(key, byId);
        }
        Claim claim = byId.get(id);
        if (claim == null) {
            throw new IllegalArgumentException("no valid claim " + NameText.oneLine(id) + " in " + NameText.oneLine(file));
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
