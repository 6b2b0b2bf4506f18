package io.autoclaims.examples;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoclaims.model.ClaimType;
import io.autoclaims.model.Decision;
import io.autoclaims.model.ErrorRecord;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample warranty backlog: it reads, every line gets a record, and together it fires every row of
 * the warranty workbook. (That the three sample backlogs together fire every row of the default
 * rulebook is {@link SampleBacklogsCoverageTest}.)
 */
class WarrantyBacklogTest {

    /** Rule ids of the warranty workbook: RG, W1-W7, T (terms), S1-S4, SC, P, D1-D3. */
    static final Pattern WARRANTY_ROW = Pattern.compile("(RG|W\\d|T|S\\d|SC|P|D\\d)-\\d+");

    private static Backlogs.Backlog backlog;

    @BeforeAll
    static void setUp() {
        backlog = Backlogs.load("warranty.jsonl");
    }

    @Test
    void everyInputLineGivesExactlyOneRecordInOrder() {
        List<JsonNode> records = backlog.adjudicateJsonLines();
        assertEquals(backlog.inputClaimIds(), Backlogs.texts(records, "claimId"));
    }

    @Test
    void theThreeBadLinesGiveErrorRecordsWithTheirFieldPaths() {
        List<ErrorRecord> errors = backlog.errors();
        assertEquals(3, errors.size(), () -> "error records: " + errors);
        int n = backlog.read().size();
        // They are the last three lines, numbered from 1.
        assertEquals(List.of((long) n - 2, (long) n - 1, (long) n),
                errors.stream().map(ErrorRecord::line).toList());

        ErrorRecord unknownField = errors.get(0);
        assertEquals("W-036", unknownField.claimId());
        assertEquals("vehicle.odometer", unknownField.error().field(), unknownField.toString());

        ErrorRecord negativeMoney = errors.get(1);
        assertEquals("W-037", negativeMoney.claimId());
        assertEquals("lines[0].repairCostCny", negativeMoney.error().field(), negativeMoney.toString());

        ErrorRecord notJson = errors.get(2);
        assertNull(notJson.claimId(), notJson.toString());
        assertNull(notJson.error().field(), notJson.toString());
    }

    @Test
    void atLeastThirtyValidWarrantyClaims() {
        assertTrue(backlog.validClaims().size() >= 30, "valid claims: " + backlog.validClaims().size());
        backlog.validClaims().forEach(c -> assertEquals(ClaimType.WARRANTY, c.type(), c.claimId()));
    }

    @Test
    void togetherTheClaimsFireEveryRowOfTheWarrantyWorkbook() {
        Set<String> warrantyRows = Backlogs.ruleIds(id -> WARRANTY_ROW.matcher(id).matches());
        assertTrue(warrantyRows.size() > 30, () -> "warranty rows: " + warrantyRows);
        Set<String> missing = Backlogs.minus(warrantyRows, backlog.firedRuleIds());
        assertTrue(missing.isEmpty(), () -> "warranty rows no claim of warranty.jsonl fires: " + missing);
    }

    @Test
    void everyDecisionKindOccurs() {
        Map<Decision, Integer> counts = new EnumMap<>(Decision.class);
        Backlogs.adjudicator().adjudicateAll(backlog.validClaims())
                .forEach(a -> counts.merge(a.verdictOrThrow().decision(), 1, Integer::sum));
        for (Decision d : List.of(Decision.APPROVED, Decision.PARTIALLY_APPROVED, Decision.DENIED,
                Decision.PENDING_DOCUMENTS, Decision.REFERRED)) {
            if (counts.getOrDefault(d, 0) < 1) {
                fail("no claim is " + d + "; decisions: " + counts);
            }
        }
    }

    @Test
    void dealerSystemExampleRuns() {
        assertDoesNotThrow(() -> DealerSystemExample.main(new String[] {Backlogs.path("warranty.jsonl").toString()}));
    }
}
