package io.autoclaims.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.rules.Rulebook;
import io.autoclaims.testkit.SyntheticBacklog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Issue #14: random damage (bytes flipped, inserted or deleted at random places of
 * {@code checkpoint.txt}, {@code batches.log} or the done part of the output, of an interrupted or a
 * complete run; mixed with what a crash leaves: random bytes after the output's recorded end and
 * after the journal's last entry, a stale {@code checkpoint.txt.tmp}) is either refused, with a
 * message starting "The checkpoint" and not a byte of the three files changed, or resumed to an
 * output byte for byte the undamaged run's, after which the checkpoint is sound (a further run only
 * reports the finished run). Never a silently wrong output.
 */
class CheckpointDamageProperties {
    private static final int LINES = 400;
    private static final int BATCH = 25;

    private static Rulebook rulebook;
    private static Path dir;
    private static CheckpointDamage run;
    private static byte[] expected;
    /** The files after a crash at batch 6 of 16, and after the complete run. */
    private static CheckpointDamage.Files3 interrupted;
    private static CheckpointDamage.Files3 complete;

    /** Where an edit goes: inside a file, or (the {@code _TAIL}s and {@code TMP}) what a crash may leave. */
    enum Target { CHECKPOINT, JOURNAL, OUTPUT, OUTPUT_TAIL, JOURNAL_TAIL, TMP }

    enum Kind { FLIP, INSERT, DELETE }

    /** One edit: where (a fraction of the target's length), what, and the byte to put or the bits to flip. */
    record Edit(Target target, Kind kind, double at, byte value) {
    }

    @BeforeContainer
    static void runOnce() throws IOException {
        rulebook = TestRulebooks.defaultRulebook();
        dir = Files.createTempDirectory("checkpoint-damage");
        Path in = dir.resolve("in.jsonl");
        // the synthetic claims with a few lines no program of ours wrote
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<String> lines = SyntheticBacklog.lines(LINES - 4, 41).toList();
        for (int i = 0; i < lines.size(); i++) {
            bytes.writeBytes(lines.get(i).getBytes(StandardCharsets.UTF_8));
            bytes.write('\n');
            if (i % 100 == 50) {
                bytes.writeBytes(new byte[] {'{', '"', (byte) 0xFF, 0, '"', '}', '\n'});
            }
        }
        Files.write(in, bytes.toByteArray());
        expected = CheckpointDamage.reference(in, rulebook);
        run = new CheckpointDamage(in, dir.resolve("out.jsonl"), dir.resolve("ckpt"));
        run.crashAfter(rulebook, BATCH, 6);
        interrupted = run.read();
        run.assertCompletes(run.builder(rulebook).batchLines(BATCH), expected);
        complete = run.read();
        assertEquals(String.valueOf(LINES), run.value("linesDone"));
    }

    @AfterContainer
    static void clean() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Property(tries = 100)
    void randomDamageIsRefusedOrResumedToTheSameBytes(@ForAll boolean finished, @ForAll("edits") List<Edit> edits,
                                                      @ForAll @IntRange(min = 1, max = 2) int threads)
            throws IOException {
        CheckpointDamage.Files3 start = finished ? complete : interrupted;
        long outputOffset = Long.parseLong(value(start.checkpoint(), "outputOffset"));
        byte[] checkpoint = start.checkpoint();
        byte[] journal = start.journal();
        byte[] output = start.output();
        byte[] tmp = null;
        for (Edit e : edits) {
            switch (e.target()) {
                case CHECKPOINT -> checkpoint = apply(checkpoint, checkpoint.length, e);
                case JOURNAL -> journal = apply(journal, journal.length, e);
                case OUTPUT -> {
                    int done = (int) Math.min(outputOffset, output.length);
                    output = apply(output, done, e);
                }
                case OUTPUT_TAIL -> output = append(output, e);
                case JOURNAL_TAIL -> journal = append(journal, e);
                case TMP -> tmp = append(tmp == null ? new byte[0] : tmp, e);
            }
        }
        CheckpointDamage.Files3 damaged = new CheckpointDamage.Files3(output, checkpoint, journal);
        run.write(damaged);
        if (tmp != null) {
            Files.write(run.ckpt.resolve(Checkpoint.FILE + ".tmp"), tmp);
        }
        BacklogRun.Builder resume = run.builder(rulebook).threads(threads).batchLines(BATCH);
        try {
            resume.build().run();
        } catch (CheckpointMismatchException refused) {
            String m = refused.getMessage();
            Statistics.label("outcome").collect(Stream.of("is damaged", "does not match the output", "does not match the input",
                    "does not match its journal").filter(m::contains).findFirst().orElse("refused otherwise"));
            assertTrue(refused.getMessage().startsWith("The checkpoint "), refused.getMessage());
            CheckpointDamage.Files3 after = run.read();
            assertArrayEquals(damaged.output(), after.output(), "the output is unchanged: " + refused.getMessage());
            assertArrayEquals(damaged.checkpoint(), after.checkpoint(), "checkpoint.txt is unchanged");
            assertArrayEquals(damaged.journal(), after.journal(), "batches.log is unchanged");
            return;
        }
        Statistics.label("outcome").collect("resumed");
        assertArrayEquals(expected, Files.readAllBytes(run.out), () -> "resumed after " + edits + " to another output");
        // and the checkpoint it left is sound: a further run only reports the finished run
        RunSummary again = run.builder(rulebook).threads(1).batchLines(BATCH).build().run();
        assertEquals(LINES, again.lines());
        assertEquals(LINES, again.resumedFromLine(), "nothing was adjudicated again");
        assertArrayEquals(expected, Files.readAllBytes(run.out));
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.of(Target.class), Arbitraries.of(Kind.class),
                Arbitraries.doubles().between(0, 1), Arbitraries.bytes()).as(Edit::new);
        return edit.list().ofMinSize(1).ofMaxSize(3);
    }

    /** The edit applied to {@code b}, at a place in its first {@code within} bytes (for an insert, up to {@code within}). */
    private static byte[] apply(byte[] b, int within, Edit e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (e.kind()) {
            case FLIP -> {
                if (within == 0) {
                    return b;
                }
                int at = Math.min(within - 1, (int) (e.at() * within));
                byte[] c = b.clone();
                c[at] ^= e.value() == 0 ? 1 : e.value();
                return c;
            }
            case INSERT -> {
                int at = Math.min(within, (int) (e.at() * (within + 1)));
                out.write(b, 0, at);
                out.write(e.value());
                out.write(b, at, b.length - at);
                return out.toByteArray();
            }
            default -> {
                if (within == 0) {
                    return b;
                }
                int at = Math.min(within - 1, (int) (e.at() * within));
                out.write(b, 0, at);
                out.write(b, at + 1, b.length - at - 1);
                return out.toByteArray();
            }
        }
    }

    /**
     * {@code b} with bytes appended: for {@link Kind#INSERT} a journal entry's worth of digits and
     * spaces (a torn or unrecorded append), else {@code 1 + |value| % 40} bytes of the value.
     */
    private static byte[] append(byte[] b, Edit e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(b);
        if (e.kind() == Kind.INSERT) {
            long n = (long) (e.at() * 1e12);
            out.writeBytes((n + " " + (n + 7) + " 1 2 3 " + e.value() + " 9" + (e.at() < 0.5 ? "\n" : ""))
                    .getBytes(StandardCharsets.ISO_8859_1));
        } else {
            for (int i = 0; i <= Math.abs(e.value()) % 40; i++) {
                out.write(e.value() + i);
            }
        }
        return out.toByteArray();
    }

    private static String value(byte[] checkpoint, String key) {
        for (String line : new String(checkpoint, StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith(key + "=")) {
                return line.substring(key.length() + 1);
            }
        }
        throw new AssertionError(key);
    }
}
