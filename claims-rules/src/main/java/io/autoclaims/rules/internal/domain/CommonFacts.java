package io.autoclaims.rules.internal.domain;

import static io.autoclaims.rules.internal.table.FactUnit.CNY;
import static io.autoclaims.rules.internal.table.FactUnit.DAYS;
import static io.autoclaims.rules.internal.table.FactUnit.KM;
import static io.autoclaims.rules.internal.table.FactUnit.LINES;
import static io.autoclaims.rules.internal.table.FactUnit.MONTHS;
import static io.autoclaims.rules.internal.table.FactUnit.NONE;

import io.autoclaims.model.Cause;
import io.autoclaims.model.ClaimType;
import io.autoclaims.model.DocumentCode;
import io.autoclaims.model.LineRemedy;
import io.autoclaims.model.PartSystem;
import io.autoclaims.model.SafetyFault;
import io.autoclaims.model.ShopTier;
import io.autoclaims.model.VehicleUse;
import io.autoclaims.rules.internal.run.ClaimFacts;
import io.autoclaims.rules.internal.run.Combine;
import io.autoclaims.rules.internal.run.LineFacts;
import io.autoclaims.rules.internal.table.FactDef;
import io.autoclaims.rules.internal.table.ValueType;
import java.util.List;

/**
 * The facts every claim type has: the claim, shop, vehicle, period and incident it names, its lines
 * with their cover, terms and remedies, and the documents rows require.
 */
public final class CommonFacts {
    private static final Declarations D = new Declarations();

    static {
        D.claim("claim.type", ValueType.enumOf(ClaimType.class), NONE, ClaimFacts::getType, "claim type");
        D.claimText("claim.id", ClaimFacts::getClaimId, "the claim id");
        D.claimText("shop.id", ClaimFacts::getShopId, "the repair shop id");
        D.claim("shop.authorized", ValueType.BOOLEAN, NONE, ClaimFacts::isShopAuthorized, "repairShop.authorized");
        D.claim("shop.tier", ValueType.enumOf(ShopTier.class), NONE, ClaimFacts::getShopTier, "repairShop.tier");
        D.claim("vehicle.use", ValueType.enumOf(VehicleUse.class), NONE, ClaimFacts::getVehicleUse, "vehicle.use");
        D.claim("vehicle.warrantyRegistered", ValueType.BOOLEAN, NONE, ClaimFacts::isWarrantyRegistered,
                "vehicle.warrantyRegistered");
        D.claim("vehicle.inspectionValid", ValueType.BOOLEAN, NONE, ClaimFacts::isInspectionValid,
                "vehicle.inspectionValid");
        D.claim("vehicle.priceKnown", ValueType.BOOLEAN, NONE, ClaimFacts::isPriceKnown, "vehicle.priceCny is given");
        D.claim("vehicle.odometerKm", ValueType.INTEGER, KM, ClaimFacts::getOdometerKm, "vehicle.odometerKm");
        D.date("period.start", ClaimFacts::getPeriodStartDay, "deliveredOn, else purchasedOn");
        D.claim("period.daysSinceStart", ValueType.INTEGER, DAYS, ClaimFacts::getDaysSinceStart,
                "days from the period start to incident.occurredOn");
        D.claim("period.monthsSinceStart", ValueType.INTEGER, MONTHS, ClaimFacts::getMonthsSinceStart,
                "smallest m with occurredOn <= start.plusMonths(m)");
        D.claim("incident.cause", ValueType.enumOf(Cause.class), NONE, ClaimFacts::getIncidentCause, "incident.cause");
        D.claim("incident.faults", ValueType.enumSetOf(SafetyFault.class), NONE, ClaimFacts::getFaults,
                "incident.faults");
        D.date("incident.occurredOn", ClaimFacts::getOccurredOnDay, "incident.occurredOn");
        D.claim("lines.coveredCount", ValueType.INTEGER, LINES, ClaimFacts::getCoveredCount, "lines covered so far");
    }

    /** Documents a row requires; a row with a CODE reports the missing ones. */
    public static final FactDef DOCUMENTS = D.claimSetting("documents.required",
            ValueType.enumSetOf(DocumentCode.class), NONE, Combine.UNION, ClaimFacts::getRequiredDocuments,
            "documents required");
    /** What texts quote as {@code {documents.missing}}; the run works it out for the firing row. */
    public static final FactDef DOCUMENTS_MISSING = D.claimText("documents.missing", c -> null,
            "the documents a Documents row requires and the claim lacks");

    static {
        D.lineText("line.id", LineFacts::getLineId, "the line id");
        D.lineText("line.part", LineFacts::getPart, "the part");
        D.lineText("line.problem", LineFacts::getProblem, "the problem code");
    }

    public static final FactDef LINE_SYSTEM = D.line("line.system", ValueType.enumOf(PartSystem.class), NONE,
            LineFacts::getSystem, "lines[].system");

    static {
        D.line("line.cause", ValueType.enumOf(Cause.class), NONE, LineFacts::getCause,
                "the line's cause, else incident.cause");
        D.line("line.mainPart", ValueType.BOOLEAN, NONE, LineFacts::getMainPart, "lines[].mainPart");
        D.line("line.repairable", ValueType.BOOLEAN, NONE, LineFacts::getRepairable, "lines[].repairable");
        D.line("line.priorRepairAtUnauthorizedShop", ValueType.BOOLEAN, NONE,
                LineFacts::getPriorRepairAtUnauthorizedShop, "lines[].priorRepairAtUnauthorizedShop");
        D.line("line.repairCostCny", ValueType.MONEY, CNY, LineFacts::getRepairCostCny, "lines[].repairCostCny");
        D.line("line.replaceCostCny", ValueType.MONEY, CNY, LineFacts::getReplaceCostCny, "lines[].replaceCostCny");
    }

    public static final FactDef LINE_TERM_MONTHS = D.lineSlot("line.termMonths", ValueType.INTEGER, MONTHS,
            LineFacts::getTermMonths, "warranty term in months");
    public static final FactDef LINE_TERM_KM = D.lineSlot("line.termKm", ValueType.INTEGER, KM,
            LineFacts::getTermKm, "warranty term in km");

    static {
        D.line("line.monthsOverTerm", ValueType.INTEGER, MONTHS, LineFacts::getMonthsOverTerm,
                "period.monthsSinceStart - line.termMonths");
        D.line("line.kmOverTerm", ValueType.INTEGER, KM, LineFacts::getKmOverTerm, "vehicle.odometerKm - line.termKm");
    }

    public static final FactDef LINE_COVERED = D.lineSlot("line.covered", ValueType.BOOLEAN, NONE,
            LineFacts::getCovered, "the line is covered");
    public static final FactDef LINE_REMEDY = D.lineSlot("line.remedy", ValueType.enumOf(LineRemedy.class), NONE,
            LineFacts::getRemedy, "the line's remedy");

    private static final List<FactDef> FACTS = D.facts();

    private CommonFacts() {
    }

    static List<FactDef> facts() {
        return FACTS;
    }
}
