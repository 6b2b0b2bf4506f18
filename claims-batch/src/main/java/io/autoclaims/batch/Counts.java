package io.autoclaims.batch;

import io.autoclaims.model.ClaimType;
import io.autoclaims.model.Decision;
import java.util.EnumMap;
import java.util.Map;

/** Mutable tallies of written records; one per batch, summed by the writer. Not thread-safe. */
final class Counts {
    static final Decision[] DECISIONS = Decision.values();
    static final ClaimType[] TYPES = ClaimType.values();

    long verdicts;
    long errors;
    final long[] decisions = new long[DECISIONS.length];
    final long[] types = new long[TYPES.length];

    long lines() {
        return verdicts + errors;
    }

    void add(Counts other) {
        verdicts += other.verdicts;
        errors += other.errors;
        for (int i = 0; i < decisions.length; i++) {
            decisions[i] += other.decisions[i];
        }
        for (int i = 0; i < types.length; i++) {
            types[i] += other.types[i];
        }
    }

    Map<Decision, Long> decisionMap() {
        Map<Decision, Long> m = new EnumMap<>(Decision.class);
        for (Decision d : DECISIONS) {
            m.put(d, decisions[d.ordinal()]);
        }
        return m;
    }

    Map<ClaimType, Long> typeMap() {
        Map<ClaimType, Long> m = new EnumMap<>(ClaimType.class);
        for (ClaimType t : TYPES) {
            m.put(t, types[t.ordinal()]);
        }
        return m;
    }
}
