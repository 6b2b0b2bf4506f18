package io.autoclaims.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A motor-insurance policy; {@code startsOn} and {@code endsOn} are both inclusive.
 *
 * @param policyNo               the policy number
 * @param startsOn               the first day of cover
 * @param endsOn                 the last day of cover
 * @param coverages              the main covers bought
 * @param addOns                 the add-ons bought
 * @param sumInsuredCny          the sum insured in CNY
 * @param absoluteDeductibleRate the absolute deductible as a fraction, 0 to 0.20
 * @param absoluteDeductibleCny  the absolute deductible in CNY
 */
public record Policy(
        String policyNo,
        LocalDate startsOn,
        LocalDate endsOn,
        List<Coverage> coverages,
        List<AddOn> addOns,
        BigDecimal sumInsuredCny,
        BigDecimal absoluteDeductibleRate,
        BigDecimal absoluteDeductibleCny) {

    /**
     * A policy with the contract's defaults applied: no covers or add-ons, deductibles 0.
     *
     * @param policyNo               the policy number
     * @param startsOn               the first day of cover
     * @param endsOn                 the last day of cover
     * @param coverages              the main covers bought
     * @param addOns                 the add-ons bought
     * @param sumInsuredCny          the sum insured in CNY
     * @param absoluteDeductibleRate the absolute deductible as a fraction, 0 to 0.20
     * @param absoluteDeductibleCny  the absolute deductible in CNY
     * @throws NullPointerException when {@code policyNo}, a date or {@code sumInsuredCny} is null
     */
    public Policy {
        Objects.requireNonNull(policyNo, "policyNo");
        Objects.requireNonNull(startsOn, "startsOn");
        Objects.requireNonNull(endsOn, "endsOn");
        Objects.requireNonNull(sumInsuredCny, "sumInsuredCny");
        coverages = List.copyOf(coverages == null ? List.of() : coverages);
        addOns = List.copyOf(addOns == null ? List.of() : addOns);
        absoluteDeductibleRate = absoluteDeductibleRate == null ? BigDecimal.ZERO : absoluteDeductibleRate;
        absoluteDeductibleCny = absoluteDeductibleCny == null ? Money.ZERO : absoluteDeductibleCny;
    }

    /**
     * Whether the policy covers a day.
     *
     * @param day the day, e.g. the incident's
     * @return true when {@code day} lies from {@code startsOn} to {@code endsOn}, both included
     */
    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }
}
