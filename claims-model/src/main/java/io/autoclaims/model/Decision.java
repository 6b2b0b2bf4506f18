package io.autoclaims.model;

/**
 * Outcome of a claim. Declared from the weakest to the strongest, so that {@link #strongest}
 * applies the contract's precedence: DENIED &gt; PENDING_DOCUMENTS &gt; REFERRED &gt;
 * PARTIALLY_APPROVED &gt; APPROVED.
 */
public enum Decision implements Labelled {
    /** Approved in full. */
    APPROVED("批准"),
    /** Some lines covered, others not. */
    PARTIALLY_APPROVED("部分批准"),
    /** Referred to a human assessor; nothing is paid yet. */
    REFERRED("转人工审核"),
    /** Waiting for missing documents ({@code missingDocuments}); nothing is paid yet. */
    PENDING_DOCUMENTS("待补单证"),
    /** Denied; nothing is paid. */
    DENIED("拒赔");

    private final String zh;

    Decision(String zh) {
        this.zh = zh;
    }

    @Override
    public String zh() {
        return zh;
    }

    /**
     * The decision that wins when both apply.
     *
     * @param other another decision
     * @return the stronger of this and {@code other}
     */
    public Decision strongest(Decision other) {
        java.util.Objects.requireNonNull(other, "other");
        return other.ordinal() > ordinal() ? other : this;
    }

    /**
     * Whether a verdict with this decision pays out.
     *
     * @return true for APPROVED and PARTIALLY_APPROVED; a verdict with any other decision has {@code
     *     payableCny} 0
     */
    public boolean pays() {
        return this == APPROVED || this == PARTIALLY_APPROVED;
    }
}
