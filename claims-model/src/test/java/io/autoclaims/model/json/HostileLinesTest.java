package io.autoclaims.model.json;

import static io.autoclaims.model.json.Samples.CODEC;
import static io.autoclaims.model.json.Samples.WARRANTY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.model.ErrorRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.CRC32C;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Bytes no program of ours wrote: every line gets exactly one result, and it can be written back as UTF-8. */
class HostileLinesTest {

    private static final byte[] GOOD = WARRANTY.getBytes(StandardCharsets.UTF_8);

    @Test
    void anInvalidByteSpoilsItsLineOnly() {
        List<ReadResult> r = read(concat(GOOD, nl(), "{\"claimId\":\"BAD-".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xFF}, "\",\"type\":\"WARRANTY\"}".getBytes(StandardCharsets.UTF_8), nl(), GOOD));
        assertEquals("1:OK,2:INVALID_ENCODING,3:OK", codes(r));
        ErrorRecord e = ((ReadResult.Failed) r.get(1)).error();
        assertNull(e.claimId(), "the line was not read, so its claimId is unknown");
        assertEquals("the line is not valid UTF-8: byte 0xFF at byte 17 cannot start a character;"
                + " save the file as UTF-8 and run again", e.error().message());
    }

    @Test
    void everyKindOfBadUtf8IsNamed() {
        assertMessage(new byte[] {'"', (byte) 0xC0, (byte) 0xAF, '"'}, "byte 0xC0 at byte 2 cannot start a character");
        assertMessage(new byte[] {'"', (byte) 0xE0, (byte) 0x80, (byte) 0xAF, '"'}, "is an overlong form of U+002F");
        assertMessage(new byte[] {'"', (byte) 0xE4, (byte) 0xB8, '"'}, "bytes 0xE4 0xB8 0x22 at byte 2 is not a complete character");
        assertMessage(new byte[] {'"', (byte) 0xE4, (byte) 0xB8}, "is a character cut short by the end of the line");
        assertMessage(new byte[] {'"', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"'}, "is beyond U+10FFFF");
        assertMessage(new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'},
                "the line holds the UTF-16 surrogate U+D800 (bytes 0xED 0xA0 0x80 at byte 2)");
        assertMessage(new byte[] {'{', 0, '}'}, "a NUL byte (0x00) at byte 2");
        assertMessage(new byte[] {'{', 0x1B, '}'}, "the control byte 0x1B at byte 2");
    }

    @Test
    void validUtf8AndTabsAndLoneCarriageReturnsPass() {
        // 中 (3 bytes), 𝟘 (4 bytes), a TAB and a lone CR are all fine; the claim is read
        String line = WARRANTY.replace("\"cylinder head\"", "\"中𝟘\"").replace(", \"type\"", ",\t\r\"type\"");
        assertInstanceOf(ReadResult.Ok.class, read(line.getBytes(StandardCharsets.UTF_8)).get(0));
    }

    @Test
    void utf16FilesGiveOneRecordPerLineNamingTheEncoding() {
        String text = WARRANTY + "\n" + WARRANTY + "\n";
        for (var charset : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            byte[] bom = charset == StandardCharsets.UTF_16LE ? new byte[] {(byte) 0xFF, (byte) 0xFE}
                    : new byte[] {(byte) 0xFE, (byte) 0xFF};
            List<ReadResult> r = read(concat(bom, text.getBytes(charset)));
            // UTF-16LE puts the 0x00 of each \n at the start of the next "line": one more, also reported
            assertTrue(r.stream().allMatch(x -> code(x).equals("INVALID_ENCODING")), codes(r));
            assertTrue(((ReadResult.Failed) r.get(0)).error().error().message()
                    .startsWith("the file starts with a UTF-16 byte order mark"), codes(r));
        }
    }

    @Test
    void anEscapedLoneSurrogateIsReportedAtItsField() {
        String line = WARRANTY.replace("\"cylinder head\"", "\"x\\ud800y\"");
        ErrorRecord e = ((ReadResult.Failed) read(line.getBytes(StandardCharsets.UTF_8)).get(0)).error();
        assertEquals("INVALID_ENCODING", e.error().code());
        assertEquals("lines[0].part", e.error().field());
        assertEquals("W-17", e.claimId());
        // an escaped pair is a character, and fine
        String pair = WARRANTY.replace("\"cylinder head\"", "\"x\\uD835\\uDFD8y\"");
        assertInstanceOf(ReadResult.Ok.class, read(pair.getBytes(StandardCharsets.UTF_8)).get(0));
        // in a field name Jackson refuses it itself; the record can still be written as UTF-8
        for (String escape : List.of("\\udc00", "\\ud800")) {
            String name = WARRANTY.replace("\"odometerKm\"", "\"" + escape + "\"");
            ReadResult.Failed f = (ReadResult.Failed) read(name.getBytes(StandardCharsets.UTF_8)).get(0);
            assertTrue(List.of("INVALID_JSON", "INVALID_ENCODING").contains(f.error().error().code()), f.toString());
            assertUtf8(f.error());
        }
    }

    @Test
    void textWithALoneSurrogateReadsAsTheBytesWould() {
        String line = WARRANTY.replace("cylinder head", "x\uD800y");
        ReadResult fromText = CODEC.read(line, 1);
        assertEquals("INVALID_ENCODING", code(fromText));
        assertEquals(fromText, CODEC.readLines(new java.io.StringReader(line)).toList().get(0));
    }

    @Test
    void aLineLongerThanTheLimitIsSkippedUnreadAndNumbered() {
        ClaimCodec small = CODEC.withMaxLineBytes(GOOD.length);
        byte[] big = concat(GOOD, " ".getBytes(StandardCharsets.UTF_8)); // one byte over
        List<ReadResult> r = read(small, concat(GOOD, nl(), big, nl(), GOOD, "\r\n".getBytes(StandardCharsets.UTF_8),
                big));
        assertEquals("1:OK,2:LINE_TOO_LONG,3:OK,4:LINE_TOO_LONG", codes(r));
        assertTrue(((ReadResult.Failed) r.get(1)).error().error().message().startsWith(
                String.format(java.util.Locale.ROOT, "the line has %,d bytes, more than the %,d", big.length, GOOD.length)),
                r.get(1).toString());
        // exactly the limit, and the limit with the \r of \r\n: held and read
        assertEquals("1:OK,2:OK", codes(read(small, concat(GOOD, "\r\n".getBytes(StandardCharsets.UTF_8), GOOD))));
    }

    @Test
    void aHugeLineIsNeverHeld() throws IOException {
        // 64 MiB of one line through a reader limited to 1 KiB: the batch holds only the small lines
        long huge = 64L << 20;
        java.io.InputStream in = new java.io.SequenceInputStream(new ByteArrayInputStream(concat(GOOD, nl())),
                new java.io.SequenceInputStream(new Filler(huge), new ByteArrayInputStream(concat(nl(), GOOD))));
        ClaimCodec codec = CODEC.withMaxLineBytes(4096);
        try (JsonLinesReader lines = codec.lines(in)) {
            RawLines batch = lines.next(1000, 1 << 20);
            assertEquals(3, batch.size());
            assertTrue(batch.heldBytes() < 3 * GOOD.length, "held " + batch.heldBytes());
            assertEquals("1:OK,2:LINE_TOO_LONG,3:OK", codes(List.of(codec.read(batch, 0), codec.read(batch, 1),
                    codec.read(batch, 2))));
            assertEquals(GOOD.length + 1 + huge + 1 + GOOD.length, batch.inputEnd());
        }
    }

    @Test
    void byteOrderMarkOnlyOnLineOne() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        assertEquals("1:OK,2:INVALID_JSON", codes(read(concat(bom, GOOD, nl(), bom, GOOD))));
        // and the byte path of one line (Spark) agrees with the reader
        assertEquals(read(concat(bom, GOOD)).get(0), CODEC.readLine(concat(bom, GOOD), 0, GOOD.length + 3, 1));
    }

    @Test
    void batchesCutAtTheirLimitsAndChecksumEveryByte() throws IOException {
        byte[] input = concat(GOOD, "\r\n".getBytes(StandardCharsets.UTF_8), GOOD, nl(), nl(), GOOD);
        List<RawLines> batches = new ArrayList<>();
        try (JsonLinesReader lines = CODEC.lines(new ByteArrayInputStream(input)).checksum(new CRC32C())) {
            for (RawLines b; (b = lines.next(2, 1 << 20)) != null; ) {
                batches.add(b);
            }
        }
        assertEquals(List.of(1L, 3L), batches.stream().map(RawLines::firstLine).toList());
        assertEquals(List.of(2, 2), batches.stream().map(RawLines::size).toList());
        assertEquals(0, batches.get(0).inputStart());
        assertEquals(batches.get(0).inputEnd(), batches.get(1).inputStart());
        assertEquals(input.length, batches.get(1).inputEnd());
        for (RawLines b : batches) {
            CRC32C crc = new CRC32C();
            crc.update(input, (int) b.inputStart(), (int) (b.inputEnd() - b.inputStart()));
            assertEquals(crc.getValue(), b.checksum());
        }
        // maxBytes: a batch ends at the first line end after that many held bytes
        try (JsonLinesReader lines = CODEC.lines(new ByteArrayInputStream(input))) {
            assertEquals(1, lines.next(100, 10).size());
        }
    }

    @Test
    void resumingAtAnOffsetNumbersOnFromThere() throws IOException {
        try (JsonLinesReader lines = CODEC.lines(new ByteArrayInputStream(concat(GOOD, nl(), GOOD)), 41, 9_000)) {
            RawLines b = lines.next(10, 1 << 20);
            assertEquals(41, b.firstLine());
            assertEquals(9_000 + 2L * GOOD.length + 1, b.inputEnd());
            assertEquals(42, CODEC.read(b, 1).line());
        }
    }

    /** Any bytes: one result per line ({@code \n}-ended, plus a last unended one), numbered in order. */
    @Property(tries = 300)
    void anyBytesGiveOneResultPerLineAndRecordsThatAreUtf8(@ForAll @Size(max = 400) byte[] noise,
            @ForAll @IntRange(min = 1, max = 64) int maxLineBytes) {
        ClaimCodec codec = CODEC.withMaxLineBytes(maxLineBytes);
        List<ReadResult> r = read(codec, noise);
        int expected = 0;
        for (byte b : noise) {
            expected += b == '\n' ? 1 : 0;
        }
        if (noise.length > 0 && noise[noise.length - 1] != '\n') {
            expected++;
        }
        assertEquals(expected, r.size());
        for (int i = 0; i < r.size(); i++) {
            assertEquals(i + 1, r.get(i).line());
            if (r.get(i) instanceof ReadResult.Failed f) {
                assertUtf8(f.error());
            }
        }
    }

    /** A too-long line counts its bytes as a held line would: without the BOM of line 1 and the \r of \r\n. */
    @Test
    void aLineTooLongCountsNeitherItsByteOrderMarkNorItsCarriageReturn() {
        ClaimCodec small = CODEC.withMaxLineBytes(GOOD.length);
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] big = concat(GOOD, " ".repeat(200_000).getBytes(StandardCharsets.UTF_8)); // beyond one 64 KiB read
        List<ReadResult> r = read(small, concat(bom, big, "\r\n".getBytes(StandardCharsets.UTF_8), big,
                "\r\n".getBytes(StandardCharsets.UTF_8)));
        for (ReadResult result : r) {
            assertTrue(((ReadResult.Failed) result).error().error().message().startsWith(String.format(
                    java.util.Locale.ROOT, "the line has %,d bytes,", big.length)), result.toString());
        }
        assertEquals(2, r.size());
    }

    /**
     * Any bytes, read in small pieces: every line's result equals what the one-line byte path (Spark's
     * engines split lines themselves) gives for that line's bytes.
     */
    @Property(tries = 500)
    void theReaderAndTheOneLineBytePathAgree(@ForAll("pieces") List<byte[]> pieces,
            @ForAll @IntRange(min = 1, max = 24) int maxLineBytes, @ForAll @IntRange(min = 1, max = 7) int readSize) {
        byte[] input = concat(pieces.toArray(new byte[0][]));
        ClaimCodec codec = CODEC.withMaxLineBytes(maxLineBytes);
        List<ReadResult> expected = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= input.length; i++) {
            if (i == input.length ? i > start : input[i] == '\n') {
                expected.add(codec.readLine(input, start, i - start, expected.size() + 1));
                start = i + 1;
            }
        }
        java.io.InputStream trickle = new ByteArrayInputStream(input) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, readSize));
            }
        };
        assertEquals(expected, codec.readLines(trickle).toList());
    }

    @Provide
    Arbitrary<List<byte[]>> pieces() {
        Arbitrary<byte[]> spaces = Arbitraries.integers().between(1, 40)
                .map(n -> " ".repeat(n).getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(Arbitraries.of(new byte[] {'\n'}, new byte[] {'\r'}, new byte[] {'\r', '\n'},
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, new byte[] {'{', '}'}, new byte[] {(byte) 0xFF},
                new byte[] {0}, "\"a\"".getBytes(StandardCharsets.UTF_8)), spaces).list().ofMaxSize(30);
    }

    // --- helpers -----------------------------------------------------------------------------------

    private static void assertUtf8(ErrorRecord e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            CODEC.writeError(e, out);
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(out.toByteArray()));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        assertEquals(CODEC.writeError(e), out.toString(StandardCharsets.UTF_8), "bytes and text agree");
    }

    private static void assertMessage(byte[] line, String part) {
        ReadResult r = read(line).get(0);
        assertEquals("INVALID_ENCODING", code(r));
        String message = ((ReadResult.Failed) r).error().error().message();
        assertTrue(message.contains(part), message);
    }

    private static List<ReadResult> read(byte[] input) {
        return read(CODEC, input);
    }

    private static List<ReadResult> read(ClaimCodec codec, byte[] input) {
        List<ReadResult> results = codec.readLines(new ByteArrayInputStream(input)).toList();
        assertEquals(TreeReference.assertSame(codec, input), results, "readLines and read(RawLines, i) agree");
        return results;
    }

    private static String code(ReadResult r) {
        return r instanceof ReadResult.Failed f ? f.error().error().code() : "OK";
    }

    private static String codes(List<ReadResult> results) {
        return results.stream().map(r -> r.line() + ":" + code(r)).collect(Collectors.joining(","));
    }

    private static byte[] nl() {
        return new byte[] {'\n'};
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** {@code n} bytes of 'x', made as they are read. */
    private static final class Filler extends java.io.InputStream {
        private long left;

        Filler(long n) {
            this.left = n;
        }

        @Override
        public int read() {
            return left-- > 0 ? 'x' : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 'x');
            left -= n;
            return n;
        }
    }
}
