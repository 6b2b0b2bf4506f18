package io.autoclaims.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.Rulebook;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A run's three files after a checkpoint (the output, {@code checkpoint.txt}, {@code batches.log}),
 * as bytes to damage and put back, and the checks every refusal must pass: the message starts with
 * "The checkpoint" and says what differs, and not a byte of the three files changed.
 */
final class CheckpointDamage {
    final Path in;
    final Path out;
    final Path ckpt;

    CheckpointDamage(Path in, Path out, Path ckpt) {
        this.in = in;
        this.out = out;
        this.ckpt = ckpt;
    }

    /** The three files' bytes (null for a missing file). */
    record Files3(byte[] output, byte[] checkpoint, byte[] journal) {
    }

    Files3 read() throws IOException {
        return new Files3(bytes(out), bytes(Checkpoint.file(ckpt)), bytes(ckpt.resolve(Journal.FILE)));
    }

    void write(Files3 f) throws IOException {
        Files.createDirectories(ckpt);
        Files.deleteIfExists(ckpt.resolve(Checkpoint.FILE + ".tmp"));
        put(out, f.output());
        put(Checkpoint.file(ckpt), f.checkpoint());
        put(ckpt.resolve(Journal.FILE), f.journal());
    }

    private static byte[] bytes(Path p) throws IOException {
        return Files.exists(p) ? Files.readAllBytes(p) : null;
    }

    private static void put(Path p, byte[] b) throws IOException {
        if (b == null) {
            Files.deleteIfExists(p);
        } else {
            Files.write(p, b);
        }
    }

    BacklogRun.Builder builder(Rulebook rulebook) {
        return BacklogRun.builder().rulebook(rulebook).input(in).output(out).checkpoint(ckpt);
    }

    /** Runs with a checkpoint and stops it (as a kill would, right after a checkpoint) after {@code batches} batches. */
    void crashAfter(Rulebook rulebook, int batchLines, int batches) {
        AtomicInteger seen = new AtomicInteger();
        assertThrows(IllegalStateException.class, () -> builder(rulebook).threads(2).batchLines(batchLines)
                .progress(p -> {
                    if (seen.incrementAndGet() == batches) {
                        throw new IllegalStateException("simulated crash");
                    }
                }).build().run());
    }

    /**
     * The resume is refused before anything is written: the message starts with "The checkpoint" and
     * holds every fragment; the three files are as they were. Returns the message.
     */
    String assertRefused(BacklogRun.Builder resume, String... fragments) throws IOException {
        Files3 before = read();
        CheckpointMismatchException e = assertThrows(CheckpointMismatchException.class, () -> resume.build().run());
        String m = e.getMessage();
        assertTrue(m.startsWith("The checkpoint "), m);
        for (String f : fragments) {
            assertTrue(m.contains(f), "\"" + f + "\" in: " + m);
        }
        assertTrue(m.contains("Nothing was written"), m);
        assertFalse(m.contains("\n"), m);
        Files3 after = read();
        assertArrayEquals(before.output(), after.output(), "the output is unchanged: " + m);
        assertArrayEquals(before.checkpoint(), after.checkpoint(), "checkpoint.txt is unchanged: " + m);
        assertArrayEquals(before.journal(), after.journal(), "batches.log is unchanged: " + m);
        assertFalse(Files.exists(ckpt.resolve(Checkpoint.FILE + ".tmp")), m);
        return m;
    }

    // ---- editing checkpoint.txt as an attacker would ------------------------------------------------

    /** The value of {@code key} in checkpoint.txt. */
    String value(String key) throws IOException {
        for (String line : Files.readAllLines(Checkpoint.file(ckpt), StandardCharsets.UTF_8)) {
            if (line.startsWith(key + "=")) {
                return line.substring(key.length() + 1);
            }
        }
        throw new AssertionError("no " + key + " in the checkpoint");
    }

    long number(String key) throws IOException {
        return Long.parseLong(value(key));
    }

    /** Sets {@code key} to {@code value}; with {@code fixChecksum}, recomputes the checksum line as the program does. */
    void edit(String key, Object value, boolean fixChecksum) throws IOException {
        editText(text -> {
            List<String> lines = new ArrayList<>(List.of(text.split("\n")));
            boolean found = false;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith(key + "=")) {
                    lines.set(i, key + "=" + value);
                    found = true;
                }
            }
            assertTrue(found, key);
            return String.join("\n", lines) + "\n";
        }, fixChecksum);
    }

    /** Rewrites checkpoint.txt's text; with {@code fixChecksum}, recomputes its last line over the rest. */
    void editText(UnaryOperator<String> change, boolean fixChecksum) throws IOException {
        Path f = Checkpoint.file(ckpt);
        String text = change.apply(Files.readString(f, StandardCharsets.UTF_8));
        if (fixChecksum) {
            text = withChecksum(text);
        }
        Files.writeString(f, text, StandardCharsets.UTF_8);
    }

    /** The text with its {@code checksum=} line recomputed over the lines before it. */
    static String withChecksum(String text) {
        int at = text.lastIndexOf("\nchecksum=");
        String body = text.substring(0, at + 1);
        return body + "checksum=" + Checkpoint.sha256(body) + "\n";
    }

    /** Rewrites batches.log's lines. */
    void editJournal(UnaryOperator<List<String>> change) throws IOException {
        Path f = ckpt.resolve(Journal.FILE);
        List<String> lines = new ArrayList<>(Files.readAllLines(f, StandardCharsets.ISO_8859_1));
        List<String> changed = change.apply(lines);
        Files.write(f, (changed.isEmpty() ? "" : String.join("\n", changed) + "\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The chain digest over journal lines, as the program computes it. */
    static String chain(List<String> journalLines, int count) {
        String chain = Journal.START;
        for (int i = 0; i < count; i++) {
            chain = Journal.chain(chain, Journal.Entry.parse(journalLines.get(i)));
        }
        return chain;
    }

    /** What {@link Adjudicator#adjudicateJsonLines(java.io.InputStream, java.io.OutputStream)} writes for the file. */
    static byte[] reference(Path in, Rulebook rulebook) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Adjudicator.of(rulebook).adjudicateJsonLines(new ByteArrayInputStream(Files.readAllBytes(in)), bytes);
        return bytes.toByteArray();
    }

    /** The resume completes and the output is the undamaged run's, byte for byte. */
    void assertCompletes(BacklogRun.Builder resume, byte[] expected) throws IOException {
        resume.build().run();
        assertArrayEquals(expected, Files.readAllBytes(out), "the output equals an undamaged run's");
        assertTrue(Boolean.parseBoolean(value("complete")));
    }
}
