package io.autoclaims.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Rebuilds a claim given as a JSON tree through the builders, setter by setter, as a host mapping its
 * own data would: each JSON field present calls the setter of that name; absent and null fields call
 * nothing. What Java's types cannot say (an unknown field, a string where a number belongs, an enum
 * constant that does not exist, a claim without an id or a type) throws {@link NotExpressible}: the
 * builders make those mistakes impossible to write.
 */
public final class BuilderDriver {

    private BuilderDriver() {
    }

    /** A JSON claim whose mistake the builders' types rule out. */
    public static final class NotExpressible extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotExpressible(String why) {
            super(why);
        }
    }

    /** The claim builder holding every field of {@code json}; {@code build()} is the caller's. */
    public static Claim.Builder claim(JsonNode json) {
        object(json);
        JsonNode id = json.get("claimId");
        JsonNode type = json.get("type");
        if (id == null || !id.isTextual() || type == null || type.isNull()) {
            throw new NotExpressible("a claim builder starts from its type and id");
        }
        Claim.Builder b = Claim.builder(constant(ClaimType.class, type), id.textValue());
        for (Map.Entry<String, JsonNode> f : fields(json)) {
            JsonNode v = f.getValue();
            switch (f.getKey()) {
                case "claimId", "type" -> { }
                case "submittedOn" -> b.submittedOn(date(v));
                case "vehicle" -> b.vehicle(vehicle(v));
                case "incident" -> b.incident(incident(v));
                case "repairShop" -> b.repairShop(repairShop(v));
                case "lines" -> {
                    List<ClaimLine.Builder> lines = list(v, BuilderDriver::line);
                    if (lines.isEmpty()) {
                        b.lines(List.of());
                    }
                    lines.forEach(b::line);
                }
                case "documents" -> b.documents(list(v, n -> constant(DocumentCode.class, n)).toArray(DocumentCode[]::new));
                case "history" -> list(v, BuilderDriver::priorRepair).forEach(b::priorRepair);
                case "policy" -> b.policy(policy(v));
                case "assessment" -> b.assessment(assessment(v));
                case "payee" -> b.payee(constant(Payee.class, v));
                case "assistance" -> b.assistance(assistance(v));
                case "extensions" -> {
                    object(v);
                    @SuppressWarnings("unchecked")
                    Map<String, Object> map = (Map<String, Object>) freeForm(v);
                    b.extensions(map);
                }
                default -> throw new NotExpressible("no setter " + f.getKey());
            }
        }
        return b;
    }

    static Vehicle.Builder vehicle(JsonNode json) {
        Vehicle.Builder b = Vehicle.builder();
        for (Map.Entry<String, JsonNode> f : fields(json)) {
            JsonNode v = f.getValue();
            switch (f.getKey()) {
                case "vin" -> b.vin(text(v));
                case "purchasedOn" -> b.purchasedOn(date(v));
                case "deliveredOn" -> b.deliveredOn(date(v));
                case "odometerKm" -> b.odometerKm(integer(v));
                case "priceCny" -> b.priceCny(decimal(v));
                case "use" -> b.use(constant(VehicleUse.class, v));
                case "warrantyRegistered" -> b.warrantyRegistered(bool(v));
                case "inspectionValid" -> b.inspectionValid(bool(v));
                default -> throw new NotExpressible("no setter vehicle." + f.getKey());
            }
        }
        return b;
    }

    static Incident.Builder incident(JsonNode json) {
        Incident.Builder b = Incident.builder();
        for (Map.Entry<String, JsonNode> f : fields(json)) {
            JsonNode v = f.getValue();
            switch (f.getKey()) {
                case "occurredOn" -> b.occurredOn(date(v));
                case "occurredAt" -> b.occurredAt(dateTime(v));
                case "reportedAt" -> b.reportedAt(dateTime(v));
                case "reportedOn" -> b.reportedOn(date(v));
                case "cause" -> b.cause(constant(Cause.class, v));
                case "faults" -> b.faults(list(v, n -> constant(SafetyFault.class, n)).toArray(SafetyFault[]::new));
                case "handledBy" -> b.handledBy(constant(HandledBy.class, v));
                case "driver" -> b.driver(driver(v));
                case "rescueCostCny" -> b.rescueCostCny(decimal(v));
                case "thirdPartyRecoveryCny" -> b.thirdPartyRecoveryCny(decimal(v));
                default -> throw new NotExpressible("no setter incident." + f.getKey());
            }
        }
        return b;
    }

    static Driver.Builder driver(JsonNode json) {
        Driver.Builder b = Driver.builder();
        for (Map.Entry<String, JsonNode> f : fields(json)) {
            JsonNode v = f.getValue();
            switch (f.getKey()) {
                case "licensed" -> b.licensed(bool(v));
                case "bacMgPer100ml" -> b.bacMgPer100ml(decimal(v));
                case "permittedByInsured" -> b.permittedByInsured(bool(v));
                case "leftScene" -> b.leftScene(bool(v));
                default -> throw new NotExpressible("no setter driver." + f.getKey());
            }
        }
        return b;
    }

    /** A repair shop is a record of three components, none optional: made with its constructor. */
    static RepairShop repairShop(JsonNode json) {
        object(json);
        for (Map.Entry<String, JsonNode> f : fields(json)) {
            if (!List.of("id", "authorized", "tier").contains(f.getKey())) {
                throw new NotExpressible("no component repairShop." + f.getKey());
            }
        }
        JsonNode id = json.get("id");
        JsonNode authorized = json.get("authorized");
        JsonNode tier = json.get("tier");
        if (id == null || id.isNull() || authorized == null || authorized.isNull() || tier == null || tier.isNull()) {
            throw new NotExpressible("a RepairShop has all three components");
        }
        return new RepairShop(text(id), bool(authorized), constant(ShopTier.class, tier));
    }

    static ClaimLine.Builder line(JsonNode json) {
        ClaimLine.Builder b = ClaimLine.builder();
        for (Map.Entry<String, JsonNode> f : fields(json)) {
            JsonNode v = f.getValue();
            switch (f.getKey()) {
                case "lineId" -> b.lineId(text(v));
                case "system" -> b.system(constant(PartSystem.class, v));
                case "part" -> b.part(text(v));
                case "problem" -> b.problem(text(v));
                case "mainPart" -> b.mainPart(bool(v));
                case "repairable" -> b.repairable(bool(v));
                case "repairCostCny" -> b.repairCostCny(decimal(v));
                case "replaceCostCny" -> b.replaceCostCny(decimal(v));
                case "cause" -> b.cause(constant(Cause.class, v));
                case "priorRepairAtUnauthorizedShop" -> b.priorRepairAtUnauthorizedShop(bool(v));
                default -> throw new NotExpressible("no setter line." + f.getKey());
            }
        }
        return b;
    }

    static PriorRepair.Builder priorRepair(JsonNode json) {
        PriorRepair.Builder b = PriorRepair.builder();
        for (Map.Entry<String, JsonNode> f : fields(json)) {
            JsonNode v = f.getValue();
            switch (f.getKey()) {
                case "repairedOn" -> b.repairedOn(date(v));
                case "system" -> b.system(constant(PartSystem.class, v));
                case "part" -> b.part(text(v));
                case "problem" -> b.problem(text(v));
                case "replaced" -> b.replaced(bool(v));
                case "mainPart" -> b.mainPart(bool(v));
                case "assembly" -> b.assembly(bool(v));
                case "seriousSafety" -> b.seriousSafety(bool(v));
                case "repairDays" -> b.repairDays(integer(v));
                case "qualityProblem" -> b.qualityProblem(bool(v));
                default -> throw new NotExpressible("no setter history." + f.getKey());
            }
        }
        return b;
    }

    static Policy.Builder policy(JsonNode json) {
        Policy.Builder b = Policy.builder();
        for (Map.Entry<String, JsonNode> f : fields(json)) {
            JsonNode v = f.getValue();
            switch (f.getKey()) {
                case "policyNo" -> b.policyNo(text(v));
                case "startsOn" -> b.startsOn(date(v));
                case "endsOn" -> b.endsOn(date(v));
                case "coverages" -> b.coverages(list(v, n -> constant(Coverage.class, n)).toArray(Coverage[]::new));
                case "addOns" -> b.addOns(list(v, n -> constant(AddOn.class, n)).toArray(AddOn[]::new));
                case "sumInsuredCny" -> b.sumInsuredCny(decimal(v));
                case "absoluteDeductibleRate" -> b.absoluteDeductibleRate(decimal(v));
                case "absoluteDeductibleCny" -> b.absoluteDeductibleCny(decimal(v));
                default -> throw new NotExpressible("no setter policy." + f.getKey());
            }
        }
        return b;
    }

    static Assessment.Builder assessment(JsonNode json) {
        Assessment.Builder b = Assessment.builder();
        for (Map.Entry<String, JsonNode> f : fields(json)) {
            JsonNode v = f.getValue();
            switch (f.getKey()) {
                case "shopId" -> b.shopId(text(v));
                case "amountCny" -> b.amountCny(decimal(v));
                case "invoicedCny" -> b.invoicedCny(decimal(v));
                default -> throw new NotExpressible("no setter assessment." + f.getKey());
            }
        }
        return b;
    }

    static AssistanceRequest.Builder assistance(JsonNode json) {
        AssistanceRequest.Builder b = AssistanceRequest.builder();
        for (Map.Entry<String, JsonNode> f : fields(json)) {
            JsonNode v = f.getValue();
            switch (f.getKey()) {
                case "member" -> b.member(bool(v));
                case "membershipValidUntil" -> b.membershipValidUntil(date(v));
                case "service" -> b.service(constant(AssistanceService.class, v));
                case "towKm" -> b.towKm(decimal(v));
                case "insideFifthRing" -> b.insideFifthRing(bool(v));
                case "highwayTollCny" -> b.highwayTollCny(decimal(v));
                default -> throw new NotExpressible("no setter assistance." + f.getKey());
            }
        }
        return b;
    }

    /** The fields with a value: JSON's null reads as absent, so no setter is called for it. */
    private static List<Map.Entry<String, JsonNode>> fields(JsonNode json) {
        object(json);
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!f.getValue().isNull()) {
                fields.add(f);
            }
        }
        return fields;
    }

    private static void object(JsonNode json) {
        if (!json.isObject()) {
            throw new NotExpressible("not an object: " + json);
        }
    }

    private static <T> List<T> list(JsonNode json, Function<JsonNode, T> element) {
        if (!json.isArray()) {
            throw new NotExpressible("not an array: " + json);
        }
        List<T> values = new ArrayList<>();
        json.forEach(n -> values.add(element.apply(n)));
        return values;
    }

    private static String text(JsonNode json) {
        if (!json.isTextual()) {
            throw new NotExpressible("not a string: " + json);
        }
        return json.textValue();
    }

    private static boolean bool(JsonNode json) {
        if (!json.isBoolean()) {
            throw new NotExpressible("not a boolean: " + json);
        }
        return json.booleanValue();
    }

    private static int integer(JsonNode json) {
        if (!json.isInt()) {
            throw new NotExpressible("not an int: " + json);
        }
        return json.intValue();
    }

    /** The number exactly as written (the tree keeps a float's scale). */
    private static BigDecimal decimal(JsonNode json) {
        if (!json.isNumber()) {
            throw new NotExpressible("not a number: " + json);
        }
        return json.isIntegralNumber() ? new BigDecimal(json.bigIntegerValue()) : json.decimalValue();
    }

    /** A date as Java parses it: a year beyond 9999 is a LocalDate, which the builders must refuse. */
    private static LocalDate date(JsonNode json) {
        try {
            return LocalDate.parse(text(json));
        } catch (java.time.format.DateTimeParseException e) {
            throw new NotExpressible("not a LocalDate: " + json);
        }
    }

    private static LocalDateTime dateTime(JsonNode json) {
        try {
            return LocalDateTime.parse(text(json));
        } catch (java.time.format.DateTimeParseException e) {
            throw new NotExpressible("not a LocalDateTime: " + json);
        }
    }

    private static <E extends Enum<E>> E constant(Class<E> type, JsonNode json) {
        try {
            return Enum.valueOf(type, text(json));
        } catch (IllegalArgumentException e) {
            throw new NotExpressible("no " + type.getSimpleName() + " " + json);
        }
    }

    /** JSON's natural Java shape, as the codec reads extensions: numbers as exact as written. */
    private static Object freeForm(JsonNode json) {
        if (json.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            json.fields().forEachRemaining(f -> map.put(f.getKey(), freeForm(f.getValue())));
            return Collections.unmodifiableMap(map);
        }
        if (json.isArray()) {
            List<Object> items = new ArrayList<>();
            json.forEach(n -> items.add(freeForm(n)));
            return Collections.unmodifiableList(items);
        }
        if (json.isTextual()) {
            return json.textValue();
        }
        if (json.isBoolean()) {
            return json.booleanValue();
        }
        if (json.isInt()) {
            return json.intValue();
        }
        if (json.isLong()) {
            return json.longValue();
        }
        if (json.isBigInteger()) {
            return json.bigIntegerValue();
        }
        if (json.isNumber()) {
            return json.decimalValue();
        }
        return null;
    }
}
