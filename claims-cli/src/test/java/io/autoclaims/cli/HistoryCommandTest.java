package io.autoclaims.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code claims adjudicate --history} and {@code claims check --history} on the example history
 * ({@code examples/history}: 2026.1 from 2026-01-01, 2027.1 with the longer battery term from
 * 2027-01-01) and its backlog, in-process.
 */
class HistoryCommandTest {
    private static final Path HISTORY = example("history");
    private static final Path BACKLOG = HISTORY.resolve("claims.jsonl");

    @TempDir
    Path dir;

    private static Path example(String name) {
        Path fromModule = Path.of("../examples").resolve(name);
        return Files.exists(fromModule) ? fromModule : Path.of("examples").resolve(name);
    }

    private static String fingerprint(String record) {
        int at = record.indexOf("\"fingerprint\":\"") + 15;
        return record.substring(at, record.indexOf('"', at));
    }

    @Test
    void adjudicateGivesEachClaimTheVersionInForceOnItsIncidentDateOrItsSubmissionDate() throws IOException {
        Path out = dir.resolve("out.jsonl");
        CliRun run = CliRun.of("adjudicate", "--history", HISTORY.toString(), "--in", BACKLOG.toString(), "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        List<String> records = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals(5, records.size());
        String v2026 = fingerprint(records.get(0));
        String v2027 = fingerprint(records.get(1));
        assertTrue(records.get(0).startsWith("{\"claimId\":\"H-01\",\"type\":\"WARRANTY\",\"decision\":\"DENIED\""), records.get(0));
        assertTrue(records.get(0).contains("\"code\":\"WARRANTY_EXPIRED\""), records.get(0));
        assertTrue(records.get(0).endsWith(",\"rulebook\":{\"name\":\"autoclaims default rulebook\",\"version\":\"2026.1\","
                + "\"fingerprint\":\"" + v2026 + "\",\"inForceFrom\":\"2026-01-01\",\"asOf\":\"2026-11-20\"}}"), records.get(0));
        assertTrue(records.get(1).startsWith("{\"claimId\":\"H-02\",\"type\":\"WARRANTY\",\"decision\":\"APPROVED\""), records.get(1));
        assertTrue(records.get(1).endsWith("\"version\":\"2027.1\",\"fingerprint\":\"" + v2027
                + "\",\"inForceFrom\":\"2027-01-01\",\"asOf\":\"2027-01-05\"}}"), records.get(1));
        assertTrue(records.get(2).startsWith("{\"claimId\":\"H-03\",\"type\":\"WARRANTY\",\"decision\":\"DENIED\"")
                && records.get(2).endsWith("\"version\":\"2026.1\",\"fingerprint\":\"" + v2026
                + "\",\"inForceFrom\":\"2026-01-01\",\"asOf\":\"2026-12-30\"}}"), "failed 2026-12-30, filed 2027-01-04: " + records.get(2));
        assertTrue(records.get(3).startsWith("{\"claimId\":\"H-04\",\"line\":4,\"error\":{\"code\":\"NO_RULEBOOK_IN_FORCE\","
                + "\"field\":\"incident.occurredOn\",\"message\":\"no rulebook version is in force on 2025-12-28"), records.get(3));
        assertTrue(records.get(4).startsWith("{\"claimId\":\"H-05\",\"type\":\"ASSISTANCE\"")
                && records.get(4).endsWith("\"version\":\"2027.1\",\"fingerprint\":\"" + v2027
                + "\",\"inForceFrom\":\"2027-01-01\",\"asOf\":\"2027-02-10\"}}"), records.get(4));
        assertTrue(run.err().contains("5 lines adjudicated with the history " + HISTORY + " (as of each claim's incident.occurredOn): "
                + "2026.1 from 2026-01-01 (" + v2026.substring(0, 12) + "), 2027.1 from 2027-01-01 (" + v2027.substring(0, 12) + ")"),
                run.err());

        CliRun submitted = CliRun.of("adjudicate", "--history", HISTORY.toString(), "--as-of", "submitted", "--in", BACKLOG.toString());
        assertEquals(0, submitted.status(), submitted.err());
        String[] bySubmission = submitted.out().split("\n");
        assertTrue(bySubmission[2].startsWith("{\"claimId\":\"H-03\",\"type\":\"WARRANTY\",\"decision\":\"APPROVED\"")
                && bySubmission[2].endsWith("\"version\":\"2027.1\",\"fingerprint\":\"" + v2027
                + "\",\"inForceFrom\":\"2027-01-01\",\"asOf\":\"2027-01-04\"}}"), bySubmission[2]);
        assertTrue(bySubmission[3].startsWith("{\"claimId\":\"H-04\",\"type\":\"WARRANTY\"")
                && bySubmission[3].contains("\"version\":\"2026.1\""), "filed 2026-01-06: " + bySubmission[3]);
    }

    @Test
    void checkPrintsEveryVersionsFindingsAndWhenEachIsInForce() {
        CliRun run = CliRun.of("check", "--history", HISTORY.toString(), "--lang", "en");
        assertEquals(0, run.status(), run.out() + run.err());
        assertTrue(run.out().endsWith("in force: 2026.1 (2026.1/): 2026-01-01 .. 2026-12-31, 365 days\n"
                + "in force: 2027.1 (2027.1/): 2027-01-01 onwards\n"
                + "2 dated version(s): 0 error(s), 0 warning(s)\n"), run.out());
    }

    @Test
    void twoVersionsOnOneDateAreRefusedByCheckAndByAdjudicateNamingBothAboutCells() throws IOException {
        Path broken = dir.resolve("rules");
        for (String version : List.of("2027.1", "2027.1-copy")) {
            Path v = Files.createDirectories(broken.resolve(version).resolve("scenarios"));
            Files.copy(HISTORY.resolve("2027.1/warranty.xlsx"), v.getParent().resolve("warranty.xlsx"));
            Files.copy(HISTORY.resolve("2027.1/scenarios/warranty.jsonl"), v.resolve("warranty.jsonl"));
        }
        String duplicate = "2027.1-copy/warranty.xlsx!About 说明!B5: versions 2027.1 and 2027.1 are both in force from "
                + "2027-01-01 (2027.1/warranty.xlsx!About 说明!B5 and 2027.1-copy/warranty.xlsx!About 说明!B5)";
        CliRun check = CliRun.of("check", "--history", broken.toString(), "--lang", "en");
        assertEquals(1, check.status(), check.out());
        assertTrue(check.out().contains("error: " + duplicate), check.out());
        CliRun adjudicate = CliRun.of("adjudicate", "--history", broken.toString(), "--in", BACKLOG.toString());
        assertEquals(ClaimsCli.RULEBOOK, adjudicate.status(), adjudicate.err());
        assertTrue(adjudicate.err().contains("The rulebook history does not load:\n  error: " + duplicate), adjudicate.err());
        assertEquals("", adjudicate.out());
    }

    @Test
    void unusableHistoryArgumentsExitTwo() {
        CliRun asOfAlone = CliRun.of("adjudicate", "--as-of", "submitted", "--in", BACKLOG.toString());
        assertEquals(ClaimsCli.USAGE, asOfAlone.status());
        assertTrue(asOfAlone.err().contains("--as-of chooses a version of a --history"), asOfAlone.err());
        CliRun both = CliRun.of("adjudicate", "--history", HISTORY.toString(), "--rules", HISTORY.resolve("2026.1").toString());
        assertEquals(ClaimsCli.USAGE, both.status());
        assertTrue(both.err().contains("Give --rules or --history, not both."), both.err());
        CliRun badDate = CliRun.of("adjudicate", "--history", HISTORY.toString(), "--as-of", "2027-02-30");
        assertEquals(ClaimsCli.USAGE, badDate.status());
        assertTrue(badDate.err().contains("not \"2027-02-30\""), badDate.err());
        CliRun annotate = CliRun.of("check", "--history", HISTORY.toString(), "--annotate", "x.xlsx");
        assertEquals(ClaimsCli.USAGE, annotate.status());
    }
}
