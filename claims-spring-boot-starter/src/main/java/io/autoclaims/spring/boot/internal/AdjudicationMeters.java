package io.autoclaims.spring.boot.internal;

/**
 * Where {@code MeasuredAdjudicator} records what it did; Micrometer-free, so that the facade works
 * without Micrometer on the classpath ({@link #NONE}).
 */
public interface AdjudicationMeters {
    /** Records nothing: the host has no Micrometer or no meter registry. */
    AdjudicationMeters NONE = new AdjudicationMeters() {
        @Override
        public void call(String call, long nanos, Throwable failure) {
        }

        @Override
        public void verdict(String type, String decision) {
        }

        @Override
        public void error(String code) {
        }
    };

    /**
     * One call of the facade and how long it took.
     *
     * @param call {@code adjudicate}, {@code explain} or {@code adjudicateJsonLines}
     * @param nanos its duration
     * @param failure what it threw, or null
     */
    void call(String call, long nanos, Throwable failure);

    /**
     * One verdict.
     *
     * @param type the claim type, e.g. {@code WARRANTY}
     * @param decision the decision, e.g. {@code APPROVED}
     */
    void verdict(String type, String decision);

    /**
     * One claim that got an error instead of a verdict.
     *
     * @param code the contract's error code, e.g. {@code INVALID_FIELD}
     */
    void error(String code);
}
