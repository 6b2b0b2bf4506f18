package io.autoclaims.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The hostile line forms of issue #14, as bytes, each with the record it must get: the error code and
 * field, or {@code null} for a verdict. Lines are pure ASCII unless the form is about bytes.
 */
final class HostileLines {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An ASCII warranty claim the default rulebook adjudicates; {@code %s}: the claim id, the part. */
    static final String CLAIM = "{\"claimId\":\"%s\",\"type\":\"WARRANTY\",\"submittedOn\":\"2024-05-21\","
            + "\"vehicle\":{\"vin\":\"LSGKB54H8JA123456\",\"purchasedOn\":\"2023-01-10\",\"odometerKm\":12000},"
            + "\"incident\":{\"occurredOn\":\"2024-05-20\",\"cause\":\"QUALITY_DEFECT\"},"
            + "\"repairShop\":{\"id\":\"4S-SH-001\",\"authorized\":true,\"tier\":\"DEALER_4S\"},"
            + "\"lines\":[{\"lineId\":\"L1\",\"system\":\"BRAKE\",\"part\":\"%s\",\"repairCostCny\":950.00,"
            + "\"replaceCostCny\":2100.00}],\"documents\":[\"REPAIR_ORDER\"]%s}";

    /**
     * One form: its bytes (no line end), the code its record must carry ({@code null}: a verdict), the
     * field ({@code null}: none or any) and a text the error message must hold ({@code null}: any).
     */
    record Form(String name, byte[] bytes, String code, String field, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    private HostileLines() {
    }

    static byte[] claim(String id, String part) {
        return String.format(CLAIM, id, part, "").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] claim(String id, String part, String extra) {
        return String.format(CLAIM, id, part, extra).getBytes(StandardCharsets.UTF_8);
    }

    /** {@code claim(id, "@")} with the {@code @} replaced by raw bytes. */
    static byte[] claimWithRawPart(String id, byte... part) {
        byte[] c = claim(id, "br@ke");
        int at = indexOf(c, (byte) '@');
        return concat(Arrays.copyOf(c, at), part, Arrays.copyOfRange(c, at + 1, c.length));
    }

    /**
     * The small forms (none above a few KB) for line {@code n}: every encoding problem, JSON
     * whitespace and structure oddities, and free text at and over its limits.
     */
    static List<Form> small(long n) {
        String id = "H-" + n;
        return List.of(
                new Form("invalid UTF-8 byte 0xFF", bytes("{\"claimId\":\"BAD-", new byte[] {(byte) 0xFF},
                        "\",\"type\":\"WARRANTY\"}"), "INVALID_ENCODING", null, "byte 0xFF at byte 17"),
                new Form("NUL byte", claimWithRawPart(id, (byte) 0), "INVALID_ENCODING", null, "NUL byte (0x00)"),
                new Form("control byte ESC", claimWithRawPart(id, (byte) 0x1B), "INVALID_ENCODING", null,
                        "control byte 0x1B"),
                new Form("UTF-16LE fragment",
                        new String(claim(id, "brake"), StandardCharsets.US_ASCII).getBytes(StandardCharsets.UTF_16LE),
                        "INVALID_ENCODING", null, "NUL byte"),
                new Form("UTF-16BE fragment",
                        new String(claim(id, "brake"), StandardCharsets.US_ASCII).getBytes(StandardCharsets.UTF_16BE),
                        "INVALID_ENCODING", null, "NUL byte"),
                new Form("encoded surrogate ED A0 80", claimWithRawPart(id, (byte) 0xED, (byte) 0xA0, (byte) 0x80),
                        "INVALID_ENCODING", null, "surrogate U+D800"),
                new Form("escaped lone surrogate in part", claim(id, "x\\ud800y"), "INVALID_ENCODING", "lines[0].part",
                        "\\uD800"),
                new Form("escaped lone low surrogate in claimId", claim("H-\\udc00", "brake"), "INVALID_ENCODING",
                        "claimId", "\\uDC00"),
                new Form("Latin-1 e-acute", claimWithRawPart(id, (byte) 'c', (byte) 'a', (byte) 'f', (byte) 0xE9),
                        "INVALID_ENCODING", null, "0xE9"),
                new Form("GBK Chinese", claimWithRawPart(id, "制动主缸".getBytes(Charset.forName("GBK"))),
                        "INVALID_ENCODING", null, "not valid UTF-8"),
                new Form("overlong C0 AF", claimWithRawPart(id, (byte) 0xC0, (byte) 0xAF), "INVALID_ENCODING", null,
                        "0xC0"),
                new Form("beyond U+10FFFF", claimWithRawPart(id, (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80),
                        "INVALID_ENCODING", null, "beyond U+10FFFF"),
                new Form("character cut by the line end", bytes("{\"claimId\":\"" + id + "\",\"part\":\"",
                        new byte[] {(byte) 0xE4, (byte) 0xB8}), "INVALID_ENCODING", null, "cut short"),
                new Form("blank line", new byte[0], "INVALID_JSON", null, "blank line"),
                new Form("spaces only", "   ".getBytes(StandardCharsets.US_ASCII), "INVALID_JSON", null, null),
                new Form("BOM not on line 1", bytes("", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                        new String(claim(id, "brake"), StandardCharsets.US_ASCII)), "INVALID_JSON", null, null),
                new Form("CRLF", bytes(new String(claim(id, "brake"), StandardCharsets.US_ASCII) + "\r"), null, null, null),
                new Form("TAB and lone CR as whitespace", bytes(new String(claim(id, "brake"), StandardCharsets.US_ASCII)
                        .replace(",\"type\"", ",\t\r \"type\"")), null, null, null),
                new Form("part of 150 characters", claim(id, "p".repeat(149) + "Q"), null, null, null),
                new Form("part of 201 characters", claim(id, "p".repeat(201)), "INVALID_FIELD", "lines[0].part", "200"),
                new Form("U+2028 and U+0085 in part", claim(id, "a\u2028b\u0085c"), null, null, null),
                new Form("escaped NUL in part", claim(id, "a\\u0000b"), null, null, null),
                new Form("claimId of 65 characters", claim("H" + "-".repeat(64), "brake"), "INVALID_FIELD", "claimId",
                        "64"),
                new Form("nesting 1001 deep", claim(id, "brake", ",\"extensions\":{\"a\":" + "[".repeat(1001)
                        + "]".repeat(1001) + "}"), "INVALID_JSON", null, "nests deeper than 1000 levels"),
                new Form("number of 1001 digits", bytes(new String(claim(id, "brake"), StandardCharsets.US_ASCII)
                        .replace("12000", "1".repeat(1001))), "INVALID_JSON", null, "it has 1,001 digits; at most 1,000 are read"),
                new Form("price 1e999999999", bytes(new String(claim(id, "brake"), StandardCharsets.US_ASCII)
                        .replace("\"odometerKm\":12000", "\"odometerKm\":12000,\"priceCny\":1e999999999")),
                        "INVALID_FIELD", "vehicle.priceCny", null),
                new Form("not JSON", bytes("not json at all, line " + n), "INVALID_JSON", null, null),
                new Form("valid claim", claim(id, "brake master cylinder"), null, null, null));
    }

    /** Short broken lines (a few dozen bytes): the cheap bulk of a hostile backlog. */
    static List<Form> tiny() {
        return List.of(
                new Form("blank line", new byte[0], "INVALID_JSON", null, null),
                new Form("CR only", new byte[] {'\r'}, "INVALID_JSON", null, null),
                new Form("short 0xFF", bytes("{\"claimId\":\"B-", new byte[] {(byte) 0xFF}, "\"}"), "INVALID_ENCODING",
                        null, "0xFF"),
                new Form("short NUL", bytes("{\"claimId\":\"B", new byte[] {0}, "\"}"), "INVALID_ENCODING", null, "NUL"),
                new Form("short ESC", bytes("{\"claimId\":\"B", new byte[] {0x1B}, "\"}"), "INVALID_ENCODING", null,
                        "0x1B"),
                new Form("short encoded surrogate", bytes("{\"claimId\":\"B",
                        new byte[] {(byte) 0xED, (byte) 0xB0, (byte) 0x80}, "\"}"), "INVALID_ENCODING", null, "U+DC00"),
                new Form("short UTF-16LE", "{\"claimId\":\"B\"}".getBytes(StandardCharsets.UTF_16LE), "INVALID_ENCODING",
                        null, "NUL"),
                new Form("short escaped surrogate", bytes("{\"claimId\":\"B-\\ud800\",\"type\":\"WARRANTY\"}"),
                        "INVALID_ENCODING", "claimId", "\\uD800"),
                new Form("claim id and type only", bytes("{\"claimId\":\"B-1\",\"type\":\"WARRANTY\"}"), "MISSING_FIELD",
                        null, null),
                new Form("an array", bytes("[1,2]"), "INVALID_JSON", null, null),
                new Form("null", bytes("null"), "INVALID_JSON", null, null),
                new Form("BOM and {}", bytes("", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "{}"), "INVALID_JSON",
                        null, null),
                new Form("cut JSON", bytes("{\"claimId\":"), "INVALID_JSON", null, null));
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] bytes(String before, byte[] raw, String after) {
        return concat(bytes(before), raw, bytes(after));
    }

    static byte[] bytes(String before, byte[] raw) {
        return concat(bytes(before), raw);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] b, byte x) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        throw new IllegalArgumentException("no " + (char) x);
    }

    /**
     * Writes a claim whose {@code lines[0].part} is {@code partBytes} bytes of {@code 'p'}, streamed
     * in 64 KB pieces (never held), and its line end.
     */
    static void writeHugePart(OutputStream out, String id, long partBytes) throws IOException {
        writeFilled(out, String.format(CLAIM, id, "@", ""), partBytes, "\n");
    }

    /**
     * Writes {@code line} with its {@code @} replaced by {@code filler} bytes of {@code 'p'}, streamed
     * in 64 KB pieces (never held), then {@code end}.
     */
    static void writeFilled(OutputStream out, String line, long filler, String end) throws IOException {
        int at = line.indexOf('@');
        out.write(bytes(line.substring(0, at)));
        byte[] chunk = new byte[64 << 10];
        Arrays.fill(chunk, (byte) 'p');
        for (long left = filler; left > 0; left -= chunk.length) {
            out.write(chunk, 0, (int) Math.min(chunk.length, left));
        }
        out.write(bytes(line.substring(at + 1) + end));
    }

    /** The bytes as strict UTF-8 text; fails when they are not. */
    static String strictUtf8(byte[] b) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("the output is not valid UTF-8: " + e, e);
        }
    }

    /** Record {@code line} (1-based) is what the form must get. */
    static void assertRecord(Form form, long line, String record) throws IOException {
        JsonNode r = JSON.readTree(record);
        if (form.code() == null) {
            assertTrue(!r.has("error") && r.has("decision"), "line " + line + " (" + form + ") gets a verdict: " + record);
            return;
        }
        assertTrue(r.has("error"), "line " + line + " (" + form + ") gets an error record: " + record);
        assertEquals(line, r.get("line").asLong(), "line " + line + " (" + form + "): " + record);
        assertEquals(form.code(), r.get("error").get("code").asText(), "line " + line + " (" + form + "): " + record);
        if (form.field() != null) {
            assertEquals(form.field(), r.get("error").get("field").asText(), "line " + line + " (" + form + "): " + record);
        }
        if (form.message() != null) {
            assertTrue(r.get("error").get("message").asText().contains(form.message()),
                    "line " + line + " (" + form + "): " + record);
        }
    }
}
