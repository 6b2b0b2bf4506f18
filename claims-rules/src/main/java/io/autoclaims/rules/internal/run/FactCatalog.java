package io.autoclaims.rules.internal.run;

import io.autoclaims.model.AddOn;
import io.autoclaims.model.AssistanceService;
import io.autoclaims.model.Cause;
import io.autoclaims.model.Coverage;
import io.autoclaims.model.HandledBy;
import io.autoclaims.model.Payee;
import io.autoclaims.model.Payer;
import io.autoclaims.model.ClaimType;
import io.autoclaims.model.DocumentCode;
import io.autoclaims.model.LineRemedy;
import io.autoclaims.model.PartSystem;
import io.autoclaims.model.Remedy;
import io.autoclaims.model.SafetyFault;
import io.autoclaims.model.ShopTier;
import io.autoclaims.model.VehicleUse;
import io.autoclaims.rules.internal.table.FactDef;
import io.autoclaims.rules.internal.table.Scope;
import io.autoclaims.rules.internal.table.ValueType;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Every fact a workbook may name, with its type. This is the vocabulary between analysts and the
 * engine: Java computes these facts generically (dates, distances, counts); every threshold that
 * decides anything lives in the workbook. See {@code docs/workbook-format.md}.
 */
public final class FactCatalog {
    // claim slots
    static final int REGIME = 0;
    static final int SANBAO_MONTHS = 1;
    static final int SANBAO_KM = 2;
    static final int MIN_TERM_MONTHS = 3;
    static final int MIN_TERM_KM = 4;
    static final int TERM_FLOOR_EXEMPT = 5;
    static final int REGIME_USAGE_RATE = 6;
    static final int MAX_USAGE_RATE = 7;
    static final int SANBAO_ALLOWED = 8;
    static final int VEHICLE_REMEDY = 9;
    static final int CLAIM_USAGE_RATE = 10;
    static final int DOCUMENTS_REQUIRED = 11;
    static final int ASSISTANCE_PAYER = 12;
    static final int ASSISTANCE_TARIFF = 13;
    static final int CAP_AT_SUM_INSURED = 14;
    static final int LAW_REPAIR_DAYS = 15;
    static final int LAW_SAME_PROBLEM_REPAIRS = 16;
    static final int LAW_REPEAT_COUNT = 17;
    static final int CLAIM_SLOTS = 18;
    // line slots
    static final int TERM_MONTHS = 0;
    static final int TERM_KM = 1;
    static final int COVERED = 2;
    static final int LINE_REMEDY = 3;
    static final int LINE_SLOTS = 4;

    private static final Map<String, FactDef> FACTS = new LinkedHashMap<>();

    static final FactDef DOCUMENTS_MISSING;
    public static final FactDef DOCUMENTS;
    public static final FactDef LINE_COVERED;
    public static final FactDef LINE_TERM_MONTHS;
    public static final FactDef LINE_TERM_KM;
    public static final FactDef LINE_SYSTEM;
    public static final FactDef REGIME_FACT;
    public static final FactDef REGIME_MIN_TERM_MONTHS;
    public static final FactDef REGIME_MIN_TERM_KM;
    public static final FactDef REGIME_TERM_FLOOR_EXEMPT;
    public static final FactDef REGIME_USAGE_RATE_FACT;
    public static final FactDef REGIME_MAX_USAGE_RATE;
    public static final FactDef REGIME_LAW_REPAIR_DAYS;
    public static final FactDef REGIME_LAW_SAME_PROBLEM_REPAIRS;
    public static final FactDef REGIME_LAW_REPEAT_COUNT;
    public static final FactDef HISTORY_REPAIR_DAYS;
    public static final FactDef HISTORY_SERIOUS_SAFETY_REPAIRS;
    public static final FactDef LINE_SAME_PROBLEM_REPAIRS;
    public static final FactDef LINE_SYSTEM_ASSEMBLY_REPLACEMENTS;
    public static final FactDef LINE_SAME_PART_MAIN_REPLACEMENTS;
    static final FactDef COMPUTE;
    static final FactDef CHARGE_ITEM;
    static final FactDef CHARGE_BASIS;
    static final FactDef CHARGE_MEMBER_FIXED;
    static final FactDef CHARGE_MEMBER_FREE_KM;
    static final FactDef CHARGE_MEMBER_PER_KM;
    static final FactDef CHARGE_NON_MEMBER_FIXED;
    static final FactDef CHARGE_NON_MEMBER_FREE_KM;
    static final FactDef CHARGE_NON_MEMBER_PER_KM;
    static final FactDef CHARGE_PAYER;

    static {
        claim("claim.type", ValueType.enumOf(ClaimType.class), "type", ClaimFacts::getType, "claim type");
        text("claim.id", Scope.CLAIM, ClaimFacts::getClaimId, "the claim id");
        text("shop.id", Scope.CLAIM, ClaimFacts::getShopId, "the repair shop id");
        claim("shop.authorized", ValueType.BOOLEAN, "shopAuthorized", ClaimFacts::isShopAuthorized,
                "repairShop.authorized");
        claim("shop.tier", ValueType.enumOf(ShopTier.class), "shopTier", ClaimFacts::getShopTier, "repairShop.tier");
        claim("vehicle.use", ValueType.enumOf(VehicleUse.class), "vehicleUse", ClaimFacts::getVehicleUse,
                "vehicle.use");
        claim("vehicle.warrantyRegistered", ValueType.BOOLEAN, "warrantyRegistered",
                ClaimFacts::isWarrantyRegistered, "vehicle.warrantyRegistered");
        claim("vehicle.inspectionValid", ValueType.BOOLEAN, "inspectionValid", ClaimFacts::isInspectionValid,
                "vehicle.inspectionValid");
        claim("vehicle.priceKnown", ValueType.BOOLEAN, "priceKnown", ClaimFacts::isPriceKnown,
                "vehicle.priceCny is given");
        claim("vehicle.odometerKm", ValueType.INTEGER, "odometerKm", ClaimFacts::getOdometerKm,
                "vehicle.odometerKm");
        claim("period.start", ValueType.DATE, "periodStartDay", ClaimFacts::getPeriodStart,
                "deliveredOn, else purchasedOn");
        claim("period.daysSinceStart", ValueType.INTEGER, "daysSinceStart", ClaimFacts::getDaysSinceStart,
                "days from the period start to incident.occurredOn");
        claim("period.monthsSinceStart", ValueType.INTEGER, "monthsSinceStart", ClaimFacts::getMonthsSinceStart,
                "smallest m with occurredOn <= start.plusMonths(m)");
        claim("incident.cause", ValueType.enumOf(Cause.class), "incidentCause", ClaimFacts::getIncidentCause,
                "incident.cause");
        claim("incident.faults", ValueType.enumSetOf(SafetyFault.class), "faults", ClaimFacts::getFaults,
                "incident.faults");
        REGIME_FACT = claimSlot("regime", ValueType.CODE, "regime", REGIME, Combine.REPLACE,
                ClaimFacts::getRegime, "the 三包 regime");
        claimSlot("regime.sanbaoMonths", ValueType.INTEGER, "sanbaoMonths", SANBAO_MONTHS, Combine.REPLACE,
                ClaimFacts::getSanbaoMonths, "三包有效期 months");
        claimSlot("regime.sanbaoKm", ValueType.INTEGER, "sanbaoKm", SANBAO_KM, Combine.REPLACE,
                ClaimFacts::getSanbaoKm, "三包有效期 km");
        REGIME_MIN_TERM_MONTHS = claimSlot("regime.minTermMonths", ValueType.INTEGER, "minTermMonths",
                MIN_TERM_MONTHS, Combine.REPLACE, ClaimFacts::getMinTermMonths, "legal minimum 包修期 months");
        REGIME_MIN_TERM_KM = claimSlot("regime.minTermKm", ValueType.INTEGER, "minTermKm", MIN_TERM_KM,
                Combine.REPLACE, ClaimFacts::getMinTermKm, "legal minimum 包修期 km");
        REGIME_TERM_FLOOR_EXEMPT = claimSlot("regime.termFloorExempt", ValueType.enumSetOf(PartSystem.class),
                null, TERM_FLOOR_EXEMPT, Combine.REPLACE, ClaimFacts::getTermFloorExempt,
                "systems exempt from the legal floor");
        REGIME_USAGE_RATE_FACT = claimSlot("regime.usageRate", ValueType.RATE, "regimeUsageRate",
                REGIME_USAGE_RATE, Combine.REPLACE, ClaimFacts::getRegimeUsageRate, "usage-compensation rate n");
        REGIME_MAX_USAGE_RATE = claimSlot("regime.maxUsageRate", ValueType.RATE, "maxUsageRate", MAX_USAGE_RATE,
                Combine.REPLACE, ClaimFacts::getMaxUsageRate, "legal maximum of n");
        REGIME_LAW_REPAIR_DAYS = claimSlot("regime.lawRepairDays", ValueType.INTEGER, null, LAW_REPAIR_DAYS,
                Combine.REPLACE, c -> c.base(LAW_REPAIR_DAYS), "the law's limit of total repair days (more than it)");
        REGIME_LAW_SAME_PROBLEM_REPAIRS = claimSlot("regime.lawSameProblemRepairs", ValueType.INTEGER, null,
                LAW_SAME_PROBLEM_REPAIRS, Combine.REPLACE, c -> c.base(LAW_SAME_PROBLEM_REPAIRS),
                "the law's limit of repairs of one problem (more than it)");
        REGIME_LAW_REPEAT_COUNT = claimSlot("regime.lawRepeatCount", ValueType.INTEGER, null, LAW_REPEAT_COUNT,
                Combine.REPLACE, c -> c.base(LAW_REPEAT_COUNT),
                "the law's count of serious safety repairs or replacements (at least it)");
        claim("sanbao.withinPeriod", ValueType.BOOLEAN, "withinSanbaoPeriod", ClaimFacts::isWithinSanbaoPeriod,
                "within the 三包有效期 by months and km");
        HISTORY_SERIOUS_SAFETY_REPAIRS = claim("history.seriousSafetyRepairs", ValueType.INTEGER, "seriousSafetyRepairs",
                ClaimFacts::getSeriousSafetyRepairs, "counted history entries with seriousSafety");
        HISTORY_REPAIR_DAYS = claim("history.repairDays", ValueType.INTEGER, "historyRepairDays", ClaimFacts::getHistoryRepairDays,
                "sum of repairDays of counted history entries");
        claim("lines.coveredCount", ValueType.INTEGER, "coveredCount", ClaimFacts::getCoveredCount,
                "lines covered so far");
        claim("sanbao.hits", ValueType.INTEGER, "sanbaoHits", ClaimFacts::getSanbaoHits,
                "rows of gated tables that fired");
        claimSlot("sanbao.allowed", ValueType.BOOLEAN, "sanbaoAllowed", SANBAO_ALLOWED, Combine.REPLACE,
                ClaimFacts::isSanbaoAllowed, "gate of the 三包 tables");
        claim("claim.remedy", ValueType.enumOf(Remedy.class), "claimRemedy", ClaimFacts::getClaimRemedy,
                "strongest remedy so far");
        claimSlot("claim.vehicleRemedy", ValueType.enumOf(Remedy.class), "vehicleRemedy", VEHICLE_REMEDY,
                Combine.STRONGEST, ClaimFacts::getVehicleRemedy, "a vehicle-level remedy");
        claimSlot("claim.usageRate", ValueType.RATE, "usageRate", CLAIM_USAGE_RATE, Combine.LOWEST,
                ClaimFacts::getUsageRate, "usage-compensation rate of this claim");
        DOCUMENTS = claimSlot("documents.required", ValueType.enumSetOf(DocumentCode.class), null,
                DOCUMENTS_REQUIRED, Combine.UNION, ClaimFacts::getRequiredDocuments, "documents required");
        DOCUMENTS_MISSING = text("documents.missing", Scope.CLAIM, c -> null,
                "the documents a Documents row requires and the claim lacks");

        // insurance
        claim("claim.causes", ValueType.enumSetOf(Cause.class), "causes", ClaimFacts::getCauses,
                "incident.cause and every line's own cause");
        claim("claim.payee", ValueType.enumOf(Payee.class), "payee", ClaimFacts::getPayee, "payee");
        claim("incident.occurredOn", ValueType.DATE, "occurredOnDay", ClaimFacts::getOccurredOn,
                "incident.occurredOn");
        claim("incident.handledBy", ValueType.enumOf(HandledBy.class), "handledBy", ClaimFacts::getHandledBy,
                "incident.handledBy");
        claim("incident.monthsToSubmit", ValueType.INTEGER, "monthsToSubmit", ClaimFacts::getMonthsToSubmit,
                "smallest m with submittedOn <= occurredOn.plusMonths(m)");
        claim("incident.reportTimesKnown", ValueType.BOOLEAN, "reportTimesKnown", ClaimFacts::isReportTimesKnown,
                "occurredAt and reportedAt are both given");
        claim("incident.hoursToReport", ValueType.DECIMAL, "hoursToReport", ClaimFacts::getHoursToReport,
                "reportedAt - occurredAt in hours");
        claim("incident.daysToReport", ValueType.INTEGER, "daysToReport", ClaimFacts::getDaysToReport,
                "reportedOn - occurredOn in days");
        claim("incident.rescueCostCny", ValueType.MONEY, "rescueCostCny", ClaimFacts::getRescueCostCny,
                "incident.rescueCostCny");
        claim("incident.thirdPartyRecoveryCny", ValueType.MONEY, "thirdPartyRecoveryCny",
                ClaimFacts::getThirdPartyRecoveryCny, "incident.thirdPartyRecoveryCny");
        claim("driver.licensed", ValueType.BOOLEAN, "driverLicensed", ClaimFacts::isDriverLicensed,
                "incident.driver.licensed");
        claim("driver.permittedByInsured", ValueType.BOOLEAN, "permittedByInsured", ClaimFacts::isPermittedByInsured,
                "incident.driver.permittedByInsured");
        claim("driver.leftScene", ValueType.BOOLEAN, "leftScene", ClaimFacts::isLeftScene,
                "incident.driver.leftScene");
        claim("driver.bacMgPer100ml", ValueType.DECIMAL, "bacMgPer100ml", ClaimFacts::getBacMgPer100ml,
                "incident.driver.bacMgPer100ml");
        claim("policy.given", ValueType.BOOLEAN, "policyGiven", ClaimFacts::isPolicyGiven, "the claim has a policy");
        claim("policy.inForce", ValueType.BOOLEAN, "policyInForce", ClaimFacts::isPolicyInForce,
                "startsOn <= occurredOn <= endsOn");
        claim("policy.daysSinceStart", ValueType.INTEGER, "policyDaysSinceStart",
                ClaimFacts::getPolicyDaysSinceStart, "occurredOn - policy.startsOn in days");
        text("policy.startsOn", Scope.CLAIM, ClaimFacts::getPolicyStartsOn, "policy.startsOn");
        text("policy.endsOn", Scope.CLAIM, ClaimFacts::getPolicyEndsOn, "policy.endsOn");
        claim("policy.coverages", ValueType.enumSetOf(Coverage.class), "coverages", ClaimFacts::getCoverages,
                "policy.coverages");
        claim("policy.addOns", ValueType.enumSetOf(AddOn.class), "addOns", ClaimFacts::getAddOns, "policy.addOns");
        claim("policy.hasDeductible", ValueType.BOOLEAN, "hasDeductible", ClaimFacts::isHasDeductible,
                "a deductible rate or amount is not zero");
        claim("policy.absoluteDeductibleRate", ValueType.RATE, "absoluteDeductibleRate",
                ClaimFacts::getAbsoluteDeductibleRate, "policy.absoluteDeductibleRate");
        claim("policy.absoluteDeductibleCny", ValueType.MONEY, "absoluteDeductibleCny",
                ClaimFacts::getAbsoluteDeductibleCny, "policy.absoluteDeductibleCny");
        claim("policy.sumInsuredCny", ValueType.MONEY, "sumInsuredCny", ClaimFacts::getSumInsuredCny,
                "policy.sumInsuredCny");
        claim("assessment.given", ValueType.BOOLEAN, "assessmentGiven", ClaimFacts::isAssessmentGiven,
                "the claim has an assessment");
        claim("assessment.amountKnown", ValueType.BOOLEAN, "assessedAmountKnown", ClaimFacts::isAssessedAmountKnown,
                "assessment.amountCny is given");
        claim("assessment.invoiceKnown", ValueType.BOOLEAN, "invoiceKnown", ClaimFacts::isInvoiceKnown,
                "assessment.invoicedCny is given");
        claim("assessment.atOtherShop", ValueType.BOOLEAN, "assessedAtOtherShop", ClaimFacts::isAssessedAtOtherShop,
                "assessment.shopId differs from repairShop.id");
        claim("assessment.amountCny", ValueType.MONEY, "assessedAmountCny", ClaimFacts::getAssessedAmountCny,
                "assessment.amountCny");
        claim("assessment.invoicedCny", ValueType.MONEY, "invoicedCny", ClaimFacts::getInvoicedCny,
                "assessment.invoicedCny");
        COMPUTE = add(new FactDef("claim.compute", Scope.CLAIM, ValueType.enumOf(Formula.class), null, c -> null, -1,
                Combine.ROW, "applies a formula when the row fires"));
        claim("claim.lossCny", ValueType.MONEY, "lossCny", ClaimFacts::getLossCny, "the loss as computed so far");
        claim("claim.lossAtSumInsured", ValueType.BOOLEAN, "lossAtSumInsured", ClaimFacts::isLossAtSumInsured,
                "claim.lossCny >= policy.sumInsuredCny");
        claim("claim.deductibleCny", ValueType.MONEY, "deductibleCny", ClaimFacts::getDeductibleCny,
                "what the DEDUCTIBLE formula took off");
        claim("claim.rescuePaidCny", ValueType.MONEY, "rescuePaidCny", ClaimFacts::getRescuePaidCny,
                "what the PLUS_RESCUE formula added");
        claim("claim.payableCny", ValueType.MONEY, "payableCny", ClaimFacts::getPayableCny,
                "the payable as computed so far");
        // assistance
        claim("assistance.member", ValueType.BOOLEAN, "member", ClaimFacts::isMember, "assistance.member");
        claim("assistance.membershipValid", ValueType.BOOLEAN, "membershipValid", ClaimFacts::isMembershipValid,
                "a member whose membership is valid on occurredOn");
        text("assistance.membershipValidUntil", Scope.CLAIM, ClaimFacts::getMembershipValidUntil,
                "assistance.membershipValidUntil");
        claim("assistance.service", ValueType.enumOf(AssistanceService.class), "service", ClaimFacts::getService,
                "assistance.service");
        claim("assistance.towKm", ValueType.DECIMAL, "towKm", ClaimFacts::getTowKm, "assistance.towKm");
        claim("assistance.insideFifthRing", ValueType.BOOLEAN, "insideFifthRing", ClaimFacts::getInsideFifthRing,
                "assistance.insideFifthRing");
        claim("assistance.highwayTollCny", ValueType.MONEY, "highwayTollCny", ClaimFacts::getHighwayTollCny,
                "assistance.highwayTollCny");
        claimSlot("assistance.payer", ValueType.enumOf(Payer.class), "assistancePayer", ASSISTANCE_PAYER,
                Combine.REPLACE, ClaimFacts::getAssistancePayer, "who pays the job");
        claimSlot("assistance.tariff", ValueType.CODE, "assistanceTariff", ASSISTANCE_TARIFF, Combine.REPLACE,
                ClaimFacts::getAssistanceTariff, "which club price applies");
        claimSlot("assistance.capAtSumInsured", ValueType.BOOLEAN, "capAtSumInsured", CAP_AT_SUM_INSURED,
                Combine.REPLACE, ClaimFacts::isCapAtSumInsured, "the payer's share is capped at the sum insured");
        claim("assistance.memberSavingsCny", ValueType.MONEY, "memberSavingsCny", ClaimFacts::getMemberSavingsCny,
                "non-member minus member price of the tariff charges");
        claim("vehicle.termMonths", ValueType.INTEGER, "vehicleTermMonths", ClaimFacts::getVehicleTermMonths,
                "the whole-vehicle term in months");
        claim("vehicle.termKm", ValueType.INTEGER, "vehicleTermKm", ClaimFacts::getVehicleTermKm,
                "the whole-vehicle term in km");
        claim("vehicle.monthsOverTerm", ValueType.INTEGER, "vehicleMonthsOverTerm",
                ClaimFacts::getVehicleMonthsOverTerm, "months past the whole-vehicle term");
        claim("vehicle.kmOverTerm", ValueType.INTEGER, "vehicleKmOverTerm", ClaimFacts::getVehicleKmOverTerm,
                "km past the whole-vehicle term");
        CHARGE_ITEM = charge("charge.item", ValueType.CODE, "the charge item");
        CHARGE_BASIS = charge("charge.basis", ValueType.enumOf(ChargeBasis.class), "how the charge is priced");
        CHARGE_MEMBER_FIXED = charge("charge.memberFixedCny", ValueType.MONEY, "member fixed price");
        CHARGE_MEMBER_FREE_KM = charge("charge.memberFreeKm", ValueType.DECIMAL, "member free km");
        CHARGE_MEMBER_PER_KM = charge("charge.memberPerKmCny", ValueType.MONEY, "member price per started km");
        CHARGE_NON_MEMBER_FIXED = charge("charge.nonMemberFixedCny", ValueType.MONEY, "non-member fixed price");
        CHARGE_NON_MEMBER_FREE_KM = charge("charge.nonMemberFreeKm", ValueType.DECIMAL, "non-member free km");
        CHARGE_NON_MEMBER_PER_KM = charge("charge.nonMemberPerKmCny", ValueType.MONEY,
                "non-member price per started km");
        CHARGE_PAYER = charge("charge.payer", ValueType.enumOf(Payer.class), "who pays this item");

        text("line.id", Scope.LINE, LineFacts::getLineId, "the line id");
        text("line.part", Scope.LINE, LineFacts::getPart, "the part");
        text("line.problem", Scope.LINE, LineFacts::getProblem, "the problem code");
        LINE_SYSTEM = line("line.system", ValueType.enumOf(PartSystem.class), "system", LineFacts::getSystem,
                "lines[].system");
        line("line.cause", ValueType.enumOf(Cause.class), "cause", LineFacts::getCause,
                "the line's cause, else incident.cause");
        line("line.mainPart", ValueType.BOOLEAN, "mainPart", LineFacts::getMainPart, "lines[].mainPart");
        line("line.repairable", ValueType.BOOLEAN, "repairable", LineFacts::getRepairable, "lines[].repairable");
        line("line.priorRepairAtUnauthorizedShop", ValueType.BOOLEAN, "priorRepairAtUnauthorizedShop",
                LineFacts::getPriorRepairAtUnauthorizedShop, "lines[].priorRepairAtUnauthorizedShop");
        line("line.repairCostCny", ValueType.MONEY, "repairCostCny", LineFacts::getRepairCostCny,
                "lines[].repairCostCny");
        line("line.replaceCostCny", ValueType.MONEY, "replaceCostCny", LineFacts::getReplaceCostCny,
                "lines[].replaceCostCny");
        LINE_TERM_MONTHS = lineSlot("line.termMonths", ValueType.INTEGER, "termMonths", TERM_MONTHS,
                LineFacts::getTermMonths, "warranty term in months");
        LINE_TERM_KM = lineSlot("line.termKm", ValueType.INTEGER, "termKm", TERM_KM, LineFacts::getTermKm,
                "warranty term in km");
        line("line.monthsOverTerm", ValueType.INTEGER, "monthsOverTerm", LineFacts::getMonthsOverTerm,
                "period.monthsSinceStart - line.termMonths");
        line("line.kmOverTerm", ValueType.INTEGER, "kmOverTerm", LineFacts::getKmOverTerm,
                "vehicle.odometerKm - line.termKm");
        LINE_COVERED = lineSlot("line.covered", ValueType.BOOLEAN, "covered", COVERED, LineFacts::getCovered,
                "the line is covered");
        lineSlot("line.remedy", ValueType.enumOf(LineRemedy.class), "remedy", LINE_REMEDY, LineFacts::getRemedy,
                "the line's remedy");
        LINE_SAME_PROBLEM_REPAIRS = line("line.sameProblemRepairs", ValueType.INTEGER, "sameProblemRepairs", LineFacts::getSameProblemRepairs,
                "counted history entries with the line's problem");
        line("line.sameProblemSeriousRepairs", ValueType.INTEGER, "sameProblemSeriousRepairs",
                LineFacts::getSameProblemSeriousRepairs, "... of those with seriousSafety");
        LINE_SYSTEM_ASSEMBLY_REPLACEMENTS = line("line.systemAssemblyReplacements", ValueType.INTEGER, "systemAssemblyReplacements",
                LineFacts::getSystemAssemblyReplacements, "counted assembly replacements in the line's system");
        LINE_SAME_PART_MAIN_REPLACEMENTS = line("line.samePartMainReplacements", ValueType.INTEGER, "samePartMainReplacements",
                LineFacts::getSamePartMainReplacements, "counted main-part replacements of the line's part");
    }

    private FactCatalog() {
    }

    /** The fact with that name, or null. */
    public static FactDef get(String name) {
        return FACTS.get(name);
    }

    /** Every fact, in catalogue order. */
    public static Collection<FactDef> all() {
        return Collections.unmodifiableCollection(FACTS.values());
    }

    private static FactDef add(FactDef def) {
        if (FACTS.put(def.name(), def) != null) {
            throw new IllegalStateException("duplicate fact " + def.name());
        }
        return def;
    }

    private static Function<Object, Object> of(Function<ClaimFacts, ?> getter) {
        return o -> getter.apply((ClaimFacts) o);
    }

    private static Function<Object, Object> ofLine(Function<LineFacts, ?> getter) {
        return o -> getter.apply((LineFacts) o);
    }

    private static FactDef claim(String name, ValueType type, String property, Function<ClaimFacts, ?> getter,
            String meaning) {
        return add(new FactDef(name, Scope.CLAIM, type, property, of(getter), -1, Combine.REPLACE, meaning));
    }

    private static FactDef claimSlot(String name, ValueType type, String property, int slot, Combine combine,
            Function<ClaimFacts, ?> getter, String meaning) {
        return add(new FactDef(name, Scope.CLAIM, type, property, of(getter), slot, combine, meaning));
    }

    private static FactDef line(String name, ValueType type, String property, Function<LineFacts, ?> getter,
            String meaning) {
        return add(new FactDef(name, Scope.LINE, type, property, ofLine(getter), -1, Combine.REPLACE, meaning));
    }

    private static FactDef lineSlot(String name, ValueType type, String property, int slot,
            Function<LineFacts, ?> getter, String meaning) {
        return add(new FactDef(name, Scope.LINE, type, property, ofLine(getter), slot, Combine.REPLACE, meaning));
    }

    private static FactDef charge(String name, ValueType type, String meaning) {
        return add(new FactDef(name, Scope.CLAIM, type, null, c -> null, -1, Combine.ROW, meaning));
    }

    @SuppressWarnings("unchecked")
    private static <T> FactDef text(String name, Scope scope, Function<T, ?> getter, String meaning) {
        Function<Object, Object> reader = o -> getter.apply((T) o);
        return add(new FactDef(name, scope, ValueType.TEXT, null, reader, -1, Combine.REPLACE, meaning));
    }
}
