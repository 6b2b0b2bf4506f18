package io.autoclaims.model.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.autoclaims.model.InputError;

/** Valid claims of each type as JSON Lines, and helpers to break them in one place. */
final class Samples {

    private Samples() {
    }

    static final ClaimCodec CODEC = ClaimCodec.create();

    static final String WARRANTY = oneLine("""
            {"claimId": "W-17", "type": "WARRANTY", "submittedOn": "2024-05-10",
             "vehicle": {"vin": "LSVAB12C3D4567890", "purchasedOn": "2023-03-01", "odometerKm": 12000,
                         "priceCny": 150000},
             "incident": {"occurredOn": "2024-05-01", "cause": "QUALITY_DEFECT"},
             "repairShop": {"id": "S-1", "authorized": true, "tier": "DEALER_4S"},
             "lines": [{"lineId": "L1", "system": "ENGINE", "part": "cylinder head", "repairCostCny": 1200.50,
                        "replaceCostCny": 8000}],
             "documents": ["WARRANTY_CARD", "PURCHASE_INVOICE"],
             "history": [{"repairedOn": "2023-10-01", "system": "ENGINE", "part": "cylinder head",
                          "problem": "P0301", "replaced": false, "mainPart": true, "assembly": false,
                          "seriousSafety": false, "repairDays": 3}]}
            """);

    static final String INSURANCE = oneLine("""
            {"claimId": "I-1", "type": "INSURANCE", "submittedOn": "2024-06-03",
             "vehicle": {"vin": "LFV2A21K8G3000001", "purchasedOn": "2022-01-15", "odometerKm": 30500},
             "incident": {"occurredOn": "2024-06-01", "occurredAt": "2024-06-01T08:30", "cause": "COLLISION",
                          "driver": {"bacMgPer100ml": 0}},
             "repairShop": {"id": "S-2", "authorized": false, "tier": "INDEPENDENT"},
             "lines": [{"lineId": "L1", "system": "BODY", "part": "前保险杠", "repairCostCny": 900,
                        "replaceCostCny": 2500},
                       {"lineId": "L2", "system": "GLASS", "part": "windscreen", "repairCostCny": 0,
                        "replaceCostCny": 1800}],
             "policy": {"policyNo": "P-1", "startsOn": "2024-01-01", "endsOn": "2024-12-31",
                        "coverages": ["VEHICLE_DAMAGE"], "addOns": [], "sumInsuredCny": 120000,
                        "absoluteDeductibleRate": 0.05},
             "payee": "REPAIR_SHOP"}
            """);

    static final String ASSISTANCE = oneLine("""
            {"claimId": "A-1", "type": "ASSISTANCE", "submittedOn": "2024-07-01",
             "vehicle": {"vin": "LGBH52E05HY000002", "purchasedOn": "2021-09-09", "odometerKm": 80000},
             "incident": {"occurredOn": "2024-07-01", "cause": "BREAKDOWN"},
             "assistance": {"member": true, "membershipValidUntil": "2025-01-01", "service": "TOW",
                            "towKm": 12.5}}
            """);

    static String oneLine(String json) {
        return json.strip().replace("\n", "");
    }

    /** Replaces the one occurrence of {@code target}, so that a test breaks exactly what it says. */
    static String replace(String json, String target, String replacement) {
        assertEquals(1, json.split(java.util.regex.Pattern.quote(target), -1).length - 1,
                () -> "expected exactly one " + target + " in " + json);
        return json.replace(target, replacement);
    }

    /** Removes the text from {@code from} up to (not including) {@code to}, e.g. a whole field. */
    static String cut(String json, String from, String to) {
        int start = json.indexOf(from);
        int end = json.indexOf(to, start);
        assertEquals(true, start >= 0 && end > start, () -> "no " + from + " before " + to + " in " + json);
        return json.substring(0, start) + json.substring(end);
    }

    static InputError error(String json) {
        ReadResult result = TreeReference.assertSame(json);
        return assertInstanceOf(ReadResult.Failed.class, result, () -> "expected an error for " + json)
                .error().error();
    }

    static InputError assertError(String json, String code, String field) {
        InputError error = error(json);
        assertEquals(code, error.code(), error::toString);
        assertEquals(field, error.field(), error::toString);
        return error;
    }
}
