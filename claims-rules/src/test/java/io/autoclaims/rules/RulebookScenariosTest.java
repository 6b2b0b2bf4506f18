package io.autoclaims.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.rules.testing.ShippedWorkbooks;
import io.autoclaims.rules.testing.WorkbookPatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenarios inside a workbook: run, failures by row and field, row coverage (as JUnit tests: claims-testkit). */
class RulebookScenariosTest {
    private static final String CLAIM = "{\"claimId\":\"%s\",\"type\":\"WARRANTY\",\"submittedOn\":\"2024-05-21\","
            + "\"vehicle\":{\"vin\":\"LSGKB54H8JA123456\",\"purchasedOn\":\"2023-01-10\",\"odometerKm\":22000,"
            + "\"warrantyRegistered\":true},\"incident\":{\"occurredOn\":\"2024-05-20\",\"cause\":\"%s\"},"
            + "\"repairShop\":{\"id\":\"4S-SH-001\",\"authorized\":true,\"tier\":\"DEALER_4S\"},"
            + "\"lines\":[{\"lineId\":\"L1\",\"system\":\"BRAKE\",\"part\":\"制动主缸\",\"repairCostCny\":950.00,"
            + "\"replaceCostCny\":2100.00}],\"documents\":[\"REPAIR_ORDER\"]}";

    @TempDir
    static Path dir;

    /**
     * The shipped warranty workbook with its Scenarios sheet cut to two scenarios (rows 5 and 6): one
     * right, one expecting the wrong payable.
     */
    private static byte[] workbookWithScenarios() {
        return WorkbookPatch.of(ShippedWorkbooks.warranty())
                .removeRowsFrom("Scenarios", 7)
                .setRow("Scenarios", 5, "SC-1", String.format(CLAIM, "S-1", "QUALITY_DEFECT"), "APPROVED", "REPAIR", 950,
                        "COVERED_REPAIR", "a brake repair")
                .setRow("Scenarios", 6, "SC-2", "claims.jsonl#S-2", "DENIED", "NONE", 100, "CAUSE_EXCLUDED",
                        "misuse, wrong payable")
                .bytes();
    }

    private static Path folder() throws Exception {
        Files.write(dir.resolve("warranty.xlsx"), workbookWithScenarios());
        Files.writeString(dir.resolve("claims.jsonl"), String.format(CLAIM, "S-2", "MISUSE") + "\n");
        return dir;
    }

    @Test
    void failuresNameTheScenarioRowAndTheFieldsThatDiffer() throws Exception {
        ScenarioReport report = RulebookScenarios.run(List.of(folder()));
        assertEquals(2, report.results().size());
        assertEquals(1, report.failures().size());
        ScenarioReport.Result failed = report.failures().get(0);
        assertEquals("SC-2", failed.id());
        assertEquals("warranty.xlsx!Scenarios 测试场景!A6", failed.where().toString());
        assertEquals(List.of("payable: expected 100.00 CNY, got 0.00 CNY"), failed.differences());
    }

    @Test
    void aLoadedRulebookRunsItsOwnScenariosWithTheClaimFilesBesideIt() throws Exception {
        Rulebook rulebook = Rulebook.load(folder());
        ScenarioReport report = RulebookScenarios.run(rulebook);
        assertEquals(List.of("SC-2"), report.failures().stream().map(ScenarioReport.Result::id).toList());
        List<WorkbookIssue> issues = RulebookScenarios.failures(report);
        assertEquals(1, issues.size());
        assertEquals("warranty.xlsx!Scenarios 测试场景!A6: 测试场景 SC-2 未通过：赔付应为 100.00 元，实为 0.00 元（请修正规则行；"
                + "如政策是有意变更，请更新该场景的预期值；claims test 列出全部未通过的场景）", issues.get(0).toStringZh());
        assertTrue(issues.get(0).toString().startsWith("warranty.xlsx!Scenarios 测试场景!A6: scenario SC-2 fails: "
                + "payable: expected 100.00 CNY, got 0.00 CNY (fix the rule rows"), issues.get(0).toString());
    }

    @Test
    void builtFromBytesAScenarioNamingAFileSaysHowToGiveItsFolder() throws Exception {
        Path folder = folder();
        Rulebook rulebook = Rulebook.fromWorkbooks(Map.of("warranty.xlsx", workbookWithScenarios()));
        ScenarioReport report = RulebookScenarios.run(rulebook);
        ScenarioReport.Result failed = report.failures().get(0);
        assertEquals("SC-2", failed.id());
        assertTrue(!failed.ran(), failed.toString());
        assertEquals(List.of("not run: its claim file cannot be read: claims.jsonl"), failed.differences());
        WorkbookIssue noFolder = RulebookScenarios.failures(report).get(0);
        assertEquals("SCENARIO_FILE_NO_FOLDER", noFolder.code());
        assertEquals("warranty.xlsx!Scenarios 测试场景!B6", noFolder.where().toString());
        assertTrue(noFolder.hint().contains("Rulebook.fromWorkbooks(workbooks, RulebookScenarios.folder(dir))"),
                noFolder.hint());
        assertTrue(noFolder.toStringZh().contains("无法读取场景文件 claims.jsonl"), noFolder.toStringZh());
        // given the folder, it passes as loaded from it
        Rulebook withFiles = Rulebook.fromWorkbooks(rulebook.workbooks(), RulebookScenarios.folder(folder));
        assertEquals(rulebook.fingerprint(), withFiles.fingerprint());
        assertEquals(List.of("SC-2"), RulebookScenarios.run(withFiles).failures().stream()
                .filter(r -> r.differences().equals(List.of("payable: expected 100.00 CNY, got 0.00 CNY")))
                .map(ScenarioReport.Result::id).toList());
    }

    @Test
    void coverageNamesTheRowsNoScenarioReaches() throws Exception {
        ScenarioReport report = RulebookScenarios.run(List.of(folder()));
        assertEquals(35, report.rules());
        List<String> uncovered = report.uncovered().stream().map(RuleRef::ruleId).toList();
        assertTrue(!uncovered.contains("W7-01") && !uncovered.contains("W2-01") && !uncovered.contains("T-04"),
                uncovered.toString());
        assertTrue(uncovered.contains("S1-01") && uncovered.contains("W1-01"), uncovered.toString());
        assertTrue(report.coverage() > 0.1 && report.coverage() < 0.5, String.valueOf(report.coverage()));
    }

    @Test
    void scenariosDoNotChangeTheFingerprint() {
        assertEquals(Rulebook.fromWorkbooks(Map.of("warranty.xlsx", ShippedWorkbooks.warranty())).fingerprint(),
                Rulebook.fromWorkbooks(Map.of("warranty.xlsx", workbookWithScenarios())).fingerprint());
    }
}
