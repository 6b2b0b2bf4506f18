package io.autoclaims.examples;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mixed backlog: warranty, insurance and assistance claims interleaved, as a dealer group's night
 * batch sends them. Every line gets its record in input order, each verdict has its claim's type, and
 * the two bad lines give error records.
 */
class MixedBacklogTest {

    /** The bad lines: line number, claimId, error field. */
    static final Map<Integer, List<String>> BAD_LINES = Map.of(
            11, List.of("I-043", "policy"),
            21, List.of("A-021", "assistance.service"));

    private static Backlogs.Backlog backlog;
    private static List<JsonNode> input;
    private static List<JsonNode> records;

    @BeforeAll
    static void setUp() {
        backlog = Backlogs.load("mixed.jsonl");
        input = backlog.inputTrees();
        records = backlog.adjudicateJsonLines();
    }

    @Test
    void recordsFollowTheInputOrder() {
        assertEquals(input.size(), records.size());
        for (int i = 0; i < input.size(); i++) {
            assertEquals(input.get(i).get("claimId").asText(), records.get(i).get("claimId").asText(),
                    "claimId of record " + (i + 1));
        }
    }

    @Test
    void eachVerdictHasTheTypeOfItsClaim() {
        Set<String> types = new TreeSet<>();
        for (int i = 0; i < input.size(); i++) {
            JsonNode record = records.get(i);
            if (record.has("error")) {
                continue;
            }
            String type = input.get(i).get("type").asText();
            assertEquals(type, record.get("type").asText(), "type of record " + (i + 1));
            assertTrue(record.hasNonNull("decision"), record.toString());
            types.add(type);
        }
        assertEquals(Set.of("WARRANTY", "INSURANCE", "ASSISTANCE"), types);
    }

    @Test
    void theTypesAreInterleaved() {
        for (int i = 1; i < input.size(); i++) {
            assertFalse(input.get(i).get("type").asText().equals(input.get(i - 1).get("type").asText()),
                    "lines " + i + " and " + (i + 1) + " have the same type");
        }
    }

    @Test
    void theBadLinesGiveErrorRecordsWithTheirLineNumbers() {
        for (int i = 0; i < records.size(); i++) {
            int line = i + 1;
            JsonNode record = records.get(i);
            List<String> bad = BAD_LINES.get(line);
            if (bad == null) {
                assertFalse(record.has("error"), "line " + line + ": " + record);
                continue;
            }
            assertTrue(record.has("error"), "line " + line + ": " + record);
            assertEquals(line, record.get("line").asInt(), record.toString());
            assertEquals(bad.get(0), record.get("claimId").asText(), record.toString());
            assertEquals(bad.get(1), record.get("error").get("field").asText(), record.toString());
        }
        assertEquals(BAD_LINES.size(), backlog.errors().size());
    }

    @Test
    void dealerSystemExampleRunsOnTheMixedBacklog() {
        assertDoesNotThrow(() -> DealerSystemExample.main(new String[] {Backlogs.path("mixed.jsonl").toString()}));
    }
}
