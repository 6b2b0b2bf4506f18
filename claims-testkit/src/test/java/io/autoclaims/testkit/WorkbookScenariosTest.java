package io.autoclaims.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.rules.Rulebook;
import io.autoclaims.rules.RulebookCheck;
import io.autoclaims.rules.RulebookScenarios;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/**
 * The scenarios of rule workbooks as JUnit dynamic tests: the shipped rulebook's 95 run here as this
 * class's own dynamic tests; a broken scenario fails at its cell in both languages, a missing claim
 * file is one failure at the cell naming it with its scenarios skipped, and workbooks that do not load
 * fail at their cells.
 */
class WorkbookScenariosTest {
    private static final List<String> TYPES = List.of("warranty", "insurance", "assistance");

    @TempDir
    Path dir;

    /** What a dynamic test does when JUnit runs it: passed, aborted (skipped) or failed, with the message. */
    private static String outcome(DynamicTest test) {
        try {
            test.getExecutable().execute();
            return "passed";
        } catch (TestAbortedException e) {
            return "aborted: " + e.getMessage();
        } catch (AssertionError e) {
            return "failed: " + e.getMessage();
        } catch (Throwable e) {
            throw new AssertionError(test.getDisplayName() + " threw what JUnit reports as an error", e);
        }
    }

    /** The shipped workbooks and, with {@code withFiles}, their scenario claim files, copied into {@code folder}. */
    private static Path copyShipped(Path folder, boolean withFiles) throws IOException {
        Files.createDirectories(folder.resolve("scenarios"));
        for (Map.Entry<String, byte[]> w : RulebookCheck.defaultWorkbooks().entrySet()) {
            Files.write(folder.resolve(w.getKey()), w.getValue());
        }
        if (withFiles) {
            for (String type : TYPES) {
                String name = "scenarios/" + type + ".jsonl";
                Files.writeString(folder.resolve(name), RulebookScenarios.defaultFiles().read(name));
            }
        }
        return folder;
    }

    /** The shipped rulebook's scenarios, run by JUnit as this class's dynamic tests: all must pass. */
    @TestFactory
    Stream<DynamicTest> theShippedRulebooksScenarios() {
        List<DynamicTest> tests = WorkbookScenarios.dynamicTests(Rulebook.loadDefault()).toList();
        assertEquals(95, tests.size());
        assertEquals("SC-A-001 (assistance.xlsx!Scenarios 测试场景!A5)", tests.get(0).getDisplayName());
        assertTrue(tests.stream().anyMatch(t -> t.getDisplayName().startsWith("SC-W-034 (warranty.xlsx!Scenarios 测试场景!A38)")),
                tests.toString());
        return tests.stream();
    }

    @Test
    void aFolderOfWorkbooksRunsItsScenariosAndABrokenOneFailsAtItsCellInBothLanguages() throws IOException {
        Path rules = copyShipped(dir.resolve("rules"), true);
        // the claim of one approved warranty scenario becomes a misuse: the scenario must now fail
        Path warranty = rules.resolve("scenarios/warranty.jsonl");
        String claims = Files.readString(warranty);
        String first = claims.lines().findFirst().orElseThrow();
        assertTrue(first.startsWith("{\"claimId\":\"W-001\"") && first.contains("\"cause\":\"QUALITY_DEFECT\""), first);
        Files.writeString(warranty, claims.replace(first, first.replace("\"cause\":\"QUALITY_DEFECT\"", "\"cause\":\"MISUSE\"")));

        List<DynamicTest> tests = WorkbookScenarios.dynamicTests(rules).toList();
        assertEquals(95, tests.size());
        List<String> failed = new ArrayList<>();
        for (DynamicTest t : tests) {
            String outcome = outcome(t);
            if (!outcome.equals("passed")) {
                failed.add(t.getDisplayName() + " " + outcome);
            }
        }
        assertEquals(1, failed.size(), failed.toString());
        String failure = failed.get(0);
        assertTrue(failure.startsWith("SC-W-001 (warranty.xlsx!Scenarios 测试场景!A5)"), failure);
        assertTrue(failure.contains("failed: warranty.xlsx!Scenarios 测试场景!A5: scenario SC-W-001 fails: decision: "
                + "expected APPROVED, got DENIED"), failure);
        assertTrue(failure.contains("\nwarranty.xlsx!Scenarios 测试场景!A5: 测试场景 SC-W-001 未通过：结论应为 APPROVED，实为 DENIED"),
                failure);
    }

    @Test
    void aWorkbookCopiedWithoutItsScenarioFileIsOneFailureAtTheCellNamingItAndItsScenariosAreSkipped()
            throws IOException {
        Path rules = Files.createDirectories(dir.resolve("copy"));
        Files.write(rules.resolve("warranty.xlsx"), RulebookCheck.defaultWorkbooks().get("warranty.xlsx"));

        List<DynamicTest> tests = WorkbookScenarios.dynamicTests(rules).toList();
        assertEquals(1 + 35, tests.size());
        DynamicTest file = tests.get(0);
        assertEquals("scenario file (warranty.xlsx!Scenarios 测试场景!B5)", file.getDisplayName());
        String outcome = outcome(file);
        assertTrue(outcome.startsWith("failed: warranty.xlsx!Scenarios 测试场景!B5: the scenario file "
                + "scenarios/warranty.jsonl is missing from " + rules.toAbsolutePath() + "; 35 scenario(s) name it and "
                + "do not run"), outcome);
        assertTrue(outcome.contains("copy it with the workbook"), outcome);
        assertTrue(outcome.contains("\nwarranty.xlsx!Scenarios 测试场景!B5: 场景文件 scenarios/warranty.jsonl 不存在"), outcome);
        for (DynamicTest scenario : tests.subList(1, tests.size())) {
            String o = outcome(scenario);
            assertTrue(o.startsWith("aborted: ") && o.contains("not run: its claim file cannot be read: "
                    + "scenarios/warranty.jsonl"), scenario.getDisplayName() + " " + o);
        }
    }

    @Test
    void workbooksThatDoNotLoadFailAtTheirCells() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(rules.resolve("warranty.xlsx"), "not a workbook");

        List<DynamicTest> tests = WorkbookScenarios.dynamicTests(rules).toList();
        assertEquals(1, tests.size(), tests.toString());
        assertTrue(tests.get(0).getDisplayName().startsWith("rulebook does not load (warranty.xlsx"),
                tests.get(0).getDisplayName());
        String outcome = outcome(tests.get(0));
        assertTrue(outcome.startsWith("failed: warranty.xlsx"), outcome);
        String[] languages = outcome.split("\n");
        assertEquals(2, languages.length, "English, then Chinese: " + outcome);
    }
}
