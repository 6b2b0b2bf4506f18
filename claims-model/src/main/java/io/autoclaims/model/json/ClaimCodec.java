package io.autoclaims.model.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import io.autoclaims.model.Charge;
import io.autoclaims.model.Claim;
import io.autoclaims.model.DocumentCode;
import io.autoclaims.model.ErrorRecord;
import io.autoclaims.model.Fact;
import io.autoclaims.model.InputError;
import io.autoclaims.model.InvalidClaimException;
import io.autoclaims.model.LineVerdict;
import io.autoclaims.model.Reason;
import io.autoclaims.model.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The strict JSON codec of {@code claims-contract.md}: claims in, verdicts and error records out.
 * Reading reports the first defect in document order; nothing is coerced. Immutable and
 * thread-safe: create one and reuse it.
 */
public final class ClaimCodec {

    /** The longest line read by default: 1 MiB, far beyond any real claim (a few KB). */
    public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;

    private final JsonFactory json;
    private final int maxLineBytes;

    private ClaimCodec(JsonFactory json, int maxLineBytes) {
        this.json = json;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * The codec of the contract, reading lines of at most {@value #DEFAULT_MAX_LINE_BYTES} bytes.
     *
     * @return a new codec; money is written as plain decimals ({@code 18400.00}), text as UTF-8
     * @throws IllegalStateException when the jackson-core on the classpath is older than 2.15.0 (the
     *         message, in English and Chinese, names the version found and how to align it)
     */
    public static ClaimCodec create() {
        // IllegalStateException until the library's base exception type (#15) can carry it
        SupportedJackson.require();
        // Plain BigDecimals: money is written 18400.00, never 1.84E+4. Non-ASCII stays as-is (UTF-8).
        return new ClaimCodec(JsonFactory.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).streamReadConstraints(readLimits()).build(),
                DEFAULT_MAX_LINE_BYTES);
    }

    /**
     * The parser's limits, pinned so that every supported Jackson refuses the same lines: nesting as
     * {@link JsonSyntax} counts it; numbers, strings and names as long as the line (the codec itself
     * bounds digits and names, in its own words, and a line is at most {@link #maxLineBytes}). Left to
     * their defaults, the string limit was 5 million characters in 2.15.0 and 20 million after, and
     * names were unbounded before 2.16 and 50,000 characters from it.
     */
    private static StreamReadConstraints readLimits() {
        StreamReadConstraints.Builder limits = StreamReadConstraints.builder().maxNestingDepth(JsonSyntax.MAX_DEPTH)
                .maxNumberLength(Integer.MAX_VALUE).maxStringLength(Integer.MAX_VALUE);
        if (com.fasterxml.jackson.core.json.PackageVersion.VERSION.getMinorVersion() >= 16) {
            limits.maxNameLength(Integer.MAX_VALUE); // the method came with 2.16: never called on 2.15
        }
        return limits.build();
    }

    /**
     * A codec reading lines of at most {@code maxLineBytes} bytes ({@code \n} and {@code \r\n}
     * not counted); a longer line reads as a {@code LINE_TOO_LONG} error record and is never held whole.
     *
     * @param maxLineBytes the limit in bytes, 1 or more
     * @return a new codec; this one is unchanged
     * @throws IllegalArgumentException when {@code maxLineBytes} is less than 1
     */
    public ClaimCodec withMaxLineBytes(int maxLineBytes) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be 1 or more, got " + maxLineBytes);
        }
        return new ClaimCodec(json, maxLineBytes);
    }

    /**
     * The longest line this codec reads.
     *
     * @return the limit in bytes, without the line end
     */
    public int maxLineBytes() {
        return maxLineBytes;
    }

    /**
     * Reads one JSON Lines line given as text; never throws for bad input, which yields an error
     * record. Text holding a lone surrogate or a control character other than TAB and CR reads as
     * {@code INVALID_ENCODING}, as those bytes would.
     *
     * @param line       the line's text, without its line end
     * @param lineNumber the 1-based line number the result and its error record carry
     * @return the claim, or the error record of its first defect
     * @throws NullPointerException when {@code line} is null
     */
    public ReadResult read(String line, long lineNumber) {
        Objects.requireNonNull(line, "line");
        byte[] utf8 = Utf8Bytes.encode(line); // lone surrogates kept visible to the check, as from a Reader
        return utf8.length > maxLineBytes ? failed(lineNumber, TextCheck.tooLong(utf8.length, maxLineBytes))
                : checkAndParse(utf8, 0, utf8.length, lineNumber);
    }

    /**
     * Reads one physical line of a JSON Lines file given as text, as {@link #readLines} reads it: the
     * {@code \n} already cut off, a trailing {@code \r} (of {@code \r\n}) dropped and, on line 1, a
     * byte order mark skipped. For engines that split a backlog themselves and hold decoded text;
     * prefer {@link #readLine(byte[], int, int, long)}, which sees bytes that are not UTF-8.
     *
     * @param physicalLine the line as split on {@code \n}
     * @param lineNumber   its 1-based number (line 1 may start with a byte order mark)
     * @return the claim, or the error record of its first defect
     * @throws NullPointerException when {@code physicalLine} is null
     */
    public ReadResult readLine(String physicalLine, long lineNumber) {
        Objects.requireNonNull(physicalLine, "physicalLine");
        String line = physicalLine;
        if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK) {
            line = line.substring(1);
        }
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        return read(line, lineNumber);
    }

    /**
     * Reads one physical line of a JSON Lines file given as bytes, without its {@code \n}: the
     * same result as {@link #readLines} gives that line with that number. For engines that split a
     * backlog themselves and number its lines (Spark).
     *
     * @param bytes      the buffer holding the line
     * @param off        where the line starts in {@code bytes}
     * @param len        the line's length in bytes, without its {@code \n}
     * @param lineNumber its 1-based number (line 1 may start with a byte order mark)
     * @return the claim, or the error record of its first defect
     * @throws IndexOutOfBoundsException when {@code off} and {@code len} lie outside {@code bytes}
     */
    public ReadResult readLine(byte[] bytes, int off, int len, long lineNumber) {
        Objects.checkFromIndexSize(off, len, Objects.requireNonNull(bytes, "bytes").length);
        int from = off;
        int n = len;
        if (lineNumber == 1 && n >= 3 && (bytes[from] & 0xFF) == 0xEF && (bytes[from + 1] & 0xFF) == 0xBB
                && (bytes[from + 2] & 0xFF) == 0xBF) {
            from += 3;
            n -= 3;
        }
        if (n > 0 && bytes[from + n - 1] == '\r') {
            n--;
        }
        return n > maxLineBytes ? failed(lineNumber, TextCheck.tooLong(n, maxLineBytes))
                : checkAndParse(bytes, from, n, lineNumber);
    }

    /**
     * Reads line {@code i} of a batch cut by {@link #lines}.
     *
     * @param lines the batch
     * @param i     the line's index in the batch, from 0
     * @return the claim, or the error record of its first defect ({@code LINE_TOO_LONG} for a skipped line)
     * @throws IndexOutOfBoundsException when {@code i} is not an index of the batch
     */
    public ReadResult read(RawLines lines, int i) {
        Objects.checkIndex(i, Objects.requireNonNull(lines, "lines").size());
        long number = lines.line(i);
        if (lines.tooLong(i)) {
            return failed(number, TextCheck.tooLong(lines.skippedLength(i), maxLineBytes));
        }
        return checkAndParse(lines.bytes(), lines.start(i), lines.length(i), number);
    }

    /**
     * A reader cutting {@code in} into numbered lines for {@link #read(RawLines, int)}, holding at
     * most {@link #maxLineBytes} of any line. The caller closes it (which closes {@code in}).
     *
     * @param in the JSON Lines bytes, from their start
     * @return the reader, numbering lines from 1
     */
    public JsonLinesReader lines(InputStream in) {
        return new JsonLinesReader(in, maxLineBytes, 1, 0);
    }

    /**
     * A reader continuing an input at {@code offset}, the start of line {@code firstLine} (a resumed
     * run: {@code in} is already positioned there).
     *
     * @param in        the bytes from {@code offset} on
     * @param firstLine the 1-based number of the line starting at {@code offset}
     * @param offset    the input offset {@code in} starts at, for {@link RawLines#inputStart}
     * @return the reader
     * @throws IllegalArgumentException when {@code firstLine} is less than 1 or {@code offset} negative
     */
    public JsonLinesReader lines(InputStream in, long firstLine, long offset) {
        if (firstLine < 1 || offset < 0) {
            throw new IllegalArgumentException("firstLine must be 1 or more and offset 0 or more");
        }
        return new JsonLinesReader(in, maxLineBytes, firstLine, offset);
    }

    private ReadResult checkAndParse(byte[] bytes, int off, int len, long lineNumber) {
        InputError bad = TextCheck.bytes(bytes, off, len, lineNumber);
        if (bad == null && len >= 3 && (bytes[off] & 0xFF) == 0xEF && (bytes[off + 1] & 0xFF) == 0xBB
                && (bytes[off + 2] & 0xFF) == 0xBF) {
            // Jackson would skip it; only line 1 may start with one (then it is cut off before this)
            bad = new InputError("INVALID_JSON", null, "not valid JSON: a byte order mark (U+FEFF) at column 1;"
                    + " only the first line of a file may start with one");
        }
        return bad != null ? failed(lineNumber, bad) : parse(bytes, off, len, lineNumber);
    }

    private ReadResult parse(byte[] utf8, int off, int len, long lineNumber) {
        try {
            return new ReadResult.Ok(lineNumber, JsonLine.readClaim(json, utf8, off, len));
        } catch (JsonLine.Rejected e) {
            return new ReadResult.Failed(lineNumber, new ErrorRecord(e.claimId, lineNumber, e.error));
        }
    }

    private static ReadResult failed(long lineNumber, InputError error) {
        return new ReadResult.Failed(lineNumber, new ErrorRecord(null, lineNumber, error));
    }

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /**
     * Reads one claim.
     *
     * @param json the claim as one JSON object
     * @return the claim, validated
     * @throws InvalidClaimException with the input error of the first defect, for input that breaks the contract
     * @throws NullPointerException when {@code json} is null
     */
    public Claim readClaim(String json) {
        Objects.requireNonNull(json, "json");
        ReadResult r = read(json, 1);
        if (r instanceof ReadResult.Failed f) {
            throw new InvalidClaimException(f.error().error());
        }
        return ((ReadResult.Ok) r).claim();
    }

    /**
     * Reads a JSON Lines backlog lazily: one result per input line ({@code \n} or {@code \r\n}
     * ended), numbered from 1, in order, as {@link #lines} cuts them. A UTF-8 byte order mark
     * before the first line is skipped; a blank line, bytes that are not UTF-8 and a line longer
     * than {@link #maxLineBytes} yield error records. The caller closes the stream; an I/O failure
     * surfaces as {@link UncheckedIOException}.
     *
     * @param in the JSON Lines bytes
     * @return one result per line, lazily read
     */
    public Stream<ReadResult> readLines(InputStream in) {
        Objects.requireNonNull(in, "in");
        JsonLinesReader reader = lines(in);
        Iterator<ReadResult> results = new Iterator<>() {
            private RawLines batch;
            private int next;

            @Override
            public boolean hasNext() {
                if (batch == null || next == batch.size()) {
                    try {
                        batch = reader.next(256, 1 << 20);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    next = 0;
                }
                return batch != null;
            }

            @Override
            public ReadResult next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return read(batch, next++);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(results,
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /**
     * Reads a backlog given as text: encoded to UTF-8 and read as {@link #readLines(InputStream)}
     * reads bytes (a lone surrogate in the text reads as {@code INVALID_ENCODING}).
     *
     * @param in the JSON Lines text
     * @return one result per line, lazily read
     */
    public Stream<ReadResult> readLines(Reader in) {
        Objects.requireNonNull(in, "in");
        return readLines(new Utf8Bytes(in));
    }

    /**
     * Writes a claim.
     *
     * @param claim the claim
     * @return the claim as one line of JSON with every field, defaults included; reading it back gives an
     *     equal claim
     */
    public String writeClaim(Claim claim) {
        Objects.requireNonNull(claim, "claim");
        return write(out -> ClaimSchema.CLAIM.write(out, claim));
    }

    /**
     * Writes a verdict.
     *
     * @param verdict the verdict
     * @return the verdict as one line of JSON, fields in the contract's order, money with 2 decimals
     */
    public String writeVerdict(Verdict verdict) {
        Objects.requireNonNull(verdict, "verdict");
        return write(verdictBody(verdict));
    }

    /**
     * Writes the verdict as {@link #writeVerdict(Verdict)} spells it, without a line end; the writer
     * is left open. Batch writers use it to skip a String per record.
     *
     * @param verdict the verdict
     * @param out     where the JSON goes
     * @throws IOException when writing fails
     */
    public void writeVerdict(Verdict verdict, Writer out) throws IOException {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(out, "out");
        write(verdictBody(verdict), out);
    }

    /**
     * Writes the error record as {@link #writeError(ErrorRecord)} spells it, without a line end.
     *
     * @param error the error record
     * @param out   where the JSON goes; left open
     * @throws IOException when writing fails
     */
    public void writeError(ErrorRecord error, Writer out) throws IOException {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(out, "out");
        write(errorBody(error), out);
    }

    private static Body verdictBody(Verdict verdict) {
        return verdictBody(verdict, ClaimCodec::writeReason);
    }

    private static Body verdictBody(Verdict verdict, ReasonWriter reasons) {
        return out -> {
            out.writeStartObject();
            string(out, Names.claimId, verdict.claimId());
            string(out, Names.type, verdict.type().name());
            string(out, Names.decision, verdict.decision().name());
            string(out, Names.remedy, verdict.remedy().name());
            number(out, Names.payableCny, verdict.payableCny());
            number(out, Names.customerPaysCny, verdict.customerPaysCny());
            number(out, Names.usageCompensationCny, verdict.usageCompensationCny());
            arrayStart(out, Names.lines);
            for (LineVerdict line : verdict.lines()) {
                out.writeStartObject();
                string(out, Names.lineId, line.lineId());
                bool(out, Names.covered, line.covered());
                string(out, Names.remedy, line.remedy().name());
                number(out, Names.payableCny, line.payableCny());
                writeReasons(out, line.reasons(), reasons);
                out.writeEndObject();
            }
            out.writeEndArray();
            arrayStart(out, Names.charges);
            for (Charge charge : verdict.charges()) {
                out.writeStartObject();
                string(out, Names.item, charge.item());
                string(out, Names.payer, charge.payer().name());
                number(out, Names.amountCny, charge.amountCny());
                out.writeEndObject();
            }
            out.writeEndArray();
            arrayStart(out, Names.missingDocuments);
            for (DocumentCode document : verdict.missingDocuments()) {
                out.writeString(document.name());
            }
            out.writeEndArray();
            writeReasons(out, verdict.reasons(), reasons);
            objectStart(out, Names.rulebook);
            string(out, Names.name, verdict.rulebook().name());
            string(out, Names.version, verdict.rulebook().version());
            string(out, Names.fingerprint, verdict.rulebook().fingerprint());
            // written only when set: a verdict of an undated rulebook keeps its bytes
            if (verdict.rulebook().inForceFrom() != null) {
                string(out, Names.inForceFrom, verdict.rulebook().inForceFrom().toString());
            }
            if (verdict.rulebook().asOf() != null) {
                string(out, Names.asOf, verdict.rulebook().asOf().toString());
            }
            out.writeEndObject();
            out.writeEndObject();
        };
    }

    /**
     * A writer of records one after another to {@code out}, as UTF-8, each followed by {@code \n}:
     * the same bytes as {@link #writeVerdict(Verdict, OutputStream)} or {@link #writeError(ErrorRecord,
     * OutputStream)} and a {@code \n} for each, through one generator (and its buffer) for them all.
     * For batch writers: one per batch. Closing it flushes what it holds to {@code out}, which stays open.
     *
     * @param out where the records go
     * @return the writer, to be closed
     * @throws IOException when the writer cannot be set up on {@code out}
     */
    public RecordWriter records(OutputStream out) throws IOException {
        Objects.requireNonNull(out, "out");
        JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8);
        g.setRootValueSeparator(null); // records are separated by the \n written after each, nothing else
        ReasonBytes reasons = new ReasonBytes();
        JsonGenerator r = json.createGenerator(reasons, JsonEncoding.UTF8);
        r.setRootValueSeparator(null);
        return new RecordWriter(g, r, reasons);
    }

    /**
     * See {@link #records}. Not thread-safe. A verdict quotes each line's reasons again among its
     * own (about half of its bytes): each reason is encoded once per verdict and its bytes copied
     * wherever the same reason stands.
     */
    public static final class RecordWriter implements java.io.Closeable {
        private final JsonGenerator out;
        private final JsonGenerator reasonOut;
        private final ReasonBytes reasonBytes;
        private final java.util.IdentityHashMap<Reason, Encoded> encoded = new java.util.IdentityHashMap<>();
        private final ReasonWriter reasons = this::reason;

        private RecordWriter(JsonGenerator out, JsonGenerator reasonOut, ReasonBytes reasonBytes) {
            this.out = out;
            this.reasonOut = reasonOut;
            this.reasonBytes = reasonBytes;
        }

        /**
         * Writes the verdict and its {@code \n}.
         *
         * @param verdict the verdict
         * @throws IOException when writing fails
         */
        public void verdict(Verdict verdict) throws IOException {
            Objects.requireNonNull(verdict, "verdict");
            encoded.clear();
            reasonBytes.reset();
            verdictBody(verdict, reasons).write(out);
            out.writeRaw('\n');
        }

        private void reason(JsonGenerator g, Reason reason) throws IOException {
            Encoded bytes = encoded.get(reason);
            if (bytes == null) {
                int start = reasonBytes.size();
                writeReason(reasonOut, reason);
                reasonOut.flush();
                bytes = new Encoded(reasonBytes, start, reasonBytes.size() - start);
                encoded.put(reason, bytes);
            }
            g.writeRawValue(bytes);
        }

        /**
         * Writes the error record and its {@code \n}.
         *
         * @param error the error record
         * @throws IOException when writing fails
         */
        public void error(ErrorRecord error) throws IOException {
            Objects.requireNonNull(error, "error");
            errorBody(error).write(out);
            out.writeRaw('\n');
        }

        /**
         * Hands what is buffered to the output stream.
         *
         * @throws IOException when writing fails
         */
        public void flush() throws IOException {
            out.flush();
        }

        /**
         * Flushes; the output stream stays open.
         *
         * @throws IOException when writing fails
         */
        @Override
        public void close() throws IOException {
            reasonOut.close();
            out.close();
        }
    }

    /** The encoded reasons of one verdict. */
    private static final class ReasonBytes extends OutputStream {
        private byte[] bytes = new byte[4096];
        private int size;

        @Override
        public void write(int b) {
            grow(1);
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            grow(len);
            System.arraycopy(b, off, bytes, size, len);
            size += len;
        }

        private void grow(int more) {
            if (size + more > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        int size() {
            return size;
        }

        void reset() {
            size = 0;
        }
    }

    /**
     * One reason's bytes, for {@link JsonGenerator#writeRawValue(com.fasterxml.jackson.core.SerializableString)},
     * which copies them as they are (the generator adds the comma before them); nothing else is asked of it.
     */
    private static final class Encoded implements com.fasterxml.jackson.core.SerializableString {
        private final ReasonBytes in;
        private final int start;
        private final int length;

        Encoded(ReasonBytes in, int start, int length) {
            this.in = in;
            this.start = start;
            this.length = length;
        }

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int offset) {
            if (length > buffer.length - offset) {
                return -1; // the generator flushes and takes asUnquotedUTF8()
            }
            System.arraycopy(in.bytes, start, buffer, offset, length);
            return length;
        }

        @Override
        public byte[] asUnquotedUTF8() {
            return java.util.Arrays.copyOfRange(in.bytes, start, start + length);
        }

        @Override
        public int writeUnquotedUTF8(OutputStream out) throws IOException {
            out.write(in.bytes, start, length);
            return length;
        }

        @Override
        public String getValue() {
            return new String(in.bytes, start, length, StandardCharsets.UTF_8);
        }

        @Override
        public int charLength() {
            return getValue().length();
        }

        @Override
        public char[] asQuotedChars() {
            throw new UnsupportedOperationException();
        }

        @Override
        public byte[] asQuotedUTF8() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int appendQuotedUTF8(byte[] buffer, int offset) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int appendQuoted(char[] buffer, int offset) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int appendUnquoted(char[] buffer, int offset) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int writeQuotedUTF8(OutputStream out) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int putQuotedUTF8(java.nio.ByteBuffer buffer) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int putUnquotedUTF8(java.nio.ByteBuffer buffer) {
            throw new UnsupportedOperationException();
        }
    }

    /**
     * Writes the verdict as {@link #writeVerdict(Verdict)} spells it, UTF-8, without a line end.
     *
     * @param verdict the verdict
     * @param out     where the bytes go; left open
     * @throws IOException when writing fails
     */
    public void writeVerdict(Verdict verdict, OutputStream out) throws IOException {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(out, "out");
        try (JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8)) {
            verdictBody(verdict).write(g);
        }
    }

    /**
     * Writes the error record as {@link #writeError(ErrorRecord)} spells it, UTF-8, without a line end.
     *
     * @param error the error record
     * @param out   where the bytes go; left open
     * @throws IOException when writing fails
     */
    public void writeError(ErrorRecord error, OutputStream out) throws IOException {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(out, "out");
        try (JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8)) {
            errorBody(error).write(g);
        }
    }

    /**
     * Writes an error record.
     *
     * @param error the error record
     * @return the record as one line of JSON; {@code claimId} is left out when unknown, {@code field} may be null
     */
    public String writeError(ErrorRecord error) {
        Objects.requireNonNull(error, "error");
        return write(errorBody(error));
    }

    private static Body errorBody(ErrorRecord error) {
        return out -> {
            out.writeStartObject();
            if (error.claimId() != null) {
                string(out, Names.claimId, error.claimId());
            }
            number(out, Names.line, error.line());
            objectStart(out, Names.error);
            string(out, Names.code, error.error().code());
            string(out, Names.field, error.error().field());
            string(out, Names.message, error.error().message());
            out.writeEndObject();
            out.writeEndObject();
        };
    }

    /** Writes one reason where a value may stand. */
    @FunctionalInterface
    private interface ReasonWriter {
        void write(JsonGenerator out, Reason reason) throws IOException;
    }

    private static void writeReasons(JsonGenerator out, List<Reason> reasons, ReasonWriter writer) throws IOException {
        arrayStart(out, Names.reasons);
        for (Reason reason : reasons) {
            writer.write(out, reason);
        }
        out.writeEndArray();
    }

    private static void writeReason(JsonGenerator out, Reason reason) throws IOException {
        out.writeStartObject();
        string(out, Names.code, reason.code());
        string(out, Names.ruleId, reason.ruleId());
        string(out, Names.table, reason.table());
        number(out, Names.row, reason.row());
        string(out, Names.text, reason.text());
        string(out, Names.textEn, reason.textEn());
        arrayStart(out, Names.facts);
        for (Fact fact : reason.facts()) {
            out.writeStartObject();
            string(out, Names.name, fact.name());
            out.writeFieldName(Names.value);
            ValueTypes.writeFreeForm(out, fact.value());
            out.writeEndObject();
        }
        out.writeEndArray();
        if (reason.lineId() != null) {
            string(out, Names.lineId, reason.lineId());
        }
        out.writeEndObject();
    }

    /**
     * The field names of verdicts and error records, encoded once: written for every record (a name
     * given as a String is escaped and encoded on every write). The same bytes.
     */
    private static final class Names {
        static final SerializedString amountCny = new SerializedString("amountCny");
        static final SerializedString charges = new SerializedString("charges");
        static final SerializedString claimId = new SerializedString("claimId");
        static final SerializedString code = new SerializedString("code");
        static final SerializedString covered = new SerializedString("covered");
        static final SerializedString customerPaysCny = new SerializedString("customerPaysCny");
        static final SerializedString decision = new SerializedString("decision");
        static final SerializedString error = new SerializedString("error");
        static final SerializedString facts = new SerializedString("facts");
        static final SerializedString field = new SerializedString("field");
        static final SerializedString fingerprint = new SerializedString("fingerprint");
        static final SerializedString inForceFrom = new SerializedString("inForceFrom");
        static final SerializedString asOf = new SerializedString("asOf");
        static final SerializedString item = new SerializedString("item");
        static final SerializedString line = new SerializedString("line");
        static final SerializedString lineId = new SerializedString("lineId");
        static final SerializedString lines = new SerializedString("lines");
        static final SerializedString message = new SerializedString("message");
        static final SerializedString missingDocuments = new SerializedString("missingDocuments");
        static final SerializedString name = new SerializedString("name");
        static final SerializedString payableCny = new SerializedString("payableCny");
        static final SerializedString payer = new SerializedString("payer");
        static final SerializedString reasons = new SerializedString("reasons");
        static final SerializedString remedy = new SerializedString("remedy");
        static final SerializedString row = new SerializedString("row");
        static final SerializedString ruleId = new SerializedString("ruleId");
        static final SerializedString rulebook = new SerializedString("rulebook");
        static final SerializedString table = new SerializedString("table");
        static final SerializedString text = new SerializedString("text");
        static final SerializedString textEn = new SerializedString("textEn");
        static final SerializedString type = new SerializedString("type");
        static final SerializedString usageCompensationCny = new SerializedString("usageCompensationCny");
        static final SerializedString value = new SerializedString("value");
        static final SerializedString version = new SerializedString("version");
    }

    private static void string(JsonGenerator out, SerializedString name, String value) throws IOException {
        out.writeFieldName(name);
        out.writeString(value);
    }

    private static void number(JsonGenerator out, SerializedString name, java.math.BigDecimal value) throws IOException {
        out.writeFieldName(name);
        out.writeNumber(value);
    }

    private static void number(JsonGenerator out, SerializedString name, long value) throws IOException {
        out.writeFieldName(name);
        out.writeNumber(value);
    }

    private static void number(JsonGenerator out, SerializedString name, int value) throws IOException {
        out.writeFieldName(name);
        out.writeNumber(value);
    }

    private static void bool(JsonGenerator out, SerializedString name, boolean value) throws IOException {
        out.writeFieldName(name);
        out.writeBoolean(value);
    }

    private static void arrayStart(JsonGenerator out, SerializedString name) throws IOException {
        out.writeFieldName(name);
        out.writeStartArray();
    }

    private static void objectStart(JsonGenerator out, SerializedString name) throws IOException {
        out.writeFieldName(name);
        out.writeStartObject();
    }

    @FunctionalInterface
    private interface Body {
        void write(JsonGenerator out) throws IOException;
    }

    private String write(Body body) {
        StringWriter text = new StringWriter();
        try {
            write(body, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen when writing to a StringWriter
        }
        return text.toString();
    }

    private void write(Body body, Writer target) throws IOException {
        try (JsonGenerator out = json.createGenerator(target)) {
            body.write(out);
        }
    }
}
