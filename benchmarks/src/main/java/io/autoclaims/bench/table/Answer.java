package io.autoclaims.bench.table;

/** The decision of the comparison table: each engine reports one of these per claim. */
public enum Answer {
    EXCLUDED_CAUSE,
    COVERED,
    EXPIRED;

    private static final Answer[] VALUES = values();

    /** The answer named by a reason code or a returned string; fails loudly on anything else. */
    public static Answer of(String code) {
        for (Answer a : VALUES) {
            if (a.name().equals(code)) {
                return a;
            }
        }
        throw new IllegalStateException("not an answer of the comparison table: " + code);
    }
}
