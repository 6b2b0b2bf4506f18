package io.autoclaims.model.json;

import static io.autoclaims.model.json.ValueTypes.BOOLEAN;
import static io.autoclaims.model.json.ValueTypes.CLAIM_ID;
import static io.autoclaims.model.json.ValueTypes.CODE;
import static io.autoclaims.model.json.ValueTypes.DEDUCTIBLE_RATE;
import static io.autoclaims.model.json.ValueTypes.FREE_FORM_OBJECT;
import static io.autoclaims.model.json.ValueTypes.LOCAL_DATE;
import static io.autoclaims.model.json.ValueTypes.LOCAL_DATE_TIME;
import static io.autoclaims.model.json.ValueTypes.MONEY;
import static io.autoclaims.model.json.ValueTypes.NON_NEGATIVE_INT;
import static io.autoclaims.model.json.ValueTypes.NON_NEGATIVE_NUMBER;
import static io.autoclaims.model.json.ValueTypes.TEXT;
import static io.autoclaims.model.json.ValueTypes.VIN;
import static io.autoclaims.model.json.ValueTypes.enumOf;
import static io.autoclaims.model.json.ValueTypes.listOf;

import io.autoclaims.model.AddOn;
import io.autoclaims.model.Assessment;
import io.autoclaims.model.AssistanceRequest;
import io.autoclaims.model.AssistanceService;
import io.autoclaims.model.Cause;
import io.autoclaims.model.Claim;
import io.autoclaims.model.ClaimLine;
import io.autoclaims.model.ClaimType;
import io.autoclaims.model.Coverage;
import io.autoclaims.model.DocumentCode;
import io.autoclaims.model.Driver;
import io.autoclaims.model.HandledBy;
import io.autoclaims.model.Incident;
import io.autoclaims.model.InputError;
import io.autoclaims.model.InvalidClaimException;
import io.autoclaims.model.Money;
import io.autoclaims.model.PartSystem;
import io.autoclaims.model.Payee;
import io.autoclaims.model.Policy;
import io.autoclaims.model.PriorRepair;
import io.autoclaims.model.RepairShop;
import io.autoclaims.model.SafetyFault;
import io.autoclaims.model.ShopTier;
import io.autoclaims.model.Vehicle;
import io.autoclaims.model.VehicleUse;
import io.autoclaims.model.internal.Contract;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The claim of {@code claims-contract.md}, field by field, in the contract's order, with its defaults. */
final class ClaimSchema {

    private ClaimSchema() {
    }

    private static final ObjectSchema<Vehicle> VEHICLE = ObjectSchema.<Vehicle>builder()
            .required("vin", VIN, Vehicle::vin)
            .required("purchasedOn", LOCAL_DATE, Vehicle::purchasedOn)
            .optional("deliveredOn", LOCAL_DATE, Vehicle::deliveredOn) // Vehicle defaults it to purchasedOn
            .required("odometerKm", NON_NEGATIVE_INT, Vehicle::odometerKm)
            .optional("priceCny", MONEY, Vehicle::priceCny)
            .optional("use", enumOf(VehicleUse.class), VehicleUse.PRIVATE, Vehicle::use)
            .optional("warrantyRegistered", BOOLEAN, false, Vehicle::warrantyRegistered)
            .optional("inspectionValid", BOOLEAN, true, Vehicle::inspectionValid)
            .build((v, at) -> new Vehicle(v.get("vin"), v.get("purchasedOn"), v.get("deliveredOn"),
                    v.get("odometerKm"), v.get("priceCny"), v.get("use"), v.get("warrantyRegistered"),
                    v.get("inspectionValid")));

    private static final ObjectSchema<Driver> DRIVER = ObjectSchema.<Driver>builder()
            .optional("licensed", BOOLEAN, true, Driver::licensed)
            .optional("bacMgPer100ml", NON_NEGATIVE_NUMBER, BigDecimal.ZERO, Driver::bacMgPer100ml)
            .optional("permittedByInsured", BOOLEAN, true, Driver::permittedByInsured)
            .optional("leftScene", BOOLEAN, false, Driver::leftScene)
            .build((v, at) -> new Driver(v.get("licensed"), v.get("bacMgPer100ml"), v.get("permittedByInsured"),
                    v.get("leftScene")));

    private static final ObjectSchema<Incident> INCIDENT = ObjectSchema.<Incident>builder()
            .required("occurredOn", LOCAL_DATE, Incident::occurredOn)
            .optional("occurredAt", LOCAL_DATE_TIME, Incident::occurredAt)
            .optional("reportedAt", LOCAL_DATE_TIME, Incident::reportedAt)
            .optional("reportedOn", LOCAL_DATE, Incident::reportedOn) // defaults to submittedOn, see claim()
            .required("cause", enumOf(Cause.class), Incident::cause)
            .optional("faults", listOf(enumOf(SafetyFault.class)), List.of(), Incident::faults)
            .optional("handledBy", enumOf(HandledBy.class), HandledBy.POLICE, Incident::handledBy)
            .optional("driver", DRIVER, Driver.DEFAULT, Incident::driver)
            .optional("rescueCostCny", MONEY, Money.ZERO, Incident::rescueCostCny)
            .optional("thirdPartyRecoveryCny", MONEY, Money.ZERO, Incident::thirdPartyRecoveryCny)
            .build((v, at) -> new Incident(v.get("occurredOn"), v.get("occurredAt"), v.get("reportedAt"),
                    v.get("reportedOn"), v.get("cause"), v.get("faults"), v.get("handledBy"), v.get("driver"),
                    v.get("rescueCostCny"), v.get("thirdPartyRecoveryCny")));

    private static final ObjectSchema<RepairShop> REPAIR_SHOP = ObjectSchema.<RepairShop>builder()
            .required("id", CODE, RepairShop::id)
            .required("authorized", BOOLEAN, RepairShop::authorized)
            .required("tier", enumOf(ShopTier.class), RepairShop::tier)
            .build((v, at) -> new RepairShop(v.get("id"), v.get("authorized"), v.get("tier")));

    private static final ObjectSchema<ClaimLine> LINE = ObjectSchema.<ClaimLine>builder()
            .required("lineId", CODE, ClaimLine::lineId)
            .required("system", enumOf(PartSystem.class), ClaimLine::system)
            .required("part", TEXT, ClaimLine::part)
            .optional("problem", CODE, ClaimLine::problem)
            .optional("mainPart", BOOLEAN, false, ClaimLine::mainPart)
            .optional("repairable", BOOLEAN, true, ClaimLine::repairable)
            .required("repairCostCny", MONEY, ClaimLine::repairCostCny)
            .required("replaceCostCny", MONEY, ClaimLine::replaceCostCny)
            .optional("cause", enumOf(Cause.class), ClaimLine::cause)
            .optional("priorRepairAtUnauthorizedShop", BOOLEAN, false, ClaimLine::priorRepairAtUnauthorizedShop)
            .build((v, at) -> new ClaimLine(v.get("lineId"), v.get("system"), v.get("part"), v.get("problem"),
                    v.get("mainPart"), v.get("repairable"), v.get("repairCostCny"), v.get("replaceCostCny"),
                    v.get("cause"), v.get("priorRepairAtUnauthorizedShop")));

    private static final ObjectSchema<PriorRepair> PRIOR_REPAIR = ObjectSchema.<PriorRepair>builder()
            .required("repairedOn", LOCAL_DATE, PriorRepair::repairedOn)
            .required("system", enumOf(PartSystem.class), PriorRepair::system)
            .required("part", TEXT, PriorRepair::part)
            .required("problem", CODE, PriorRepair::problem)
            .required("replaced", BOOLEAN, PriorRepair::replaced)
            .required("mainPart", BOOLEAN, PriorRepair::mainPart)
            .required("assembly", BOOLEAN, PriorRepair::assembly)
            .required("seriousSafety", BOOLEAN, PriorRepair::seriousSafety)
            .required("repairDays", NON_NEGATIVE_INT, PriorRepair::repairDays)
            .optional("qualityProblem", BOOLEAN, true, PriorRepair::qualityProblem)
            .build((v, at) -> new PriorRepair(v.get("repairedOn"), v.get("system"), v.get("part"), v.get("problem"),
                    v.get("replaced"), v.get("mainPart"), v.get("assembly"), v.get("seriousSafety"),
                    v.get("repairDays"), v.get("qualityProblem")));

    private static final ObjectSchema<Policy> POLICY = ObjectSchema.<Policy>builder()
            .required("policyNo", CODE, Policy::policyNo)
            .required("startsOn", LOCAL_DATE, Policy::startsOn)
            .required("endsOn", LOCAL_DATE, Policy::endsOn)
            .required("coverages", listOf(enumOf(Coverage.class)), Policy::coverages)
            .required("addOns", listOf(enumOf(AddOn.class)), Policy::addOns)
            .required("sumInsuredCny", MONEY, Policy::sumInsuredCny)
            .optional("absoluteDeductibleRate", DEDUCTIBLE_RATE, BigDecimal.ZERO, Policy::absoluteDeductibleRate)
            .optional("absoluteDeductibleCny", MONEY, Money.ZERO, Policy::absoluteDeductibleCny)
            .build(ClaimSchema::policy);

    private static final ObjectSchema<Assessment> ASSESSMENT = ObjectSchema.<Assessment>builder()
            .required("shopId", CODE, Assessment::shopId)
            .optional("amountCny", MONEY, Assessment::amountCny)
            .optional("invoicedCny", MONEY, Assessment::invoicedCny)
            .build((v, at) -> new Assessment(v.get("shopId"), v.get("amountCny"), v.get("invoicedCny")));

    private static final ObjectSchema<AssistanceRequest> ASSISTANCE = ObjectSchema.<AssistanceRequest>builder()
            .required("member", BOOLEAN, AssistanceRequest::member)
            .optional("membershipValidUntil", LOCAL_DATE, AssistanceRequest::membershipValidUntil)
            .required("service", enumOf(AssistanceService.class), AssistanceRequest::service)
            .required("towKm", NON_NEGATIVE_NUMBER, AssistanceRequest::towKm)
            .optional("insideFifthRing", BOOLEAN, true, AssistanceRequest::insideFifthRing)
            .optional("highwayTollCny", MONEY, Money.ZERO, AssistanceRequest::highwayTollCny)
            .build((v, at) -> new AssistanceRequest(v.get("member"), v.get("membershipValidUntil"), v.get("service"),
                    v.get("towKm"), v.get("insideFifthRing"), v.get("highwayTollCny")));

    static final ObjectSchema<Claim> CLAIM = ObjectSchema.<Claim>builder()
            .required("claimId", CLAIM_ID, Claim::claimId)
            .required("type", enumOf(ClaimType.class), Claim::type)
            .required("submittedOn", LOCAL_DATE, Claim::submittedOn)
            .required("vehicle", VEHICLE, Claim::vehicle)
            .required("incident", INCIDENT, Claim::incident)
            .optional("repairShop", REPAIR_SHOP, Claim::repairShop)
            .optional("lines", listOf(LINE).withCheck(ClaimSchema::uniqueLineIds), List.of(), Claim::lines)
            .optional("documents", listOf(enumOf(DocumentCode.class)), List.of(), Claim::documents)
            .optional("history", listOf(PRIOR_REPAIR), List.of(), Claim::history)
            .optional("policy", POLICY, Claim::policy)
            .optional("assessment", ASSESSMENT, Claim::assessment)
            .optional("payee", enumOf(Payee.class), Payee.INSURED, Claim::payee)
            .optional("assistance", ASSISTANCE, Claim::assistance)
            .optional("extensions", FREE_FORM_OBJECT, Map.of(),
                    claim -> claim.extensions().isEmpty() ? null : claim.extensions())
            .build(ClaimSchema::claim);

    private static Policy policy(ObjectSchema.Values v, Path at) {
        LocalDate startsOn = v.get("startsOn");
        LocalDate endsOn = v.get("endsOn");
        String order = Contract.endsBeforeStart(startsOn, endsOn);
        if (order != null) {
            throw Defects.invalidField(at.field("endsOn"), order);
        }
        return new Policy(v.get("policyNo"), startsOn, endsOn, v.get("coverages"), v.get("addOns"),
                v.get("sumInsuredCny"), v.get("absoluteDeductibleRate"), v.get("absoluteDeductibleCny"));
    }

    private static void uniqueLineIds(List<ClaimLine> lines, Path at) {
        int[] repeat = Contract.repeatedLineId(lines.stream().map(ClaimLine::lineId).toList());
        if (repeat != null) {
            throw Defects.invalidField(at.index(repeat[0]).field("lineId"),
                    Contract.repeatedLineIdMessage(lines.get(repeat[0]).lineId(), at.index(repeat[1]).toString()));
        }
    }

    /** The claim-wide defaults, then the type-specific requirements, checked once the whole claim is read. */
    private static Claim claim(ObjectSchema.Values v, Path at) {
        ClaimType type = v.get("type");
        LocalDate submittedOn = v.get("submittedOn");
        Vehicle vehicle = v.get("vehicle");
        Incident incident = v.get("incident");
        if (incident.reportedOn() == null) {
            incident = new Incident(incident.occurredOn(), incident.occurredAt(), incident.reportedAt(), submittedOn,
                    incident.cause(), incident.faults(), incident.handledBy(), incident.driver(),
                    incident.rescueCostCny(), incident.thirdPartyRecoveryCny());
        }
        InputError unmet = Contract.typeRequirements(type, v.has("repairShop"), v.has("lines"),
                v.<List<ClaimLine>>get("lines").isEmpty(), v.has("policy"), v.has("assistance"),
                incident.occurredOn(), vehicle.periodStart());
        if (unmet != null) {
            throw new InvalidClaimException(unmet); // a claim is read at the root: the paths are the contract's
        }
        return new Claim(v.get("claimId"), type, submittedOn, vehicle, incident, v.get("repairShop"), v.get("lines"),
                v.get("documents"), v.get("history"), v.get("policy"), v.get("assessment"), v.get("payee"),
                v.get("assistance"), v.get("extensions"));
    }
}
