package io.autoclaims.model.json;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;

/**
 * Splits JSON Lines on {@code \n} only (a lone {@code \r} is JSON whitespace, not a line end) and
 * hands each physical line with its number to {@link ClaimCodec#readLine} (which drops the {@code \r}
 * of {@code \r\n} and a byte order mark before the first line) as soon as the stream asks for it.
 */
final class JsonLinesSpliterator extends Spliterators.AbstractSpliterator<ReadResult> {

    @FunctionalInterface
    interface LineReader {
        ReadResult read(String line, long lineNumber);
    }

    private final Reader in;
    private final LineReader reader;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private long lineNumber;

    JsonLinesSpliterator(Reader in, LineReader reader) {
        super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
        this.in = in;
        this.reader = reader;
    }

    @Override
    public boolean tryAdvance(Consumer<? super ReadResult> action) {
        String line = nextLine();
        if (line == null) {
            return false;
        }
        lineNumber++;
        action.accept(reader.read(line, lineNumber));
        return true;
    }

    /** The next line without its {@code \n}, or null at the end of input (text after the last {@code \n} is a line). */
    private String nextLine() {
        StringBuilder line = null;
        while (true) {
            if (position == limit && !fill()) {
                return line == null ? null : line.toString();
            }
            if (line == null) {
                line = new StringBuilder();
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            line.append(buffer, start, position - start);
            if (position < limit) {
                position++; // the '\n'
                return line.toString();
            }
        }
    }

    private boolean fill() {
        try {
            int read;
            do {
                read = in.read(buffer);
            } while (read == 0);
            if (read < 0) {
                return false;
            }
            position = 0;
            limit = read;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
