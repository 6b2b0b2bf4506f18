package io.autoclaims.examples;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autoclaims.model.Claim;
import io.autoclaims.model.Decision;
import io.autoclaims.model.ErrorRecord;
import io.autoclaims.model.json.ClaimCodec;
import io.autoclaims.model.json.ReadResult;
import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.RuleRef;
import io.autoclaims.rules.Rulebook;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sample warranty backlog: it reads, every line gets a record, and together it fires every rule row. */
class WarrantyBacklogTest {

    private static Rulebook rulebook;
    private static Adjudicator adjudicator;
    private static String backlog;
    private static List<ReadResult> read;

    @BeforeAll
    static void setUp() throws IOException {
        rulebook = Rulebook.loadDefault();
        adjudicator = Adjudicator.of(rulebook);
        backlog = Files.readString(backlogPath(), StandardCharsets.UTF_8);
        try (Stream<ReadResult> s = ClaimCodec.create().readLines(new StringReader(backlog))) {
            read = s.toList();
        }
    }

    /** Surefire runs in the module directory; an IDE may run from the repository root. */
    static Path backlogPath() {
        Path fromModule = Path.of("claims/warranty.jsonl");
        return Files.exists(fromModule) ? fromModule : Path.of("examples/claims/warranty.jsonl");
    }

    private static List<Claim> validClaims() {
        return read.stream().filter(r -> r instanceof ReadResult.Ok).map(r -> ((ReadResult.Ok) r).claim()).toList();
    }

    @Test
    void everyInputLineGivesExactlyOneRecordInOrder() throws IOException {
        long inputLines = backlog.lines().count();
        StringWriter out = new StringWriter();
        long written;
        try (Reader in = new StringReader(backlog)) {
            written = adjudicator.adjudicateJsonLines(in, out);
        }
        List<String> records = out.toString().lines().toList();
        assertEquals(inputLines, written, "records written");
        assertEquals(inputLines, records.size(), "output lines");

        ObjectMapper json = new ObjectMapper();
        List<String> inputIds = read.stream().map(WarrantyBacklogTest::claimIdOf).toList();
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = json.readTree(records.get(i));
            JsonNode id = record.get("claimId");
            assertEquals(inputIds.get(i), id == null || id.isNull() ? null : id.asText(), "claimId of record " + (i + 1));
        }
    }

    @Test
    void theThreeBadLinesGiveErrorRecordsWithTheirFieldPaths() {
        List<ErrorRecord> errors = read.stream().filter(r -> r instanceof ReadResult.Failed)
                .map(r -> ((ReadResult.Failed) r).error()).toList();
        assertEquals(3, errors.size(), () -> "error records: " + errors);
        int n = read.size();
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
    void atLeastThirtyValidClaims() {
        assertTrue(validClaims().size() >= 30, "valid claims: " + validClaims().size());
    }

    @Test
    void togetherTheClaimsFireEveryRuleRowOfTheDefaultRulebook() {
        Set<String> all = rulebook.rules().stream().map(RuleRef::ruleId).collect(Collectors.toCollection(TreeSet::new));
        Map<String, List<String>> firedBy = new LinkedHashMap<>();
        for (Claim claim : validClaims()) {
            for (RuleRef ref : adjudicator.explain(claim).fired()) {
                firedBy.computeIfAbsent(ref.ruleId(), k -> new ArrayList<>()).add(claim.claimId());
            }
        }
        Set<String> missing = new TreeSet<>(all);
        missing.removeAll(firedBy.keySet());
        Set<String> unknown = new TreeSet<>(firedBy.keySet());
        unknown.removeAll(all);
        assertTrue(missing.isEmpty(), () -> "rule rows no claim fires: " + missing);
        assertTrue(unknown.isEmpty(), () -> "fired rows that rules() does not list: " + unknown);
    }

    @Test
    void everyDecisionKindOccurs() {
        Map<Decision, Integer> counts = new EnumMap<>(Decision.class);
        adjudicator.adjudicateAll(validClaims()).forEach(v -> counts.merge(v.decision(), 1, Integer::sum));
        for (Decision d : List.of(Decision.APPROVED, Decision.PARTIALLY_APPROVED, Decision.DENIED,
                Decision.PENDING_DOCUMENTS, Decision.REFERRED)) {
            if (counts.getOrDefault(d, 0) < 1) {
                fail("no claim is " + d + "; decisions: " + counts);
            }
        }
    }

    @Test
    void dealerSystemExampleRuns() {
        assertDoesNotThrow(() -> DealerSystemExample.main(new String[] {backlogPath().toString()}));
    }

    private static String claimIdOf(ReadResult r) {
        return r instanceof ReadResult.Ok ok ? ok.claim().claimId() : ((ReadResult.Failed) r).error().claimId();
    }
}
