package io.autoclaims.batch;

import io.autoclaims.model.ClaimType;
import io.autoclaims.model.Decision;
import io.autoclaims.rules.RulebookHistory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of a run after its last durable batch: {@code checkpoint.txt} in the checkpoint
 * directory, one {@code key=value} a line, its last line the SHA-256 of all the others (so a damaged
 * or hand-edited file is refused, not believed). Written atomically (a temporary file, fsync, atomic
 * rename, fsync of the directory), always after the output and the {@link Journal} it describes have
 * been fsynced. {@code chain} is the digest of the journal's entries up to {@code batches}; {@code
 * last*} describe the last batch, which a resume re-reads in both files. The thread count is
 * deliberately not part of it.
 */
record Checkpoint(String input, long inputSize, long inputOffset, String output, long outputOffset,
                  long linesDone, String rulebookFingerprint, String rulebook, boolean complete, Counts counts,
                  long batches, String chain, Journal.Entry last, List<Version> history, String asOf) {

    /**
     * One version of the rulebook history a run adjudicated with, as the checkpoint records it. A run of
     * one rulebook records no history (an empty list, {@code asOf} null): its checkpoint has the keys it
     * always had, so checkpoints written before histories still resume.
     */
    record Version(String version, String inForceFrom, String fingerprint) {
        static List<Version> of(RulebookHistory h) {
            return h.versions().stream().map(r -> new Version(r.version(), r.inForceFrom().orElseThrow().toString(),
                    r.fingerprint())).toList();
        }

        @Override
        public String toString() {
            return version + " (from " + inForceFrom + ", fingerprint " + fingerprint + ")";
        }
    }

    Checkpoint {
        history = List.copyOf(history);
    }

    static final int FORMAT = 2;
    static final String FILE = "checkpoint.txt";
    private static final String CHECKSUM = "checksum";

    static Path file(Path dir) {
        return dir.resolve(FILE);
    }

    /**
     * The checkpoint in {@code dir}, or null when there is none.
     *
     * @throws CheckpointMismatchException when it is damaged, of another format, or its numbers disagree
     */
    static Checkpoint read(Path dir) throws IOException {
        Path f = file(dir);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(f);
        } catch (NoSuchFileException e) {
            return null;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw damaged(f, "it is not UTF-8 text");
        }
        int sum = text.lastIndexOf("\n" + CHECKSUM + "=");
        if (sum < 0 || !text.endsWith("\n")) {
            throw damaged(f, "its checksum line is missing");
        }
        String body = text.substring(0, sum + 1);
        String recorded = text.substring(sum + 2 + CHECKSUM.length(), text.length() - 1);
        if (!recorded.equals(sha256(body))) {
            throw damaged(f, "its content does not match its checksum (it was changed or cut short)");
        }
        Map<String, String> kv = new LinkedHashMap<>();
        for (String line : body.split("\n")) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                kv.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        try {
            int format = Integer.parseInt(need(kv, "format"));
            if (format != FORMAT) {
                throw damaged(f, "it has format " + format + ", this version reads format " + FORMAT);
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
            List<Version> history = new ArrayList<>();
            long versions = kv.containsKey("history.versions") ? number(kv, "history.versions") : 0;
            if (versions < 0 || versions > kv.size()) {
                throw damaged(f, "its history.versions is out of range");
            }
            for (int i = 1; i <= versions; i++) {
                history.add(new Version(need(kv, "history." + i + ".version"), need(kv, "history." + i + ".inForceFrom"),
                        need(kv, "history." + i + ".fingerprint")));
            }
            if (versions > 0 != kv.containsKey("history.asOf")) {
                throw damaged(f, "its history and its history.asOf do not go together");
            }
            Checkpoint c = new Checkpoint(need(kv, "input"), number(kv, "inputSize"), number(kv, "inputOffset"),
                    need(kv, "output"), number(kv, "outputOffset"), number(kv, "linesDone"),
                    need(kv, "rulebookFingerprint"), need(kv, "rulebook"), bool(kv, "complete"), counts,
                    number(kv, "batches"), need(kv, "chain"),
                    new Journal.Entry(number(kv, "lastInputStart"), number(kv, "inputOffset"),
                            number(kv, "lastOutputStart"), number(kv, "outputOffset"), number(kv, "lastLines"),
                            number(kv, "lastInputCrc"), number(kv, "lastOutputCrc")),
                    history, kv.get("history.asOf"));
            c.checkNumbers(f);
            return c;
        } catch (NumberFormatException e) {
            throw damaged(f, e.getMessage());
        }
    }

    /** The numbers must agree among themselves before anything is compared with the files. */
    private void checkNumbers(Path f) {
        long typed = 0;
        for (long t : counts.types) {
            typed += t;
        }
        long decided = 0;
        for (long d : counts.decisions) {
            decided += d;
        }
        if (linesDone != counts.lines() || decided != counts.verdicts || typed > linesDone) {
            throw damaged(f, "its counts do not add up: " + linesDone + " lines done, " + counts.verdicts
                    + " verdicts, " + counts.errors + " errors");
        }
        if (inputOffset < 0 || inputOffset > inputSize || outputOffset < 0 || batches < 0 || linesDone < 0) {
            throw damaged(f, "its offsets are out of range");
        }
        if ((batches == 0) != (linesDone == 0) || (batches == 0) != (outputOffset == 0)) {
            throw damaged(f, "it records " + batches + " batches for " + linesDone + " lines");
        }
        if (batches > 0 && (last.inputStart() > last.inputEnd() || last.outputStart() > last.outputEnd()
                || last.lines() < 1 || last.lines() > linesDone)) {
            throw damaged(f, "its last batch is out of range");
        }
        if (complete && inputOffset != inputSize) {
            throw damaged(f, "it is marked complete, but only " + inputOffset + " of the input's " + inputSize
                    + " bytes were done");
        }
    }

    /** Writes this checkpoint durably and atomically into {@code dir}. */
    void write(Path dir) throws IOException {
        StringBuilder s = new StringBuilder();
        s.append("# claims reevaluate checkpoint: the output is complete up to outputOffset.\n")
                .append("# Remove this directory to start the run over. Edited by hand, it is refused.\n");
        put(s, "format", FORMAT);
        put(s, "input", input);
        put(s, "inputSize", inputSize);
        put(s, "inputOffset", inputOffset);
        put(s, "output", output);
        put(s, "outputOffset", outputOffset);
        put(s, "linesDone", linesDone);
        put(s, "rulebookFingerprint", rulebookFingerprint);
        put(s, "rulebook", rulebook);
        if (!history.isEmpty()) {
            // a history run: every version and the as-of setting, which a resume must find unchanged
            put(s, "history.versions", history.size());
            for (int i = 0; i < history.size(); i++) {
                put(s, "history." + (i + 1) + ".version", history.get(i).version());
                put(s, "history." + (i + 1) + ".inForceFrom", history.get(i).inForceFrom());
                put(s, "history." + (i + 1) + ".fingerprint", history.get(i).fingerprint());
            }
            put(s, "history.asOf", asOf);
        }
        put(s, "complete", complete);
        put(s, "batches", batches);
        put(s, "chain", chain);
        put(s, "lastInputStart", last.inputStart());
        put(s, "lastOutputStart", last.outputStart());
        put(s, "lastLines", last.lines());
        put(s, "lastInputCrc", last.inputCrc());
        put(s, "lastOutputCrc", last.outputCrc());
        put(s, "verdicts", counts.verdicts);
        put(s, "errors", counts.errors);
        for (Decision d : Counts.DECISIONS) {
            put(s, "decision." + d.name(), counts.decisions[d.ordinal()]);
        }
        for (ClaimType t : Counts.TYPES) {
            put(s, "type." + t.name(), counts.types[t.ordinal()]);
        }
        put(s, CHECKSUM, sha256(s.toString()));
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
        Files.deleteIfExists(dir.resolve(Journal.FILE));
        syncDirectory(dir);
    }

    /** Makes a rename durable; a file system that cannot open directories (Windows) is left as it is. */
    static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not supported here: the rename is atomic anyway, only its durability across power loss is weaker
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
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

    private static boolean bool(Map<String, String> kv, String key) {
        String v = need(kv, key);
        if (!v.equals("true") && !v.equals("false")) {
            throw new NumberFormatException(key + " must be true or false, got " + v);
        }
        return v.equals("true");
    }

    static CheckpointMismatchException damaged(Path f, String why) {
        return new CheckpointMismatchException("The checkpoint " + f + " is damaged: " + why
                + ". Nothing was written. Remove the checkpoint directory to start the run over.");
    }
}
