package io.autoclaims.bench.table;

/**
 * One engine of the comparison, loaded with one table. Each engine turns the shared claims into its
 * own input form in {@link #prepare} (before timing); each benchmark thread then gets its own
 * {@link Evaluator} (its own Drools session or OpenL instance).
 */
public interface DecisionEngine {
    /** Builds this engine's inputs for the claims; called once, before any evaluator is used. */
    void prepare(BenchClaim[] claims);

    /** An evaluator for one thread. */
    Evaluator newEvaluator();

    /** Decides claims {@code from..to-1} of the prepared claims into {@code out[from..to-1]}. */
    interface Evaluator {
        void decide(int from, int to, Answer[] out);
    }
}
