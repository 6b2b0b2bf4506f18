package io.autoclaims.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoclaims.model.Charge;
import io.autoclaims.model.ClaimType;
import io.autoclaims.model.Decision;
import io.autoclaims.model.Payer;
import io.autoclaims.model.Remedy;
import io.autoclaims.model.Verdict;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample roadside-assistance backlog (道路救援): one record per line, every request approved with
 * charges that add up, every row of the assistance workbook fires, and who pays is as the README says.
 */
class AssistanceBacklogTest {

    /** Rule ids of the assistance workbook: A1-A4 (payer), TF (tariff), MS (membership advice). */
    static final Pattern ASSISTANCE_ROW = Pattern.compile("(A\\d|TF|MS)-\\d+");

    private static Backlogs.Backlog backlog;
    private static Map<String, Verdict> verdicts;

    @BeforeAll
    static void setUp() {
        backlog = Backlogs.load("assistance.jsonl");
        verdicts = new LinkedHashMap<>();
        Backlogs.adjudicator().adjudicateAll(backlog.validClaims())
                .forEach(a -> verdicts.put(a.claimId(), a.verdictOrThrow()));
    }

    @Test
    void everyInputLineGivesExactlyOneRecordInOrder() {
        List<JsonNode> records = backlog.adjudicateJsonLines();
        assertEquals(backlog.inputClaimIds(), Backlogs.texts(records, "claimId"));
        records.forEach(r -> assertEquals("ASSISTANCE", r.get("type").asText(), r.toString()));
    }

    @Test
    void atLeastSixteenValidAssistanceRequests() {
        assertTrue(backlog.errors().isEmpty(), () -> "error records: " + backlog.errors());
        assertTrue(backlog.validClaims().size() >= 16, "valid claims: " + backlog.validClaims().size());
        backlog.validClaims().forEach(c -> assertEquals(ClaimType.ASSISTANCE, c.type(), c.claimId()));
    }

    @Test
    void togetherTheRequestsFireEveryRowOfTheAssistanceWorkbook() {
        Set<String> assistanceRows = Backlogs.ruleIds(id -> ASSISTANCE_ROW.matcher(id).matches());
        assertTrue(assistanceRows.size() >= 10, () -> "assistance rows: " + assistanceRows);
        Set<String> fired = backlog.firedRuleIds();
        Set<String> missing = Backlogs.minus(assistanceRows, fired);
        assertTrue(missing.isEmpty(), () -> "assistance rows no request of assistance.jsonl fires: " + missing);
        assertTrue(fired.contains("T-04"), "A1 reads the whole-vehicle term from the warranty Terms table");
    }

    /** Precise readings 24-26: approved, no remedy, no lines, no documents; the charges add up. */
    @Test
    void everyRequestIsApprovedWithChargesThatAddUp() {
        for (Verdict v : verdicts.values()) {
            String id = v.claimId();
            assertEquals(Decision.APPROVED, v.decision(), id);
            assertEquals(Remedy.NONE, v.remedy(), id);
            assertTrue(v.lines().isEmpty(), id);
            assertTrue(v.missingDocuments().isEmpty(), id);
            assertTrue(!v.charges().isEmpty(), id);
            BigDecimal customer = sum(v.charges(), true);
            BigDecimal others = sum(v.charges(), false);
            assertEquals(v.customerPaysCny(), customer, id + ": customer's charges");
            assertEquals(v.payableCny(), others, id + ": charges paid by the maker, insurer or club");
            assertEquals(v.payableCny().add(v.customerPaysCny()), customer.add(others), id + ": total");
            v.charges().stream().filter(c -> c.item().equals("HIGHWAY_TOLL"))
                    .forEach(c -> assertEquals(Payer.CUSTOMER, c.payer(), id + ": tolls are the customer's"));
            v.charges().stream().filter(c -> c.payer() == Payer.CLUB)
                    .forEach(c -> assertEquals(0, c.amountCny().signum(), id + ": a CLUB item is free"));
        }
    }

    @Test
    void whoPays() {
        assertPaid("A-001", "WARRANTY_TOWING", "430.00", "45.00");   // maker: 100 + 22 km × 15; toll 45
        assertPaid("A-002", "WARRANTY_TOWING", "300.00", "0.00");    // on site, outside the 5th ring
        assertPaid("A-003", "WARRANTY_TOWING", "295.00", "0.00");    // exactly month 36: still in the term
        assertPaid("A-004", "INSURED_RESCUE", "900.00", "35.00");
        assertPaid("A-006", "INSURED_RESCUE", "220.00", "0.00");     // scratch with the scratch add-on
        assertPaid("A-007", "INSURED_RESCUE", "310.00", "0.00");     // wheels alone with the wheel add-on
        assertPaid("A-008", "INSURED_RESCUE", "490.00", "0.00");     // a drunk driver does not matter (reading 26)
        assertPaid("A-009", "MEMBER_TARIFF", "0.00", "0.00");        // 9 km: inside the 15 free km
        assertPaid("A-010", "MEMBER_TARIFF", "0.00", "337.00");      // 34 started km × 8 + toll 65
        assertPaid("A-013", "NON_MEMBER_TARIFF", "0.00", "550.00");  // membership ran out the day before
        assertPaid("A-014", "NON_MEMBER_TARIFF", "0.00", "100.00");
        assertPaid("A-015", "NON_MEMBER_TARIFF", "0.00", "585.00");  // 300 + 19 started km × 15
        assertPaid("A-017", "NON_MEMBER_TARIFF", "0.00", "250.00");  // member without a valid-until date
        assertPaid("A-020", "NON_MEMBER_TARIFF", "0.00", "705.00");  // battery term, but past the vehicle term
    }

    @Test
    void theSumInsuredCapsTheInsurersShare() {
        Verdict v = verdicts.get("A-005");
        assertEquals(new BigDecimal("6500.00"), v.payableCny(), "capped at the sum insured");
        assertEquals(new BigDecimal("910.00"), v.customerPaysCny(), "700 of the towing + 210 tolls");
        assertEquals(new BigDecimal("6500.00"), v.charges().stream().filter(c -> c.payer() == Payer.INSURER)
                .map(Charge::amountCny).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Test
    void membershipAdviceOnlyWhenItSavesMoreThanTheFee() {
        for (Verdict v : verdicts.values()) {
            boolean advised = v.reasonCodes().contains("MEMBERSHIP_WOULD_SAVE");
            boolean expected = Set.of("A-013", "A-015", "A-020").contains(v.claimId());
            assertEquals(expected, advised, v.claimId() + ": " + v.reasonCodes());
        }
    }

    private static void assertPaid(String claimId, String code, String payable, String customerPays) {
        Verdict v = verdicts.get(claimId);
        assertEquals(code, v.reasons().get(0).code(), claimId);
        assertEquals(new BigDecimal(payable), v.payableCny(), claimId + ": payable");
        assertEquals(new BigDecimal(customerPays), v.customerPaysCny(), claimId + ": customer pays");
    }

    private static BigDecimal sum(List<Charge> charges, boolean customer) {
        return charges.stream().filter(c -> (c.payer() == Payer.CUSTOMER) == customer).map(Charge::amountCny)
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
    }
}
