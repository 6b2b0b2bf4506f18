package io.autoclaims.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code claims adjudicate} on the sample mixed backlog ({@code examples/claims/mixed.jsonl}), in-process:
 * warranty, insurance and assistance claims interleaved, two bad lines. One record per input line, in
 * order; each verdict has its claim's type; the bad lines are error records with their line numbers.
 */
class MixedBacklogTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The bad lines of mixed.jsonl: line number, claimId, error field. */
    private static final Map<Integer, List<String>> BAD_LINES = Map.of(
            11, List.of("I-043", "policy"),
            21, List.of("A-021", "assistance.service"));

    @TempDir
    Path dir;

    /** Surefire runs in the claims-cli module directory; an IDE may run from the repository root. */
    static Path mixedBacklog() {
        Path fromModule = Path.of("../examples/claims/mixed.jsonl");
        return Files.exists(fromModule) ? fromModule : Path.of("examples/claims/mixed.jsonl");
    }

    @Test
    void adjudicatesTheMixedBacklogOneRecordPerLineInOrder() throws IOException {
        Path in = mixedBacklog();
        assertTrue(Files.exists(in), () -> "no sample backlog at " + in.toAbsolutePath());
        List<JsonNode> input = new ArrayList<>();
        for (String line : Files.readAllLines(in, StandardCharsets.UTF_8)) {
            input.add(JSON.readTree(line));
        }

        Path outFile = dir.resolve("verdicts.jsonl");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = ClaimsCli.run(new PrintWriter(out, true), new PrintWriter(err, true),
                "adjudicate", "--in", in.toString(), "--out", outFile.toString());
        assertEquals(0, status, err.toString());

        List<String> records = Files.readAllLines(outFile, StandardCharsets.UTF_8);
        assertEquals(input.size(), records.size(), "one record per input line");
        Set<String> types = new TreeSet<>();
        for (int i = 0; i < records.size(); i++) {
            int line = i + 1;
            JsonNode claim = input.get(i);
            JsonNode record = JSON.readTree(records.get(i));
            assertEquals(claim.get("claimId").asText(), record.get("claimId").asText(), "claimId of line " + line);
            List<String> bad = BAD_LINES.get(line);
            if (bad != null) {
                assertTrue(record.has("error"), "line " + line + ": " + record);
                assertEquals(line, record.get("line").asInt(), record.toString());
                assertEquals(bad.get(0), record.get("claimId").asText(), record.toString());
                assertEquals(bad.get(1), record.get("error").get("field").asText(), record.toString());
                continue;
            }
            assertFalse(record.has("error"), "line " + line + ": " + record);
            assertEquals(claim.get("type").asText(), record.get("type").asText(), "type of line " + line);
            assertTrue(record.hasNonNull("decision"), record.toString());
            types.add(record.get("type").asText());
        }
        assertEquals(Set.of("WARRANTY", "INSURANCE", "ASSISTANCE"), types);
        assertTrue(err.toString().contains(input.size() + " lines adjudicated"), err.toString());
    }
}
