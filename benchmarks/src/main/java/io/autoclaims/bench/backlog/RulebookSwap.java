package io.autoclaims.bench.backlog;

import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.Rulebook;

/**
 * The one place the benchmarks switch a live rulebook: {@link Adjudicator#swap(Rulebook)}, the checked
 * swap a host calls (table analysis and the candidate's scenarios run on the swapping thread).
 */
final class RulebookSwap {
    private RulebookSwap() {
    }

    /** Makes {@code next} the adjudicator's rulebook; returns the one it replaced. */
    static Rulebook swap(Adjudicator adjudicator, Rulebook next) {
        return adjudicator.swap(next);
    }
}
