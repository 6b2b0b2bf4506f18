package io.autoclaims.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.AsOf;
import io.autoclaims.rules.RulebookHistory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link BacklogRun} on a rulebook history: the records of {@code adjudicate --history}; stopped and
 * resumed with the same history, the same bytes; resumed with a version added or removed, another
 * as-of setting, or one rulebook, refused in English and Chinese naming what differs, nothing written.
 */
class HistoryBacklogRunTest {
    @TempDir
    Path dir;

    private static BacklogRun.Builder run(RulebookHistory h, AsOf asOf, Path in, Path out) {
        return BacklogRun.builder().history(h, asOf).input(in).output(out);
    }

    private static ProgressListener stopAfter(int batches) {
        AtomicInteger seen = new AtomicInteger();
        return p -> {
            if (seen.incrementAndGet() == batches) {
                throw new IllegalStateException("stopped");
            }
        };
    }

    @Test
    void aStoppedRunResumesWithTheSameHistoryToTheBytesOfAnUninterruptedOne() throws IOException {
        Path in = TestHistories.backlog(dir.resolve("in.jsonl"), 40); // 200 lines across both dates
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (InputStream claims = Files.newInputStream(in)) {
            Adjudicator.of(TestHistories.both()).adjudicateJsonLines(claims, expected);
        }
        String text = expected.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.contains("\"version\":\"2026.1\"") && text.contains("\"version\":\"2027.1\"")
                && text.contains("NO_RULEBOOK_IN_FORCE"), "both versions and the pre-history error record");

        Path whole = dir.resolve("whole.jsonl");
        RunSummary s = run(TestHistories.both(), AsOf.INCIDENT, in, whole).threads(2).batchLines(15).build().run();
        assertArrayEquals(expected.toByteArray(), Files.readAllBytes(whole), "adjudicate --history's bytes");
        assertEquals(40, s.errors(), "H-04, dated before 2026.1, each time");

        Path out = dir.resolve("out.jsonl");
        Path ckpt = dir.resolve("ckpt");
        assertThrows(IllegalStateException.class, () -> run(TestHistories.both(), AsOf.INCIDENT, in, out).threads(2)
                .batchLines(15).checkpoint(ckpt).progress(stopAfter(4)).build().run());
        String checkpoint = Files.readString(Checkpoint.file(ckpt));
        assertTrue(checkpoint.contains("history.versions=2\n") && checkpoint.contains("history.2.version=2027.1\n")
                && checkpoint.contains("history.2.inForceFrom=2027-01-01\n") && checkpoint.contains("history.asOf=incident\n")
                && checkpoint.contains("history.1.fingerprint=" + TestHistories.both().versions().get(0).fingerprint()),
                checkpoint);
        long done = Checkpoint.read(ckpt).linesDone();
        assertTrue(done > 0 && done < 200, "stopped half-way: " + done);

        RunSummary resumed = run(TestHistories.both(), AsOf.INCIDENT, in, out).threads(1).batchLines(40)
                .checkpoint(ckpt).build().run();
        assertEquals(done, resumed.resumedFromLine());
        assertArrayEquals(expected.toByteArray(), Files.readAllBytes(out));
        assertEquals(s.decisions(), resumed.decisions());
    }

    @Test
    void aResumeWithAnotherHistoryOrAsOfOrOneRulebookIsRefusedNamingWhatDiffers() throws IOException {
        Path in = TestHistories.backlog(dir.resolve("in.jsonl"), 20);
        Path out = dir.resolve("out.jsonl");
        Path ckpt = dir.resolve("ckpt");
        assertThrows(IllegalStateException.class, () -> run(TestHistories.first(), AsOf.INCIDENT, in, out)
                .batchLines(10).checkpoint(ckpt).progress(stopAfter(2)).build().run());
        byte[] before = Files.readAllBytes(out);
        String checkpoint = Files.readString(Checkpoint.file(ckpt));
        String added = TestHistories.both().versions().get(1).fingerprint();

        CheckpointMismatchException e = assertThrows(CheckpointMismatchException.class,
                () -> run(TestHistories.both(), AsOf.INCIDENT, in, out).checkpoint(ckpt).build().run());
        assertTrue(e.getMessage().contains("was made with another rulebook history: version 2027.1 (from 2027-01-01,"
                + " fingerprint " + added + ") was added."), e.getMessage());
        assertTrue(e.getMessage().contains("是用另一个规则集历史生成的：新增了版本 2027.1（自 2027-01-01 起施行，指纹 " + added + "）"),
                e.getMessage());
        assertTrue(e.getMessage().contains("Remove the checkpoint directory") && e.getMessage().contains("请删除检查点目录"),
                e.getMessage());

        e = assertThrows(CheckpointMismatchException.class,
                () -> run(TestHistories.first(), AsOf.SUBMITTED, in, out).checkpoint(ckpt).build().run());
        assertTrue(e.getMessage().contains("the versions were chosen --as-of incident, not submitted"), e.getMessage());
        assertTrue(e.getMessage().contains("生成时按 --as-of incident 选择版本，而现在是 submitted"), e.getMessage());

        e = assertThrows(CheckpointMismatchException.class, () -> BacklogRun.builder()
                .rulebook(TestHistories.first().versions().get(0)).input(in).output(out).checkpoint(ckpt).build().run());
        assertTrue(e.getMessage().contains("was made with a rulebook history (2026.1 (from 2026-01-01"), e.getMessage());
        assertTrue(e.getMessage().contains("是用规则集历史"), e.getMessage());

        assertArrayEquals(before, Files.readAllBytes(out), "a refused resume writes nothing");
        assertEquals(checkpoint, Files.readString(Checkpoint.file(ckpt)), "nor touches the checkpoint");

        // the history it was made with resumes
        run(TestHistories.first(), AsOf.INCIDENT, in, out).checkpoint(ckpt).build().run();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (InputStream claims = Files.newInputStream(in)) {
            Adjudicator.of(TestHistories.first()).adjudicateJsonLines(claims, expected);
        }
        assertArrayEquals(expected.toByteArray(), Files.readAllBytes(out));
    }

    @Test
    void aVersionChangedOrRemovedOrADateMovedIsNamed() {
        RulebookHistory both = TestHistories.both();
        Checkpoint.Version first = Checkpoint.Version.of(both).get(0);
        Checkpoint.Version second = Checkpoint.Version.of(both).get(1);
        String other = "0".repeat(64);
        Journal.Entry none = new Journal.Entry(0, 0, 0, 0, 0, 0, 0);
        java.util.function.Function<List<Checkpoint.Version>, Checkpoint> made = versions -> new Checkpoint("in", 0, 0,
                "out", 0, 0, second.fingerprint(), "r", false, new Counts(), 0, Journal.START, none, versions, "incident");
        Path d = Path.of("ckpt");

        assertNull(CheckpointHistory.differences(d, made.apply(List.of(first, second)), both, AsOf.INCIDENT, null));
        String[] changed = CheckpointHistory.differences(d, made.apply(List.of(first,
                new Checkpoint.Version("2027.1", "2027-01-01", other))), both, AsOf.INCIDENT, null);
        assertEquals("The checkpoint in ckpt was made with another rulebook history: version 2027.1 was changed"
                + " (fingerprint " + other + " -> " + second.fingerprint() + ").", changed[0]);
        assertEquals("检查点目录 ckpt 是用另一个规则集历史生成的：版本 2027.1 已改动（指纹 " + other + " → "
                + second.fingerprint() + "）。", changed[1]);
        String[] moved = CheckpointHistory.differences(d, made.apply(List.of(first,
                new Checkpoint.Version("2027.1", "2027-07-01", second.fingerprint()))), both, AsOf.INCIDENT, null);
        assertTrue(moved[0].endsWith("version 2027.1 is in force from 2027-01-01, not 2027-07-01."), moved[0]);
        assertTrue(moved[1].contains("版本 2027.1 的施行日期由 2027-07-01 改为 2027-01-01"), moved[1]);
        String[] removed = CheckpointHistory.differences(d, made.apply(List.of(first, second,
                new Checkpoint.Version("2028.1", "2028-01-01", other))), both, AsOf.INCIDENT, null);
        assertTrue(removed[0].endsWith("version 2028.1 (from 2028-01-01, fingerprint " + other + ") was removed."),
                removed[0]);
        assertTrue(removed[1].contains("删除了版本 2028.1（自 2028-01-01 起施行"), removed[1]);
    }

    @Test
    void theBuilderTakesARulebookOrAHistoryNotBoth() {
        assertThrows(IllegalStateException.class, () -> BacklogRun.builder().history(TestHistories.first(), AsOf.INCIDENT)
                .rulebook(TestHistories.first().versions().get(0)));
        assertThrows(IllegalStateException.class, () -> BacklogRun.builder()
                .rulebook(TestHistories.first().versions().get(0)).history(TestHistories.first(), AsOf.INCIDENT));
    }
}
