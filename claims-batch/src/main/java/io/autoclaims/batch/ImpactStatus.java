package io.autoclaims.batch;

import io.autoclaims.model.Decision;
import io.autoclaims.model.Labelled;

/**
 * What one input line became under one rulebook, for an impact report: a verdict's decision, or
 * {@code ERROR} for an error record (unreadable, invalid, or a claim type the rulebook does not
 * support). Declared in {@link Decision}'s order, then ERROR.
 */
public enum ImpactStatus implements Labelled {
    APPROVED("批准"),
    PARTIALLY_APPROVED("部分批准"),
    REFERRED("转人工审核"),
    PENDING_DOCUMENTS("待补单证"),
    DENIED("拒赔"),
    ERROR("错误记录");

    private final String zh;

    ImpactStatus(String zh) {
        this.zh = zh;
    }

    @Override
    public String zh() {
        return zh;
    }

    /** The status of a verdict with that decision. */
    public static ImpactStatus of(Decision decision) {
        return valueOf(decision.name());
    }
}
