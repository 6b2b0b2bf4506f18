package io.autoclaims.batch;

import static io.autoclaims.batch.ImpactStatus.APPROVED;
import static io.autoclaims.batch.ImpactStatus.DENIED;
import static io.autoclaims.batch.ImpactStatus.ERROR;
import static io.autoclaims.batch.ImpactStatus.PARTIALLY_APPROVED;
import static io.autoclaims.batch.ImpactStatus.PENDING_DOCUMENTS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.model.ClaimType;
import io.autoclaims.model.Remedy;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.rules.RulebookDiff;
import io.autoclaims.testkit.SyntheticBacklog;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ImpactRun} on a 10-line backlog whose outcomes under both rulebooks are worked out by hand
 * from default-rulebook.md: old = the shipped rulebook, new = the traction-battery / drive-motor term
 * (T-01) at 120 months instead of 96 and no assistance workbook.
 */
class ImpactRunTest {
    @TempDir
    Path dir;

    private static final String SHOP = "\"repairShop\":{\"id\":\"4S-HZ-0101\",\"authorized\":true,\"tier\":\"DEALER_4S\"}";
    private static final String DOCS = "\"documents\":[\"REPAIR_ORDER\",\"WARRANTY_CARD\"]";

    private static String warranty(String id, String purchased, String occurred, long km, String cause, String lines,
                                   String shop, String docs) {
        return "{\"claimId\":\"" + id + "\",\"type\":\"WARRANTY\",\"submittedOn\":\"" + occurred + "\","
                + "\"vehicle\":{\"vin\":\"LGXCE4CB0M1200001\",\"purchasedOn\":\"" + purchased + "\",\"odometerKm\":" + km
                + ",\"priceCny\":229800.00},\"incident\":{\"occurredOn\":\"" + occurred + "\",\"cause\":\"" + cause + "\"},"
                + shop + ",\"lines\":[" + lines + "]," + docs + "}";
    }

    private static String battery(String lineId, double repair) {
        return "{\"lineId\":\"" + lineId + "\",\"system\":\"TRACTION_BATTERY\",\"part\":\"电池管理系统主板 BMS board\","
                + "\"problem\":\"BAT-BMS-FAULT\",\"repairCostCny\":" + String.format("%.2f", repair)
                + ",\"replaceCostCny\":9200.00}";
    }

    /**
     * Line by line (months since purchase; T-01 old 96, new 120; T-04 whole vehicle 36 months / 100,000 km):
     * <ol>
     * <li>IMP-01 battery at 100 months, 120,000 km: old W5-01 expired, DENIED 0; new W7-01 repair, APPROVED 3,600.</li>
     * <li>IMP-02 drive-motor inverter (not repairable, 12,800) and water pump (engine) at 110 months: old both W5-01,
     *     DENIED 0; new L1 W7-02 replace, L2 still W5-01: PARTIALLY_APPROVED, REPLACE_PART, 12,800.</li>
     * <li>IMP-03 battery at 130 months: over 120 too, DENIED both.</li>
     * <li>IMP-04 battery at 50 months: APPROVED 2,400 both.</li>
     * <li>IMP-05 battery at 100 months at an independent garage: W1-01 DENIED both.</li>
     * <li>IMP-06 battery at 105 months, no warranty card: old DENIED (no line covered: no documents asked);
     *     new covered, D2 card missing: PENDING_DOCUMENTS, payable 0 (only APPROVED / PARTIALLY pay).</li>
     * <li>IMP-07 battery at 100 months and 160,000 km: old expired by time first (W5-01), new by distance
     *     (W5-02): DENIED both, the rule row changed.</li>
     * <li>I-012 (examples) collision, 1,380 + 420: APPROVED 1,800 both.</li>
     * <li>A-001 (examples) towed 22 km under the whole-vehicle term: old A1-01, the maker pays 100 + 22 × 15 = 430;
     *     new: no assistance tables, UNSUPPORTED_CLAIM_TYPE error, 0.</li>
     * <li>a warranty claim missing its fields: MISSING_FIELD error under both.</li>
     * </ol>
     */
    static List<String> handCheckedBacklog() {
        return List.of(
                warranty("IMP-01", "2017-06-10", "2025-10-10", 120000, "QUALITY_DEFECT", battery("L1", 3600), SHOP, DOCS),
                warranty("IMP-02", "2016-12-01", "2026-02-01", 140000, "BREAKDOWN",
                        "{\"lineId\":\"L1\",\"system\":\"DRIVE_MOTOR\",\"part\":\"电机控制器 motor inverter\",\"repairable\":false,"
                                + "\"repairCostCny\":0.00,\"replaceCostCny\":12800.00},"
                                + "{\"lineId\":\"L2\",\"system\":\"ENGINE\",\"part\":\"水泵 water pump\",\"repairCostCny\":900.00,"
                                + "\"replaceCostCny\":1400.00}", SHOP, DOCS),
                warranty("IMP-03", "2015-01-05", "2025-11-05", 140000, "QUALITY_DEFECT", battery("L1", 3600), SHOP, DOCS),
                warranty("IMP-04", "2021-08-01", "2025-10-01", 60000, "QUALITY_DEFECT", battery("L1", 2400), SHOP, DOCS),
                warranty("IMP-05", "2017-06-10", "2025-10-10", 120000, "QUALITY_DEFECT", battery("L1", 3600),
                        "\"repairShop\":{\"id\":\"GZ-QX-0188\",\"authorized\":false,\"tier\":\"INDEPENDENT\"}", DOCS),
                warranty("IMP-06", "2017-01-15", "2025-10-15", 110000, "QUALITY_DEFECT", battery("L1", 5200), SHOP,
                        "\"documents\":[\"REPAIR_ORDER\"]"),
                warranty("IMP-07", "2017-06-10", "2025-10-10", 160000, "QUALITY_DEFECT", battery("L1", 3600), SHOP, DOCS),
                "{\"claimId\":\"I-012\",\"type\":\"INSURANCE\",\"submittedOn\":\"2025-09-30\",\"vehicle\":{\"vin\":\"LFV3A23C8N3012345\","
                        + "\"purchasedOn\":\"2022-04-09\",\"odometerKm\":61250,\"priceCny\":159900.00},\"incident\":{\"occurredOn\":"
                        + "\"2025-09-20\",\"occurredAt\":\"2025-09-20T18:05\",\"reportedAt\":\"2025-09-22T18:05\",\"reportedOn\":"
                        + "\"2025-09-22\",\"cause\":\"COLLISION\"},\"repairShop\":{\"id\":\"4S-CD-0112\",\"authorized\":true,"
                        + "\"tier\":\"DEALER_4S\"},\"lines\":[{\"lineId\":\"L1\",\"system\":\"BODY\",\"part\":\"左前翼子板 LF wing\","
                        + "\"repairCostCny\":1380.00,\"replaceCostCny\":2600.00},{\"lineId\":\"L2\",\"system\":\"ELECTRICAL\","
                        + "\"part\":\"左前转向灯 LF indicator\",\"repairable\":false,\"repairCostCny\":0.00,\"replaceCostCny\":420.00}],"
                        + "\"documents\":[\"CLAIM_APPLICATION\",\"POLICY\",\"DRIVING_LICENSE\",\"VEHICLE_LICENSE\",\"INSURED_ID\","
                        + "\"LOSS_ASSESSMENT\",\"REPAIR_INVOICE\",\"ACCIDENT_CERTIFICATE\",\"BANK_ACCOUNT\"],\"policy\":{\"policyNo\":"
                        + "\"PDAA202551010000008837\",\"startsOn\":\"2025-04-10\",\"endsOn\":\"2026-04-09\",\"coverages\":"
                        + "[\"VEHICLE_DAMAGE\",\"THIRD_PARTY\"],\"addOns\":[],\"sumInsuredCny\":96000.00},\"assessment\":"
                        + "{\"shopId\":\"4S-CD-0112\"}}",
                "{\"claimId\":\"A-001\",\"type\":\"ASSISTANCE\",\"submittedOn\":\"2025-11-03\",\"vehicle\":{\"vin\":"
                        + "\"LSGKB54H5RA027731\",\"purchasedOn\":\"2024-05-18\",\"odometerKm\":27400},\"incident\":{\"occurredOn\":"
                        + "\"2025-11-03\",\"cause\":\"BREAKDOWN\"},\"assistance\":{\"member\":false,\"service\":\"TOW\",\"towKm\":22,"
                        + "\"insideFifthRing\":true,\"highwayTollCny\":45.00}}",
                "{\"claimId\":\"IMP-BAD\",\"type\":\"WARRANTY\"}");
    }

    static Path write(Path file, List<String> lines) throws IOException {
        Files.writeString(file, lines.stream().collect(Collectors.joining("\n", "", "\n")), StandardCharsets.UTF_8);
        return file;
    }

    private ImpactSummary run(Path in, Path report, int threads, int batchLines) throws IOException {
        return ImpactRun.builder().oldRulebook(TestRulebooks.defaultRulebook())
                .newRulebook(ImpactRulebooks.term120WithoutAssistance()).input(in).reportDir(report).threads(threads)
                .batchLines(batchLines).build().run();
    }

    private static BigDecimal cny(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void handCheckedBacklogGivesTheNumbersWorkedOutFromTheSpec() throws IOException {
        Path in = write(dir.resolve("backlog.jsonl"), handCheckedBacklog());
        ImpactSummary s = run(in, dir.resolve("report"), 2, 3);

        assertEquals(10, s.lines());
        assertEquals(2, s.errorLines());
        assertEquals(1, s.oldErrors());
        assertEquals(2, s.newErrors());
        assertEquals(5, s.changed());
        assertEquals(cny("4630.00"), s.oldPayable());     // 2,400 + 1,800 + 430
        assertEquals(cny("20600.00"), s.newPayable());    // 3,600 + 12,800 + 2,400 + 1,800
        assertEquals(cny("15970.00"), s.delta());

        Map<ImpactStatus, Map<ImpactStatus, Long>> expected = Map.of(
                DENIED, Map.of(APPROVED, 1L, PARTIALLY_APPROVED, 1L, PENDING_DOCUMENTS, 1L, DENIED, 3L),
                APPROVED, Map.of(APPROVED, 2L, ERROR, 1L),
                ERROR, Map.of(ERROR, 1L));
        for (ImpactStatus from : ImpactStatus.values()) {
            for (ImpactStatus to : ImpactStatus.values()) {
                long n = expected.getOrDefault(from, Map.of()).getOrDefault(to, 0L);
                assertEquals(n, s.transition(from, to), from + " -> " + to);
            }
        }

        assertEquals(new ImpactSummary.TypeImpact(7, 4, cny("2400.00"), cny("18800.00")), s.byType().get(ClaimType.WARRANTY));
        assertEquals(cny("16400.00"), s.byType().get(ClaimType.WARRANTY).delta());
        assertEquals(new ImpactSummary.TypeImpact(1, 0, cny("1800.00"), cny("1800.00")), s.byType().get(ClaimType.INSURANCE));
        assertEquals(new ImpactSummary.TypeImpact(1, 1, cny("430.00"), cny("0.00")), s.byType().get(ClaimType.ASSISTANCE));

        // W5-01 disappeared on IMP-01, -02, -06, -07; W7-01 appeared on IMP-01 and -06; W7-02 on IMP-02; W5-02 on
        // IMP-07; D2-01 (warranty card missing) on IMP-06; A1-01 gave A-001's reason (the tariff rows, the toll's
        // TF-04 included, fire without a reason of their own: they only price the charges).
        assertEquals(List.of(
                        new ImpactSummary.RuleImpact("W5-01", "Coverage 保修范围", 9, 4, 0, 4, cny("16400.00")),
                        new ImpactSummary.RuleImpact("W7-02", "Coverage 保修范围", 12, 1, 1, 0, cny("12800.00")),
                        new ImpactSummary.RuleImpact("W7-01", "Coverage 保修范围", 11, 2, 2, 0, cny("3600.00")),
                        new ImpactSummary.RuleImpact("A1-01", "Payer 付费方", 6, 1, 0, 1, cny("-430.00")),
                        new ImpactSummary.RuleImpact("D2-01", "Documents 单证", 7, 1, 1, 0, cny("0.00")),
                        new ImpactSummary.RuleImpact("W5-02", "Coverage 保修范围", 10, 1, 1, 0, cny("0.00"))),
                s.byRule());
        assertEquals(new ImpactSummary.Group(0, cny("0.00")), s.unattributed());

        List<String> largest = s.largest().stream().map(ImpactRow::claimId).toList();
        assertEquals(List.of("IMP-02", "IMP-01", "A-001", "IMP-06", "IMP-07"), largest);
        ImpactRow imp02 = s.largest().get(0);
        assertEquals(2, imp02.line());
        assertEquals(DENIED, imp02.oldStatus());
        assertEquals(PARTIALLY_APPROVED, imp02.newStatus());
        assertEquals(Remedy.NONE, imp02.oldRemedy());
        assertEquals(Remedy.REPLACE_PART, imp02.newRemedy());
        assertEquals(cny("12800.00"), imp02.delta());
        assertEquals(List.of("COVERED_REPLACE"), imp02.reasonsAppeared());
        assertEquals(List.of("WARRANTY_EXPIRED"), imp02.reasonsDisappeared());
        assertEquals(List.of(new ImpactRow.Rule("W7-02", "Coverage 保修范围", 12, "L1")), imp02.rulesAppeared());
        assertEquals(List.of(new ImpactRow.Rule("W5-01", "Coverage 保修范围", 9, "L1")), imp02.rulesDisappeared());
        ImpactRow a001 = s.largest().get(2);
        assertEquals(ERROR, a001.newStatus());
        assertEquals("UNSUPPORTED_CLAIM_TYPE", a001.newError());
        ImpactRow imp07 = s.largest().get(4);
        assertEquals(List.of("rules"), imp07.changed());
        assertEquals(List.of(), imp07.reasonsAppeared());

        List<String> csv = Files.readAllLines(dir.resolve("report").resolve(ImpactReport.CSV), StandardCharsets.UTF_8);
        assertEquals(6, csv.size(), "header and one row per changed claim");
        assertTrue(csv.get(0).startsWith("\uFEFFline 行号,claim_id 理赔单号,type 类型,"), csv.get(0));
        assertEquals(List.of("1", "2", "6", "7", "9"), csv.stream().skip(1).map(l -> l.substring(0, l.indexOf(','))).toList(),
                "input order");
        assertTrue(csv.get(3).startsWith("6,IMP-06,WARRANTY,DENIED,PENDING_DOCUMENTS,,,NONE,REPAIR,0.00,0.00,0.00,"), csv.get(3));
        assertTrue(csv.get(5).startsWith("9,A-001,ASSISTANCE,APPROVED,ERROR,,UNSUPPORTED_CLAIM_TYPE,NONE,,430.00,0.00,-430.00,"),
                csv.get(5));
        String json = Files.readString(dir.resolve("report").resolve(ImpactReport.JSON));
        assertTrue(json.contains("\"deltaCny\" : 15970.00"), json);
        assertTrue(json.contains("\"oldPayableCny\" : 4630.00"), json);
    }

    @Test
    void theReportOpensWithTheCellsThatChangedAndTellsTheSidesApart() throws IOException {
        Path in = write(dir.resolve("backlog.jsonl"), handCheckedBacklog());
        ImpactSummary s = ImpactRun.builder().oldRulebook(TestRulebooks.defaultRulebook())
                .newRulebook(ImpactRulebooks.term120WithoutAssistance()).sources("rules-2026/", "rules-2027/")
                .input(in).reportDir(dir.resolve("report")).threads(1).build().run();
        // the one edited cell, and the workbook the new side does not have, once
        assertEquals(List.of(
                        new ImpactEdits.Edit(RulebookDiff.Kind.CHANGED, "warranty.xlsx!Terms 保修期限!C6", "T-01",
                                "THEN line.termMonths", "96", "120"),
                        new ImpactEdits.Edit(RulebookDiff.Kind.REMOVED, "assistance.xlsx", "", "workbook",
                                "3 table(s), 11 rule row(s)", "")),
                s.edits().edits());
        // both sides are version 2026.1: the labels differ by fingerprint and source
        assertTrue(s.oldLabel().startsWith("2026.1 · " + s.oldRulebook().fingerprint().substring(0, 12) + " · rules-2026/"),
                s.oldLabel());
        assertTrue(s.newLabel().endsWith(" · rules-2027/"), s.newLabel());
        assertTrue(!s.oldLabel().equals(s.newLabel()));

        String html = Files.readString(dir.resolve("report").resolve(ImpactReport.HTML));
        int edits = html.indexOf("<table class=\"edits\" id=\"edits\">");
        assertTrue(edits > 0 && edits < html.indexOf("id=\"totals\""), "the edits open the page, before the totals");
        assertTrue(html.contains("<tr><td><code>warranty.xlsx!Terms 保修期限!C6</code></td><td>T-01</td>"
                + "<td>THEN line.termMonths</td><td>96</td><td>120</td></tr>"), html);
        assertTrue(html.contains("列：新规则（" + s.newLabel() + "）"), html);
        String json = Files.readString(dir.resolve("report").resolve(ImpactReport.JSON));
        assertTrue(json.indexOf("\"edits\"") < json.indexOf("\"totals\""), json);
        assertTrue(json.contains("\"cell\" : \"warranty.xlsx!Terms 保修期限!C6\""), json);
        assertTrue(json.contains("\"source\" : \"rules-2027/\""), json);
        assertTrue(s.describe().contains("warranty.xlsx!Terms 保修期限!C6 T-01 THEN line.termMonths: \"96\" -> \"120\""),
                s.describe());
    }

    @Test
    void reportIsByteIdenticalForOneAndTwoThreadsAndAnyBatchSize() throws IOException {
        Path in = dir.resolve("synthetic.jsonl");
        SyntheticBacklog.write(in, 600, 21);
        ImpactSummary one = run(in, dir.resolve("one"), 1, BacklogRun.BATCH_LINES);
        ImpactSummary two = run(in, dir.resolve("two"), 2, 17);
        assertEquals(one, two);
        assertTrue(one.changed() > 0, "the synthetic backlog has assistance claims, which the new rulebook refuses");
        for (String f : List.of(ImpactReport.CSV, ImpactReport.HTML, ImpactReport.JSON)) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("one").resolve(f)), Files.readAllBytes(dir.resolve("two").resolve(f)), f);
        }
        assertFalse(Files.exists(dir.resolve("one").resolve(ImpactReport.CSV + ".tmp")));
        String page = Files.readString(dir.resolve("one").resolve(ImpactReport.HTML));
        assertFalse(page.contains("http://") || page.contains("https://") || page.contains("<script"), "self-contained");
    }

    @Test
    void theSameRulebookOnBothSidesChangesNothing() throws IOException {
        Path in = write(dir.resolve("backlog.jsonl"), handCheckedBacklog());
        Rulebook rb = TestRulebooks.defaultRulebook();
        ImpactSummary s = ImpactRun.builder().oldRulebook(rb).newRulebook(rb).input(in).reportDir(dir.resolve("same"))
                .threads(1).build().run();
        assertEquals(0, s.changed());
        assertEquals(s.oldPayable(), s.newPayable());
        assertEquals(List.of(), s.byRule());
        assertEquals(1, Files.readAllLines(dir.resolve("same").resolve(ImpactReport.CSV)).size());
    }
}
