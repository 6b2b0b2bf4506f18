package io.autoclaims.batch;

import io.autoclaims.model.Decision;
import io.autoclaims.model.Labelled;

/**
 * What one input line became under one rulebook, for an impact report: a verdict's decision, or
 * {@code ERROR} for an error record (unreadable, invalid, or a claim type the rulebook does not
 * support). Declared in {@link Decision}'s order, then ERROR.
 */
public enum ImpactStatus implements Labelled {
    /** A verdict of {@link Decision#APPROVED}. */
    APPROVED("批准"),
    /** A verdict of {@link Decision#PARTIALLY_APPROVED}. */
    PARTIALLY_APPROVED("部分批准"),
    /** A verdict of {@link Decision#REFERRED}. */
    REFERRED("转人工审核"),
    /** A verdict of {@link Decision#PENDING_DOCUMENTS}. */
    PENDING_DOCUMENTS("待补单证"),
    /** A verdict of {@link Decision#DENIED}. */
    DENIED("拒赔"),
    /** An error record instead of a verdict. */
    ERROR("错误记录");

    private final String zh;

    ImpactStatus(String zh) {
        this.zh = zh;
    }

    @Override
    public String zh() {
        return zh;
    }

    /**
     * The status of a verdict with that decision.
     *
     * @param decision the verdict's decision
     * @return the status of the same name
     */
    public static ImpactStatus of(Decision decision) {
        return valueOf(decision.name());
    }
}
