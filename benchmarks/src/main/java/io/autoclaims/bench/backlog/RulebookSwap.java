package io.autoclaims.bench.backlog;

import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.Rulebook;

/**
 * The one place the benchmarks switch a live rulebook. It calls {@link Adjudicator#swap(Rulebook)} as
 * it exists now; when the checked swap API (validation, rollback) lands, adapt this method only.
 */
final class RulebookSwap {
    private RulebookSwap() {
    }

    /** Makes {@code next} the adjudicator's rulebook; returns the one it replaced. */
    static Rulebook swap(Adjudicator adjudicator, Rulebook next) {
        return adjudicator.swap(next);
    }
}
