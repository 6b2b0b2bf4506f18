package io.autoclaims.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario claim files are read only from beside the workbook: a missing one is named as missing at
 * the cell that names it, and a scenario cell cannot make the library read a device, a pipe, a file
 * outside the folder or an oversized file (each an error at the cell, never an unbounded read).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS) // a FIFO opened or /dev/zero read would hang or exhaust the heap
class ScenarioFilesTest {

    @TempDir
    Path dir;

    private static Adjudicator live;

    /** One adjudicator for the class: a refused swap leaves it as it was. */
    private static synchronized Adjudicator live() {
        if (live == null) {
            live = Adjudicator.of(Rulebook.loadDefault());
        }
        return live;
    }

    private static byte[] shippedWarranty() {
        return Rulebook.defaultWorkbooks().get("warranty.xlsx");
    }

    /** The shipped warranty workbook with its first scenario's claim cell set to {@code ref}; returns that cell. */
    private String writeWithFirstClaim(Path folder, String ref) throws Exception {
        String[] cell = new String[1];
        byte[] bytes = WorkbookErrorsTest.edit(shippedWarranty(), wb -> {
            Sheet sheet = null;
            for (Sheet s : wb) {
                if (s.getSheetName().toLowerCase().startsWith("scenarios")) {
                    sheet = s;
                }
            }
            int claimColumn = -1;
            for (Row row : sheet) {
                if (claimColumn >= 0 && row.getCell(claimColumn) != null) {
                    row.getCell(claimColumn).setCellValue(ref);
                    cell[0] = row.getCell(claimColumn).getAddress().formatAsString();
                    return;
                }
                if (row.getCell(0) != null && row.getCell(0).toString().trim().toLowerCase().startsWith("id")) {
                    for (var c : row) {
                        if (c.toString().toLowerCase().startsWith("claim")) {
                            claimColumn = c.getColumnIndex();
                        }
                    }
                }
            }
        });
        Files.createDirectories(folder);
        Files.write(folder.resolve("warranty.xlsx"), bytes);
        return cell[0];
    }

    private static void copyShippedScenarios(Path folder) throws Exception {
        Files.createDirectories(folder.resolve("scenarios"));
        Files.writeString(folder.resolve("scenarios/warranty.jsonl"), Rulebook.defaultResource("scenarios/warranty.jsonl"));
    }

    @Test
    void aWorkbookCopiedWithoutItsScenarioFileNamesTheFileAsMissingOnce() throws Exception {
        Files.write(dir.resolve("warranty.xlsx"), shippedWarranty());
        ScenarioReport report = RulebookScenarios.run(List.of(dir));
        assertEquals(report.results().size(), report.notRun().size(), "no scenario of the file runs");
        assertEquals(1, report.fileProblems().size(), report.fileProblems().toString());
        WorkbookIssue missing = report.fileProblems().get(0);
        assertEquals("SCENARIO_FILE_MISSING", missing.code());
        assertTrue(missing.where().sheet().startsWith("Scenarios"), missing.toString());
        assertTrue(missing.message().startsWith("the scenario file scenarios/warranty.jsonl is missing from "
                + dir.toAbsolutePath()), missing.message());
        assertTrue(missing.message().contains(report.results().size() + " scenario(s) name it"), missing.message());
        assertTrue(missing.hint().contains("scenario files travel with the workbook"), missing.hint());
        assertTrue(missing.toStringZh().contains("场景文件 scenarios/warranty.jsonl 不存在")
                && missing.toStringZh().contains("场景文件随工作簿一起存放"), missing.toStringZh());
        // a checked swap refuses it with that one issue, not one per scenario
        RulebookException e = assertThrows(RulebookException.class,
                () -> live().swap(Rulebook.load(dir), SwapOption.ALLOW_FEWER_CLAIM_TYPES));
        assertEquals(List.of("SCENARIO_FILE_MISSING"), e.issues().stream().map(WorkbookIssue::code).toList());
    }

    /**
     * The issue's host: {@code swap(folder)} of a folder holding only a copy of warranty.xlsx, the live
     * rulebook the shipped one. Two causes, each said once: the scenario file missing at the cell naming
     * it (not 35 scenarios failing), and the two claim types the folder would drop.
     */
    @Test
    void swappingAFolderWithOnlyACopyOfTheWarrantyWorkbookSaysBothCausesOnce() throws Exception {
        Files.write(dir.resolve("warranty.xlsx"), shippedWarranty());
        RulebookException e = assertThrows(RulebookException.class, () -> live().swap(dir));
        assertEquals(List.of("CLAIM_TYPES_DROPPED", "SCENARIO_FILE_MISSING"),
                e.issues().stream().map(WorkbookIssue::code).toList(), e.getMessage());
        assertTrue(e.issues().stream().noneMatch(i -> i.message().contains("cannot be adjudicated")), e.getMessage());
        WorkbookIssue missing = e.issues().get(1);
        assertEquals("warranty.xlsx!Scenarios 测试场景!B5", missing.where().toString());
        assertTrue(missing.toString().contains("the scenario file scenarios/warranty.jsonl is missing from ")
                && missing.toString().contains("copy it with the workbook"), missing.toString());
        assertTrue(missing.toStringZh().contains("复制工作簿时请一并复制该文件"), missing.toStringZh());
        assertTrue(e.issues().get(0).message().contains("INSURANCE, ASSISTANCE"), e.issues().get(0).toString());
        assertEquals(Rulebook.loadDefault().fingerprint(), live().rulebook().fingerprint(), "nothing was swapped");

        // as the hint says: copy the file beside the workbook, and allow the fewer claim types
        copyShippedScenarios(dir);
        Adjudicator fresh = Adjudicator.of(live().rulebook());
        fresh.swap(Rulebook.load(dir), SwapOption.ALLOW_FEWER_CLAIM_TYPES);
        assertEquals(List.of("warranty.xlsx"), List.copyOf(fresh.rulebook().workbooks().keySet()));
    }

    private WorkbookIssue refusal(String ref) throws Exception {
        Path folder = dir.resolve("rules");
        String cell = writeWithFirstClaim(folder, ref);
        copyShippedScenarios(folder);
        Rulebook candidate = Rulebook.load(folder);
        ScenarioReport report = RulebookScenarios.run(candidate);
        assertEquals(1, report.fileProblems().size(), ref + ": " + report.fileProblems());
        assertEquals(1, report.notRun().size(), ref);
        WorkbookIssue issue = report.fileProblems().get(0);
        assertEquals(cell, issue.where().cell(), "at the cell naming the file: " + issue);
        assertTrue(issue.messageZh() != null && issue.hintZh() != null, issue.toString());
        // the library's checked swap reports it as a RulebookException issue
        RulebookException e = assertThrows(RulebookException.class, () -> live().swap(candidate));
        assertTrue(e.issues().contains(issue), e.issues().toString());
        return issue;
    }

    @Test
    void absolutePathsAndDotDotAreRefusedBeforeAnyRead() throws Exception {
        for (String ref : List.of("/dev/zero#x", "/etc/passwd#x", "/proc/self/environ#x", "../../etc/passwd#x",
                "scenarios/../../warranty.jsonl#x", "C:\\claims\\x.jsonl#x", "scenarios\\..\\..\\x.jsonl#x")) {
            WorkbookIssue issue = refusal(ref);
            assertEquals("SCENARIO_FILE_OUTSIDE", issue.code(), ref);
            assertTrue(issue.message().contains("is not beside the workbook"), issue.message());
            assertTrue(issue.toStringZh().contains("不在工作簿旁"), issue.toStringZh());
        }
    }

    @Test
    void aNameThatBreaksOrHidesALineIsRefusedBeforeAnyRead() throws Exception {
        // the same characters a sheet or file name may not hold: not only C0 controls
        for (String ref : List.of("scenarios/warranty.jsonl\n#x", "scenarios/warranty\u2028.jsonl#x",
                "scenarios/\u202ewarranty.jsonl#x", "scenarios/warranty.jsonl\u0085#x")) {
            WorkbookIssue issue = refusal(ref);
            assertTrue(issue.message().contains("control or line-breaking character"), issue.message());
            assertTrue(!issue.toString().contains("\n") && !issue.toString().contains("\u2028"), issue.toString());
        }
    }

    @Test
    void aLinkLeadingOutOfTheFolderIsRefused() throws Exception {
        Path folder = dir.resolve("rules");
        Files.createDirectories(folder);
        Files.writeString(dir.resolve("secret.jsonl"), "{}\n");
        Files.createSymbolicLink(folder.resolve("secret.jsonl"), dir.resolve("secret.jsonl"));
        Files.createSymbolicLink(folder.resolve("zero.jsonl"), Path.of("/dev/zero"));
        WorkbookIssue outside = refusal("secret.jsonl#x");
        assertEquals("SCENARIO_FILE_OUTSIDE", outside.code());
        assertTrue(outside.message().contains("a link leading to"), outside.message());
        assertEquals("SCENARIO_FILE_OUTSIDE", refusal("zero.jsonl#x").code());
    }

    @Test
    void aPipeOrAFolderIsNotOpened() throws Exception {
        Path folder = dir.resolve("rules");
        Files.createDirectories(folder.resolve("adir.jsonl"));
        WorkbookIssue folderIssue = refusal("adir.jsonl#x");
        assertEquals("SCENARIO_FILE_NOT_REGULAR", folderIssue.code());
        assertTrue(folderIssue.toStringZh().contains("不是普通文件"), folderIssue.toStringZh());
        boolean fifo = new ProcessBuilder("mkfifo", folder.resolve("pipe.jsonl").toString()).start().waitFor() == 0;
        assumeTrue(fifo, "mkfifo is not available: the FIFO case was skipped");
        // opening a FIFO with no writer would block forever: the timeout fails the test if it is opened
        assertEquals("SCENARIO_FILE_NOT_REGULAR", refusal("pipe.jsonl#x").code());
    }

    @Test
    void aFileOverTheBoundIsRefusedUnread() throws Exception {
        Path folder = dir.resolve("rules");
        Files.createDirectories(folder);
        try (RandomAccessFile big = new RandomAccessFile(folder.resolve("big.jsonl").toFile(), "rw")) {
            big.setLength(ScenarioFile.MAX_BYTES + 1); // sparse: costs no disk
        }
        WorkbookIssue issue = refusal("big.jsonl#x");
        assertEquals("SCENARIO_FILE_TOO_LARGE", issue.code());
        assertTrue(issue.message().contains("16.0 MiB"), issue.message());
        assertTrue(issue.toStringZh().contains("超过 16.0 MiB 的上限"), issue.toStringZh());
    }

    @Test
    void aFileInASubfolderBesideTheWorkbookIsRead() throws Exception {
        Path folder = dir.resolve("rules");
        writeWithFirstClaim(folder, "scenarios/./warranty.jsonl#SC-W-NOPE");
        copyShippedScenarios(folder);
        ScenarioReport report = RulebookScenarios.run(List.of(folder));
        assertTrue(report.fileProblems().isEmpty(), report.fileProblems().toString());
        // the file is read; the claim id is simply not in it
        ScenarioReport.Result r = report.failures().get(0);
        assertTrue(r.ran());
        assertEquals(List.of("the claim cannot be adjudicated: no valid claim SC-W-NOPE in scenarios/./warranty.jsonl"),
                r.differences());
        assertEquals("该索赔无法裁定：scenarios/./warranty.jsonl 中没有编号为 SC-W-NOPE 的有效索赔",
                RulebookScenarios.zh(r.differences().get(0)));
        assertFalse(report.passed());
    }

    @Test
    void aRulebookBuiltFromBytesSaysWhereToGiveItsFolder() throws Exception {
        ScenarioReport report = RulebookScenarios.run(Rulebook.fromWorkbooks(Map.of("warranty.xlsx", shippedWarranty())));
        assertEquals(List.of("SCENARIO_FILE_NO_FOLDER"), report.fileProblems().stream().map(WorkbookIssue::code).toList());
        assertTrue(report.fileProblems().get(0).hint().contains("RulebookScenarios.folder(dir)"));
    }

    /** The shipped warranty workbook with each scenario's claim cell rewritten by {@code change(n, text)}, n counting from 0. */
    private static void writeWithClaims(Path folder, java.util.function.BiFunction<Integer, String, String> change)
            throws Exception {
        byte[] bytes = WorkbookErrorsTest.edit(shippedWarranty(), wb -> {
            for (Sheet sheet : wb) {
                if (!sheet.getSheetName().toLowerCase().startsWith("scenarios")) {
                    continue;
                }
                int claimColumn = -1;
                int n = 0;
                for (Row row : sheet) {
                    if (claimColumn >= 0 && row.getCell(claimColumn) != null
                            && !row.getCell(claimColumn).toString().isBlank()) {
                        row.getCell(claimColumn).setCellValue(change.apply(n++, row.getCell(claimColumn).toString()));
                    } else if (claimColumn < 0 && row.getCell(0) != null
                            && row.getCell(0).toString().trim().toLowerCase().startsWith("id")) {
                        for (var c : row) {
                            if (c.toString().toLowerCase().startsWith("claim")) {
                                claimColumn = c.getColumnIndex();
                            }
                        }
                    }
                }
            }
        });
        Files.createDirectories(folder);
        Files.write(folder.resolve("warranty.xlsx"), bytes);
    }

    @Test
    void everySpellingOfOneFileIsReadOnceAndCountedOnce() throws Exception {
        Path folder = dir.resolve("rules");
        copyShippedScenarios(folder);
        Files.createSymbolicLink(folder.resolve("alias.jsonl"), Path.of("scenarios/warranty.jsonl"));
        List<String> spellings = List.of("scenarios/warranty.jsonl", "./scenarios/warranty.jsonl",
                "scenarios//warranty.jsonl", ".//scenarios/./warranty.jsonl", "scenarios\\warranty.jsonl");
        writeWithClaims(folder, (n, text) -> spellings.get(n % spellings.size()) + text.substring(text.lastIndexOf('#')));
        // through a reader of the caller's: the normalised name is the key
        int[] reads = new int[1];
        RulebookScenarios.Files folderFiles = RulebookScenarios.folder(folder);
        Rulebook counted = Rulebook.fromWorkbooks(Map.of("warranty.xlsx", Files.readAllBytes(folder.resolve("warranty.xlsx"))),
                name -> {
                    reads[0]++;
                    return folderFiles.read(name);
                });
        ScenarioReport report = RulebookScenarios.run(counted);
        assertTrue(report.passed(), report.failures().toString());
        assertEquals(1, reads[0], "one file, read once whatever its spelling");

        // from the folder: the real path is the key, so a link inside the folder is the same file too
        List<String> withLink = List.of("scenarios/warranty.jsonl", "alias.jsonl", "./alias.jsonl", "scenarios//warranty.jsonl");
        writeWithClaims(folder, (n, text) -> withLink.get(n % withLink.size()) + text.substring(text.lastIndexOf('#')));
        long size = Files.size(folder.resolve("scenarios/warranty.jsonl"));
        ScenarioReport linked = RulebookScenarios.run(Rulebook.load(folder), size + size / 2);
        assertTrue(linked.passed(), linked.failures() + " " + linked.fileProblems());
    }

    @Test
    void theFilesOneRunReadsAreBoundedInAll() throws Exception {
        Path folder = dir.resolve("rules");
        copyShippedScenarios(folder);
        for (String copy : List.of("a.jsonl", "b.jsonl", "c.jsonl")) {
            Files.copy(folder.resolve("scenarios/warranty.jsonl"), folder.resolve(copy));
        }
        List<String> files = List.of("a.jsonl", "b.jsonl", "c.jsonl");
        writeWithClaims(folder, (n, text) -> files.get(n % 3) + text.substring(text.lastIndexOf('#')));
        long size = Files.size(folder.resolve("a.jsonl"));
        ScenarioReport report = RulebookScenarios.run(Rulebook.load(folder), 2 * size + size / 2);
        assertEquals(List.of("SCENARIO_FILES_TOO_LARGE"), report.fileProblems().stream().map(WorkbookIssue::code).toList());
        WorkbookIssue issue = report.fileProblems().get(0);
        assertTrue(issue.message().startsWith("the scenario file c.jsonl"), issue.message());
        assertTrue(issue.message().contains("64.0 MiB for one run"), issue.message());
        assertTrue(issue.toStringZh().contains("单次运行 64.0 MiB 的上限"), issue.toStringZh());
        int third = (int) report.results().stream().filter(r -> !r.ran()).count();
        assertEquals(report.results().size() / 3, third, "the scenarios naming c.jsonl do not run");
        assertTrue(report.results().stream().filter(ScenarioReport.Result::ran).allMatch(ScenarioReport.Result::passed));
        assertEquals(64L * 1024 * 1024, ScenarioFile.MAX_RUN_BYTES);
    }

    @Test
    void aFailureThatIsNoScenariosOwnIsARulebookException() throws Exception {
        Path folder = dir.resolve("rules");
        writeWithFirstClaim(folder, "scenarios/warranty.jsonl#SC-W-01");
        Rulebook rulebook = Rulebook.fromWorkbooks(Map.of("warranty.xlsx", Files.readAllBytes(folder.resolve("warranty.xlsx"))),
                name -> {
                    throw new OutOfMemoryError("simulated");
                });
        RulebookException e = assertThrows(RulebookException.class, () -> RulebookScenarios.run(rulebook));
        assertEquals("OUT_OF_MEMORY", e.issues().get(0).code());
        assertNotNull(e.issues().get(0).messageZh());
    }

    @Test
    void aWorkbookPathThatIsAPipeIsRefusedUnopened() throws Exception {
        Path pipe = dir.resolve("warranty.xlsx");
        boolean fifo = new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor() == 0;
        assumeTrue(fifo, "mkfifo is not available: the FIFO case was skipped");
        // opening a FIFO with no writer would block forever: the class timeout fails the test if it is opened
        RulebookException e = assertThrows(RulebookException.class, () -> Rulebook.load(pipe));
        assertEquals(List.of("NOT_A_FILE"), e.issues().stream().map(WorkbookIssue::code).toList());
        assertTrue(e.issues().get(0).toStringZh().contains("不是普通文件"), e.issues().get(0).toStringZh());
        // a sparse file over the limit is refused from its size, unread
        Path big = dir.resolve("big.xlsx");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(io.autoclaims.rules.internal.workbook.WorkbookGuard.MAX_FILE_BYTES + 1);
        }
        RulebookException tooLarge = assertThrows(RulebookException.class, () -> Rulebook.load(big));
        assertEquals(1, tooLarge.errors().size(), tooLarge.getMessage());
    }

    @Test
    void aFileOrFolderSwappedBetweenTheCheckAndTheOpenIsRefused() throws Exception {
        Path folder = dir.resolve("rules");
        copyShippedScenarios(folder);
        Files.createDirectories(dir.resolve("outside"));
        Files.writeString(dir.resolve("outside/warranty.jsonl"), "{\"secret\":true}\n");
        try {
            // the folder on the path becomes a link leading out of the folder after it was checked
            ScenarioFile.beforeOpen = () -> {
                try {
                    Files.move(folder.resolve("scenarios"), folder.resolve("moved"));
                    Files.createSymbolicLink(folder.resolve("scenarios"), dir.resolve("outside"));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            };
            ScenarioFile.Refused swapped = assertThrows(ScenarioFile.Refused.class,
                    () -> ScenarioFile.read(folder, "scenarios/warranty.jsonl"));
            assertEquals(ScenarioFile.Reason.OUTSIDE_FOLDER, swapped.reason, swapped.getMessage());

            // the file itself becomes a link after it was checked: not followed
            Files.delete(folder.resolve("scenarios"));
            Files.move(folder.resolve("moved"), folder.resolve("scenarios"));
            ScenarioFile.beforeOpen = () -> {
                try {
                    Files.delete(folder.resolve("scenarios/warranty.jsonl"));
                    Files.createSymbolicLink(folder.resolve("scenarios/warranty.jsonl"), dir.resolve("outside/warranty.jsonl"));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            };
            ScenarioFile.Refused linked = assertThrows(ScenarioFile.Refused.class,
                    () -> ScenarioFile.read(folder, "scenarios/warranty.jsonl"));
            assertTrue(linked.reason == ScenarioFile.Reason.UNREADABLE || linked.reason == ScenarioFile.Reason.OUTSIDE_FOLDER,
                    linked.getMessage());

            // replaced by another regular file: not the file that was checked
            Files.delete(folder.resolve("scenarios/warranty.jsonl"));
            Files.writeString(folder.resolve("scenarios/warranty.jsonl"), "{}\n");
            ScenarioFile.beforeOpen = () -> {
                try {
                    Files.writeString(folder.resolve("other.jsonl"), "{\"other\":true}\n");
                    Files.move(folder.resolve("other.jsonl"), folder.resolve("scenarios/warranty.jsonl"),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            };
            ScenarioFile.Refused replaced = assertThrows(ScenarioFile.Refused.class,
                    () -> ScenarioFile.read(folder, "scenarios/warranty.jsonl"));
            assertTrue(replaced.getMessage().contains("replaced while it was read"), replaced.getMessage());
        } finally {
            ScenarioFile.beforeOpen = () -> { };
        }
        assertEquals("{\"other\":true}\n", ScenarioFile.read(folder, "scenarios/warranty.jsonl"));
    }
}
