package io.autoclaims.model.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.autoclaims.model.ErrorRecord;
import io.autoclaims.model.InputError;
import io.autoclaims.model.json.tree.TreeReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The codec's reading as it was before claims were read straight from the token stream (#14): the
 * same line cutting and text checks, then a Jackson tree walked by the schema (a frozen copy in
 * {@code io.autoclaims.model.json.tree}). Tests compare the codec with it.
 */
final class TreeReference {

    private TreeReference() {
    }

    /** What {@link ClaimCodec#read(String, long)} gave. */
    static ReadResult read(ClaimCodec codec, String line, long lineNumber) {
        byte[] utf8 = Utf8Bytes.encode(line);
        return utf8.length > codec.maxLineBytes() ? failed(lineNumber, TextCheck.tooLong(utf8.length, codec.maxLineBytes()))
                : checkAndParse(utf8, 0, utf8.length, lineNumber);
    }

    /** What {@link ClaimCodec#read(RawLines, int)} gave. */
    static ReadResult read(ClaimCodec codec, RawLines lines, int i) {
        long number = lines.line(i);
        if (lines.tooLong(i)) {
            return failed(number, TextCheck.tooLong(lines.skippedLength(i), codec.maxLineBytes()));
        }
        return checkAndParse(lines.bytes(), lines.start(i), lines.length(i), number);
    }

    /** Asserts that the codec reads the line as the tree reader did, the claim written back included. */
    static ReadResult assertSame(ClaimCodec codec, String line, long lineNumber) {
        ReadResult expected = read(codec, line, lineNumber);
        ReadResult actual = codec.read(line, lineNumber);
        assertSame(codec, expected, actual, line);
        return actual;
    }

    static ReadResult assertSame(String line) {
        return assertSame(Samples.CODEC, line, 1);
    }

    /** Asserts it for every line of a JSON Lines input, cut as the codec cuts it; returns the results. */
    static List<ReadResult> assertSame(ClaimCodec codec, byte[] input) {
        List<ReadResult> results = new ArrayList<>();
        try (JsonLinesReader lines = codec.lines(new ByteArrayInputStream(input))) {
            for (RawLines batch; (batch = lines.next(97, 1 << 16)) != null; ) {
                for (int i = 0; i < batch.size(); i++) {
                    ReadResult actual = codec.read(batch, i);
                    assertSame(codec, read(codec, batch, i), actual, batch.tooLong(i) ? "(too long)"
                            : new String(batch.bytes(), batch.start(i), batch.length(i), java.nio.charset.StandardCharsets.UTF_8));
                    results.add(actual);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return results;
    }

    static void assertSame(ClaimCodec codec, ReadResult expected, ReadResult actual, String line) {
        if (expected instanceof ReadResult.Failed e && actual instanceof ReadResult.Failed a
                && e.error().error().code().equals("INVALID_JSON") && a.error().error().code().equals("INVALID_JSON")) {
            // The tree reader words a line that is not JSON with Jackson's own text; the codec no longer
            // does (JsonSyntaxTest pins its words): the same record but for the message.
            assertEquals(withoutMessage(e), withoutMessage(a), () -> "tree and stream differ on: " + line);
            return;
        }
        assertEquals(expected, actual, () -> "tree and stream differ on: " + line);
        if (expected instanceof ReadResult.Ok ok) {
            // equal records, and written back alike: same map order, same number classes
            assertEquals(codec.writeClaim(ok.claim()), codec.writeClaim(((ReadResult.Ok) actual).claim()), line);
        }
    }

    private static ReadResult checkAndParse(byte[] bytes, int off, int len, long lineNumber) {
        InputError bad = TextCheck.bytes(bytes, off, len, lineNumber);
        if (bad == null && len >= 3 && (bytes[off] & 0xFF) == 0xEF && (bytes[off + 1] & 0xFF) == 0xBB
                && (bytes[off + 2] & 0xFF) == 0xBF) {
            bad = new InputError("INVALID_JSON", null, "not valid JSON: a byte order mark (U+FEFF) at column 1;"
                    + " only the first line of a file may start with one");
        }
        return bad != null ? failed(lineNumber, bad) : TreeReader.parse(bytes, off, len, lineNumber);
    }

    private static ReadResult withoutMessage(ReadResult.Failed f) {
        ErrorRecord r = f.error();
        return new ReadResult.Failed(f.line(), new ErrorRecord(r.claimId(), r.line(),
                new InputError(r.error().code(), r.error().field(), "")));
    }

    private static ReadResult failed(long lineNumber, InputError error) {
        return new ReadResult.Failed(lineNumber, new ErrorRecord(null, lineNumber, error));
    }
}
