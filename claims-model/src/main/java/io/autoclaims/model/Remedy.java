package io.autoclaims.model;

/**
 * Claim-level remedy. Declared from the weakest to the strongest, so that {@link #strongest}
 * picks the remedy that wins when several apply: REPLACE_OR_REFUND &gt; REPLACE_ASSEMBLY &gt;
 * REPLACE_PART &gt; REPAIR &gt; NONE ({@code TOTAL_LOSS} is an insurance outcome and wins over all).
 */
public enum Remedy implements Labelled {
    /** No repair or replacement: every denied claim, and roadside assistance claims. */
    NONE("无"),
    /** Repair. */
    REPAIR("维修"),
    /** Replace parts. */
    REPLACE_PART("更换零件"),
    /** Replace a whole assembly (三包: e.g. the engine or transmission). */
    REPLACE_ASSEMBLY("更换总成"),
    /** Replace the vehicle or refund it (三包). */
    REPLACE_OR_REFUND("换车或退车"),
    /** Constructive total loss: the insurer pays the vehicle's value instead of a repair. */
    TOTAL_LOSS("推定全损");

    private final String zh;

    Remedy(String zh) {
        this.zh = zh;
    }

    @Override
    public String zh() {
        return zh;
    }

    /**
     * The remedy that wins when both apply.
     *
     * @param other another remedy
     * @return the stronger of this and {@code other}
     */
    public Remedy strongest(Remedy other) {
        java.util.Objects.requireNonNull(other, "other");
        return other.ordinal() > ordinal() ? other : this;
    }

    /**
     * The claim-level remedy a covered line's own remedy stands for.
     *
     * @param line a line's remedy
     * @return the claim-level remedy of the same name
     */
    public static Remedy of(LineRemedy line) {
        return switch (java.util.Objects.requireNonNull(line, "line")) {
            case REPAIR -> REPAIR;
            case REPLACE_PART -> REPLACE_PART;
            case NONE -> NONE;
        };
    }
}
