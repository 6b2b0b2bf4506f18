package io.autoclaims.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoclaims.model.ClaimType;
import io.autoclaims.model.Decision;
import io.autoclaims.model.DocumentCode;
import io.autoclaims.model.ErrorRecord;
import io.autoclaims.model.LineVerdict;
import io.autoclaims.model.Reason;
import io.autoclaims.model.Remedy;
import io.autoclaims.model.Verdict;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample insurance backlog (车损险 claims through 4S dealers): one record per line, the two bad
 * lines give error records on the right field, every decision kind occurs, every row of the insurance
 * workbook fires, and the verdicts the README shows hold.
 */
class InsuranceBacklogTest {

    /** Rule ids of the insurance workbook: I1-I14 (claim and line grounds, referrals), L1-L6, ID (documents). */
    static final Pattern INSURANCE_ROW = Pattern.compile("(I\\d+|L\\d|ID)-\\d+");

    private static Backlogs.Backlog backlog;
    private static Map<String, Verdict> verdicts;

    @BeforeAll
    static void setUp() {
        backlog = Backlogs.load("insurance.jsonl");
        verdicts = new LinkedHashMap<>();
        Backlogs.adjudicator().adjudicateAll(backlog.validClaims())
                .forEach(a -> verdicts.put(a.claimId(), a.verdictOrThrow()));
    }

    @Test
    void everyInputLineGivesExactlyOneRecordInOrder() {
        List<JsonNode> records = backlog.adjudicateJsonLines();
        assertEquals(backlog.inputClaimIds(), Backlogs.texts(records, "claimId"));
        List<JsonNode> input = backlog.inputTrees();
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = records.get(i);
            if (!record.has("error")) {
                assertEquals(input.get(i).get("type").asText(), record.get("type").asText(), "type of record " + (i + 1));
            }
        }
    }

    @Test
    void atLeastThirtyValidInsuranceClaims() {
        assertTrue(backlog.validClaims().size() >= 30, "valid claims: " + backlog.validClaims().size());
        backlog.validClaims().forEach(c -> assertEquals(ClaimType.INSURANCE, c.type(), c.claimId()));
    }

    @Test
    void theTwoBadLinesAtTheEndGiveErrorRecordsOnTheirFields() {
        List<ErrorRecord> errors = backlog.errors();
        assertEquals(2, errors.size(), () -> "error records: " + errors);
        int n = backlog.read().size();
        assertEquals(List.of((long) n - 1, (long) n), errors.stream().map(ErrorRecord::line).toList());

        ErrorRecord rate = errors.get(0);
        assertEquals("I-041", rate.claimId());
        assertEquals("policy.absoluteDeductibleRate", rate.error().field(), rate.toString());

        ErrorRecord period = errors.get(1);
        assertEquals("I-042", period.claimId());
        assertEquals("policy.endsOn", period.error().field(), period.toString());
    }

    @Test
    void everyDecisionKindOccurs() {
        Map<Decision, Integer> counts = new EnumMap<>(Decision.class);
        verdicts.values().forEach(v -> counts.merge(v.decision(), 1, Integer::sum));
        for (Decision d : Decision.values()) {
            if (counts.getOrDefault(d, 0) < 1) {
                fail("no insurance claim is " + d + "; decisions: " + counts);
            }
        }
    }

    @Test
    void togetherTheClaimsFireEveryRowOfTheInsuranceWorkbook() {
        Set<String> insuranceRows = Backlogs.ruleIds(id -> INSURANCE_ROW.matcher(id).matches());
        assertTrue(insuranceRows.size() > 30, () -> "insurance rows: " + insuranceRows);
        Set<String> missing = Backlogs.minus(insuranceRows, backlog.firedRuleIds());
        assertTrue(missing.isEmpty(), () -> "insurance rows no claim of insurance.jsonl fires: " + missing);
    }

    /** Precise readings 1, 4, 6a and 23, checked on every sample verdict. */
    @Test
    void everyVerdictKeepsTheInsuranceReadings() {
        for (Verdict v : verdicts.values()) {
            String id = v.claimId();
            assertEquals(ClaimType.INSURANCE, v.type(), id);
            assertEquals(0, v.customerPaysCny().signum(), id + ": customerPaysCny (reading 23)");
            assertEquals(0, v.usageCompensationCny().signum(), id + ": usageCompensationCny (reading 23)");
            if (v.decision() != Decision.APPROVED && v.decision() != Decision.PARTIALLY_APPROVED) {
                assertEquals(0, v.payableCny().signum(), id + ": payable of a " + v.decision() + " verdict (reading 4)");
            }
            if (v.decision() == Decision.DENIED) {
                assertEquals(Remedy.NONE, v.remedy(), id + ": remedy of a denial (reading 6a)");
                assertTrue(v.missingDocuments().isEmpty(), id + ": a denial asks for no documents (reading 1)");
            }
            if (v.decision() == Decision.PENDING_DOCUMENTS) {
                assertFalse(v.missingDocuments().isEmpty(), id);
            }
        }
    }

    @Test
    void aFivePercentDeductibleOn18400Pays17480() {
        Verdict v = verdicts.get("I-003");
        assertEquals(Decision.APPROVED, v.decision());
        assertEquals(new BigDecimal("17480.00"), v.payableCny());
        Reason deductible = reason(v, "L5-01");
        assertEquals("DEDUCTIBLE_APPLIED", deductible.code());
        for (String amount : List.of("18,400.00", "5%", "920.00", "17,480.00")) {
            assertTrue(deductible.text().contains(amount), () -> deductible.text() + " lacks " + amount);
        }
    }

    @Test
    void deductiblesRecoveriesAndRescueCosts() {
        assertPays("I-002", "8900.00");   // the assessment (8,900) is lower than the quotes (9,860)
        assertPays("I-004", "9450.00");   // 10,450 − fixed 1,000
        assertPays("I-005", "6480.00");   // 8,480 − 2,000 recovered from the other party's insurer
        assertPays("I-006", "21600.00");  // 18,800 + rescue 2,800
        assertPays("I-007", "6150.00");   // repaired at another 4S shop: the invoice is lower
        Verdict flood = verdicts.get("I-009");
        assertEquals(Remedy.TOTAL_LOSS, flood.remedy());
        assertEquals(new BigDecimal("73200.00"), flood.payableCny(), "sum insured 72,000 + rescue 1,200");
    }

    @Test
    void referrals() {
        assertReferredBy("I-008", "REASSESSED_AT_CHOSEN_SHOP");
        assertReferredBy("I-010", "ABOVE_AUTHORITY_LIMIT");
        assertReferredBy("I-011", "LATE_NOTICE");
        assertReferredBy("I-013", "LATE_NOTICE");
        assertReferredBy("I-014", "NEW_POLICY_INCIDENT");
        Verdict onTime = verdicts.get("I-012");
        assertEquals(Decision.APPROVED, onTime.decision(), "reported exactly 48:00 later is on time (reading 21)");
        assertFalse(onTime.reasonCodes().contains("LATE_NOTICE"));
    }

    @Test
    void aDenialListsEveryGround() {
        assertEquals(List.of("UNLICENSED_DRIVER", "INSPECTION_INVALID"), verdicts.get("I-019").reasonCodes());
        assertEquals(List.of("DRUNK_DRIVING", "LEFT_SCENE"), verdicts.get("I-021").reasonCodes());
        Verdict noLineLeft = verdicts.get("I-040");
        assertEquals(Decision.DENIED, noLineLeft.decision());
        assertEquals(List.of("NOT_AN_INSURED_PERIL", "ADD_ON_REQUIRED"), noLineLeft.reasonCodes());
    }

    @Test
    void aLineWithAnExcludedCauseLeavesThatLineOut() {
        Map<String, String> lineGround = Map.of("I-036", "DELIBERATE_ACT", "I-037", "NOT_AN_INSURED_PERIL",
                "I-038", "ADD_ON_REQUIRED", "I-039", "ADD_ON_REQUIRED");
        lineGround.forEach((id, code) -> {
            Verdict v = verdicts.get(id);
            assertEquals(Decision.PARTIALLY_APPROVED, v.decision(), id);
            List<LineVerdict> out = v.lines().stream().filter(l -> !l.covered()).toList();
            assertEquals(1, out.size(), id);
            assertEquals(code, out.get(0).reasons().get(0).code(), id);
        });
    }

    @Test
    void allMissingDocumentsAreListedAtOnce() {
        assertEquals(List.of(DocumentCode.PAYMENT_AUTHORIZATION), verdicts.get("I-029").missingDocuments());
        assertEquals(List.of(DocumentCode.THEFT_REPORT), verdicts.get("I-030").missingDocuments());
        Verdict many = verdicts.get("I-035");
        assertEquals(Decision.PENDING_DOCUMENTS, many.decision());
        assertEquals(Set.of(DocumentCode.SETTLEMENT_AGREEMENT, DocumentCode.REPAIR_INVOICE,
                DocumentCode.RESCUE_RECEIPTS, DocumentCode.BANK_ACCOUNT), Set.copyOf(many.missingDocuments()));
        assertTrue(many.reasonCodes().contains("LATE_NOTICE"), "a pending verdict still lists its referral (reading 6a)");
    }

    private static void assertPays(String claimId, String amount) {
        Verdict v = verdicts.get(claimId);
        assertEquals(Decision.APPROVED, v.decision(), claimId);
        assertEquals(new BigDecimal(amount), v.payableCny(), claimId);
    }

    private static void assertReferredBy(String claimId, String code) {
        Verdict v = verdicts.get(claimId);
        assertEquals(Decision.REFERRED, v.decision(), claimId);
        assertTrue(v.reasonCodes().contains(code), () -> claimId + ": " + v.reasonCodes());
    }

    private static Reason reason(Verdict v, String ruleId) {
        return v.reasons().stream().filter(r -> r.ruleId().equals(ruleId)).findFirst()
                .orElseThrow(() -> new AssertionError(v.claimId() + " has no reason from " + ruleId));
    }
}
