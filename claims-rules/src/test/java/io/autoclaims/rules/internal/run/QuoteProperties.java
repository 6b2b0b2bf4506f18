package io.autoclaims.rules.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** {@link Quote#shorten}: at most N code points and an ellipsis, cut between code points. */
class QuoteProperties {
    static final int N = Quote.MAX_CODE_POINTS;

    @Property(tries = 2000)
    void atMostNPlusOneCodePointsAndAPrefix(@ForAll("texts") String text) {
        String quoted = Quote.shorten(text);
        int count = quoted.codePointCount(0, quoted.length());
        assertTrue(count <= N + 1, "code points: " + count);
        if (text.codePointCount(0, text.length()) <= N) {
            assertSame(text, quoted);
        } else {
            assertEquals(N + 1, count);
            assertTrue(quoted.endsWith(Quote.ELLIPSIS));
            String kept = quoted.substring(0, quoted.length() - Quote.ELLIPSIS.length());
            assertTrue(text.startsWith(kept));
            assertEquals(N, kept.codePointCount(0, kept.length()));
        }
        assertValidUtf16(quoted);
        assertEquals(quoted, Quote.shorten(quoted), "idempotent");
    }

    /** Texts from 0 to 3 N code points: ASCII, Chinese and characters outside the BMP (surrogate pairs). */
    @Provide
    Arbitrary<String> texts() {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(0x20, 0x7e)),
                Tuple.of(3, Arbitraries.integers().between(0x4e00, 0x9fff)),
                Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10ffff)),
                Tuple.of(1, Arbitraries.integers().between(0, 0xffff)
                        .filter(c -> !Character.isSurrogate((char) (int) c))));
        Arbitrary<Integer> length = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.integers().between(0, 3 * N)),
                Tuple.of(2, Arbitraries.integers().between(N - 2, N + 2)));
        return length.flatMap(n -> codePoint.list().ofSize(n)).map(cps -> {
            StringBuilder sb = new StringBuilder();
            cps.forEach(sb::appendCodePoint);
            return sb.toString();
        });
    }

    static void assertValidUtf16(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                assertTrue(i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)),
                        "lone high surrogate at " + i);
                i++;
            } else {
                assertTrue(!Character.isLowSurrogate(c), "lone low surrogate at " + i);
            }
        }
    }

    @Example
    void boundaries() {
        String n = "a".repeat(N);
        assertSame(n, Quote.shorten(n));
        assertEquals(n + "…", Quote.shorten(n + "b"));
        assertEquals(n + "…", Quote.shorten(n + "b".repeat(5_000_000)));
        assertEquals("", Quote.shorten(""));
        assertNull(Quote.shorten(null));
    }

    @Example
    void chinese() {
        String n = "发动机舱盖铰链总成左".repeat(N / 10);
        assertSame(n, Quote.shorten(n));
        assertEquals(n + "…", Quote.shorten(n + "右"));
    }

    @Example
    void surrogatePairsAreNotSplit() {
        String car = "\uD83D\uDE97";
        String a = "a".repeat(N - 1);
        String whole = a + car;
        assertSame(whole, Quote.shorten(whole));
        assertEquals(a + car + "…", Quote.shorten(a + car + "b"));
        assertEquals(a + "b…", Quote.shorten(a + "b" + car));
        // N pairs are 2 N chars but N code points: whole
        String pairs = car.repeat(N);
        assertSame(pairs, Quote.shorten(pairs));
        assertEquals(car.repeat(N) + "…", Quote.shorten(car.repeat(N + 1)));
    }

    @Example
    void loneSurrogatesCountAsOneCodePointEach() {
        // a claim built in Java may hold them; the cut keeps what precedes it and adds none
        String lone = "\uD83D";
        String lones = lone.repeat(N);
        assertSame(lones, Quote.shorten(lones));
        assertEquals(lone.repeat(N) + "…", Quote.shorten(lone.repeat(N + 1)));
    }
}
