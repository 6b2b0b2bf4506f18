package io.autoclaims.rules.internal.domain;

import static io.autoclaims.rules.internal.table.FactUnit.CNY;
import static io.autoclaims.rules.internal.table.FactUnit.DAYS;
import static io.autoclaims.rules.internal.table.FactUnit.HOURS;
import static io.autoclaims.rules.internal.table.FactUnit.MONTHS;
import static io.autoclaims.rules.internal.table.FactUnit.NONE;

import io.autoclaims.model.AddOn;
import io.autoclaims.model.Cause;
import io.autoclaims.model.ClaimType;
import io.autoclaims.model.Coverage;
import io.autoclaims.model.HandledBy;
import io.autoclaims.model.Payee;
import io.autoclaims.rules.internal.run.ClaimFacts;
import io.autoclaims.rules.internal.run.Formula;
import io.autoclaims.rules.internal.table.FactDef;
import io.autoclaims.rules.internal.table.ValueType;

/**
 * Motor damage insurance (车损险): the incident, driver, policy and assessment facts, and the loss and
 * payable the {@link Formula formulas} compute when a row applies one with {@code THEN claim.compute}.
 * Deductibles, sums insured and time limits are the policy's and the workbook's.
 */
public final class InsuranceDomain extends ClaimDomain {
    private static final Declarations D = new Declarations();

    static {
        D.claim("claim.causes", ValueType.enumSetOf(Cause.class), NONE, ClaimFacts::getCauses,
                "incident.cause and every line's own cause");
        D.claim("claim.payee", ValueType.enumOf(Payee.class), NONE, ClaimFacts::getPayee, "payee");
        D.claim("incident.handledBy", ValueType.enumOf(HandledBy.class), NONE, ClaimFacts::getHandledBy,
                "incident.handledBy");
        D.claim("incident.monthsToSubmit", ValueType.INTEGER, MONTHS, ClaimFacts::getMonthsToSubmit,
                "smallest m with submittedOn <= occurredOn.plusMonths(m)");
        D.claim("incident.reportTimesKnown", ValueType.BOOLEAN, NONE, ClaimFacts::isReportTimesKnown,
                "occurredAt and reportedAt are both given");
        D.claim("incident.hoursToReport", ValueType.DECIMAL, HOURS, ClaimFacts::getHoursToReport,
                "reportedAt - occurredAt in hours");
        D.claim("incident.daysToReport", ValueType.INTEGER, DAYS, ClaimFacts::getDaysToReport,
                "reportedOn - occurredOn in days");
        D.claim("incident.rescueCostCny", ValueType.MONEY, CNY, ClaimFacts::getRescueCostCny, "incident.rescueCostCny");
        D.claim("incident.thirdPartyRecoveryCny", ValueType.MONEY, CNY, ClaimFacts::getThirdPartyRecoveryCny,
                "incident.thirdPartyRecoveryCny");
        D.claim("driver.licensed", ValueType.BOOLEAN, NONE, ClaimFacts::isDriverLicensed, "incident.driver.licensed");
        D.claim("driver.permittedByInsured", ValueType.BOOLEAN, NONE, ClaimFacts::isPermittedByInsured,
                "incident.driver.permittedByInsured");
        D.claim("driver.leftScene", ValueType.BOOLEAN, NONE, ClaimFacts::isLeftScene, "incident.driver.leftScene");
        D.claim("driver.bacMgPer100ml", ValueType.DECIMAL, NONE, ClaimFacts::getBacMgPer100ml,
                "incident.driver.bacMgPer100ml");
        D.claim("policy.given", ValueType.BOOLEAN, NONE, ClaimFacts::isPolicyGiven, "the claim has a policy");
        D.claim("policy.inForce", ValueType.BOOLEAN, NONE, ClaimFacts::isPolicyInForce,
                "startsOn <= occurredOn <= endsOn");
        D.claim("policy.daysSinceStart", ValueType.INTEGER, DAYS, ClaimFacts::getPolicyDaysSinceStart,
                "occurredOn - policy.startsOn in days");
        D.claimText("policy.startsOn", ClaimFacts::getPolicyStartsOn, "policy.startsOn");
        D.claimText("policy.endsOn", ClaimFacts::getPolicyEndsOn, "policy.endsOn");
        D.claim("policy.coverages", ValueType.enumSetOf(Coverage.class), NONE, ClaimFacts::getCoverages,
                "policy.coverages");
        D.claim("policy.addOns", ValueType.enumSetOf(AddOn.class), NONE, ClaimFacts::getAddOns, "policy.addOns");
        D.claim("policy.hasDeductible", ValueType.BOOLEAN, NONE, ClaimFacts::isHasDeductible,
                "a deductible rate or amount is not zero");
        D.claim("policy.absoluteDeductibleRate", ValueType.RATE, NONE, ClaimFacts::getAbsoluteDeductibleRate,
                "policy.absoluteDeductibleRate");
        D.claim("policy.absoluteDeductibleCny", ValueType.MONEY, CNY, ClaimFacts::getAbsoluteDeductibleCny,
                "policy.absoluteDeductibleCny");
        D.claim("policy.sumInsuredCny", ValueType.MONEY, CNY, ClaimFacts::getSumInsuredCny, "policy.sumInsuredCny");
        D.claim("assessment.given", ValueType.BOOLEAN, NONE, ClaimFacts::isAssessmentGiven,
                "the claim has an assessment");
        D.claim("assessment.amountKnown", ValueType.BOOLEAN, NONE, ClaimFacts::isAssessedAmountKnown,
                "assessment.amountCny is given");
        D.claim("assessment.invoiceKnown", ValueType.BOOLEAN, NONE, ClaimFacts::isInvoiceKnown,
                "assessment.invoicedCny is given");
        D.claim("assessment.atOtherShop", ValueType.BOOLEAN, NONE, ClaimFacts::isAssessedAtOtherShop,
                "assessment.shopId differs from repairShop.id");
        D.claim("assessment.amountCny", ValueType.MONEY, CNY, ClaimFacts::getAssessedAmountCny,
                "assessment.amountCny");
        D.claim("assessment.invoicedCny", ValueType.MONEY, CNY, ClaimFacts::getInvoicedCny, "assessment.invoicedCny");
    }

    /** Applies one of the {@link Formula formulas} when the row fires. */
    public static final FactDef COMPUTE = D.rowValue("claim.compute", ValueType.enumOf(Formula.class), NONE,
            "applies a formula when the row fires");

    static {
        D.claim("claim.lossCny", ValueType.MONEY, CNY, ClaimFacts::getLossCny, "the loss as computed so far");
        D.claim("claim.lossAtSumInsured", ValueType.BOOLEAN, NONE, ClaimFacts::isLossAtSumInsured,
                "claim.lossCny >= policy.sumInsuredCny");
        D.claim("claim.deductibleCny", ValueType.MONEY, CNY, ClaimFacts::getDeductibleCny,
                "what the DEDUCTIBLE formula took off");
        D.claim("claim.rescuePaidCny", ValueType.MONEY, CNY, ClaimFacts::getRescuePaidCny,
                "what the PLUS_RESCUE formula added");
        D.claim("claim.payableCny", ValueType.MONEY, CNY, ClaimFacts::getPayableCny, "the payable as computed so far");
    }

    static final InsuranceDomain INSTANCE = new InsuranceDomain();

    private InsuranceDomain() {
        super(ClaimType.INSURANCE, Settles.BY_LINES, D.facts());
    }
}
