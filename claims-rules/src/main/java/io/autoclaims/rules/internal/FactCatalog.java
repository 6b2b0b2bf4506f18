package io.autoclaims.rules.internal;

import io.autoclaims.model.Cause;
import io.autoclaims.model.ClaimType;
import io.autoclaims.model.DocumentCode;
import io.autoclaims.model.LineRemedy;
import io.autoclaims.model.PartSystem;
import io.autoclaims.model.Remedy;
import io.autoclaims.model.SafetyFault;
import io.autoclaims.model.ShopTier;
import io.autoclaims.model.VehicleUse;
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
    static final int CLAIM_SLOTS = 12;
    // line slots
    static final int TERM_MONTHS = 0;
    static final int TERM_KM = 1;
    static final int COVERED = 2;
    static final int LINE_REMEDY = 3;
    static final int LINE_SLOTS = 4;

    private static final Map<String, FactDef> FACTS = new LinkedHashMap<>();

    public static final FactDef DOCUMENTS_MISSING;
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
        claim("sanbao.withinPeriod", ValueType.BOOLEAN, "withinSanbaoPeriod", ClaimFacts::isWithinSanbaoPeriod,
                "within the 三包有效期 by months and km");
        claim("history.seriousSafetyRepairs", ValueType.INTEGER, "seriousSafetyRepairs",
                ClaimFacts::getSeriousSafetyRepairs, "counted history entries with seriousSafety");
        claim("history.repairDays", ValueType.INTEGER, "historyRepairDays", ClaimFacts::getHistoryRepairDays,
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

        text("line.id", Scope.LINE, LineFacts::getLineId, "the line id");
        text("line.part", Scope.LINE, LineFacts::getPart, "the part");
        text("line.problem", Scope.LINE, LineFacts::getProblem, "the problem code");
        LINE_SYSTEM = line("line.system", ValueType.enumOf(PartSystem.class), "system", LineFacts::getSystem,
                "lines[].system");
        line("line.cause", ValueType.enumOf(Cause.class), "cause", LineFacts::getCause,
                "the line's cause, else incident.cause");
        line("line.mainPart", ValueType.BOOLEAN, "mainPart", LineFacts::isMainPart, "lines[].mainPart");
        line("line.repairable", ValueType.BOOLEAN, "repairable", LineFacts::isRepairable, "lines[].repairable");
        line("line.priorRepairAtUnauthorizedShop", ValueType.BOOLEAN, "priorRepairAtUnauthorizedShop",
                LineFacts::isPriorRepairAtUnauthorizedShop, "lines[].priorRepairAtUnauthorizedShop");
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
        line("line.sameProblemRepairs", ValueType.INTEGER, "sameProblemRepairs", LineFacts::getSameProblemRepairs,
                "counted history entries with the line's problem");
        line("line.sameProblemSeriousRepairs", ValueType.INTEGER, "sameProblemSeriousRepairs",
                LineFacts::getSameProblemSeriousRepairs, "... of those with seriousSafety");
        line("line.systemAssemblyReplacements", ValueType.INTEGER, "systemAssemblyReplacements",
                LineFacts::getSystemAssemblyReplacements, "counted assembly replacements in the line's system");
        line("line.samePartMainReplacements", ValueType.INTEGER, "samePartMainReplacements",
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

    @SuppressWarnings("unchecked")
    private static <T> FactDef text(String name, Scope scope, Function<T, ?> getter, String meaning) {
        Function<Object, Object> reader = o -> getter.apply((T) o);
        return add(new FactDef(name, scope, ValueType.TEXT, null, reader, -1, Combine.REPLACE, meaning));
    }
}
