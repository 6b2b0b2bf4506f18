package io.autoclaims.rules.internal.run;

import io.autoclaims.model.Labelled;
import io.autoclaims.model.Money;
import java.math.BigDecimal;

/**
 * The computations an insurance row may apply with {@code THEN claim.compute} (declared by
 * {@code InsuranceDomain}): a small, documented vocabulary (docs/workbook-format.md, "Formulas"). The structure of a computation lives here; every number
 * that decides comes from the claim or from cells.
 */
public enum Formula implements Labelled {
    /** claim.lossCny = sum of the covered lines' amounts. */
    LINES_SUM("损失 = 各核定项目金额之和"),
    /** claim.lossCny = min(claim.lossCny, assessment.amountCny). */
    MIN_ASSESSED("损失取核定金额与定损金额的较低者"),
    /** claim.lossCny = min(claim.lossCny, assessment.invoicedCny). */
    MIN_INVOICED("损失取核定金额与实际维修发票的较低者"),
    /** claim.lossCny = min(claim.lossCny, policy.sumInsuredCny). */
    CAP_SUM_INSURED("损失以保险金额为限"),
    /** claim.payableCny = clamp((loss - recovery) × (1 - rate) - fixed, 0, sum insured). */
    DEDUCTIBLE("赔款 =（损失 − 第三方已赔）×（1 − 绝对免赔率）− 绝对免赔额，介于 0 与保险金额之间"),
    /** claim.payableCny += min(incident.rescueCostCny, policy.sumInsuredCny). */
    PLUS_RESCUE("加施救费，以保险金额为限");

    private final String zh;

    Formula(String zh) {
        this.zh = zh;
    }

    @Override
    public String zh() {
        return zh;
    }

    /** Applies the computation to the claim's money facts. */
    void apply(ClaimFacts c) {
        switch (this) {
            case LINES_SUM -> c.setLoss(c.coveredLinesTotal());
            case MIN_ASSESSED -> c.setLoss(min(c.getLossCny(), c.getAssessedAmountCny()));
            case MIN_INVOICED -> c.setLoss(min(c.getLossCny(), c.getInvoicedCny()));
            case CAP_SUM_INSURED -> c.setLoss(min(c.getLossCny(), c.getSumInsuredCny()));
            case DEDUCTIBLE -> {
                BigDecimal base = orZero(c.getLossCny()).subtract(orZero(c.getThirdPartyRecoveryCny()));
                BigDecimal rate = orZero(c.getAbsoluteDeductibleRate());
                BigDecimal x = base.multiply(BigDecimal.ONE.subtract(rate)).subtract(orZero(c.getAbsoluteDeductibleCny()));
                BigDecimal cap = c.getSumInsuredCny();
                BigDecimal clamped = x.max(BigDecimal.ZERO);
                if (cap != null) {
                    clamped = clamped.min(cap);
                }
                BigDecimal payable = Money.round(clamped);
                c.setPayable(payable);
                c.setDeductible(Money.round(base.subtract(x)).max(Money.ZERO));
            }
            case PLUS_RESCUE -> {
                BigDecimal rescue = orZero(c.getRescueCostCny());
                BigDecimal paid = c.getSumInsuredCny() == null ? rescue : rescue.min(c.getSumInsuredCny());
                c.setRescuePaid(Money.round(paid));
                c.setPayable(Money.round(orZero(c.getPayableCny()).add(paid)));
            }
        }
    }

    private static BigDecimal min(BigDecimal a, BigDecimal b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a.min(b);
    }

    private static BigDecimal orZero(BigDecimal d) {
        return d == null ? BigDecimal.ZERO : d;
    }
}
