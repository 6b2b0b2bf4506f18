package io.autoclaims.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.rules.AsOf;
import io.autoclaims.rules.RulebookArchive;
import io.autoclaims.rules.RulebookHistory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Replay} of a run made with a rulebook history (reevaluate --history --archive): given the run's
 * history, every record reproduces, the {@code NO_RULEBOOK_IN_FORCE} records of claims dated before the
 * first version included; without it those are reported {@code NO_RULEBOOK}, naming the history as what
 * is missing; with another history (one whose first version is later) they differ in their message.
 */
class HistoryReplayTest {
    @TempDir
    static Path dir;
    private static Path claims;
    private static Path verdicts;
    private static RulebookArchive archive;

    @BeforeAll
    static void run() throws IOException {
        claims = TestHistories.backlog(dir.resolve("claims.jsonl"), 4); // H-04 four times
        verdicts = dir.resolve("verdicts.jsonl");
        archive = RulebookArchive.open(dir.resolve("archive"));
        BacklogRun.builder().history(TestHistories.both(), AsOf.INCIDENT).archive(archive).input(claims)
                .output(verdicts).threads(2).batchLines(5).build().run();
        assertEquals(4, Files.readAllLines(verdicts, StandardCharsets.UTF_8).stream()
                .filter(r -> r.contains("\"code\":\"NO_RULEBOOK_IN_FORCE\"")).count());
    }

    private static ReplaySummary replay(RulebookHistory history, List<ReplayFinding> found) throws IOException {
        Replay.Builder b = Replay.builder().verdicts(verdicts).claims(claims).archive(archive).threads(2).batchLines(5)
                .findings(found::add);
        if (history != null) {
            b.history(history, AsOf.INCIDENT);
        }
        return b.build().verify();
    }

    @Test
    void withTheRunsHistoryEveryRecordReproducesThePreHistoryErrorRecordsIncluded() throws IOException {
        List<ReplayFinding> found = new ArrayList<>();
        ReplaySummary s = replay(TestHistories.both(), found);
        assertEquals(List.of(), found);
        assertEquals(20, s.lines());
        assertEquals(20, s.reproduced());
        assertEquals(4, s.errorRecords());
        assertTrue(s.allReproduced());
    }

    @Test
    void withoutItTheyAreReportedAsNeedingTheHistory() throws IOException {
        List<ReplayFinding> found = new ArrayList<>();
        ReplaySummary s = replay(null, found);
        assertEquals(16, s.reproduced(), "every verdict, from the archive as of its stored date");
        assertEquals(4, found.size(), found.toString());
        for (ReplayFinding f : found) {
            assertEquals(ReplayFinding.Kind.NO_RULEBOOK, f.kind());
            assertEquals("H-04", f.claimId());
            assertTrue(f.toString().contains("a rulebook history's NO_RULEBOOK_IN_FORCE record: give the history the run"
                    + " used (claims replay --history DIR)"), f.toString());
            assertTrue(f.toStringZh().contains("规则集历史生成的 NO_RULEBOOK_IN_FORCE 错误记录"), f.toStringZh());
        }
        assertEquals(List.of(4L, 9L, 14L, 19L), found.stream().map(ReplayFinding::line).toList());
    }

    @Test
    void withAnotherHistoryTheyDiffer() throws IOException {
        List<ReplayFinding> found = new ArrayList<>();
        // 2027.1 alone: H-04 is still before the first version, but the record names another first version
        replay(RulebookHistory.of(TestHistories.both().versions().get(1)), found);
        assertEquals(4, found.size(), found.toString());
        for (ReplayFinding f : found) {
            assertEquals(ReplayFinding.Kind.DIFFERENT, f.kind());
            assertEquals("error.message", f.path(), f.toString());
            assertTrue(f.newValue().contains("the first, 2027.1, is in force from 2027-01-01"), f.toString());
        }
    }
}
