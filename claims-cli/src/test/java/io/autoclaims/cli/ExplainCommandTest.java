package io.autoclaims.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code claims explain}: a denied and an approved claim, table by table, with why-not. */
class ExplainCommandTest {
    private static final String CLAIM = "{\"claimId\":\"W-EX\",\"type\":\"WARRANTY\",\"submittedOn\":\"2024-05-21\","
            + "\"vehicle\":{\"vin\":\"LSGKB54H8JA123456\",\"purchasedOn\":\"2021-01-10\",\"odometerKm\":%d,"
            + "\"warrantyRegistered\":true},"
            + "\"incident\":{\"occurredOn\":\"2023-12-20\",\"cause\":\"QUALITY_DEFECT\"},"
            + "\"repairShop\":{\"id\":\"4S-SH-001\",\"authorized\":true,\"tier\":\"DEALER_4S\"},"
            + "\"lines\":[{\"lineId\":\"L1\",\"system\":\"STEERING\",\"part\":\"转向机总成\",\"repairCostCny\":1800.00,"
            + "\"replaceCostCny\":6200.00}],\"documents\":[\"REPAIR_ORDER\"]}";

    @TempDir
    Path dir;

    private String[] explain(int odometerKm, String... extra) throws IOException {
        Path claim = dir.resolve("claim.json");
        Files.writeString(claim, String.format(CLAIM, odometerKm), StandardCharsets.UTF_8);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = new String[3 + extra.length];
        args[0] = "explain";
        args[1] = "--claim";
        args[2] = claim.toString();
        System.arraycopy(extra, 0, args, 3, extra.length);
        int status = ClaimsCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new String[] {String.valueOf(status), out.toString(), err.toString()};
    }

    @Test
    void aDeniedClaimShowsTheRowThatDecidedAndWhyTheCoverRowDidNotMatch() throws IOException {
        String[] r = explain(103_200);
        assertEquals("0", r[0], r[2]);
        String text = r[1];
        assertTrue(text.startsWith("Claim W-EX (WARRANTY): DENIED, NONE, payable 0.00"), text);
        assertTrue(text.contains("Coverage 保修范围 [L1]: matched W5-02 (row 10) on line.kmOverTerm = 3200"), text);
        assertTrue(text.contains("Terms 保修期限 [L1]: matched T-04 (row 9)"), text);
        assertTrue(text.contains("not W7-01 (row 11): matches too, but an earlier row decided first"), text);
        assertTrue(text.contains("not W5-01 (row 9): requires line.monthsOverTerm > 0; the claim has 0 months\n"),
                text);
        // every number says what it counts
        assertTrue(text.contains("on line.kmOverTerm = 3200 km"), text);
    }

    @Test
    void anApprovedClaimInChinese() throws IOException {
        String[] r = explain(52_000, "--lang", "zh");
        assertEquals("0", r[0], r[2]);
        String text = r[1];
        assertTrue(text.startsWith("索赔 W-EX (WARRANTY): APPROVED, REPAIR, 赔付 1800.00"), text);
        assertTrue(text.contains("COVERED_REPAIR W7-01"), text);
        assertTrue(text.contains("Coverage 保修范围 [L1]: 命中 W7-01 (第 11 行)，依据 line.cause = QUALITY_DEFECT"), text);
        assertTrue(text.contains("未命中 W5-02"), text);
        assertTrue(text.startsWith("索赔 W-EX (WARRANTY): APPROVED, REPAIR, 赔付 1800.00 元\n"), text);
        assertTrue(text.contains(" 公里（相差 "), "units in Chinese too: " + text);
    }

    @Test
    void jsonHasTheTables() throws IOException {
        String[] r = explain(52_000, "--format", "json");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("\"tables\":[{\"table\":\"Regimes 三包规定\""), r[1]);
    }

    @Test
    void jsonVerdictIsTheContractsWithItsReasons() throws IOException {
        // Reason is a class since 0.2.0: written by databind it was {} (no properties); the codec writes it
        String[] r = explain(52_000, "--format", "json");
        assertEquals("0", r[0], r[2]);
        assertFalse(r[1].contains("{}"), r[1]);
        assertTrue(r[1].startsWith("{\"verdict\":{\"claimId\":\"W-EX\""), r[1]);
        assertTrue(r[1].contains("\"ruleId\":\"W7-01\""), r[1]);
        assertTrue(r[1].contains("\"textEn\":"), r[1]);
    }

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = ClaimsCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new String[] {String.valueOf(status), out.toString(), err.toString()};
    }

    /** A three-line backlog: W-EX over the km term, W-OK within it, W-OK again (a repeated id is allowed). */
    private Path backlog() throws IOException {
        Path file = dir.resolve("backlog.jsonl");
        Files.writeString(file, String.format(CLAIM, 103_200) + "\n"
                + String.format(CLAIM, 52_000).replace("W-EX", "W-OK") + "\n"
                + String.format(CLAIM, 60_000).replace("W-EX", "W-OK") + "\n", StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void aBacklogLineIsPickedByNumber() throws IOException {
        String[] r = run("explain", "--claim", backlog().toString(), "--line", "2");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].startsWith("Claim W-OK (WARRANTY): APPROVED, REPAIR, payable 1800.00"), r[1]);
    }

    @Test
    void aBacklogClaimIsPickedById() throws IOException {
        String[] r = run("explain", "--claim", backlog().toString(), "--id", "W-EX");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].startsWith("Claim W-EX (WARRANTY): DENIED, NONE, payable 0.00"), r[1]);
        // a repeated id: the first is explained and the others are named
        r = run("explain", "--claim", backlog().toString(), "--id", "W-OK");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[2].contains("claimId W-OK is on line 2 and on line(s) [3]: explaining line 2"), r[2]);
        assertTrue(r[2].contains("索赔编号 W-OK 出现在第 2 行"), r[2]);
    }

    @Test
    void lineNIsTheBatchsLineNEvenWithALoneCarriageReturnInALine() throws IOException {
        Path file = dir.resolve("cr.jsonl");
        // a lone CR is JSON whitespace: the batch reads line 1 as one claim, line 2 as W-OK
        String text = String.format(CLAIM, 103_200).replace("\"type\"", "\r\"type\"") + "\n"
                + String.format(CLAIM, 52_000).replace("W-EX", "W-OK") + "\r\n";
        Files.writeString(file, text, StandardCharsets.UTF_8);
        try (var lines = io.autoclaims.model.json.ClaimCodec.create().readLines(new java.io.StringReader(text))) {
            var read = lines.toList();
            assertEquals(2, read.size());
            assertEquals("W-OK", ((io.autoclaims.model.json.ReadResult.Ok) read.get(1)).claim().claimId());
        }
        String[] r = run("explain", "--claim", file.toString(), "--line", "2");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].startsWith("Claim W-OK (WARRANTY): APPROVED, REPAIR, payable 1800.00"), r[1]);
        r = run("explain", "--claim", file.toString(), "--line", "1");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].startsWith("Claim W-EX (WARRANTY): DENIED"), r[1]);
        r = run("explain", "--claim", file.toString(), "--line", "3");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains(" has 2 line(s): there is no line 3"), r[2]);
    }

    @Test
    void anIdWrittenWithJsonEscapesIsFoundAndUnparsableLinesAreSkipped() throws IOException {
        Path file = dir.resolve("escaped.jsonl");
        Files.writeString(file, "{not json \\ at all\n"
                + String.format(CLAIM, 52_000).replace("\"W-EX\"", "\"W-\\u004FK\"") + "\n", StandardCharsets.UTF_8);
        String[] r = run("explain", "--claim", file.toString(), "--id", "W-OK");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].startsWith("Claim W-OK (WARRANTY): APPROVED, REPAIR, payable 1800.00"), r[1]);
    }

    @Test
    void aLineOrIdThatIsNotThereIsAClearError() throws IOException {
        String file = backlog().toString();
        String[] r = run("explain", "--claim", file, "--line", "9");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains(file + " has 3 line(s): there is no line 9"), r[2]);
        assertTrue(r[2].contains("只有 3 行，没有第 9 行"), r[2]);
        r = run("explain", "--claim", file, "--id", "W-NONE");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("no claim in " + file + " has the claimId W-NONE (3 line(s) read)"), r[2]);
        assertTrue(r[2].contains("中没有索赔编号为 W-NONE 的索赔"), r[2]);
        r = run("explain", "--claim", file, "--line", "0");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--line counts from 1, got 0"), r[2]);
        r = run("explain", "--claim", file, "--line", "1", "--id", "W-EX");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("give --line or --id, not both"), r[2]);
    }

    @Test
    void aBacklogWithoutAPickSaysHowToPickOne() throws IOException {
        String file = backlog().toString();
        String[] r = run("explain", "--claim", file);
        assertEquals("1", r[0]);
        assertTrue(r[2].contains(file + " holds 3 lines of JSON Lines, one claim each: pick one with --line N or --id CLAIM_ID"),
                r[2]);
        assertTrue(r[2].contains("请用 --line N 或 --id 索赔编号 选择其中一个"), r[2]);
    }
}
