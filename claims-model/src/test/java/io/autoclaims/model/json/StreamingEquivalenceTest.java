package io.autoclaims.model.json;

import static io.autoclaims.model.json.Samples.ASSISTANCE;
import static io.autoclaims.model.json.Samples.CODEC;
import static io.autoclaims.model.json.Samples.INSURANCE;
import static io.autoclaims.model.json.Samples.WARRANTY;
import static io.autoclaims.model.json.Samples.replace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoclaims.model.Claim;
import io.autoclaims.model.ClaimChecks;
import io.autoclaims.model.json.ReadResult.Failed;
import io.autoclaims.model.json.ReadResult.Ok;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The codec reads claims straight from the token stream; {@link TreeReference} is the tree reader it
 * replaced (#14). Every line here must read the same through both: the same claim (written back
 * alike), or the same error record (code, field, message, claimId, line). Existing fixtures are
 * compared too: {@link Samples#error}, {@code ClaimCodecReadTest}, {@code HostileLinesTest} and
 * {@code ClaimCodecProperties} go through {@link TreeReference#assertSame}.
 */
class StreamingEquivalenceTest {

    private static final ClaimCodecProperties GENERATORS = new ClaimCodecProperties();

    // --- fixtures --------------------------------------------------------------------------------

    @Test
    void everyJsonLinesFileOfTheRepository() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".jsonl"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/"))
                    .sorted().toList();
        }
        assertTrue(files.size() >= 8, files.toString());
        int lines = 0;
        for (Path file : files) {
            lines += TreeReference.assertSame(CODEC, Files.readAllBytes(file)).size();
        }
        assertTrue(lines > 50, "lines: " + lines);
    }

    @Test
    void samplesAndTheirDefectsInEveryOrder() {
        for (String sample : List.of(WARRANTY, INSURANCE, ASSISTANCE)) {
            TreeReference.assertSame(sample);
            // each prefix: INVALID_JSON mid-line, after or before any defect
            for (int cut = 0; cut <= sample.length(); cut++) {
                TreeReference.assertSame(sample.substring(0, cut));
                TreeReference.assertSame(sample.substring(0, cut) + "\"x\": 1e-9999999999" + sample.substring(cut));
                TreeReference.assertSame(sample.substring(0, cut) + "\"\\ud800\"" + sample.substring(cut));
            }
        }
    }

    /** The rules the old reader had, one by one, where streaming makes them easy to get wrong. */
    @Test
    void documentOrderDuplicatesClaimIdAndWhatWinsOverWhat() {
        String w = WARRANTY;
        List<String> lines = List.of(
                // the claimId of the record is the top-level one, read before or after the defect
                w.replace("\"claimId\": \"W-17\", ", "").replace("}]}", "}], \"claimId\": \"late\"}")
                        .replace("\"odometerKm\": 12000", "\"odometerKm\": -1"),
                w.replace("\"odometerKm\": 12000", "\"odometerKm\": -1") + "",
                w.replace("\"W-17\"", "17").replace("}]}", "}], \"claimId\": \"dup\"}"),
                w.replace("}]}", "}], \"claimId\": \"dup\"}"),
                w.replace("\"W-17\"", "null").replace("}]}", "}], \"claimId\": \"dup\"}"),
                "{\"a\": {\"claimId\": \"nested\"}, \"x\": 1}",
                "[{\"claimId\": \"in-array\"}]",
                "{\"claimId\": \"W\", \"type\": \"BAD\"} x",
                "{\"claimId\": \"W\", \"type\": \"BAD\"} {}",
                "{\"claimId\": \"W\", \"type\": \"BAD\", \"x\": tru}",
                "{\"claimId\": \"W\", \"type\": \"BAD\", \"x\": 1e-9999999999}",
                "{\"claimId\": \"W\", \"type\": \"BAD\", \"x\": \"\\ud800\"}",
                "{\"claimId\": \"W\", \"type\": \"BAD\", \"x\\udc00\": 1}",
                "{\"type\": \"BAD\", \"x\": \"\\ud800\", \"claimId\": \"W\"}",
                "{\"claimId\": \"\\ud800\", \"type\": \"BAD\"}",
                "{\"claimId\": \"W\\ud800\", \"claimId\": \"V\"}",
                // a duplicate's value is skipped unread: its surrogate or unusable number does not count
                "{\"claimId\": \"W\", \"claimId\": \"\\ud800\"}",
                "{\"claimId\": \"W\", \"claimId\": 1e-9999999999}",
                "{\"claimId\": \"W\", \"claimId\": {\"a\": \"\\ud800\", \"a\": 1}, \"type\": \"BAD\"}",
                "{\"claimId\": \"W\", \"claimId\": [1e-9999999999, \"\\udfff\"], \"type\": \"BAD\"}",
                "{\"claimId\": \"W\", \"x\": {\"claimId\": \"V\", \"claimId\": \"\\ud800\"}}",
                // the first duplicate of the line, even one after a defect, inside an unknown field's value
                "{\"claimId\": \"W\", \"zz\": {\"a\": 1, \"a\": 2}, \"type\": \"WARRANTY\", \"type\": 1}",
                "{\"claimId\": \"W\", \"type\": \"WARRANTY\", \"type\": 1, \"zz\": {\"a\": 1, \"a\": 2}}",
                "{\"claimId\": null, \"claimId\": \"W\"}",
                "{\"vehicle\": {\"vin\": null, \"vin\": 1}}",
                "{\"vehicle\": {\"vin\": \"x\", \"odometerKm\": -1, \"vin\": 1}}",
                "{\"vehicle\": {\"vin\": \"x\", \"vin\": 1, \"odometerKm\": -1}}",
                "{\"vehicle\": {\"vin\": \"x\"}, \"vehicle\": 1, \"type\": \"BAD\"}",
                "{\"lines\": [{\"lineId\": \"a\", \"lineId\": \"b\"}, {\"x\": 1}]}",
                "{\"lines\": [{\"lineId\": \"a\"}, {\"lineId\": \"a\", \"lineId\": 1}]}",
                "{\"extensions\": {\"a\": [{\"b\": 1, \"c\": {\"d\": null, \"d\": 2}}]}, \"type\": \"BAD\"}",
                "{\"extensions\": {\"a\": {\"b\": 1}, \"a\": 2}}",
                "{\"extensions\": {\"a\": 1, \"b\": \"\\ud800\"}}",
                "{\"extensions\": {\"a\": 1e-9999999999}}",
                "{\"extensions\": {\"big\": 123456789012345678901234567890, \"l\": 12345678901, \"f\": 1.50, \"e\": 1e3}}",
                // missing fields after the object's own fields, then cross-field checks, then later objects
                "{\"vehicle\": {\"odometerKm\": 1}, \"type\": \"BAD\"}",
                "{\"vehicle\": {\"vin\": null}, \"type\": \"BAD\"}",
                "{\"policy\": {\"policyNo\": \"P\", \"startsOn\": \"2024-01-02\", \"endsOn\": \"2024-01-01\", "
                        + "\"coverages\": [], \"addOns\": [], \"sumInsuredCny\": 1}, \"type\": \"BAD\"}",
                // wrong kinds of value, described as the tree described them
                "{\"claimId\": 1.50}", "{\"claimId\": 1e3}", "{\"claimId\": -0}", "{\"claimId\": -0.0}",
                "{\"claimId\": 12345678901}", "{\"claimId\": 123456789012345678901234567890}",
                "{\"claimId\": true}", "{\"claimId\": {}}", "{\"claimId\": []}", "{\"claimId\": \"" + "x".repeat(80) + "\"}",
                "{\"vehicle\": {\"odometerKm\": 2147483648}}", "{\"vehicle\": {\"odometerKm\": -2147483649}}",
                "{\"vehicle\": {\"odometerKm\": 99999999999999999999}}", "{\"vehicle\": {\"odometerKm\": 1.0}}",
                "{\"vehicle\": {\"priceCny\": 1e15}}", "{\"vehicle\": {\"priceCny\": 0.00000000000000000000001}}",
                "{\"documents\": [null]}", "{\"lines\": [null]}", "{\"lines\": [[]]}", "{\"lines\": \"x\"}",
                "[]", "[1, {\"a\": 1, \"a\": 2}]", "\"\\ud800\"", "\"x\"", "1e-9999999999", "12", "null", "",
                " ", "{}", "{\"\": 1}", "{\"a\"}", "{\"a\": }", "{,}", "[", "{", "}", "\"", "{\"claimId\": \"W\"",
                "[" .repeat(1200) + "]".repeat(1200), "{\"extensions\": " + "[".repeat(1100) + "]".repeat(1100) + "}",
                "{\"claimId\": \"W\", \"x\": " + "9".repeat(1200) + "}",
                "{\"claimId\": \"W\", \"x\": 0." + "9".repeat(1200) + "}");
        for (String line : lines) {
            TreeReference.assertSame(line);
        }
    }

    /**
     * The one known difference, a bug of the tree reader: it remembered the line's first duplicate by
     * the path of its object as text and reported it at any object spelled alike. A duplicate inside
     * the value of an unknown key whose name holds a dot or a bracket ({@code "extensions.a"},
     * {@code "lines[0]"}) was thus reported inside an earlier object that has no duplicate, before the
     * first real defect. The stream reports the first defect in document order: the unknown key.
     */
    @Test
    void aDuplicateIsReportedWhereItStandsNotAtAnObjectOfTheSameSpelling() {
        String line = "{\"claimId\": \"X\", \"extensions\": {\"a\": {\"b\": {\"p\": 1}}},"
                + " \"extensions.a\": {\"b\": {\"p\": 1, \"p\": 2}}}";
        assertEquals(new io.autoclaims.model.InputError("INVALID_FIELD", "extensions.a.b.p",
                "duplicate field \"p\": a field may appear only once in an object"),
                ((Failed) TreeReference.read(CODEC, line, 1)).error().error());
        assertEquals("UNKNOWN_FIELD extensions.a", code(CODEC.read(line, 1)));
        String lines = replace(WARRANTY, "\"documents\"", "\"lines[0]\": {\"lineId\": 1, \"lineId\": 2}, \"documents\"");
        assertEquals("INVALID_FIELD lines[0].lineId", code(TreeReference.read(CODEC, lines, 1)));
        assertEquals("UNKNOWN_FIELD lines[0]", code(CODEC.read(lines, 1)));
    }

    private static String code(ReadResult r) {
        io.autoclaims.model.InputError e = ((Failed) r).error().error();
        return e.code() + " " + e.field();
    }

    // --- generated -------------------------------------------------------------------------------

    @Property(tries = 500)
    void validClaims(@ForAll("claims") Claim claim) {
        String json = CODEC.writeClaim(claim);
        assertEquals(new Ok(1, claim), TreeReference.assertSame(json));
    }

    /** As ClaimCodecProperties breaks claims, with more fragments: the codec's reader against the tree's. */
    @Property(tries = 1200)
    void damagedClaims(@ForAll("claims") Claim claim, @ForAll @IntRange(max = 100_000) int at,
            @ForAll @IntRange(max = 12) int cut, @ForAll("fragments") String fragment, @ForAll boolean twice,
            @ForAll @IntRange(max = 100_000) int at2) {
        String json = CODEC.writeClaim(claim);
        int start = at % (json.length() + 1);
        String damaged = json.substring(0, start) + fragment + json.substring(Math.min(json.length(), start + cut));
        if (twice) {
            int second = at2 % (damaged.length() + 1);
            damaged = damaged.substring(0, second) + fragment + damaged.substring(second);
        }
        assertValidOnce(TreeReference.assertSame(CODEC, damaged, 3));
    }

    /**
     * Structural damage at any depth: duplicate keys (their values good, bad, unreadable or holding
     * duplicates themselves), unknown fields, nulls, missing fields and bad values, one to four of
     * them anywhere in the claim, so that a duplicate comes before or after other defects.
     */
    @Property(tries = 1200)
    void duplicatesAndOtherDefectsAtAnyDepth(@ForAll("claims") Claim claim, @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 4) int defects, @ForAll boolean spaced) {
        Random random = new Random(seed);
        JsonNode tree = tree(CODEC.writeClaim(claim));
        List<ObjectNode> objects = new ArrayList<>();
        collectObjects(tree, objects);
        Map<JsonNode, List<Edit>> edits = new IdentityHashMap<>();
        for (int i = 0; i < defects; i++) {
            ObjectNode target = objects.get(random.nextInt(objects.size()));
            edits.computeIfAbsent(target, k -> new ArrayList<>()).add(Edit.random(random, target));
        }
        StringBuilder out = new StringBuilder();
        write(tree, edits, out, spaced);
        assertValidOnce(TreeReference.assertSame(CODEC, out.toString(), 5));
    }

    @Property(tries = 1500)
    void anyText(@ForAll("garbage") String garbage) {
        TreeReference.assertSame(CODEC, garbage, 2);
    }

    @Property(tries = 500)
    void anyString(@ForAll String any) {
        TreeReference.assertSame(CODEC, any, 1);
    }

    @Property(tries = 500)
    void anyBytes(@ForAll @Size(max = 300) byte[] noise) {
        TreeReference.assertSame(CODEC, noise);
    }

    /** What the codec accepts it has checked as {@link ClaimChecks} does: why the pipeline need not check again. */
    private static void assertValidOnce(ReadResult r) {
        if (r instanceof Ok ok) {
            assertEquals(Optional.empty(), ClaimChecks.firstProblem(ok.claim()), ok.claim().toString());
        } else {
            assertTrue(((Failed) r).error().error().message().length() > 0);
        }
    }

    @Provide
    Arbitrary<Claim> claims() {
        return GENERATORS.claims();
    }

    @Provide
    Arbitrary<String> garbage() {
        return Arbitraries.oneOf(GENERATORS.garbage(),
                Arbitraries.strings().withChars("{}[]\":,-+.0123456789eEtrufalsn \\/\t\rud8c").ofMaxLength(60),
                Arbitraries.of("{\"claimId\":", "{\"claimId\":\"x\",", "\"type\":\"BAD\"", "\"\\ud800\"", "\"claimId\"",
                        ":", ",", "{", "}", "[", "]", "1e-9999999999", "null", "\"a\":1,", "\"a\":1,\"a\":2")
                        .list().ofMaxSize(10).map(parts -> String.join("", parts)));
    }

    @Provide
    Arbitrary<String> fragments() {
        return Arbitraries.oneOf(GENERATORS.fragments(),
                Arbitraries.of("\\ud800", "\\udc00x", "\\ud83d\\ude97", "\"\\ud800\"", "\"a\\ud800\":1,", "1e-9999999999",
                        "99999999999999999999", "2147483648", "-0", "-0.0", "1.0", "\"claimId\":\"D\",", "\"claimId\":1,",
                        "\"type\":\"X\",", "\"vin\":null,", "\"extensions\":{\"a\":1,\"a\":2},", "{\"a\":1,\"a\":2}",
                        "\"part\":\"p\",", "\"lineId\":\"L\",", "\"lines\":[{}],", "null,", "\t", "\r", " x", "{}}",
                        "\"" + "z".repeat(70) + "\""),
                Arbitraries.strings().withChars("{}[]\":,-.019eatnu\\d8").ofMaxLength(6));
    }

    // --- structural edits ------------------------------------------------------------------------

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    /** Values a field may be given: good, bad, unreadable, or holding a duplicate of their own. */
    private static final List<String> VALUES = List.of("null", "1", "-1", "0.5", "1.005", "12.50", "1e3", "true",
            "\"x\"", "\"\"", "\"2024-02-30\"", "\"WARRANTY\"", "{}", "[]", "[null]", "[\"x\"]", "{\"a\":1}",
            "{\"a\":1,\"a\":2}", "[{\"b\":{},\"b\":[]}]", "\"\\ud800\"", "{\"k\\udc00\":1}", "1e-9999999999",
            "123456789012345678901234567890", "\"" + "y".repeat(300) + "\"");

    private record Edit(Kind kind, int position, String name, String value) {
        enum Kind { DUPLICATE, UNKNOWN, NULL, REMOVE, REPLACE }

        static Edit random(Random random, ObjectNode target) {
            List<String> names = new ArrayList<>();
            target.fieldNames().forEachRemaining(names::add);
            Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
            if (names.isEmpty()) {
                kind = Kind.UNKNOWN;
            }
            String value = VALUES.get(random.nextInt(VALUES.size()));
            int position = random.nextInt(names.size() + 1);
            return switch (kind) {
                case DUPLICATE -> new Edit(kind, position, names.get(random.nextInt(names.size())),
                        random.nextBoolean() ? null : value); // null: the original value again
                case UNKNOWN -> new Edit(kind, position, random.nextBoolean() ? "zz" : "claimId", value);
                default -> new Edit(kind, -1, names.get(random.nextInt(names.size())), value);
            };
        }
    }

    private static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collectObjects(JsonNode node, List<ObjectNode> objects) {
        if (node instanceof ObjectNode object) {
            objects.add(object);
        }
        for (JsonNode child : node) {
            collectObjects(child, objects);
        }
    }

    private static void write(JsonNode node, Map<JsonNode, List<Edit>> edits, StringBuilder out, boolean spaced) {
        if (node.isObject()) {
            List<Edit> mine = edits.getOrDefault(node, List.of());
            out.append('{');
            boolean first = true;
            int position = 0;
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (true) {
                for (Edit e : mine) {
                    if (e.position() == position) {
                        first = separator(out, first, spaced);
                        String value = e.value() != null ? e.value() : text(node.get(e.name()));
                        out.append(text(MAPPER.getNodeFactory().textNode(e.name()))).append(spaced ? ": " : ":").append(value);
                    }
                }
                if (!fields.hasNext()) {
                    break;
                }
                Map.Entry<String, JsonNode> field = fields.next();
                position++;
                Edit change = mine.stream().filter(e -> e.position() < 0 && e.name().equals(field.getKey()))
                        .findFirst().orElse(null);
                if (change != null && change.kind() == Edit.Kind.REMOVE) {
                    continue;
                }
                first = separator(out, first, spaced);
                out.append(text(MAPPER.getNodeFactory().textNode(field.getKey()))).append(spaced ? ": " : ":");
                if (change == null) {
                    write(field.getValue(), edits, out, spaced);
                } else {
                    out.append(change.kind() == Edit.Kind.NULL ? "null" : change.value());
                }
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            boolean first = true;
            for (JsonNode item : node) {
                first = separator(out, first, spaced);
                write(item, edits, out, spaced);
            }
            out.append(']');
        } else {
            out.append(text(node));
        }
    }

    private static boolean separator(StringBuilder out, boolean first, boolean spaced) {
        if (!first) {
            out.append(spaced ? ", " : ",");
        }
        return false;
    }

    private static String text(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
