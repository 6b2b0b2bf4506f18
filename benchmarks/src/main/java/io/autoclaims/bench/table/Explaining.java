package io.autoclaims.bench.table;

/**
 * An engine whose evaluators build the full explanation of every claim they decide (this library, and
 * the peers' "explained" tables of issue #16), so that the explanations can be compared before timing.
 */
public interface Explaining extends DecisionEngine {
    /** The explanations of the first {@code n} prepared claims, decided in batches as the benchmark does. */
    ExplainedAnswer[] explanations(int n);
}
