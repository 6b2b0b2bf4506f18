package io.autoclaims.batch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code batches.log} beside the checkpoint: one line per durable batch with where it lies in the
 * input and the output and the CRC32C of both, so a resume can re-read any batch and find the first
 * that differs, and costs one batch (not the done prefix) when only the last is checked. The
 * checkpoint holds the chained SHA-256 of the entries it covers; entries appended after it (a crash
 * between the two writes) are dropped on resume.
 */
final class Journal implements AutoCloseable {
    static final String FILE = "batches.log";
    static final String START = "0".repeat(64);

    /** One batch: input bytes {@code [inputStart, inputEnd)} made output bytes {@code [outputStart, outputEnd)}. */
    record Entry(long inputStart, long inputEnd, long outputStart, long outputEnd, long lines, long inputCrc,
                 long outputCrc) {

        String text() {
            return inputStart + " " + inputEnd + " " + outputStart + " " + outputEnd + " " + lines + " " + inputCrc + " "
                    + outputCrc;
        }

        static Entry parse(String line) {
            String[] f = line.split(" ");
            if (f.length != 7) {
                throw new NumberFormatException("a journal entry has 7 numbers, got \"" + line + "\"");
            }
            return new Entry(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
                    Long.parseLong(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]));
        }
    }

    private final FileChannel channel;
    private String chain;

    private Journal(FileChannel channel, String chain) {
        this.channel = channel;
        this.chain = chain;
    }

    static String chain(String previous, Entry e) {
        return Checkpoint.sha256(previous + "\n" + e.text());
    }

    /** A new, empty journal in {@code dir}. */
    static Journal create(Path dir) throws IOException {
        FileChannel ch = FileChannel.open(dir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        ch.force(true);
        Checkpoint.syncDirectory(dir);
        return new Journal(ch, START);
    }

    /** The journal in {@code dir} continued after its first {@code keep} entries (later ones dropped). */
    static Journal resume(Path dir, List<Entry> entries, int keep, String chain) throws IOException {
        long length = 0;
        for (int i = 0; i < keep; i++) {
            length += entries.get(i).text().length() + 1;
        }
        FileChannel ch = FileChannel.open(dir.resolve(FILE), StandardOpenOption.WRITE);
        ch.truncate(length);
        ch.position(length);
        return new Journal(ch, chain);
    }

    /**
     * The entries in {@code dir}; an unreadable line, or one not spelt exactly as {@link Entry#text}
     * spells it, ends them (a torn last append), which the checkpoint then judges.
     */
    static List<Entry> read(Path dir) throws IOException {
        List<Entry> entries = new ArrayList<>();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(dir.resolve(FILE));
        } catch (NoSuchFileException e) {
            return entries;
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int from = 0;
        for (int nl; (nl = text.indexOf('\n', from)) >= 0; from = nl + 1) {
            String line = text.substring(from, nl);
            try {
                Entry e = Entry.parse(line);
                if (!e.text().equals(line)) {
                    // the same numbers spelt otherwise ("+5", "05", a trailing space): not written by us,
                    // and resume() cuts the file at the lengths of the entries as we spell them
                    break;
                }
                entries.add(e);
            } catch (NumberFormatException e) {
                break;
            }
        }
        return entries;
    }

    /** Appends an entry durably; returns the chain including it. */
    String append(Entry e) throws IOException {
        ByteBuffer b = ByteBuffer.wrap((e.text() + "\n").getBytes(StandardCharsets.ISO_8859_1));
        while (b.hasRemaining()) {
            channel.write(b);
        }
        channel.force(false);
        chain = chain(chain, e);
        return chain;
    }

    String chain() {
        return chain;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
