package io.autoclaims.rules.internal.domain;

import static io.autoclaims.rules.internal.table.FactUnit.DAYS;
import static io.autoclaims.rules.internal.table.FactUnit.KM;
import static io.autoclaims.rules.internal.table.FactUnit.MONTHS;
import static io.autoclaims.rules.internal.table.FactUnit.NONE;
import static io.autoclaims.rules.internal.table.FactUnit.TIMES;

import io.autoclaims.model.ClaimType;
import io.autoclaims.model.Money;
import io.autoclaims.model.PartSystem;
import io.autoclaims.model.Remedy;
import io.autoclaims.rules.internal.run.ClaimFacts;
import io.autoclaims.rules.internal.run.Combine;
import io.autoclaims.rules.internal.run.LineFacts;
import io.autoclaims.rules.internal.table.FactDef;
import io.autoclaims.rules.internal.table.ValueType;
import java.math.BigDecimal;
import java.util.List;

/**
 * Warranty and 三包 (the 2021 Provisions on Liability for the Repair, Replacement and Return of Household
 * Automobile Products, "R2021"): the regime facts rows set, the repair history counted for 三包, the
 * law's articles the validator holds rows to, and the usage compensation of a refund. The regime's
 * numbers (periods, floors, rates, the law's limits) are cells of the workbook's regime rows.
 */
public final class WarrantyDomain extends ClaimDomain {
    private static final Declarations D = new Declarations();

    public static final FactDef REGIME = D.claimSlot("regime", ValueType.CODE, NONE, Combine.REPLACE,
            ClaimFacts::getRegime, "the 三包 regime");
    public static final FactDef SANBAO_MONTHS = D.claimSlot("regime.sanbaoMonths", ValueType.INTEGER, MONTHS,
            Combine.REPLACE, ClaimFacts::getSanbaoMonths, "三包有效期 months");
    public static final FactDef SANBAO_KM = D.claimSlot("regime.sanbaoKm", ValueType.INTEGER, KM, Combine.REPLACE,
            ClaimFacts::getSanbaoKm, "三包有效期 km");
    public static final FactDef MIN_TERM_MONTHS = D.claimSlot("regime.minTermMonths", ValueType.INTEGER, MONTHS,
            Combine.REPLACE, ClaimFacts::getMinTermMonths, "legal minimum 包修期 months");
    public static final FactDef MIN_TERM_KM = D.claimSlot("regime.minTermKm", ValueType.INTEGER, KM,
            Combine.REPLACE, ClaimFacts::getMinTermKm, "legal minimum 包修期 km");
    public static final FactDef TERM_FLOOR_EXEMPT = D.claimSetting("regime.termFloorExempt",
            ValueType.enumSetOf(PartSystem.class), NONE, Combine.REPLACE, ClaimFacts::getTermFloorExempt,
            "systems exempt from the legal floor");
    public static final FactDef REGIME_USAGE_RATE = D.claimSlot("regime.usageRate", ValueType.RATE, NONE,
            Combine.REPLACE, ClaimFacts::getRegimeUsageRate, "usage-compensation rate n");
    public static final FactDef MAX_USAGE_RATE = D.claimSlot("regime.maxUsageRate", ValueType.RATE, NONE,
            Combine.REPLACE, ClaimFacts::getMaxUsageRate, "legal maximum of n");
    public static final FactDef LAW_REPAIR_DAYS = D.claimSetting("regime.lawRepairDays", ValueType.INTEGER, DAYS,
            "the law's limit of total repair days (more than it)");
    public static final FactDef LAW_SAME_PROBLEM_REPAIRS = D.claimSetting("regime.lawSameProblemRepairs",
            ValueType.INTEGER, TIMES, "the law's limit of repairs of one problem (more than it)");
    public static final FactDef LAW_REPEAT_COUNT = D.claimSetting("regime.lawRepeatCount", ValueType.INTEGER, TIMES,
            "the law's count of serious safety repairs or replacements (at least it)");

    static {
        D.claim("sanbao.withinPeriod", ValueType.BOOLEAN, NONE, ClaimFacts::isWithinSanbaoPeriod,
                "within the 三包有效期 by months and km");
    }

    public static final FactDef SERIOUS_SAFETY_REPAIRS = D.claim("history.seriousSafetyRepairs", ValueType.INTEGER,
            TIMES, ClaimFacts::getSeriousSafetyRepairs, "counted history entries with seriousSafety");
    public static final FactDef HISTORY_REPAIR_DAYS = D.claim("history.repairDays", ValueType.INTEGER, DAYS,
            ClaimFacts::getHistoryRepairDays, "sum of repairDays of counted history entries");

    static {
        D.claim("sanbao.hits", ValueType.INTEGER, TIMES, ClaimFacts::getSanbaoHits, "rows of gated tables that fired");
    }

    public static final FactDef SANBAO_ALLOWED = D.claimSlot("sanbao.allowed", ValueType.BOOLEAN, NONE,
            Combine.REPLACE, ClaimFacts::isSanbaoAllowed, "gate of the 三包 tables");

    static {
        D.claim("claim.remedy", ValueType.enumOf(Remedy.class), NONE, ClaimFacts::getClaimRemedy,
                "strongest remedy so far");
    }

    public static final FactDef VEHICLE_REMEDY = D.claimSlot("claim.vehicleRemedy", ValueType.enumOf(Remedy.class),
            NONE, Combine.STRONGEST, ClaimFacts::getVehicleRemedy, "a vehicle-level remedy");
    public static final FactDef CLAIM_USAGE_RATE = D.claimSlot("claim.usageRate", ValueType.RATE, NONE,
            Combine.LOWEST, ClaimFacts::getUsageRate, "usage-compensation rate of this claim");
    public static final FactDef SAME_PROBLEM_REPAIRS = D.line("line.sameProblemRepairs", ValueType.INTEGER, TIMES,
            LineFacts::getSameProblemRepairs, "counted history entries with the line's problem");

    static {
        D.line("line.sameProblemSeriousRepairs", ValueType.INTEGER, TIMES, LineFacts::getSameProblemSeriousRepairs,
                "... of those with seriousSafety");
    }

    public static final FactDef SYSTEM_ASSEMBLY_REPLACEMENTS = D.line("line.systemAssemblyReplacements",
            ValueType.INTEGER, TIMES, LineFacts::getSystemAssemblyReplacements,
            "counted assembly replacements in the line's system");
    public static final FactDef SAME_PART_MAIN_REPLACEMENTS = D.line("line.samePartMainReplacements",
            ValueType.INTEGER, TIMES, LineFacts::getSamePartMainReplacements,
            "counted main-part replacements of the line's part");

    static {
        D.line("line.daysSinceLastRepair", ValueType.INTEGER, DAYS, LineFacts::getDaysSinceLastRepair,
                "days from the latest repair of the line's problem to incident.occurredOn");
    }

    /** An article of the law the validator cites, in both languages. */
    public record Article(String en, String zh) {
    }

    /** R2021 art. 18: the whole-vehicle 包修期 floor, held against the terms table. */
    public static final Article TERM_FLOOR = new Article("R2021 art. 18: 包修期 >= 3 years / 60,000 km",
            "R2021 第十八条：包修期不少于 3 年或 6 万公里");
    /** R2021 art. 27: the cap on the usage-compensation rate n, held against the regime rows. */
    public static final Article USAGE_RATE_CAP = new Article("R2021 art. 27: n <= 0.5%", "R2021 第二十七条：n 不超过 0.5%");

    /**
     * A 三包 condition (R2021 art. 24) the consumer must at least get: a rule row may ask for less
     * than the law, never more. "More than" limits (repair days, repairs of one problem) and
     * "at least" counts (serious safety repairs, replacements) each compare with the regime's cell.
     */
    public record LawBound(FactDef fact, FactDef law, boolean moreThan, String article) {
    }

    public static final List<LawBound> LAW_BOUNDS = List.of(
            new LawBound(HISTORY_REPAIR_DAYS, LAW_REPAIR_DAYS, true,
                    "R2021 art. 24(4): total repair time over 30 days (R2013: 35)"),
            new LawBound(SAME_PROBLEM_REPAIRS, LAW_SAME_PROBLEM_REPAIRS, true,
                    "R2021 art. 24(4): the same problem repaired more than 4 times (R2013: 5)"),
            new LawBound(SERIOUS_SAFETY_REPAIRS, LAW_REPEAT_COUNT, false,
                    "R2021 art. 24(1): serious safety failure repaired 2 times"),
            new LawBound(SYSTEM_ASSEMBLY_REPLACEMENTS, LAW_REPEAT_COUNT, false,
                    "R2021 art. 24(2): assembly replaced 2 times"),
            new LawBound(SAME_PART_MAIN_REPLACEMENTS, LAW_REPEAT_COUNT, false,
                    "R2021 art. 24(3): the same main part replaced 2 times"));

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    static final WarrantyDomain INSTANCE = new WarrantyDomain();

    private WarrantyDomain() {
        super(ClaimType.WARRANTY, Settles.BY_LINES, D.facts());
    }

    /**
     * The usage compensation the consumer pays on a 三包 replacement or refund (R2021 art. 27):
     * price × km / 1000 × n, rounded to fen; n is the claim's rate, zero when none applies.
     */
    public static BigDecimal usageCompensation(BigDecimal priceCny, int odometerKm, BigDecimal rate) {
        BigDecimal n = rate == null ? BigDecimal.ZERO : rate;
        return Money.round(priceCny.multiply(BigDecimal.valueOf(odometerKm)).multiply(n).divide(THOUSAND));
    }
}
