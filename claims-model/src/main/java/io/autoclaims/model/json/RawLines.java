package io.autoclaims.model.json;

/**
 * Consecutive physical lines of a JSON Lines input as bytes, cut by {@link JsonLinesReader}: each
 * without its {@code \n}, without the {@code \r} of {@code \r\n}, and line 1 without a UTF-8 byte
 * order mark. A line longer than the limit is not held: only its length is kept. Read each line with
 * {@link ClaimCodec#read(RawLines, int)}. Not thread-safe, but safe to hand from the thread that cut
 * it to one that reads it.
 */
public final class RawLines {
    private final byte[] bytes;
    private final int[] starts;
    private final int[] lengths;
    /** The byte length of each line that was too long to hold; 0 for a held line. */
    private final long[] skipped;
    private final int size;
    private final long firstLine;
    private final long inputStart;
    private final long inputEnd;
    private final long checksum;

    RawLines(byte[] bytes, int[] starts, int[] lengths, long[] skipped, int size, long firstLine, long inputStart,
             long inputEnd, long checksum) {
        this.bytes = bytes;
        this.starts = starts;
        this.lengths = lengths;
        this.skipped = skipped;
        this.size = size;
        this.firstLine = firstLine;
        this.inputStart = inputStart;
        this.inputEnd = inputEnd;
        this.checksum = checksum;
    }

    /**
     * The batch's size.
     *
     * @return the number of lines, skipped (too long) ones included
     */
    public int size() {
        return size;
    }

    /**
     * Where the batch starts.
     *
     * @return the 1-based number of the first line
     */
    public long firstLine() {
        return firstLine;
    }

    /**
     * The number of one line in the input.
     *
     * @param i the line's index in this batch, from 0
     * @return its 1-based number in the input
     */
    public long line(int i) {
        return firstLine + i;
    }

    /**
     * Where the batch starts in the input.
     *
     * @return the input offset of the first byte of these lines
     */
    public long inputStart() {
        return inputStart;
    }

    /**
     * Where the batch ends in the input.
     *
     * @return the input offset just after the last line's {@code \n} (or the end of input)
     */
    public long inputEnd() {
        return inputEnd;
    }

    /**
     * The checksum of every input byte from {@link #inputStart} to {@link #inputEnd}, when the reader
     * was given one ({@link JsonLinesReader#checksum}); else 0.
     *
     * @return the checksum's value, or 0
     */
    public long checksum() {
        return checksum;
    }

    /**
     * The memory the batch holds.
     *
     * @return the held bytes of these lines; {@code \n}, {@code \r\n}, the BOM and skipped lines excluded
     */
    public long heldBytes() {
        return size == 0 ? 0 : starts[size - 1] + lengths[size - 1];
    }

    /**
     * One line's bytes, for a caller that reads the lines as something other than claims (a replay
     * reads stored records with them).
     *
     * @param i the line's index in this batch, from 0
     * @return a copy of the line's bytes, without its line end; null when the line was too long to hold
     * @throws IndexOutOfBoundsException when {@code i} is not an index of this batch
     */
    public byte[] lineBytes(int i) {
        java.util.Objects.checkIndex(i, size);
        return tooLong(i) ? null : java.util.Arrays.copyOfRange(bytes, starts[i], starts[i] + lengths[i]);
    }

    boolean tooLong(int i) {
        return skipped[i] > 0;
    }

    long skippedLength(int i) {
        return skipped[i];
    }

    byte[] bytes() {
        return bytes;
    }

    int start(int i) {
        return starts[i];
    }

    int length(int i) {
        return lengths[i];
    }
}
