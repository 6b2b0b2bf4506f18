package io.autoclaims.bench.table;

import io.autoclaims.model.Cause;
import io.autoclaims.model.PartSystem;
import java.util.SplittableRandom;

/**
 * One claim of the comparison, engine-neutral: each engine gets it in its own input form (our
 * {@code Claim}, a Drools fact, OpenL arguments) built before timing.
 */
public record BenchClaim(int model, PartSystem system, Cause cause, int months, int km) {

    private static final Cause[] CAUSES = Cause.values();
    private static final PartSystem[] SYSTEMS = PartSystem.values();

    /**
     * {@code n} seeded claims for a table of {@code models} models: a uniform model and system, a
     * covered cause 70 % of the time (else one of the 20 others), months in service 0..130 and km
     * 0..220,000, with one claim in ten placed exactly on a term edge or one past it, where a
     * {@code <} for {@code <=} mistake would show.
     */
    public static BenchClaim[] generate(TermsTable table, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        BenchClaim[] claims = new BenchClaim[n];
        for (int i = 0; i < n; i++) {
            int model = r.nextInt(table.models());
            PartSystem system = SYSTEMS[r.nextInt(SYSTEMS.length)];
            Cause cause;
            if (r.nextInt(10) < 7) {
                cause = r.nextBoolean() ? Cause.QUALITY_DEFECT : Cause.BREAKDOWN;
            } else {
                do {
                    cause = CAUSES[r.nextInt(CAUSES.length)];
                } while (TermsTable.COVERED_CAUSES.contains(cause));
            }
            int months = r.nextInt(131);
            int km = r.nextInt(220_001);
            if (r.nextInt(10) == 0) {
                TermsTable.Row row = table.rows().get(model * SYSTEMS.length + system.ordinal());
                months = row.termMonths() + r.nextInt(2);
                km = row.termKm() + r.nextInt(2);
            }
            claims[i] = new BenchClaim(model, system, cause, months, km);
        }
        return claims;
    }
}
