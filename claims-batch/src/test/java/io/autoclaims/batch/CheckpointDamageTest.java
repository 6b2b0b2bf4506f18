package io.autoclaims.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.rules.Rulebook;
import io.autoclaims.testkit.SyntheticBacklog;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14, "a checkpoint that cannot lie": each damage the issue lists (and a few more), made both
 * as a careless edit that leaves the checksum stale ("... is damaged: ...") and as an attacker would,
 * with the checksum (and the journal's chain) recomputed ("... does not match the output/input/its
 * journal: ..."). Every refusal names what differs and leaves the output and the checkpoint files
 * byte for byte as they were; the damages a crash can leave (a torn output tail, journal entries
 * after the last checkpoint) resume to the undamaged run's bytes.
 */
class CheckpointDamageTest {
    private static final int LINES = 1200;
    private static final int BATCH = 100;
    private static Rulebook rulebook;

    @TempDir
    Path dir;
    private CheckpointDamage run;
    private byte[] expected;

    @BeforeAll
    static void load() {
        rulebook = TestRulebooks.defaultRulebook();
    }

    @BeforeEach
    void crashMidway() throws IOException {
        Path in = dir.resolve("in.jsonl");
        SyntheticBacklog.write(in, LINES, 31);
        expected = CheckpointDamage.reference(in, rulebook);
        run = new CheckpointDamage(in, dir.resolve("out.jsonl"), dir.resolve("ckpt"));
        run.crashAfter(rulebook, BATCH, 5);
        assertEquals("false", run.value("complete"));
        assertTrue(run.number("batches") >= 5, run.value("batches"));
    }

    private BacklogRun.Builder resume() {
        return run.builder(rulebook).threads(2).batchLines(BATCH);
    }

    // ---- the damages ----------------------------------------------------------------------

    @Test
    void outputOffsetOneLess() throws IOException {
        long offset = run.number("outputOffset");
        run.edit("outputOffset", offset - 1, false);
        run.assertRefused(resume(), "is damaged: its content does not match its checksum");
        run.edit("outputOffset", offset - 1, true);
        run.assertRefused(resume(), "does not match its journal", "do not add up", (offset - 1) + " output bytes");
        // the journal rewritten to agree: the record boundary is checked
        List<String> journal = Files.readAllLines(run.ckpt.resolve(Journal.FILE));
        int last = journal.size() - 1;
        String[] f = journal.get(last).split(" ");
        f[3] = String.valueOf(offset - 1);
        run.editJournal(lines -> {
            lines.set(last, String.join(" ", f));
            return lines;
        });
        List<String> forged = Files.readAllLines(run.ckpt.resolve(Journal.FILE));
        run.edit("chain", CheckpointDamage.chain(forged, forged.size()), true);
        run.assertRefused(resume(), "does not match the output", "byte " + (offset - 1) + " does not end a record");
    }

    @Test
    void completeWrittenEarly() throws IOException {
        run.edit("complete", "true", false);
        run.assertRefused(resume(), "is damaged: its content does not match its checksum");
        run.edit("complete", "true", true);
        run.assertRefused(resume(), "is damaged: it is marked complete, but only " + run.value("inputOffset")
                + " of the input's " + Files.size(run.in) + " bytes were done");
        // and with the offset claimed done too: the journal does not reach it
        run.edit("inputOffset", Files.size(run.in), true);
        run.assertRefused(resume(), "does not match its journal", "do not add up");
    }

    @Test
    void linesDonePlusOne() throws IOException {
        long done = run.number("linesDone");
        run.edit("linesDone", done + 1, false);
        run.assertRefused(resume(), "is damaged: its content does not match its checksum");
        run.edit("linesDone", done + 1, true);
        run.assertRefused(resume(), "is damaged: its counts do not add up: " + (done + 1) + " lines done");
        // the counts made to add up too: the journal's lines do not
        run.edit("errors", run.number("errors") + 1, true);
        run.assertRefused(resume(), "does not match its journal", "do not add up to the checkpoint's " + (done + 1) + " lines");
        // and with the journal's last entry forged to agree, the output has one line end too few
        List<String> journal = Files.readAllLines(run.ckpt.resolve(Journal.FILE));
        int last = (int) run.number("batches") - 1;
        String[] f = journal.get(last).split(" ");
        f[4] = String.valueOf(Long.parseLong(f[4]) + 1);
        run.editJournal(lines -> {
            lines.set(last, String.join(" ", f));
            return lines;
        });
        List<String> forged = Files.readAllLines(run.ckpt.resolve(Journal.FILE));
        run.edit("lastLines", f[4], false);
        run.edit("chain", CheckpointDamage.chain(forged, last + 1), true);
        run.assertRefused(resume(), "does not match the output", "differ from what was written");
    }

    @Test
    void randomBytesAsTheCheckpoint() throws IOException {
        Random random = new Random(14);
        for (int length : new int[] {1, 16, 700, 4096}) {
            byte[] noise = new byte[length];
            random.nextBytes(noise);
            Files.write(Checkpoint.file(run.ckpt), noise);
            run.assertRefused(resume(), "is damaged: it");
        }
        Files.write(Checkpoint.file(run.ckpt), new byte[] {'a', (byte) 0xFF, '\n'});
        run.assertRefused(resume(), "is damaged: it is not UTF-8 text");
        Files.writeString(Checkpoint.file(run.ckpt), "hello\n");
        run.assertRefused(resume(), "is damaged: its checksum line is missing");
        Files.writeString(Checkpoint.file(run.ckpt), "");
        run.assertRefused(resume(), "is damaged: its checksum line is missing");
        // random ASCII text with a valid checksum: read, and refused for its content
        Files.writeString(Checkpoint.file(run.ckpt), CheckpointDamage.withChecksum("linesDone=x\nchecksum=0\n"));
        run.assertRefused(resume(), "is damaged: ");
        Files.writeString(Checkpoint.file(run.ckpt), CheckpointDamage.withChecksum("format=1\nchecksum=0\n"));
        run.assertRefused(resume(), "is damaged: it has format 1, this version reads format 2");
    }

    @Test
    void aByteFlippedInTheDonePartOfTheOutput() throws IOException {
        long offset = run.number("outputOffset");
        byte[] out = Files.readAllBytes(run.out);
        // in the first batch: only the full verification (small runs, or verifyAll) reads it
        int at = 50;
        out[at] ^= 0x20;
        Files.write(run.out, out);
        run.assertRefused(resume(), "does not match the output " + run.out, "bytes 0-", "(the records of lines 1-100)",
                "differ from what was written");
        run.assertRefused(resume().verifyAll(true), "differ from what was written");
        // in the last batch, and a line end turned into a space
        out[at] ^= 0x20;
        int nl = (int) offset - 2;
        while (out[nl] != '\n') {
            nl--;
        }
        out[nl] = ' ';
        Files.write(run.out, out);
        run.assertRefused(resume(), "does not match the output", "differ from what was written");
        // the same record's bytes with their line end moved: the CRC differs
        out[nl] = '\n';
        out[(int) offset - 1] = ' ';
        Files.write(run.out, out);
        run.assertRefused(resume(), "does not match the output", "byte " + offset + " does not end a record");
    }

    @Test
    void theOutputTruncated() throws IOException {
        long offset = run.number("outputOffset");
        byte[] out = Files.readAllBytes(run.out);
        for (long length : new long[] {offset - 1, offset / 2, 0}) {
            Files.write(run.out, Arrays.copyOf(out, (int) length));
            run.assertRefused(resume(), "does not match the output " + run.out, "it holds " + length + " bytes",
                    "recorded " + offset + " written");
        }
        // cut at a record boundary: still short of what was recorded
        int boundary = (int) offset - 2;
        while (out[boundary] != '\n') {
            boundary--;
        }
        Files.write(run.out, Arrays.copyOf(out, boundary + 1));
        run.assertRefused(resume(), "it holds " + (boundary + 1) + " bytes");
        // longer than recorded: a torn tail, dropped
        Files.write(run.out, out);
        Files.writeString(run.out, "{\"claimId\":\"torn", StandardOpenOption.APPEND);
        run.assertCompletes(resume(), expected);
    }

    @Test
    void aJournalEntryAltered() throws IOException {
        List<String> original = Files.readAllLines(run.ckpt.resolve(Journal.FILE));
        int batches = (int) run.number("batches");
        // each number of an early entry and of the last one: the chain no longer matches
        for (int entry : new int[] {1, batches - 1}) {
            for (int field = 0; field < 7; field++) {
                int e = entry;
                int k = field;
                run.editJournal(lines -> {
                    String[] f = lines.get(e).split(" ");
                    f[k] = String.valueOf(Long.parseLong(f[k]) + 1);
                    lines.set(e, String.join(" ", f));
                    return lines;
                });
                run.assertRefused(resume(), "does not match its journal " + run.ckpt.resolve(Journal.FILE));
                Files.write(run.ckpt.resolve(Journal.FILE), (String.join("\n", original) + "\n").getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        // a CRC forged with the chain and checksum recomputed: the bytes are read and differ
        String checkpoint = Files.readString(Checkpoint.file(run.ckpt));
        run.editJournal(lines -> {
            String[] f = lines.get(1).split(" ");
            f[5] = String.valueOf(Long.parseLong(f[5]) ^ 1);
            lines.set(1, String.join(" ", f));
            return lines;
        });
        List<String> forged = Files.readAllLines(run.ckpt.resolve(Journal.FILE));
        run.edit("chain", CheckpointDamage.chain(forged, batches), true);
        run.assertRefused(resume(), "does not match the input " + run.in, "(lines 101-200) differ from those adjudicated");
        // an output CRC forged likewise
        Files.write(run.ckpt.resolve(Journal.FILE), (String.join("\n", original) + "\n").getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(Checkpoint.file(run.ckpt), checkpoint);
        run.editJournal(lines -> {
            String[] f = lines.get(2).split(" ");
            f[6] = String.valueOf(Long.parseLong(f[6]) ^ 1);
            lines.set(2, String.join(" ", f));
            return lines;
        });
        forged = Files.readAllLines(run.ckpt.resolve(Journal.FILE));
        run.edit("chain", CheckpointDamage.chain(forged, batches), true);
        run.assertRefused(resume(), "does not match the output", "(the records of lines 201-300) differ");
        // two batches' boundary moved, consistently: they no longer follow each other's bytes
        Files.write(run.ckpt.resolve(Journal.FILE), (String.join("\n", original) + "\n").getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(Checkpoint.file(run.ckpt), checkpoint);
        run.editJournal(lines -> {
            String[] a = lines.get(0).split(" ");
            String[] b = lines.get(1).split(" ");
            a[1] = String.valueOf(Long.parseLong(a[1]) - 1);
            b[0] = a[1];
            lines.set(0, String.join(" ", a));
            lines.set(1, String.join(" ", b));
            return lines;
        });
        forged = Files.readAllLines(run.ckpt.resolve(Journal.FILE));
        run.edit("chain", CheckpointDamage.chain(forged, batches), true);
        run.assertRefused(resume(), "does not match the input", "differ from those adjudicated");
    }

    @Test
    void theJournalTruncatedOrMissing() throws IOException {
        int batches = (int) run.number("batches");
        byte[] journal = Files.readAllBytes(run.ckpt.resolve(Journal.FILE));
        // one entry short, cut inside the last entry, empty, missing
        int lastStart = journal.length - 2;
        while (journal[lastStart] != '\n') {
            lastStart--;
        }
        for (int length : new int[] {lastStart + 1, journal.length - 3, 0}) {
            Files.write(run.ckpt.resolve(Journal.FILE), Arrays.copyOf(journal, length));
            run.assertRefused(resume(), "does not match its journal", "batches, the checkpoint " + batches);
        }
        Files.delete(run.ckpt.resolve(Journal.FILE));
        run.assertRefused(resume(), "does not match its journal", "it lists 0 batches, the checkpoint " + batches);
    }

    @Test
    void journalEntriesAfterTheLastCheckpointAreDroppedAndTheRunResumes() throws IOException {
        // a crash between the journal's append and the checkpoint's rename: the checkpoint of batch 5,
        // the journal and the output of batch 7
        String checkpoint = Files.readString(Checkpoint.file(run.ckpt));
        run.crashAfter(rulebook, BATCH, 2);
        assertTrue(run.number("batches") > Long.parseLong(value(checkpoint, "batches")));
        Files.writeString(Checkpoint.file(run.ckpt), checkpoint);
        // and a torn append after them
        Files.writeString(run.ckpt.resolve(Journal.FILE), "123 45", StandardOpenOption.APPEND);
        run.assertCompletes(resume(), expected);
        assertEquals(String.valueOf(LINES), run.value("linesDone"));
        List<String> journal = Files.readAllLines(run.ckpt.resolve(Journal.FILE));
        assertEquals(run.number("batches"), journal.size(), "the journal lists exactly the checkpoint's batches");
        assertEquals(run.value("chain"), CheckpointDamage.chain(journal, journal.size()));
    }

    /**
     * A journal line that reads as the same numbers but is not spelt as the program spells it (a
     * leading zero or plus sign, a trailing space) has the same chain, so the checkpoint cannot tell;
     * a resume must still leave a journal that the next run reads.
     */
    @Test
    void aJournalLineSpeltOtherwiseLeavesAJournalTheNextRunReads() throws IOException {
        String checkpoint = Files.readString(Checkpoint.file(run.ckpt));
        List<String> original = Files.readAllLines(run.ckpt.resolve(Journal.FILE));
        for (String spelling : new String[] {"leading zero", "plus sign", "trailing space"}) {
            run.editJournal(lines -> {
                String line = lines.get(1);
                lines.set(1, switch (spelling) {
                    case "leading zero" -> "0" + line;
                    case "plus sign" -> "+" + line;
                    default -> line + " ";
                });
                return lines;
            });
            try {
                run.assertCompletes(resume(), expected);
            } catch (CheckpointMismatchException refused) {
                assertTrue(refused.getMessage().startsWith("The checkpoint "), refused.getMessage());
                continue; // refusing such a journal is as good
            }
            // the finished run's checkpoint and journal verify: running again only reports it
            RunSummary again = resume().build().run();
            assertEquals(LINES, again.lines(), spelling);
            assertEquals(LINES, again.resumedFromLine(), spelling);
            assertArrayEquals(expected, Files.readAllBytes(run.out), spelling);
            // back to the crash for the next spelling (the longer output's tail is dropped on resume)
            Files.writeString(Checkpoint.file(run.ckpt), checkpoint);
            Files.write(run.ckpt.resolve(Journal.FILE), (String.join("\n", original) + "\n").getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void moreDamagesAndRefusedArguments() throws IOException {
        String checkpoint = Files.readString(Checkpoint.file(run.ckpt));
        // CRLF line ends (an editor's save)
        Files.writeString(Checkpoint.file(run.ckpt), checkpoint.replace("\n", "\r\n"));
        run.assertRefused(resume(), "is damaged");
        // a line appended after the checksum
        Files.writeString(Checkpoint.file(run.ckpt), checkpoint + "complete=true\n");
        run.assertRefused(resume(), "is damaged: its content does not match its checksum");
        // out-of-range, negative and non-numeric values with a valid checksum
        for (String[] kv : new String[][] {{"outputOffset", "-1"}, {"inputOffset", "99999999999999"},
                {"batches", "0"}, {"lastLines", "0"}, {"linesDone", "99999999999999999999"}, {"complete", "yes"},
                {"lastOutputStart", "99999999999"}}) {
            Files.writeString(Checkpoint.file(run.ckpt), checkpoint);
            run.edit(kv[0], kv[1], true);
            run.assertRefused(resume(), "is damaged: ");
        }
        // a checkpoint for another output path, or another input size
        Files.writeString(Checkpoint.file(run.ckpt), checkpoint);
        run.edit("output", run.out.resolveSibling("elsewhere.jsonl").toAbsolutePath(), true);
        run.assertRefused(resume(), "belongs to the output");
        Files.writeString(Checkpoint.file(run.ckpt), checkpoint);
        run.edit("inputSize", Files.size(run.in) + 1, true);
        run.assertRefused(resume(), "was made with another input");
        // batches claimed beyond the journal
        Files.writeString(Checkpoint.file(run.ckpt), checkpoint);
        run.edit("batches", run.number("batches") + 3, true);
        run.assertRefused(resume(), "does not match its journal", "batches, the checkpoint " + (run.number("batches")));
        // the original still resumes
        Files.writeString(Checkpoint.file(run.ckpt), checkpoint);
        run.assertCompletes(resume(), expected);
    }

    // ---- a complete run ---------------------------------------------------------------------------

    @Test
    void aCompleteRunsOutputChangedAfterwardsIsRefused() throws IOException {
        run.assertCompletes(resume(), expected);
        CheckpointDamage.Files3 done = run.read();
        // bytes appended after the last record (another program writing to the file)
        Files.writeString(run.out, "{\"claimId\":\"X\"}\n", StandardOpenOption.APPEND);
        run.assertRefused(resume(), "does not match the output " + run.out);
        run.write(done);
        // a byte flipped: the full verification reads every batch
        byte[] out = done.output().clone();
        out[out.length / 3] ^= 0x01;
        Files.write(run.out, out);
        run.assertRefused(resume(), "does not match the output", "differ from what was written");
        run.write(done);
        run.assertCompletes(resume(), expected);
        assertArrayEquals(done.checkpoint(), Files.readAllBytes(Checkpoint.file(run.ckpt)), "a complete run is only reported");
    }

    // ---- a large run: only the last batch unless verifyAll ------------------------------------------

    /**
     * Past {@link BacklogRun#FULL_VERIFY_BYTES} of input and output, a resume reads only the last batch
     * (the 2-second target for a 10,000,000-line run); {@code verifyAll} reads every batch and
     * finds a byte flipped in the first. The backlog is mostly lines over a small limit, so that
     * 270 MB of input make little output and the test stays fast.
     */
    @Test
    void pastTheFullVerificationSizeOnlyVerifyAllReadsEveryBatch() throws IOException {
        Path in = dir.resolve("large.jsonl");
        List<String> claims = SyntheticBacklog.lines(400, 32).filter(l -> l.length() < 900).toList();
        byte[] filler = new byte[1 << 20];
        Arrays.fill(filler, (byte) ' ');
        int lines = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(in), 1 << 16)) {
            for (int i = 0; i < 270; i++) {
                out.write(claims.get(i % claims.size()).getBytes(StandardCharsets.UTF_8));
                out.write('\n');
                out.write(filler); // a line of 1 MiB of spaces, over the limit below
                out.write('\n');
                lines += 2;
            }
        }
        assertTrue(Files.size(in) > BacklogRun.FULL_VERIFY_BYTES, "past the full verification: " + Files.size(in));
        CheckpointDamage large = new CheckpointDamage(in, dir.resolve("large-out.jsonl"), dir.resolve("large-ckpt"));
        BacklogRun.Builder first = BacklogRun.builder().rulebook(rulebook).input(in).output(large.out)
                .checkpoint(large.ckpt).threads(2).batchLines(20).maxLineBytes(64 << 10);
        first.build().run();
        CheckpointDamage.Files3 done = large.read();
        assertEquals(String.valueOf(lines), large.value("linesDone"));

        byte[] out = done.output().clone();
        out[10] ^= 0x01; // in the first batch's first record
        Files.write(large.out, out);
        large.assertRefused(BacklogRun.builder().rulebook(rulebook).input(in).output(large.out).checkpoint(large.ckpt)
                .maxLineBytes(64 << 10).verifyAll(true), "does not match the output", "(the records of lines 1-20) differ");
        // in the last batch: found either way
        out[10] ^= 0x01;
        out[out.length - 5] ^= 0x01;
        Files.write(large.out, out);
        large.assertRefused(BacklogRun.builder().rulebook(rulebook).input(in).output(large.out).checkpoint(large.ckpt)
                .maxLineBytes(64 << 10), "does not match the output", "differ from what was written");
        large.write(done);
        RunSummary again = BacklogRun.builder().rulebook(rulebook).input(in).output(large.out).checkpoint(large.ckpt)
                .maxLineBytes(64 << 10).verifyAll(true).build().run();
        assertEquals(lines, again.lines());
        assertArrayEquals(done.output(), Files.readAllBytes(large.out));
    }

    private static String value(String checkpoint, String key) {
        for (String line : checkpoint.split("\n")) {
            if (line.startsWith(key + "=")) {
                return line.substring(key.length() + 1);
            }
        }
        throw new AssertionError(key);
    }
}
