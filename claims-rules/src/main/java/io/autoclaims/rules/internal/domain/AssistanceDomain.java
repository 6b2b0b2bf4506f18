package io.autoclaims.rules.internal.domain;

import static io.autoclaims.rules.internal.table.FactUnit.CNY;
import static io.autoclaims.rules.internal.table.FactUnit.KM;
import static io.autoclaims.rules.internal.table.FactUnit.MONTHS;
import static io.autoclaims.rules.internal.table.FactUnit.NONE;

import io.autoclaims.model.AssistanceService;
import io.autoclaims.model.ClaimType;
import io.autoclaims.model.Payer;
import io.autoclaims.rules.internal.run.ChargeBasis;
import io.autoclaims.rules.internal.run.ClaimFacts;
import io.autoclaims.rules.internal.run.Combine;
import io.autoclaims.rules.internal.table.FactDef;
import io.autoclaims.rules.internal.table.ValueType;

/**
 * Roadside assistance (道路救援): the membership and the job, who pays it and under which tariff, and
 * the itemised charges tariff rows add ({@code THEN charge.*}); settled by its charges, not by lines.
 * Prices and free kilometres are cells of the tariff rows.
 */
public final class AssistanceDomain extends ClaimDomain {
    private static final Declarations D = new Declarations();

    static {
        D.claim("assistance.member", ValueType.BOOLEAN, NONE, ClaimFacts::isMember, "assistance.member");
        D.claim("assistance.membershipValid", ValueType.BOOLEAN, NONE, ClaimFacts::isMembershipValid,
                "a member whose membership is valid on occurredOn");
        D.claimText("assistance.membershipValidUntil", ClaimFacts::getMembershipValidUntil,
                "assistance.membershipValidUntil");
        D.claim("assistance.service", ValueType.enumOf(AssistanceService.class), NONE, ClaimFacts::getService,
                "assistance.service");
        D.claim("assistance.towKm", ValueType.DECIMAL, KM, ClaimFacts::getTowKm, "assistance.towKm");
        D.claim("assistance.insideFifthRing", ValueType.BOOLEAN, NONE, ClaimFacts::getInsideFifthRing,
                "assistance.insideFifthRing");
        D.claim("assistance.highwayTollCny", ValueType.MONEY, CNY, ClaimFacts::getHighwayTollCny,
                "assistance.highwayTollCny");
    }

    public static final FactDef PAYER = D.claimSlot("assistance.payer", ValueType.enumOf(Payer.class), NONE,
            Combine.REPLACE, ClaimFacts::getAssistancePayer, "who pays the job");
    public static final FactDef TARIFF = D.claimSlot("assistance.tariff", ValueType.CODE, NONE, Combine.REPLACE,
            ClaimFacts::getAssistanceTariff, "which club price applies");
    public static final FactDef CAP_AT_SUM_INSURED = D.claimSlot("assistance.capAtSumInsured", ValueType.BOOLEAN,
            NONE, Combine.REPLACE, ClaimFacts::isCapAtSumInsured, "the payer's share is capped at the sum insured");

    static {
        D.claim("assistance.memberSavingsCny", ValueType.MONEY, CNY, ClaimFacts::getMemberSavingsCny,
                "non-member minus member price of the tariff charges");
        D.claim("vehicle.termMonths", ValueType.INTEGER, MONTHS, ClaimFacts::getVehicleTermMonths,
                "the whole-vehicle term in months");
        D.claim("vehicle.termKm", ValueType.INTEGER, KM, ClaimFacts::getVehicleTermKm, "the whole-vehicle term in km");
        D.claim("vehicle.monthsOverTerm", ValueType.INTEGER, MONTHS, ClaimFacts::getVehicleMonthsOverTerm,
                "months past the whole-vehicle term");
        D.claim("vehicle.kmOverTerm", ValueType.INTEGER, KM, ClaimFacts::getVehicleKmOverTerm,
                "km past the whole-vehicle term");
    }

    public static final FactDef CHARGE_ITEM = D.rowValue("charge.item", ValueType.CODE, NONE, "the charge item");
    public static final FactDef CHARGE_BASIS = D.rowValue("charge.basis", ValueType.enumOf(ChargeBasis.class), NONE,
            "how the charge is priced");
    public static final FactDef CHARGE_MEMBER_FIXED = D.rowValue("charge.memberFixedCny", ValueType.MONEY, CNY,
            "member fixed price");
    public static final FactDef CHARGE_MEMBER_FREE_KM = D.rowValue("charge.memberFreeKm", ValueType.DECIMAL, KM,
            "member free km");
    public static final FactDef CHARGE_MEMBER_PER_KM = D.rowValue("charge.memberPerKmCny", ValueType.MONEY, CNY,
            "member price per started km");
    public static final FactDef CHARGE_NON_MEMBER_FIXED = D.rowValue("charge.nonMemberFixedCny", ValueType.MONEY,
            CNY, "non-member fixed price");
    public static final FactDef CHARGE_NON_MEMBER_FREE_KM = D.rowValue("charge.nonMemberFreeKm", ValueType.DECIMAL,
            KM, "non-member free km");
    public static final FactDef CHARGE_NON_MEMBER_PER_KM = D.rowValue("charge.nonMemberPerKmCny", ValueType.MONEY,
            CNY, "non-member price per started km");
    public static final FactDef CHARGE_PAYER = D.rowValue("charge.payer", ValueType.enumOf(Payer.class), NONE,
            "who pays this item");

    /** The code of the club's member tariff in {@code assistance.tariff}; any other code is the list price. */
    public static final String MEMBER_TARIFF = "MEMBER";

    static final AssistanceDomain INSTANCE = new AssistanceDomain();

    private AssistanceDomain() {
        super(ClaimType.ASSISTANCE, Settles.BY_CHARGES, D.facts());
    }
}
