package io.autoclaims.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** A motor-insurance policy; {@code startsOn} and {@code endsOn} are both inclusive. */
public record Policy(
        String policyNo,
        LocalDate startsOn,
        LocalDate endsOn,
        List<Coverage> coverages,
        List<AddOn> addOns,
        BigDecimal sumInsuredCny,
        BigDecimal absoluteDeductibleRate,
        BigDecimal absoluteDeductibleCny) {

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

    /** True when the policy is in force on that day. */
    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }
}
