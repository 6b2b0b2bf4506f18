package io.autoclaims.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class OneLineTextTest {

    @Test
    void escapesWhatBreaksOrHidesALine() {
        // line feed, tab, line separator, right-to-left override, zero-width space, lone surrogate
        assertEquals("L1\\u000A\\u0009\\u2028x\\u202Ey\\u200Bz\\uD800",
                OneLineText.escape("L1\n\t\u2028x\u202Ey\u200Bz\uD800"));
    }

    @Test
    void leavesSafeTextAsItIs() {
        String safe = "warranty.xlsx!Terms 保修期限!C7 \uD83D\uDE97";
        assertSame(safe, OneLineText.escape(safe));
        assertNull(OneLineText.escape(null));
    }
}
