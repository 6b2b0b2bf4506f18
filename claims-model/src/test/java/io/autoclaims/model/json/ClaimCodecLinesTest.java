package io.autoclaims.model.json;

import static io.autoclaims.model.json.Samples.ASSISTANCE;
import static io.autoclaims.model.json.Samples.CODEC;
import static io.autoclaims.model.json.Samples.INSURANCE;
import static io.autoclaims.model.json.Samples.WARRANTY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClaimCodecLinesTest {

    private static List<ReadResult> readAll(String text) {
        return CODEC.readLines(new StringReader(text)).toList();
    }

    private static String codes(List<ReadResult> results) {
        return String.join(",", results.stream().map(r -> r instanceof ReadResult.Failed f
                ? f.line() + ":" + f.error().error().code()
                : r.line() + ":OK").toList());
    }

    @Test
    void mixedInputGivesOneResultPerLineInOrder() {
        String text = WARRANTY + "\n" + "{oops\n" + "\n" + INSURANCE + "\n" + "[1]\n"
                + Samples.replace(ASSISTANCE, "\"towKm\": 12.5", "\"towKm\": -1") + "\n" + ASSISTANCE;
        List<ReadResult> results = readAll(text);
        assertEquals("1:OK,2:INVALID_JSON,3:INVALID_JSON,4:OK,5:INVALID_JSON,6:INVALID_FIELD,7:OK", codes(results));
        assertEquals("I-1", assertInstanceOf(ReadResult.Ok.class, results.get(3)).claim().claimId());
        ReadResult.Failed failed = assertInstanceOf(ReadResult.Failed.class, results.get(5));
        assertEquals(6, failed.error().line());
        assertEquals("A-1", failed.error().claimId());
    }

    @Test
    void byteOrderMarkAndCrLfAreAccepted() {
        List<ReadResult> results = readAll("\uFEFF" + WARRANTY + "\r\n" + INSURANCE + "\r\n\r\n" + ASSISTANCE + "\r\n");
        assertEquals("1:OK,2:OK,3:INVALID_JSON,4:OK", codes(results));
    }

    @Test
    void byteOrderMarkIsStrippedOnTheFirstLineOnly() {
        assertEquals("1:OK,2:INVALID_JSON", codes(readAll(WARRANTY + "\n\uFEFF" + INSURANCE)));
    }

    @Test
    void lineEndsAndBlankLines() {
        assertEquals("", codes(readAll("")));
        assertEquals("1:INVALID_JSON", codes(readAll("\n")), "one blank line, then the end");
        assertEquals("1:OK", codes(readAll(WARRANTY + "\n")), "the last newline ends the last line");
        assertEquals("1:OK,2:INVALID_JSON,3:INVALID_JSON", codes(readAll(WARRANTY + "\n\n   ")));
        // a lone CR is JSON whitespace, not a line end
        assertEquals("1:OK", codes(readAll(WARRANTY.replace(", \"type\"", ",\r\"type\""))));
    }

    @Test
    void longLinesSpanningManyBuffersAreReadWhole() {
        // JSON whitespace: no field may hold 50,000 characters
        String padded = WARRANTY.replace("\"cylinder head\"", " ".repeat(50_000) + "\"cylinder head\"");
        List<ReadResult> results = readAll(padded + "\n" + padded);
        assertEquals("1:OK,2:OK", codes(results));
    }

    @Test
    void readingIsLazy() {
        AtomicInteger reads = new AtomicInteger();
        String backlog = (WARRANTY + "\n" + INSURANCE + "\n").repeat(2_000);
        Reader counting = new StringReader(backlog) {
            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                reads.incrementAndGet();
                return super.read(buffer, offset, Math.min(length, 64));
            }
        };
        ReadResult first = CODEC.readLines(counting).findFirst().orElseThrow();
        assertEquals(1, first.line());
        int afterFirst = reads.get();
        // lines are cut in batches of at most 256 lines: what is read ahead is bounded, not the backlog
        long ahead = 64L * afterFirst;
        assertTrue(ahead < 300L * (WARRANTY.length() + INSURANCE.length()) && ahead < backlog.length() / 4,
                "read " + afterFirst + " chunks of 64 characters");
    }

    @Test
    void ioFailureIsUnchecked() {
        Reader broken = new Reader() {
            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                throw new IOException("disk gone");
            }

            @Override
            public void close() {
            }
        };
        assertThrows(UncheckedIOException.class, () -> CODEC.readLines(broken).toList());
    }
}
