package io.autoclaims.model.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoclaims.model.BuilderDriver;
import io.autoclaims.model.Claim;
import io.autoclaims.model.InvalidClaimException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;

/**
 * Claims with one to four defects anywhere, read by the codec and rebuilt through the builders: the
 * same claim, or the same first error record (so the builders check in the codec's order too).
 */
class BuilderEquivalenceProperties {
    private static final ClaimCodec CODEC = ClaimCodec.create();
    private static final ClaimCodecProperties GENERATORS = new ClaimCodecProperties();
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    /** Numbers that break some field: negative, beyond fen, beyond every bound, beyond the deductible rate. */
    private static final List<String> BAD_NUMBERS = List.of("-1", "-0.5", "0.001", "1000000000000000000000.00", "0.25");
    /** Strings that break some field: too long, empty, not text, dates JSON cannot hold or out of order, a repeated id. */
    private static final List<String> BAD_STRINGS = List.of("\"" + "x".repeat(70) + "\"", "\"" + "y".repeat(201) + "\"",
            "\"\"", "\"ab\\ud800\"", "\"+10000-01-01\"", "\"1999-01-01\"", "\"L1\"");

    @Property(tries = 1000)
    void damagedClaimsGiveTheSameClaimOrTheSameErrorBothWays(@ForAll("claims") Claim claim, @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 4) int defects) throws IOException {
        Random random = new Random(seed);
        JsonNode tree = JSON.readTree(CODEC.writeClaim(claim));
        List<ObjectNode> objects = new ArrayList<>();
        collect(tree, objects);
        for (int i = 0; i < defects; i++) {
            ObjectNode target = objects.get(random.nextInt(objects.size()));
            List<String> names = new ArrayList<>();
            target.fieldNames().forEachRemaining(names::add);
            if (names.isEmpty()) {
                continue;
            }
            String name = names.get(random.nextInt(names.size()));
            JsonNode value = target.get(name);
            // a bad value of the field's own JSON type: Java's types can say it
            List<String> bad = value.isNumber() ? BAD_NUMBERS : value.isTextual() ? BAD_STRINGS : List.of();
            if (bad.isEmpty() || random.nextInt(4) == 0) {
                target.remove(name);
            } else {
                target.set(name, JSON.readTree(bad.get(random.nextInt(bad.size()))));
            }
        }
        String json = JSON.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsString(tree);
        ReadResult read = CODEC.read(json, 1);
        Object codec = read instanceof ReadResult.Ok ok ? ok.claim() : ((ReadResult.Failed) read).error().error();
        Object builders;
        try {
            Claim.Builder b = BuilderDriver.claim(JSON.readTree(json));
            try {
                builders = b.build();
            } catch (InvalidClaimException e) {
                builders = e.error();
            }
        } catch (BuilderDriver.NotExpressible e) {
            Statistics.collect("not expressible in Java");
            return; // a mistake Java's types rule out
        }
        assertEquals(codec, builders, json);
        Statistics.collect(codec instanceof Claim ? "same claim" : "same error");
    }

    /** Every object of the claim but the free-form extensions. */
    private static void collect(JsonNode node, List<ObjectNode> objects) {
        if (node instanceof ObjectNode o) {
            objects.add(o);
            o.fields().forEachRemaining(f -> {
                if (!f.getKey().equals("extensions")) {
                    collect(f.getValue(), objects);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, objects));
        }
    }

    @Provide
    Arbitrary<Claim> claims() {
        return GENERATORS.claims();
    }
}
