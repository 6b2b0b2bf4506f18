package io.autoclaims.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.autoclaims.model.Claim;
import io.autoclaims.model.Decision;
import io.autoclaims.model.Verdict;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Over random histories (non-empty subsets of the fixture's versions) and random claim dates, many
 * of them next to an in-force date: every claim gets the version in force on its as-of date, or
 * NO_RULEBOOK_IN_FORCE before the first. The versions are compiled once (HistoryFixture).
 */
class RulebookHistoryProperties {
    private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    private static final LocalDate TO = LocalDate.of(2027, 12, 31);

    @Property(tries = 60)
    void everyClaimGetsTheVersionInForceOnItsAsOfDate(@ForAll("histories") Set<Rulebook> versions,
            @ForAll @Size(min = 1, max = 8) List<@net.jqwik.api.From("dates") LocalDate> incidents,
            @ForAll @Size(min = 8, max = 8) List<@net.jqwik.api.constraints.IntRange(max = 20) Integer> lags,
            @ForAll boolean bySubmission) {
        AsOf asOf = bySubmission ? AsOf.SUBMITTED : AsOf.INCIDENT;
        Adjudicator adjudicator = Adjudicator.of(RulebookHistory.of(new ArrayList<>(versions)), asOf);
        List<Claim> claims = new ArrayList<>();
        for (int i = 0; i < incidents.size(); i++) {
            claims.add(HistoryFixture.battery("P-" + i, incidents.get(i), incidents.get(i).plusDays(lags.get(i))));
        }
        List<Adjudication> results = adjudicator.adjudicateAll(claims);
        for (int i = 0; i < claims.size(); i++) {
            LocalDate date = asOf.dateOf(claims.get(i));
            Rulebook want = null;
            for (Rulebook v : versions) {
                LocalDate from = v.inForceFrom().orElseThrow();
                if (!from.isAfter(date) && (want == null || from.isAfter(want.inForceFrom().orElseThrow()))) {
                    want = v;
                }
            }
            Adjudication a = results.get(i);
            if (want == null) {
                assertEquals("NO_RULEBOOK_IN_FORCE", a.error().error().code(), date.toString());
                assertEquals(i + 1, a.error().line());
            } else {
                Verdict v = a.verdictOrThrow();
                assertEquals(want.info().withAsOf(date), v.rulebook(), date + " " + versions);
                assertEquals(want == HistoryFixture.V2027 ? Decision.APPROVED : Decision.DENIED, v.decision());
            }
        }
    }

    @Provide
    Arbitrary<Set<Rulebook>> histories() {
        return Arbitraries.subsetOf(HistoryFixture.POOL).ofMinSize(1);
    }

    /** Any day of 2025-2027, or within two days of an in-force date. */
    @Provide
    Arbitrary<LocalDate> dates() {
        Arbitrary<LocalDate> any = Arbitraries.longs().between(FROM.toEpochDay(), TO.toEpochDay()).map(LocalDate::ofEpochDay);
        Arbitrary<LocalDate> near = Arbitraries.of(HistoryFixture.POOL).flatMap(v -> Arbitraries.integers().between(-2, 2)
                .map(d -> v.inForceFrom().orElseThrow().plusDays(d)));
        return Arbitraries.oneOf(any, near);
    }
}
