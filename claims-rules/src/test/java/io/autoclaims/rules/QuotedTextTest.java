package io.autoclaims.rules;

import static io.autoclaims.model.PartSystem.BRAKE;
import static io.autoclaims.rules.testing.Claims.repair;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.model.Claim;
import io.autoclaims.model.Fact;
import io.autoclaims.model.LineVerdict;
import io.autoclaims.model.Reason;
import io.autoclaims.model.ShopTier;
import io.autoclaims.model.Verdict;
import io.autoclaims.model.json.ClaimCodec;
import io.autoclaims.rules.internal.run.Quote;
import io.autoclaims.rules.testing.Claims;
import io.autoclaims.rules.testing.InsuranceClaims;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reasons quote a claim's free text (part, problem, ids) shortened to {@link Quote#MAX_CODE_POINTS}
 * code points and {@code …}, so that a verdict stays a small multiple of its claim however long the
 * claim's text fields are (issue #14: a 5 MB part made a 63 MB verdict).
 *
 * <p>Claims go to the engine directly: the codec and {@code ClaimChecks} may bound these fields at the
 * door, and the engine must not rely on that.
 */
class QuotedTextTest {
    static final Rulebook RULEBOOK = Rulebook.loadDefault();
    static final ClaimCodec CODEC = ClaimCodec.create();
    static final int N = Quote.MAX_CODE_POINTS;
    /** About 100,000 code points each, Chinese and Latin mixed, different per field. */
    static final String PART = huge("前保险杠总成 front bumper assembly ");
    static final String PROBLEM = huge("制动踏板发软 BRAKE-SOFT-PEDAL ");
    static final String SHOP = huge("上海某汽车维修厂 SH-GARAGE ");

    static String huge(String unit) {
        return unit.repeat(100_000 / unit.codePointCount(0, unit.length()));
    }

    static Verdict verdict(Claim claim) {
        return RULEBOOK.engine().adjudicate(List.of(claim)).get(0);
    }

    /** Claims whose free text the shipped rows quote, with the huge values the reasons must quote shortened. */
    static Stream<Arguments> hugeClaims() {
        return Stream.of(
                Arguments.of("warranty repair quoting line.part",
                        Claims.warranty().line(l -> l.part(PART)).build(), List.of(PART)),
                Arguments.of("warranty denial quoting shop.id",
                        Claims.warranty().shop(SHOP, false, ShopTier.INDEPENDENT).noDocuments().build(), List.of(SHOP)),
                Arguments.of("三包 repeated failure quoting line.problem",
                        Claims.warranty().occurredOn("2024-06-01").odometerKm(20_000)
                                .allDocuments().line(l -> l.system(BRAKE).part(PART).problem(PROBLEM))
                                .addHistory(repair("2023-08-01").system(BRAKE).problem(PROBLEM).seriousSafety(),
                                        repair("2023-12-01").system(BRAKE).problem(PROBLEM).seriousSafety())
                                .build(), List.of(PART, PROBLEM)),
                Arguments.of("insurance reassessment quoting line.part and shop.id",
                        InsuranceClaims.insurance().shop(SHOP, true, ShopTier.DEALER_4S)
                                .repairedElsewhere().invoiced("17000.00").line(l -> l.part(PART)).build(),
                        List.of(PART, SHOP)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hugeClaims")
    @DisplayName("huge free text: the verdict is at most 4 × the claim + 16 KiB, its reasons quote the text shortened")
    void hugeFreeTextGivesASmallVerdict(String name, Claim claim, List<String> quoted) {
        Verdict v = verdict(claim);
        long claimBytes = CODEC.writeClaim(claim).getBytes(StandardCharsets.UTF_8).length;
        long verdictBytes = CODEC.writeVerdict(v).getBytes(StandardCharsets.UTF_8).length;
        assertTrue(verdictBytes <= 4 * claimBytes + 16 * 1024,
                "verdict " + verdictBytes + " bytes for a claim of " + claimBytes);
        List<String> texts = reasonTexts(v);
        for (String huge : List.of(PART, PROBLEM, SHOP)) {
            String tooLong = huge.substring(0, huge.offsetByCodePoints(0, N + 1));
            assertTrue(texts.stream().noneMatch(t -> t.contains(tooLong)), "a reason quotes more than N code points");
        }
        for (String huge : quoted) {
            String shortened = Quote.shorten(huge);
            assertEquals(N + 1, shortened.codePointCount(0, shortened.length()));
            assertTrue(shortened.endsWith("…"));
            assertTrue(v.reasons().stream().anyMatch(r -> r.text().contains(shortened)), "zh text quotes it");
            assertTrue(v.reasons().stream().anyMatch(r -> r.textEn().contains(shortened)), "en text quotes it");
            assertTrue(v.reasons().stream().flatMap(r -> r.facts().stream())
                    .anyMatch(f -> shortened.equals(f.value())), "a fact quotes it");
        }
    }

    /** Every text, English text and text fact value of the verdict's reasons, line reasons included. */
    static List<String> reasonTexts(Verdict v) {
        List<Reason> reasons = new ArrayList<>(v.reasons());
        for (LineVerdict l : v.lines()) {
            reasons.addAll(l.reasons());
        }
        List<String> texts = new ArrayList<>();
        for (Reason r : reasons) {
            texts.add(r.text());
            texts.add(r.textEn());
            for (Fact f : r.facts()) {
                if (f.value() instanceof String s) {
                    texts.add(s);
                }
            }
        }
        return texts;
    }

    /** The COVERED_REPAIR reason of a default warranty claim whose line has that part. */
    static Reason repairReason(String part) {
        Verdict v = verdict(Claims.warranty().line(l -> l.part(part)).build());
        return v.reasons().stream().filter(r -> r.code().equals("COVERED_REPAIR")).findFirst().orElseThrow();
    }

    static Object fact(Reason r, String name) {
        return r.facts().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow().value();
    }

    static void assertQuoted(String part, String expected) {
        Reason r = repairReason(part);
        assertEquals(expected, fact(r, "line.part"));
        assertTrue(r.text().contains(expected), r.text());
        assertTrue(r.textEn().contains(expected), r.textEn());
        assertEquals(expected.endsWith("…"), r.text().contains("…"));
    }

    @Test
    @DisplayName("N Chinese code points are quoted whole; N + 1 as the first N and …")
    void chineseBoundary() {
        String n = "左前门玻璃升降器总成".repeat(N / 10);
        assertEquals(N, n.length());
        assertQuoted(n, n);
        assertQuoted(n + "甲", n + "…");
        assertQuoted(n + "甲乙丙", n + "…");
    }

    @Test
    @DisplayName("a surrogate pair counts as one code point and is never split")
    void surrogatePairAtTheCut() {
        String emoji = "\uD83D\uDE97"; // 🚗, one code point in two chars
        String a = "a".repeat(N - 1);
        assertQuoted(a + emoji, a + emoji);
        assertQuoted(a + emoji + "b", a + emoji + "…");
        assertQuoted(a + "b" + emoji, a + "b…");
        assertQuoted(emoji.repeat(N), emoji.repeat(N));
        assertQuoted(emoji.repeat(N + 1), emoji.repeat(N) + "…");
    }

    @Test
    @DisplayName("a short line id, shop id or part is quoted byte for byte")
    void shortTextUnchanged() {
        Reason r = repairReason("油底壳垫 oil pan gasket");
        assertEquals("油底壳垫 oil pan gasket", fact(r, "line.part"));
        assertEquals("L1", fact(r, "line.id"));
        assertFalse(r.text().contains("…"));
        assertFalse(r.textEn().contains("…"));
    }
}
