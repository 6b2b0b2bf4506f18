package io.autoclaims.model.json;

import static io.autoclaims.model.json.Samples.ASSISTANCE;
import static io.autoclaims.model.json.Samples.CODEC;
import static io.autoclaims.model.json.Samples.INSURANCE;
import static io.autoclaims.model.json.Samples.WARRANTY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.model.Charge;
import io.autoclaims.model.Claim;
import io.autoclaims.model.ClaimType;
import io.autoclaims.model.Decision;
import io.autoclaims.model.DocumentCode;
import io.autoclaims.model.ErrorRecord;
import io.autoclaims.model.Fact;
import io.autoclaims.model.InputError;
import io.autoclaims.model.LineRemedy;
import io.autoclaims.model.LineVerdict;
import io.autoclaims.model.Payer;
import io.autoclaims.model.Reason;
import io.autoclaims.model.Remedy;
import io.autoclaims.model.RulebookInfo;
import io.autoclaims.model.Verdict;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimCodecWriteTest {

    @Test
    void claimsRoundTripWithEveryDefaultWritten() {
        for (String json : List.of(WARRANTY, INSURANCE, ASSISTANCE)) {
            Claim claim = CODEC.readClaim(json);
            String written = CODEC.writeClaim(claim);
            assertFalse(written.contains("\n"), written);
            assertEquals(claim, CODEC.readClaim(written));
            assertEquals(written, CODEC.writeClaim(CODEC.readClaim(written)), "writing is stable");
        }
        String written = CODEC.writeClaim(CODEC.readClaim(WARRANTY));
        assertTrue(written.startsWith("{\"claimId\":\"W-17\",\"type\":\"WARRANTY\",\"submittedOn\":\"2024-05-10\","
                + "\"vehicle\":{\"vin\":\"LSVAB12C3D4567890\",\"purchasedOn\":\"2023-03-01\",\"deliveredOn\":\"2023-03-01\","
                + "\"odometerKm\":12000,\"priceCny\":150000.00,\"use\":\"PRIVATE\",\"warrantyRegistered\":false,"
                + "\"inspectionValid\":true},\"incident\":{\"occurredOn\":\"2024-05-01\",\"reportedOn\":\"2024-05-10\","
                + "\"cause\":\"QUALITY_DEFECT\",\"faults\":[],\"handledBy\":\"POLICE\",\"driver\":{\"licensed\":true,"
                + "\"bacMgPer100ml\":0,\"permittedByInsured\":true,\"leftScene\":false},\"rescueCostCny\":0.00,"
                + "\"thirdPartyRecoveryCny\":0.00},"), written);
        assertTrue(written.endsWith("\"payee\":\"INSURED\"}"), "null optionals and empty extensions are left out: " + written);
    }

    @Test
    void dateTimesAreWrittenWithSecondsOnlyWhenNeeded() {
        Claim claim = CODEC.readClaim(INSURANCE);
        assertTrue(CODEC.writeClaim(claim).contains("\"occurredAt\":\"2024-06-01T08:30\""));
        Claim withSeconds = claim.withIncident(new io.autoclaims.model.Incident(claim.incident().occurredOn(),
                LocalDateTime.of(2024, 6, 1, 8, 30, 5), null, claim.incident().reportedOn(), claim.incident().cause(),
                List.of(), null, null, null, null));
        String written = CODEC.writeClaim(withSeconds);
        assertTrue(written.contains("\"occurredAt\":\"2024-06-01T08:30:05\""), written);
        assertEquals(withSeconds, CODEC.readClaim(written));
    }

    @Test
    void extensionsRoundTrip() {
        Claim claim = CODEC.readClaim(Samples.replace(WARRANTY, "\"documents\"",
                "\"extensions\": {\"z\": 1, \"a\": {\"x\": [1.50, \"中\", null, false]}}, \"documents\""));
        String written = CODEC.writeClaim(claim);
        assertTrue(written.endsWith("\"extensions\":{\"z\":1,\"a\":{\"x\":[1.50,\"中\",null,false]}}}"), written);
        assertEquals(claim, CODEC.readClaim(written));
    }

    @Test
    void verdictIsWrittenInContractOrderWithPlainMoneyAndChineseAsIs() {
        Reason lineReason = new Reason("COVERED_REPAIR", "W7-3", "Warranty / W7", 12, "维修：质量问题", "Repair: quality defect",
                List.of(new Fact("line.cause", "QUALITY_DEFECT"), new Fact("vehicle.odometerKm", 12000),
                        new Fact("ratio", new BigDecimal("0.005")), new Fact("mainPart", true),
                        new Fact("documents", List.of("WARRANTY_CARD", "REPAIR_ORDER"))), "L1");
        Reason claimReason = new Reason("PENDING", "D3-1", "Docs / D3", 5, "缺少单证", "Documents missing", List.of(), null);
        Verdict verdict = new Verdict("W-17", ClaimType.WARRANTY, Decision.PENDING_DOCUMENTS, Remedy.REPAIR,
                new BigDecimal("1.84E+4").setScale(2), new BigDecimal("0.00"), new BigDecimal("0.00"),
                List.of(new LineVerdict("L1", true, LineRemedy.REPAIR, new BigDecimal("18400.00"), List.of(lineReason))),
                List.of(new Charge("拖车", Payer.CUSTOMER, new BigDecimal("1.5E+2"))),
                List.of(DocumentCode.WARRANTY_CARD), List.of(lineReason, claimReason),
                new RulebookInfo("default", "2024.1", "sha256:abc"));
        String reason = "{\"code\":\"COVERED_REPAIR\",\"ruleId\":\"W7-3\",\"table\":\"Warranty / W7\",\"row\":12,"
                + "\"text\":\"维修：质量问题\",\"textEn\":\"Repair: quality defect\",\"facts\":["
                + "{\"name\":\"line.cause\",\"value\":\"QUALITY_DEFECT\"},{\"name\":\"vehicle.odometerKm\",\"value\":12000},"
                + "{\"name\":\"ratio\",\"value\":0.005},{\"name\":\"mainPart\",\"value\":true},"
                + "{\"name\":\"documents\",\"value\":[\"WARRANTY_CARD\",\"REPAIR_ORDER\"]}],\"lineId\":\"L1\"}";
        assertEquals("{\"claimId\":\"W-17\",\"type\":\"WARRANTY\",\"decision\":\"PENDING_DOCUMENTS\",\"remedy\":\"REPAIR\","
                + "\"payableCny\":18400.00,\"customerPaysCny\":0.00,\"usageCompensationCny\":0.00,"
                + "\"lines\":[{\"lineId\":\"L1\",\"covered\":true,\"remedy\":\"REPAIR\",\"payableCny\":18400.00,"
                + "\"reasons\":[" + reason + "]}],"
                + "\"charges\":[{\"item\":\"拖车\",\"payer\":\"CUSTOMER\",\"amountCny\":150}],"
                + "\"missingDocuments\":[\"WARRANTY_CARD\"],"
                + "\"reasons\":[" + reason + ",{\"code\":\"PENDING\",\"ruleId\":\"D3-1\",\"table\":\"Docs / D3\",\"row\":5,"
                + "\"text\":\"缺少单证\",\"textEn\":\"Documents missing\",\"facts\":[]}],"
                + "\"rulebook\":{\"name\":\"default\",\"version\":\"2024.1\",\"fingerprint\":\"sha256:abc\"}}",
                CODEC.writeVerdict(verdict));
    }

    @Test
    void aDatedRulebookAddsItsInForceDateAndAHistoryItsAsOfDateAfterTheFingerprint() {
        Verdict undated = new Verdict("W-1", ClaimType.WARRANTY, Decision.APPROVED, Remedy.REPAIR,
                new BigDecimal("10.00"), new BigDecimal("0.00"), new BigDecimal("0.00"), List.of(), List.of(),
                List.of(), List.of(), new RulebookInfo("default", "2026.1", "abc"));
        String tail = ",\"rulebook\":{\"name\":\"default\",\"version\":\"2026.1\",\"fingerprint\":\"abc\"";
        assertTrue(CODEC.writeVerdict(undated).endsWith(tail + "}}"));
        RulebookInfo dated = new RulebookInfo("default", "2026.1", "abc", java.time.LocalDate.of(2026, 1, 1), null);
        assertTrue(CODEC.writeVerdict(withRulebook(undated, dated)).endsWith(tail + ",\"inForceFrom\":\"2026-01-01\"}}"));
        assertTrue(CODEC.writeVerdict(withRulebook(undated, dated.withAsOf(java.time.LocalDate.of(2026, 3, 9))))
                .endsWith(tail + ",\"inForceFrom\":\"2026-01-01\",\"asOf\":\"2026-03-09\"}}"));
        assertEquals(undated.rulebook(), new RulebookInfo("default", "2026.1", "abc", null, null));
    }

    private static Verdict withRulebook(Verdict v, RulebookInfo info) {
        return new Verdict(v.claimId(), v.type(), v.decision(), v.remedy(), v.payableCny(), v.customerPaysCny(),
                v.usageCompensationCny(), v.lines(), v.charges(), v.missingDocuments(), v.reasons(), info);
    }

    @Test
    void errorRecordLeavesOutAnUnknownClaimIdAndWritesANullField() {
        assertEquals("{\"line\":2,\"error\":{\"code\":\"INVALID_JSON\",\"field\":null,\"message\":\"bad \\\"x\\\"\"}}",
                CODEC.writeError(new ErrorRecord(null, 2, new InputError("INVALID_JSON", null, "bad \"x\""))));
        assertEquals("{\"claimId\":\"保-1\",\"line\":9,\"error\":{\"code\":\"MISSING_FIELD\",\"field\":\"vehicle.vin\","
                + "\"message\":\"m\"}}",
                CODEC.writeError(new ErrorRecord("保-1", 9, new InputError("MISSING_FIELD", "vehicle.vin", "m"))));
    }

    @Test
    void writerPathWritesWhatTheTextPathReturns() throws Exception {
        Claim claim = CODEC.readClaim(Samples.replace(WARRANTY, "\"claimId\": \"W-17\"",
                "\"claimId\":\"W-😀-保\""));
        Verdict verdict = new Verdict(claim.claimId(), ClaimType.WARRANTY, Decision.APPROVED, Remedy.REPAIR,
                new BigDecimal("10.00"), new BigDecimal("0.00"), new BigDecimal("0.00"), List.of(), List.of(),
                List.of(), List.of(), new RulebookInfo("default", "2024.1", "sha256:abc"));
        java.io.StringWriter out = new java.io.StringWriter();
        CODEC.writeVerdict(verdict, out);
        out.write('|');
        ErrorRecord error = new ErrorRecord(claim.claimId(), 3, new InputError("INVALID_FIELD", "vin", "m"));
        CODEC.writeError(error, out);
        assertEquals(CODEC.writeVerdict(verdict) + "|" + CODEC.writeError(error), out.toString());
    }

    @Test
    void aRecordWriterWritesWhatTheOneRecordCallsWriteEachWithItsLineEnd() throws Exception {
        // a line's reason quoted again among the verdict's (the same instance, as the rules make it), an
        // equal one, and one longer than the generator's buffer
        Reason shared = new Reason("R", "W7-3", "T", 1, "维修 \"x\"", "e", List.of(new Fact("f", List.of(1, "中"))), "L1");
        Reason equal = new Reason("R", "W7-3", "T", 1, "维修 \"x\"", "e", List.of(new Fact("f", List.of(1, "中"))), "L1");
        Reason big = new Reason("B", "W7-4", "T", 2, "长".repeat(5_000), "x".repeat(9_000), List.of(), null);
        Verdict verdict = new Verdict("W-😀-保", ClaimType.WARRANTY, Decision.APPROVED, Remedy.REPAIR,
                new BigDecimal("1.84E+4").setScale(2), new BigDecimal("0.00"), new BigDecimal("0.00"),
                List.of(new LineVerdict("L1", true, LineRemedy.REPAIR, new BigDecimal("18400.00"), List.of(shared, big)),
                        new LineVerdict("L2", false, LineRemedy.REPAIR, new BigDecimal("0.00"), List.of(equal, shared))),
                List.of(), List.of(DocumentCode.WARRANTY_CARD), List.of(big, shared, equal, shared),
                new RulebookInfo("default", "2024.1", "sha256:abc"));
        List<ErrorRecord> errors = List.of(new ErrorRecord(null, 2, new InputError("INVALID_JSON", null, "bad \"x\"")),
                new ErrorRecord("保-1", 3, new InputError("INVALID_ENCODING", "a", "\u0000 and \u2028")));
        java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream actual = new java.io.ByteArrayOutputStream();
        try (ClaimCodec.RecordWriter records = CODEC.records(actual)) {
            for (int i = 0; i < 3_000; i++) { // far beyond one generator buffer
                if (i % 3 == 0) {
                    CODEC.writeVerdict(verdict, expected);
                    records.verdict(verdict);
                } else {
                    CODEC.writeError(errors.get(i % 3 - 1), expected);
                    records.error(errors.get(i % 3 - 1));
                }
                expected.write('\n');
            }
        }
        assertEquals(expected.toString(java.nio.charset.StandardCharsets.UTF_8),
                actual.toString(java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(java.util.Arrays.equals(expected.toByteArray(), actual.toByteArray()));
    }
}
