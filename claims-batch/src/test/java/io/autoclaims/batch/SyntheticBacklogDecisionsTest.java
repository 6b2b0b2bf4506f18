package io.autoclaims.batch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.model.Decision;
import io.autoclaims.testkit.SyntheticBacklog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The synthetic backlog (claims-testkit) run through a backlog run on the default rulebook: every
 * decision and the main reason codes of the three claim types occur, so the batch tests that use it
 * exercise the whole rulebook. The generator's own properties are tested in claims-testkit.
 */
class SyntheticBacklogDecisionsTest {

    @TempDir
    Path dir;

    @Test
    void theDefaultRulebookGivesEveryDecision() throws IOException {
        Path in = dir.resolve("b.jsonl");
        SyntheticBacklog.write(in, 3000, 5);
        RunSummary s = BacklogRun.builder().rulebook(TestRulebooks.defaultRulebook()).input(in)
                .output(dir.resolve("out.jsonl")).threads(2).build().run();
        for (Decision d : Decision.values()) {
            assertTrue(s.decisions().get(d) > 20, () -> d + " in " + s.decisions());
        }
        String out = Files.readString(dir.resolve("out.jsonl"));
        for (String code : List.of("COVERED_REPAIR", "WARRANTY_EXPIRED", "UNAUTHORIZED_REPAIRER", "SANBAO_7_DAY",
                "SANBAO_ASSEMBLY", "MISSING_DOCUMENTS", "POLICY_NOT_IN_FORCE", "DRUNK_DRIVING", "LATE_NOTICE",
                "CONSTRUCTIVE_TOTAL_LOSS", "DEDUCTIBLE_APPLIED", "WARRANTY_TOWING", "INSURED_RESCUE", "MEMBER_TARIFF",
                "NON_MEMBER_TARIFF")) {
            assertTrue(out.contains("\"code\":\"" + code + "\""), code);
        }
    }
}
