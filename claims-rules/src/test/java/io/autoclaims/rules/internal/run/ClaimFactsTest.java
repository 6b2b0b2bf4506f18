package io.autoclaims.rules.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The claim's derived date facts. */
class ClaimFactsTest {

    @Test
    void monthsWithinFollowsPlusMonths() {
        var jan31 = java.time.LocalDate.of(2023, 1, 31);
        assertEquals(0, ClaimFacts.monthsWithin(jan31, jan31));
        assertEquals(1, ClaimFacts.monthsWithin(jan31, java.time.LocalDate.of(2023, 2, 28)));
        assertEquals(2, ClaimFacts.monthsWithin(jan31, java.time.LocalDate.of(2023, 3, 1)));
        assertEquals(36, ClaimFacts.monthsWithin(jan31, java.time.LocalDate.of(2026, 1, 31)));
        assertEquals(37, ClaimFacts.monthsWithin(jan31, java.time.LocalDate.of(2026, 2, 1)));
        var leap = java.time.LocalDate.of(2024, 2, 29);
        assertEquals(12, ClaimFacts.monthsWithin(leap, java.time.LocalDate.of(2025, 2, 28)));
        assertEquals(13, ClaimFacts.monthsWithin(leap, java.time.LocalDate.of(2025, 3, 1)));
    }
}
