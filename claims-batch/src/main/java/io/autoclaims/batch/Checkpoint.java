package io.autoclaims.batch;

import io.autoclaims.model.ClaimType;
import io.autoclaims.model.Decision;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state of a run after its last durable batch: {@code checkpoint.txt} in the checkpoint directory,
 * one {@code key=value} a line. Written atomically (a temporary file, fsync, atomic rename, fsync of
 * the directory), always after the output it describes has been fsynced, so the output is never
 * shorter than {@code outputOffset}. The thread count is deliberately not part of it.
 */
record Checkpoint(String input, long inputSize, long inputOffset, String inputSha256, String output,
                  long outputOffset, long linesDone, String rulebookFingerprint, String rulebook,
                  boolean complete, Counts counts) {

    static final int FORMAT = 1;
    static final String FILE = "checkpoint.txt";

    static Path file(Path dir) {
        return dir.resolve(FILE);
    }

    /** The checkpoint in {@code dir}, or null when there is none. */
    static Checkpoint read(Path dir) throws IOException {
        Path f = file(dir);
        String text;
        try {
            text = Files.readString(f, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        }
        Map<String, String> kv = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                kv.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        try {
            int format = Integer.parseInt(need(kv, "format"));
            if (format != FORMAT) {
                throw unreadable(f, "it has format " + format + ", this version reads format " + FORMAT);
            }
            Counts counts = new Counts();
            counts.verdicts = number(kv, "verdicts");
            counts.errors = number(kv, "errors");
            for (Decision d : Counts.DECISIONS) {
                counts.decisions[d.ordinal()] = number(kv, "decision." + d.name());
            }
            for (ClaimType t : Counts.TYPES) {
                counts.types[t.ordinal()] = number(kv, "type." + t.name());
            }
            Checkpoint c = new Checkpoint(need(kv, "input"), number(kv, "inputSize"), number(kv, "inputOffset"),
                    need(kv, "inputSha256"), need(kv, "output"), number(kv, "outputOffset"), number(kv, "linesDone"),
                    need(kv, "rulebookFingerprint"), need(kv, "rulebook"), Boolean.parseBoolean(need(kv, "complete")),
                    counts);
            if (c.linesDone != counts.lines() || c.inputOffset > c.inputSize || c.inputOffset < 0 || c.outputOffset < 0) {
                throw unreadable(f, "its numbers do not agree");
            }
            return c;
        } catch (NumberFormatException e) {
            throw unreadable(f, e.getMessage());
        }
    }

    /** Writes this checkpoint durably and atomically into {@code dir}. */
    void write(Path dir) throws IOException {
        StringBuilder s = new StringBuilder();
        s.append("# claims reevaluate checkpoint: the output is complete up to outputOffset.\n")
                .append("# Remove this directory to start the run over.\n");
        put(s, "format", FORMAT);
        put(s, "input", input);
        put(s, "inputSize", inputSize);
        put(s, "inputOffset", inputOffset);
        put(s, "inputSha256", inputSha256);
        put(s, "output", output);
        put(s, "outputOffset", outputOffset);
        put(s, "linesDone", linesDone);
        put(s, "rulebookFingerprint", rulebookFingerprint);
        put(s, "rulebook", rulebook);
        put(s, "complete", complete);
        put(s, "verdicts", counts.verdicts);
        put(s, "errors", counts.errors);
        for (Decision d : Counts.DECISIONS) {
            put(s, "decision." + d.name(), counts.decisions[d.ordinal()]);
        }
        for (ClaimType t : Counts.TYPES) {
            put(s, "type." + t.name(), counts.types[t.ordinal()]);
        }
        Path tmp = dir.resolve(FILE + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer b = ByteBuffer.wrap(s.toString().getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
        try {
            Files.move(tmp, file(dir), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the checkpoint directory " + dir + " does not support atomic renames", e);
        }
        syncDirectory(dir);
    }

    static void delete(Path dir) throws IOException {
        Files.deleteIfExists(file(dir));
        syncDirectory(dir);
    }

    /** Makes a rename durable; a file system that cannot open directories (Windows) is left as it is. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not supported here: the rename is atomic anyway, only its durability across power loss is weaker
        }
    }

    private static void put(StringBuilder s, String key, Object value) {
        String v = String.valueOf(value);
        if (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(key + " cannot hold a line break: " + v);
        }
        s.append(key).append('=').append(v).append('\n');
    }

    private static String need(Map<String, String> kv, String key) {
        String v = kv.get(key);
        if (v == null) {
            throw new NumberFormatException("the key " + key + " is missing");
        }
        return v;
    }

    private static long number(Map<String, String> kv, String key) {
        return Long.parseLong(need(kv, key));
    }

    private static CheckpointMismatchException unreadable(Path f, String why) {
        return new CheckpointMismatchException("The checkpoint " + f + " cannot be used: " + why
                + ". Remove the checkpoint directory to start the run over.");
    }
}
