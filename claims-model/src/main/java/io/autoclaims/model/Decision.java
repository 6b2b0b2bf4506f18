package io.autoclaims.model;

/**
 * Outcome of a claim. Declared from the weakest to the strongest, so that {@link #strongest}
 * applies the contract's precedence: DENIED &gt; PENDING_DOCUMENTS &gt; REFERRED &gt;
 * PARTIALLY_APPROVED &gt; APPROVED.
 */
public enum Decision implements Labelled {
    APPROVED("批准"),
    PARTIALLY_APPROVED("部分批准"),
    REFERRED("转人工审核"),
    PENDING_DOCUMENTS("待补单证"),
    DENIED("拒赔");

    private final String zh;

    Decision(String zh) {
        this.zh = zh;
    }

    @Override
    public String zh() {
        return zh;
    }

    /** The decision that wins when both apply. */
    public Decision strongest(Decision other) {
        java.util.Objects.requireNonNull(other, "other");
        return other.ordinal() > ordinal() ? other : this;
    }

    /** True when the payer pays: only APPROVED and PARTIALLY_APPROVED verdicts pay out. */
    public boolean pays() {
        return this == APPROVED || this == PARTIALLY_APPROVED;
    }
}
