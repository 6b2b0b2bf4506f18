package io.autoclaims.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.autoclaims.cli.HostileLines.Form;
import io.autoclaims.testkit.SyntheticBacklog;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14's memory target: {@code claims reevaluate} in a child JVM with a 64 MB heap (ended at the
 * first OutOfMemoryError) runs a 1,000,000-line backlog holding every hostile form, with 1 and 2
 * threads, and writes exactly 1,000,000 records, record N for line N, the same bytes on both, valid
 * UTF-8. The backlog (about 400 MB): a UTF-8 BOM on line 1; six lines in ten from
 * {@link SyntheticBacklog} (mostly valid claims, about 1 % bad, some CRLF; the shorter ones and one
 * in twenty of the others); one in ten cycling through {@link HostileLines#small} (invalid UTF-8, NUL
 * and control bytes, UTF-16 fragments, encoded and escaped surrogates, overlong and cut characters,
 * Latin-1 and GBK text, CRLF, tabs and lone CRs, 150- and 201-character parts, nesting and number
 * limits, ...); three in ten through {@link HostileLines#tiny} (short broken lines, blank lines);
 * four lines of 5 MB (written streamed, never held here either), lines of exactly the limit, one
 * byte over it and the limit plus {@code \r}, and twenty lines with a free-text field of about 1 MB
 * under the limit (part, claim id, an extension).
 */
class HostileBacklogMemoryTest {
    private static final int LINES = 1_000_000;
    private static final int LIMIT = 1 << 20;
    private static final long HUGE = 5_000_000;
    private static final long[] OVER = {100_000, 350_000, 600_000, 850_000};
    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern AFTER_GC = Pattern.compile("->(\\d+)M\\(");

    /** What each line is: a synthetic line, a small or tiny form (the base + its index), or a special line. */
    private static final byte SYNTHETIC = 0;
    private static final byte SMALL = 1;
    private static final byte TINY = 50;
    private static final byte OVER_LIMIT = 100;
    private static final byte HUGE_PART = 101;
    private static final byte HUGE_ID = 102;
    private static final byte HUGE_EXTENSION = 103;
    private static final byte EXACT_LIMIT = 104;
    private static final byte LIMIT_PLUS_ONE = 105;
    private static final byte LIMIT_PLUS_CR = 106;

    @TempDir
    static Path dir;
    static Path backlog;
    static byte[] kinds;
    /** The index in {@link SyntheticBacklog} of each synthetic line. */
    static int[] synthetic;
    static List<Form> forms;
    static List<Form> tiny;
    static String generated;

    @BeforeAll
    static void writeBacklog() throws IOException {
        long started = System.nanoTime();
        backlog = dir.resolve("hostile-million.jsonl");
        kinds = new byte[LINES + 1];
        synthetic = new int[LINES + 1];
        forms = HostileLines.small(0);
        tiny = HostileLines.tiny();
        Iterator<String> source = SyntheticBacklog.lines(Long.MAX_VALUE / 2, 14).iterator();
        int sourceIndex = 0;
        int form = 0;
        int tinyForm = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(backlog), 1 << 16)) {
            for (int n = 1; n <= LINES; n++) {
                byte kind = kind(n);
                if (kind == SYNTHETIC) {
                    // the shorter claims, and one in twenty of the longer ones: the file stays near 400 MB
                    String line;
                    do {
                        line = source.next();
                        sourceIndex++;
                    } while (line.length() > 520 && sourceIndex % 20 != 0);
                    synthetic[n] = sourceIndex;
                    if (n == 1) {
                        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                    }
                    out.write(line.getBytes(StandardCharsets.UTF_8));
                    out.write('\n');
                } else if (kind == SMALL) {
                    kind = (byte) (SMALL + form++ % forms.size());
                    out.write(forms.get(kind - SMALL).bytes());
                    out.write('\n');
                } else if (kind == TINY) {
                    kind = (byte) (TINY + tinyForm++ % tiny.size());
                    out.write(tiny.get(kind - TINY).bytes());
                    out.write('\n');
                } else {
                    writeSpecial(out, kind, n);
                }
                kinds[n] = kind;
            }
        }
        generated = String.format(Locale.ROOT, "%,d bytes written in %.1f s", Files.size(backlog),
                (System.nanoTime() - started) / 1e9);
    }

    /** SYNTHETIC, SMALL or TINY for the next form of that list, or a special line. */
    private static byte kind(int n) {
        if (n == 1) {
            return SYNTHETIC;
        }
        for (long over : OVER) {
            if (n == over) {
                return OVER_LIMIT;
            }
        }
        if (n == 123_457) {
            return EXACT_LIMIT;
        }
        if (n == 123_458) {
            return LIMIT_PLUS_ONE;
        }
        if (n == 123_459) {
            return LIMIT_PLUS_CR;
        }
        if (n % 50_000 == 25_000) {
            return (byte) (HUGE_PART + n / 50_000 % 3);
        }
        int k = n % 10;
        return k < 6 ? SYNTHETIC : k == 6 ? SMALL : TINY;
    }

    private static void writeSpecial(OutputStream out, byte kind, int n) throws IOException {
        String part = String.format(HostileLines.CLAIM, "H-" + n, "@", "");
        switch (kind) {
            case OVER_LIMIT -> HostileLines.writeFilled(out, part, HUGE, "\n");
            case HUGE_PART -> HostileLines.writeFilled(out, part, 1_000_000, "\n");
            case HUGE_ID -> HostileLines.writeFilled(out, String.format(HostileLines.CLAIM, "@", "brake", ""), 1_000_000,
                    "\n");
            case HUGE_EXTENSION -> HostileLines.writeFilled(out, String.format(HostileLines.CLAIM, "H-" + n, "brake",
                    ",\"extensions\":{\"note\":\"@\"}"), 1_000_000, "\n");
            case EXACT_LIMIT -> HostileLines.writeFilled(out, part, LIMIT - (part.length() - 1), "\n");
            case LIMIT_PLUS_ONE -> HostileLines.writeFilled(out, part, LIMIT + 1 - (part.length() - 1), "\n");
            case LIMIT_PLUS_CR -> HostileLines.writeFilled(out, part, LIMIT - (part.length() - 1), "\r\n");
            default -> throw new IllegalArgumentException("kind " + kind);
        }
    }

    /** What line {@code n}'s record must be; null for a synthetic line (a verdict of its claim, or an error record). */
    private static Form expected(int n) {
        byte kind = kinds[n];
        return switch (kind) {
            case SYNTHETIC -> null;
            case OVER_LIMIT, LIMIT_PLUS_ONE -> new Form("over the limit", null, "LINE_TOO_LONG", null, null);
            case HUGE_PART, EXACT_LIMIT, LIMIT_PLUS_CR -> new Form("a part of 1 MB", null, "INVALID_FIELD", "lines[0].part",
                    null);
            case HUGE_ID -> new Form("a claim id of 1 MB", null, "INVALID_FIELD", "claimId", null);
            case HUGE_EXTENSION -> new Form("an extension of 1 MB", null, null, null, null);
            default -> kind >= TINY ? tiny.get(kind - TINY) : forms.get(kind - SMALL);
        };
    }

    /**
     * {@code peakAfterGcMb}: the most heap in use after any collection (young ones leave old garbage);
     * {@code peakAfterFullMb}: after a full collection, the live set (G1 in so small a heap runs some).
     */
    private record Child(int status, String log, double seconds, long peakAfterGcMb, long peakAfterFullMb, int fullGcs) {
    }

    private static Child reevaluate(Path out, int threads) throws IOException, InterruptedException {
        Path log = dir.resolve("reevaluate-" + threads + ".log");
        Path gc = dir.resolve("gc-" + threads + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:+ExitOnOutOfMemoryError", "-Xlog:gc:file=" + gc, "-cp",
                System.getProperty("java.class.path"), ClaimsCli.class.getName(), "reevaluate", "--in", backlog.toString(),
                "--out", out.toString(), "--threads", String.valueOf(threads)));
        long started = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(20, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the child did not finish in 20 minutes: " + tail(log));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long peak = 0;
        long peakFull = 0;
        int full = 0;
        for (String line : Files.readAllLines(gc)) {
            Matcher m = AFTER_GC.matcher(line);
            if (m.find()) {
                long after = Long.parseLong(m.group(1));
                peak = Math.max(peak, after);
                if (line.contains("Pause Full")) {
                    peakFull = Math.max(peakFull, after);
                    full++;
                }
            }
        }
        return new Child(p.exitValue(), tail(log), seconds, peak, peakFull, full);
    }

    private static String tail(Path log) throws IOException {
        String text = Files.readString(log);
        return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    }

    @Test
    @Timeout(value = 45, unit = TimeUnit.MINUTES)
    void aMillionHostileLinesInA64MegabyteHeapOnOneAndTwoThreads() throws Exception {
        assertTrue(Files.size(backlog) > 4 * HUGE, generated);
        List<String> report = new ArrayList<>(List.of("backlog of " + LINES + " lines: " + generated));
        String firstDigest = null;
        for (int threads : new int[] {1, 2}) {
            Path out = dir.resolve("verdicts-" + threads + ".jsonl");
            Child c = reevaluate(out, threads);
            assertEquals(0, c.status(), c.log());
            long checkStarted = System.nanoTime();
            String digest = threads == 1 ? checkRecords(out) : digest(out);
            report.add(String.format(Locale.ROOT, "--threads %d: %.1f s, %,d bytes out, heap after GC at most %d MB,"
                    + " %d full GCs leaving at most %d MB (checked in %.1f s)", threads, c.seconds(), Files.size(out),
                    c.peakAfterGcMb(), c.fullGcs(), c.peakAfterFullMb(), (System.nanoTime() - checkStarted) / 1e9));
            if (firstDigest == null) {
                firstDigest = digest;
            } else {
                assertEquals(firstDigest, digest, "--threads 2 writes the bytes --threads 1 writes");
            }
            Files.delete(out);
        }
        System.out.println("hostile backlog in 64 MB: " + String.join("; ", report));
    }

    /** Checks every record against its line and that the whole output is UTF-8; returns its SHA-256. */
    private static String checkRecords(Path out) throws IOException, NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars = CharBuffer.allocate(1 << 16);
        byte[] record = new byte[1 << 16];
        int length = 0;
        int n = 0;
        int verdicts = 0;
        byte[] buffer = new byte[1 << 16];
        ByteBuffer pending = ByteBuffer.allocate((1 << 16) + 8);
        try (InputStream in = Files.newInputStream(out)) {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                sha.update(buffer, 0, read);
                pending.put(buffer, 0, read).flip();
                CoderResult cr;
                while ((cr = utf8.decode(pending, chars.clear(), false)).isOverflow()) {
                    // decoded only to validate
                }
                if (cr.isError()) {
                    throw new AssertionError("the output is not valid UTF-8 in or after record " + (n + 1) + ": " + cr);
                }
                pending.compact();
                for (int i = 0; i < read; i++) {
                    if (buffer[i] != '\n') {
                        if (length == record.length) {
                            record = Arrays.copyOf(record, record.length * 2);
                        }
                        record[length++] = buffer[i];
                        continue;
                    }
                    n++;
                    assertTrue(n <= LINES, "more records than lines");
                    if (check(n, record, length)) {
                        verdicts++;
                    }
                    length = 0;
                }
            }
        }
        assertEquals(0, length, "the last record ends with a line feed");
        assertEquals(0, pending.position(), "no character is cut at the end");
        assertEquals(LINES, n, "one record per line");
        assertTrue(verdicts > LINES / 2, "mostly verdicts: " + verdicts);
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Checks record {@code n}; true for a verdict. */
    private static boolean check(int n, byte[] record, int length) throws IOException {
        String claimId = null;
        long line = -1;
        String code = null;
        String field = null;
        boolean verdict = false;
        try (JsonParser p = JSON.createParser(record, 0, length)) {
            assertEquals(JsonToken.START_OBJECT, p.nextToken(), () -> "record " + n);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals("claimId")) {
                    claimId = p.getText();
                } else if (name.equals("line")) {
                    line = p.getLongValue();
                } else if (name.equals("type")) {
                    verdict = true;
                    break;
                } else if (name.equals("error")) {
                    p.nextToken();
                    p.nextToken();
                    code = p.getText();
                    p.nextToken();
                    p.nextToken();
                    field = p.currentToken() == JsonToken.VALUE_NULL ? null : p.getText();
                    break;
                } else {
                    throw new AssertionError("record " + n + " starts with " + name);
                }
            }
        }
        Form f = expected(n);
        String what = "record " + n + " (" + (f == null ? "synthetic line " + synthetic[n] : f.name()) + "): "
                + new String(record, 0, Math.min(length, 300), StandardCharsets.UTF_8);
        if (verdict) {
            assertTrue(f == null || f.code() == null, what);
            if (f == null) {
                assertTrue(claimId.endsWith(String.format("%09d", synthetic[n])), what);
            }
            assertTrue(length < 64 << 10, what);
            return true;
        }
        assertEquals(n, line, what);
        if (f != null) {
            assertEquals(f.code(), code, what);
            if (f.field() != null) {
                assertEquals(f.field(), field, what);
            }
        }
        assertTrue(length < 2 << 20, what);
        return false;
    }

    private static String digest(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                sha.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
