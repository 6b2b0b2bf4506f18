package io.autoclaims.rules.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** {@code monthsWithin(start, day) <= N} is exactly the spec's "within N months": day <= start.plusMonths(N). */
class MonthsWithinProperties {

    @Property(tries = 2000)
    void withinNMonthsIsExactlyPlusMonths(@ForAll @IntRange(min = 0, max = 5000) int startOffset,
            @ForAll @IntRange(min = 0, max = 4000) int days, @ForAll @IntRange(min = 0, max = 130) int n) {
        LocalDate start = LocalDate.of(2012, 1, 1).plusDays(startOffset);
        LocalDate day = start.plusDays(days);
        boolean within = !day.isAfter(start.plusMonths(n));
        assertEquals(within, ClaimFacts.monthsWithin(start, day) <= n,
                () -> start + " -> " + day + " within " + n + ": " + ClaimFacts.monthsWithin(start, day));
    }
}
