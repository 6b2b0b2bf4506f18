package io.autoclaims.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertTrue(text.contains("not W5-01 (row 9): requires line.monthsOverTerm > 0; the claim has 0\n"),
                text);
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
    }

    @Test
    void jsonHasTheTables() throws IOException {
        String[] r = explain(52_000, "--format", "json");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("\"tables\":[{\"table\":\"Regimes 三包规定\""), r[1]);
    }
}
