package io.autoclaims.rules.internal.run;

import io.autoclaims.model.Payer;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One charge a tariff row added: its item, how it is priced under the member and non-member
 * tariffs, and who pays it (null: the job's payer).
 */
record ChargeSpec(String item, ChargeBasis basis, BigDecimal memberFixed, BigDecimal memberFreeKm,
        BigDecimal memberPerKm, BigDecimal nonMemberFixed, BigDecimal nonMemberFreeKm, BigDecimal nonMemberPerKm,
        Payer payer, String ruleId) {

    /** The price under a tariff: fixed + ceil(max(0, towKm - freeKm)) × per started km. */
    BigDecimal price(boolean member, BigDecimal towKm, BigDecimal toll) {
        if (basis == ChargeBasis.HIGHWAY_TOLL) {
            return toll;
        }
        BigDecimal fixed = member ? memberFixed : nonMemberFixed;
        BigDecimal freeKm = member ? memberFreeKm : nonMemberFreeKm;
        BigDecimal perKm = member ? memberPerKm : nonMemberPerKm;
        BigDecimal price = fixed == null ? BigDecimal.ZERO : fixed;
        if (perKm != null) {
            BigDecimal beyond = towKm.subtract(freeKm == null ? BigDecimal.ZERO : freeKm).max(BigDecimal.ZERO);
            price = price.add(beyond.setScale(0, RoundingMode.CEILING).multiply(perKm));
        }
        return price;
    }
}
