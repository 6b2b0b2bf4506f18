package io.autoclaims.model.json;

import static io.autoclaims.model.json.Samples.ASSISTANCE;
import static io.autoclaims.model.json.Samples.CODEC;
import static io.autoclaims.model.json.Samples.INSURANCE;
import static io.autoclaims.model.json.Samples.WARRANTY;
import static io.autoclaims.model.json.Samples.assertError;
import static io.autoclaims.model.json.Samples.cut;
import static io.autoclaims.model.json.Samples.error;
import static io.autoclaims.model.json.Samples.replace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.model.Claim;
import io.autoclaims.model.ClaimType;
import io.autoclaims.model.Driver;
import io.autoclaims.model.ErrorRecord;
import io.autoclaims.model.HandledBy;
import io.autoclaims.model.InputError;
import io.autoclaims.model.InvalidClaimException;
import io.autoclaims.model.Money;
import io.autoclaims.model.Payee;
import io.autoclaims.model.VehicleUse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimCodecReadTest {

    private static Claim ok(String json) {
        ReadResult result = TreeReference.assertSame(json);
        return assertInstanceOf(ReadResult.Ok.class, result, result::toString).claim();
    }

    // --- valid claims and defaults -------------------------------------------------------------

    @Test
    void warrantyClaimGetsTheContractDefaults() {
        Claim claim = ok(WARRANTY);
        assertEquals("W-17", claim.claimId());
        assertEquals(ClaimType.WARRANTY, claim.type());
        assertEquals(LocalDate.of(2023, 3, 1), claim.vehicle().deliveredOn(), "deliveredOn defaults to purchasedOn");
        assertEquals(VehicleUse.PRIVATE, claim.vehicle().use());
        assertEquals(false, claim.vehicle().warrantyRegistered());
        assertEquals(true, claim.vehicle().inspectionValid());
        assertEquals(LocalDate.of(2024, 5, 10), claim.incident().reportedOn(), "reportedOn defaults to submittedOn");
        assertEquals(List.of(), claim.incident().faults());
        assertEquals(HandledBy.POLICE, claim.incident().handledBy());
        assertEquals(Driver.DEFAULT, claim.incident().driver());
        assertEquals(Money.ZERO, claim.incident().rescueCostCny());
        assertEquals(Payee.INSURED, claim.payee());
        assertEquals(new BigDecimal("1200.50"), claim.lines().get(0).repairCostCny());
        assertEquals(new BigDecimal("8000.00"), claim.lines().get(0).replaceCostCny(), "money has scale 2");
        assertEquals(false, claim.lines().get(0).mainPart());
        assertEquals(true, claim.lines().get(0).repairable());
        assertNull(claim.lines().get(0).problem());
        assertEquals(true, claim.history().get(0).qualityProblem());
        assertEquals(Map.of(), claim.extensions());
    }

    @Test
    void insuranceClaimReadsPolicyDriverAndDateTime() {
        Claim claim = ok(INSURANCE);
        assertEquals(LocalDateTime.of(2024, 6, 1, 8, 30), claim.incident().occurredAt());
        assertEquals(new BigDecimal("0.05"), claim.policy().absoluteDeductibleRate());
        assertEquals(Money.ZERO, claim.policy().absoluteDeductibleCny());
        assertEquals(Payee.REPAIR_SHOP, claim.payee());
        assertEquals("前保险杠", claim.lines().get(0).part());
        assertEquals(true, claim.incident().driver().licensed());
    }

    @Test
    void assistanceClaimWithoutLinesIsValid() {
        Claim claim = ok(ASSISTANCE);
        assertEquals(List.of(), claim.lines());
        assertEquals(new BigDecimal("12.5"), claim.assistance().towKm());
        assertEquals(true, claim.assistance().insideFifthRing());
        assertEquals(Money.ZERO, claim.assistance().highwayTollCny());
    }

    @Test
    void readClaimThrowsWithTheInputError() {
        InvalidClaimException e = assertThrows(InvalidClaimException.class,
                () -> CODEC.readClaim(replace(WARRANTY, "\"odometerKm\": 12000", "\"odometerKm\": -5")));
        assertEquals(new InputError("INVALID_FIELD", "vehicle.odometerKm", "must be an integer >= 0, got -5"), e.error());
        assertEquals("W-17", CODEC.readClaim(WARRANTY).claimId());
    }

    // --- the contract's "Bad input" list ----------------------------------------------------------

    @Test
    void contractExampleNegativeOdometer() {
        ReadResult result = TreeReference.assertSame(CODEC, replace(WARRANTY, "\"odometerKm\": 12000", "\"odometerKm\": -5"), 17);
        ErrorRecord record = assertInstanceOf(ReadResult.Failed.class, result).error();
        assertEquals(17, result.line());
        assertEquals("{\"claimId\":\"W-17\",\"line\":17,\"error\":{\"code\":\"INVALID_FIELD\","
                + "\"field\":\"vehicle.odometerKm\",\"message\":\"must be an integer >= 0, got -5\"}}",
                CODEC.writeError(record));
    }

    @Test
    void missingFieldIsNamedWithItsPath() {
        InputError error = assertError(replace(WARRANTY, "\"vin\": \"LSVAB12C3D4567890\", ", ""),
                "MISSING_FIELD", "vehicle.vin");
        assertEquals("required field \"vin\" is missing", error.message());
        assertError(replace(INSURANCE, "\"addOns\": [], ", ""), "MISSING_FIELD", "policy.addOns");
        assertError(replace(ASSISTANCE, "\"towKm\": 12.5", "\"insideFifthRing\": false"), "MISSING_FIELD",
                "assistance.towKm");
        assertError(replace(WARRANTY, "\"replaced\": false, ", ""), "MISSING_FIELD", "history[0].replaced");
    }

    @Test
    void wrongTypeIsAnInvalidField() {
        InputError error = assertError(replace(WARRANTY, "\"odometerKm\": 12000", "\"odometerKm\": \"12000\""),
                "INVALID_FIELD", "vehicle.odometerKm");
        assertEquals("must be an integer >= 0, got the string \"12000\"", error.message());
        assertError(replace(WARRANTY, "\"priceCny\": 150000", "\"priceCny\": \"150000\""),
                "INVALID_FIELD", "vehicle.priceCny");
        assertError(replace(WARRANTY, "\"part\": \"cylinder head\", \"repairCostCny\"",
                "\"part\": 42, \"repairCostCny\""), "INVALID_FIELD", "lines[0].part");
        assertError(replace(WARRANTY, "\"vehicle\": {", "\"vehicle\": [], \"x\": {"), "INVALID_FIELD", "vehicle");
        assertError(replace(WARRANTY, "\"documents\": [\"WARRANTY_CARD\", \"PURCHASE_INVOICE\"]",
                "\"documents\": \"WARRANTY_CARD\""), "INVALID_FIELD", "documents");
    }

    @Test
    void stringForBooleanAndNumberForBooleanAreErrors() {
        InputError error = assertError(replace(WARRANTY, "\"authorized\": true", "\"authorized\": \"true\""),
                "INVALID_FIELD", "repairShop.authorized");
        assertEquals("must be true or false, got the string \"true\"", error.message());
        assertEquals("must be true or false, got 1",
                assertError(replace(WARRANTY, "\"authorized\": true", "\"authorized\": 1"),
                        "INVALID_FIELD", "repairShop.authorized").message());
        assertError(replace(INSURANCE, "\"driver\": {\"bacMgPer100ml\": 0}", "\"driver\": {\"licensed\": \"true\"}"),
                "INVALID_FIELD", "incident.driver.licensed");
    }

    @Test
    void integerFieldsRejectFloatTokens() {
        for (String odometer : List.of("12000.0", "12000.5", "1.2e4", "1e3")) {
            InputError error = assertError(replace(WARRANTY, "\"odometerKm\": 12000", "\"odometerKm\": " + odometer),
                    "INVALID_FIELD", "vehicle.odometerKm");
            assertTrue(error.message().startsWith("must be an integer >= 0, got "), error::message);
        }
        assertEquals("must be an integer >= 0, got 12000.0", error(
                replace(WARRANTY, "\"odometerKm\": 12000", "\"odometerKm\": 12000.0")).message());
        assertError(replace(WARRANTY, "\"repairDays\": 3", "\"repairDays\": 1.5"), "INVALID_FIELD",
                "history[0].repairDays");
        assertError(replace(WARRANTY, "\"odometerKm\": 12000", "\"odometerKm\": 3000000000"), "INVALID_FIELD",
                "vehicle.odometerKm");
    }

    @Test
    void unknownEnumValueListsTheAllowedValues() {
        InputError error = assertError(replace(WARRANTY, "\"type\": \"WARRANTY\"", "\"type\": \"warranty\""),
                "INVALID_FIELD", "type");
        assertEquals("must be one of WARRANTY | INSURANCE | ASSISTANCE, got the string \"warranty\"", error.message());
        assertError(replace(WARRANTY, "\"PURCHASE_INVOICE\"", "\"INVOICE\""), "INVALID_FIELD", "documents[1]");
        assertError(replace(INSURANCE, "\"coverages\": [\"VEHICLE_DAMAGE\"]", "\"coverages\": [\"VEHICLE_DAMAGE\", null]"),
                "INVALID_FIELD", "policy.coverages[1]");
    }

    @Test
    void unknownFieldSuggestsTheNearestKnownField() {
        InputError error = assertError(replace(WARRANTY, "\"odometerKm\"", "\"odometer\""),
                "UNKNOWN_FIELD", "vehicle.odometer");
        assertTrue(error.message().startsWith("unknown field \"odometer\"; did you mean \"odometerKm\"? Known fields: vin, "),
                error::message);
        assertTrue(error(replace(WARRANTY, "\"documents\"", "\"document\"")).message().contains("did you mean \"documents\""));
        assertError(replace(WARRANTY, "\"cause\": \"QUALITY_DEFECT\"", "\"cause\": \"QUALITY_DEFECT\", \"Cause\": 1"),
                "UNKNOWN_FIELD", "incident.Cause");
        assertError(replace(WARRANTY, "\"lineId\": \"L1\"", "\"lineId\": \"L1\", \"costCny\": 5"),
                "UNKNOWN_FIELD", "lines[0].costCny");
    }

    @Test
    void fieldOfAnotherClaimTypeIsValidatedButAFieldNobodyKnowsIsNot() {
        String withPolicy = replace(WARRANTY, "\"documents\"", "\"policy\": {\"policyNo\": \"P\", \"startsOn\": "
                + "\"2024-01-01\", \"endsOn\": \"2024-12-31\", \"coverages\": [], \"addOns\": [], \"sumInsuredCny\": 1},"
                + " \"documents\"");
        assertEquals("P", ok(withPolicy).policy().policyNo());
        assertError(replace(withPolicy, "\"sumInsuredCny\": 1", "\"sumInsuredCny\": -1"), "INVALID_FIELD",
                "policy.sumInsuredCny");
        assertError(replace(WARRANTY, "\"documents\"", "\"notes\": \"x\", \"documents\""), "UNKNOWN_FIELD", "notes");
    }

    @Test
    void negativeMoneyAndNumbers() {
        InputError error = assertError(replace(WARRANTY, "\"repairCostCny\": 1200.50", "\"repairCostCny\": -0.01"),
                "INVALID_FIELD", "lines[0].repairCostCny");
        assertEquals("must be an amount >= 0 with at most 2 decimal places, got -0.01", error.message());
        assertError(replace(INSURANCE, "\"bacMgPer100ml\": 0", "\"bacMgPer100ml\": -1"), "INVALID_FIELD",
                "incident.driver.bacMgPer100ml");
        assertError(replace(ASSISTANCE, "\"towKm\": 12.5", "\"towKm\": -12.5"), "INVALID_FIELD", "assistance.towKm");
        assertError(replace(WARRANTY, "\"repairDays\": 3", "\"repairDays\": -1"), "INVALID_FIELD",
                "history[0].repairDays");
        assertEquals(new BigDecimal("0.333"), ok(replace(INSURANCE, "\"bacMgPer100ml\": 0", "\"bacMgPer100ml\": 0.333"))
                .incident().driver().bacMgPer100ml(), "plain numbers keep their decimals");
    }

    @Test
    void moneyHasAtMostTwoDecimalsInValue() {
        Claim claim = ok(replace(WARRANTY, "\"repairCostCny\": 1200.50", "\"repairCostCny\": 12.500"));
        assertEquals(new BigDecimal("12.50"), claim.lines().get(0).repairCostCny());
        InputError error = assertError(replace(WARRANTY, "\"repairCostCny\": 1200.50", "\"repairCostCny\": 12.505"),
                "INVALID_FIELD", "lines[0].repairCostCny");
        assertEquals("must be an amount >= 0 with at most 2 decimal places, got 12.505", error.message());
        assertEquals(new BigDecimal("1000.00"),
                ok(replace(WARRANTY, "\"repairCostCny\": 1200.50", "\"repairCostCny\": 1e3")).lines().get(0).repairCostCny());
    }

    @Test
    void absurdlyLargeNumbersAreRejectedNotComputed() {
        assertError(replace(WARRANTY, "\"priceCny\": 150000", "\"priceCny\": 1e999999999"), "INVALID_FIELD",
                "vehicle.priceCny");
        assertError(replace(ASSISTANCE, "\"towKm\": 12.5", "\"towKm\": 1e-999999"), "INVALID_FIELD", "assistance.towKm");
        assertEquals(new BigDecimal("0"), ok(replace(ASSISTANCE, "\"towKm\": 12.5", "\"towKm\": 0e999999999"))
                .assistance().towKm());
    }

    @Test
    void impossibleDatesAndWrongDateShapes() {
        InputError error = assertError(replace(WARRANTY, "\"submittedOn\": \"2024-05-10\"", "\"submittedOn\": \"2023-02-30\""),
                "INVALID_FIELD", "submittedOn");
        assertEquals("must be a date that exists (yyyy-MM-dd), got \"2023-02-30\"", error.message());
        for (String date : List.of("2023-2-3", "2023-02-03T10:00", "20230203", " 2023-02-03", "+2023-02-03", "２０２３-02-03")) {
            assertEquals("must be a date yyyy-MM-dd, got \"" + date + "\"", assertError(
                    replace(WARRANTY, "\"purchasedOn\": \"2023-03-01\"", "\"purchasedOn\": \"" + date + "\""),
                    "INVALID_FIELD", "vehicle.purchasedOn").message());
        }
        assertEquals(LocalDate.of(2024, 2, 29), ok(replace(WARRANTY, "\"submittedOn\": \"2024-05-10\"",
                "\"submittedOn\": \"2024-02-29\"")).submittedOn());
        assertError(replace(WARRANTY, "\"submittedOn\": \"2024-05-10\"", "\"submittedOn\": \"2023-02-29\""),
                "INVALID_FIELD", "submittedOn");
    }

    @Test
    void dateTimesWithOptionalSeconds() {
        String at = "\"occurredAt\": \"2024-06-01T08:30\"";
        assertEquals(LocalDateTime.of(2024, 6, 1, 8, 30, 15),
                ok(replace(INSURANCE, at, "\"occurredAt\": \"2024-06-01T08:30:15\"")).incident().occurredAt());
        for (String bad : List.of("2024-06-01 08:30", "2024-06-01T8:30", "2024-06-01T08:30:15.5", "2024-06-01T24:00",
                "2024-06-01", "2024-06-31T08:30")) {
            assertError(replace(INSURANCE, at, "\"occurredAt\": \"" + bad + "\""), "INVALID_FIELD", "incident.occurredAt");
        }
    }

    @Test
    void policyEndingBeforeItStartsIsReportedOnEndsOn() {
        InputError error = assertError(replace(INSURANCE, "\"endsOn\": \"2024-12-31\"", "\"endsOn\": \"2023-12-31\""),
                "INVALID_FIELD", "policy.endsOn");
        assertEquals("must not be before startsOn 2024-01-01, got \"2023-12-31\"", error.message());
        assertEquals(LocalDate.of(2024, 1, 1), ok(replace(INSURANCE, "\"endsOn\": \"2024-12-31\"",
                "\"endsOn\": \"2024-01-01\"")).policy().endsOn(), "a one-day policy is fine: both days inclusive");
    }

    @Test
    void vinMustHaveSeventeenCodePoints() {
        assertError(replace(WARRANTY, "LSVAB12C3D4567890", "LSVAB12C3D456789"), "INVALID_FIELD", "vehicle.vin");
        InputError error = assertError(replace(WARRANTY, "LSVAB12C3D4567890", "LSVAB12C3D45678901"),
                "INVALID_FIELD", "vehicle.vin");
        assertEquals("must be a string of exactly 17 characters, got 18 characters: \"LSVAB12C3D45678901\"",
                error.message());
        String seventeenNonBmp = "\uD835\uDFD8".repeat(17); // 17 code points, 34 chars
        assertEquals(seventeenNonBmp, ok(replace(WARRANTY, "LSVAB12C3D4567890", seventeenNonBmp)).vehicle().vin());
        assertError(replace(WARRANTY, "LSVAB12C3D4567890", "\uD835\uDFD8".repeat(9)), "INVALID_FIELD", "vehicle.vin");
    }

    @Test
    void claimIdHasOneToSixtyFourCodePoints() {
        String max = "\uD83D\uDE97".repeat(64); // 64 cars: 64 code points, 128 chars
        assertEquals(max, ok(replace(WARRANTY, "\"W-17\"", "\"" + max + "\"")).claimId());
        assertEquals("A".repeat(64), ok(replace(WARRANTY, "\"W-17\"", "\"" + "A".repeat(64) + "\"")).claimId());
        String tooLong = max + "A";
        InputError error = assertError(replace(WARRANTY, "\"W-17\"", "\"" + tooLong + "\""), "INVALID_FIELD", "claimId");
        assertTrue(error.message().startsWith("must be a string of 1 to 64 characters, got 65 characters"), error::message);
        assertError(replace(WARRANTY, "\"W-17\"", "\"\""), "INVALID_FIELD", "claimId");
        assertError(replace(WARRANTY, "\"W-17\"", "17"), "INVALID_FIELD", "claimId");
    }

    @Test
    void errorRecordCarriesTheClaimIdWheneverItIsAString() {
        String tooLong = "X".repeat(65);
        ReadResult.Failed failed = assertInstanceOf(ReadResult.Failed.class,
                TreeReference.assertSame(CODEC, replace(WARRANTY, "\"W-17\"", "\"" + tooLong + "\""), 3));
        assertEquals(tooLong, failed.error().claimId());
        assertEquals(3, failed.error().line());
        failed = assertInstanceOf(ReadResult.Failed.class, TreeReference.assertSame(CODEC, replace(WARRANTY, "\"cause\": \"QUALITY_DEFECT\"",
                "\"cause\": \"BAD\""), 4));
        assertEquals("W-17", failed.error().claimId());
        failed = assertInstanceOf(ReadResult.Failed.class, TreeReference.assertSame(CODEC, replace(WARRANTY, "\"W-17\"", "17"), 5));
        assertNull(failed.error().claimId());
        failed = assertInstanceOf(ReadResult.Failed.class, TreeReference.assertSame(CODEC, WARRANTY.substring(0, 40), 6));
        assertNull(failed.error().claimId(), "unparseable line: nothing could be read");
    }

    @Test
    void notJsonOrNotAnObjectIsInvalidJsonWithoutField() {
        for (String line : List.of("not json", "{\"claimId\": \"W-1\",", "[1, 2]", "42", "\"W-1\"", "null", "true",
                "{} {}", WARRANTY + " x", "{'claimId': 'W-1'}", "{\"a\": NaN}")) {
            InputError error = assertError(line, "INVALID_JSON", null);
            assertTrue(!error.message().isBlank());
        }
        assertEquals("expected a JSON object, got an array", error("[1, 2]").message());
    }

    @Test
    void blankLineIsAnInvalidJsonRecord() {
        assertEquals("expected a JSON object, got a blank line", assertError("", "INVALID_JSON", null).message());
        assertError("   \t ", "INVALID_JSON", null);
    }

    @Test
    void nullReadsAsAbsent() {
        assertError(replace(WARRANTY, "\"vin\": \"LSVAB12C3D4567890\"", "\"vin\": null"), "MISSING_FIELD", "vehicle.vin");
        assertEquals("required field \"vin\" is null (null reads as absent)",
                error(replace(WARRANTY, "\"vin\": \"LSVAB12C3D4567890\"", "\"vin\": null")).message());
        Claim claim = ok(replace(WARRANTY, "\"priceCny\": 150000", "\"priceCny\": null, \"use\": null, "
                + "\"deliveredOn\": null, \"inspectionValid\": null"));
        assertNull(claim.vehicle().priceCny());
        assertEquals(VehicleUse.PRIVATE, claim.vehicle().use());
        assertEquals(LocalDate.of(2023, 3, 1), claim.vehicle().deliveredOn());
        assertEquals(true, claim.vehicle().inspectionValid());
        assertEquals(List.of(), ok(replace(WARRANTY, "\"documents\": [\"WARRANTY_CARD\", \"PURCHASE_INVOICE\"]",
                "\"documents\": null")).documents());
        assertError(replace(WARRANTY, "\"repairShop\": {\"id\": \"S-1\", \"authorized\": true, \"tier\": \"DEALER_4S\"}",
                "\"repairShop\": null"), "MISSING_FIELD", "repairShop");
    }

    @Test
    void duplicateLineIdIsReportedOnTheSecondOccurrence() {
        String twoLines = replace(INSURANCE, "\"lineId\": \"L2\"", "\"lineId\": \"L1\"");
        InputError error = assertError(twoLines, "INVALID_FIELD", "lines[1].lineId");
        assertEquals("must be unique within the claim, got \"L1\" again (already the lineId of lines[0])", error.message());
    }

    @Test
    void duplicateJsonKeyIsAnErrorOnThatField() {
        InputError error = assertError(replace(WARRANTY, "\"odometerKm\": 12000", "\"odometerKm\": 12000, \"vin\": \"X\""),
                "INVALID_FIELD", "vehicle.vin");
        assertTrue(error.message().startsWith("duplicate field \"vin\""), error::message);
        assertError(replace(INSURANCE, "\"part\": \"windscreen\"", "\"part\": \"windscreen\", \"part\": \"glass\""),
                "INVALID_FIELD", "lines[1].part");
        assertError(replace(INSURANCE, "\"payee\": \"REPAIR_SHOP\"", "\"payee\": \"REPAIR_SHOP\", \"claimId\": \"I-2\""),
                "INVALID_FIELD", "claimId");
        assertError(replace(WARRANTY, "\"documents\"", "\"extensions\": {\"a\": {\"b\": 1, \"b\": 2}}, \"documents\""),
                "INVALID_FIELD", "extensions.a.b");
    }

    @Test
    void duplicateJsonKeyTakesItsPlaceInDocumentOrder() {
        // An earlier defect wins over the duplicate ...
        assertError(replace(WARRANTY, "\"odometerKm\": 12000", "\"odometerKm\": -1, \"vin\": \"X\""),
                "INVALID_FIELD", "vehicle.odometerKm");
        assertError(replace(WARRANTY, "\"odometerKm\": 12000", "\"odometer\": 1, \"vin\": \"X\""),
                "UNKNOWN_FIELD", "vehicle.odometer");
        // ... and the duplicate wins over a later one, even in a later object.
        assertError(replace(replace(WARRANTY, "\"odometerKm\": 12000", "\"vin\": \"X\", \"odometerKm\": -1"),
                "\"cause\": \"QUALITY_DEFECT\"", "\"cause\": \"BAD\""), "INVALID_FIELD", "vehicle.vin");
        assertError(replace(WARRANTY, "\"odometerKm\": 12000", "\"vin\": \"X\", \"odometerKm\": -1"),
                "INVALID_FIELD", "vehicle.vin");
    }

    @Test
    void firstDefectInDocumentOrderIsReported() {
        // unknown field in vehicle comes before a bad value in incident
        assertError(replace(replace(WARRANTY, "\"odometerKm\"", "\"odometer\""), "\"cause\": \"QUALITY_DEFECT\"",
                "\"cause\": \"BAD\""), "UNKNOWN_FIELD", "vehicle.odometer");
        // document order, not the contract's declaration order: incident written before vehicle
        String incidentFirst = "{\"claimId\": \"X\", \"incident\": {\"occurredOn\": \"2024-13-01\", \"cause\": \"FIRE\"}, "
                + "\"vehicle\": {\"vin\": \"short\"}, \"type\": \"INSURANCE\"}";
        assertError(incidentFirst, "INVALID_FIELD", "incident.occurredOn");
        // a missing field of an object is reported only after that object's own fields
        assertError(replace(replace(WARRANTY, "\"vin\": \"LSVAB12C3D4567890\", ", ""), "\"odometerKm\": 12000",
                "\"odometerKm\": -1"), "INVALID_FIELD", "vehicle.odometerKm");
        assertError(replace(replace(WARRANTY, "\"vin\": \"LSVAB12C3D4567890\", ", ""), "\"cause\": \"QUALITY_DEFECT\"",
                "\"cause\": \"BAD\""), "MISSING_FIELD", "vehicle.vin");
        // a missing top-level field comes after every nested defect
        assertError(replace(replace(WARRANTY, "\"submittedOn\": \"2024-05-10\", ", ""), "\"PURCHASE_INVOICE\"",
                "\"INVOICE\""), "INVALID_FIELD", "documents[1]");
        // missing fields are reported in declaration order
        assertError("{\"vehicle\": {}, \"submittedOn\": \"2024-01-01\"}", "MISSING_FIELD", "vehicle.vin");
        assertError("{\"claimId\": \"X\"}", "MISSING_FIELD", "type");
    }

    @Test
    void crossFieldChecksComeRightAfterTheirObjectOrArray() {
        String badPolicy = replace(INSURANCE, "\"endsOn\": \"2024-12-31\"", "\"endsOn\": \"2023-12-31\"");
        // after the policy's own fields ...
        assertError(replace(badPolicy, "\"sumInsuredCny\": 120000", "\"sumInsuredCny\": -1"), "INVALID_FIELD",
                "policy.sumInsuredCny");
        // ... but before the fields that follow the policy
        assertError(replace(badPolicy, "\"payee\": \"REPAIR_SHOP\"", "\"payee\": \"BANK\""), "INVALID_FIELD",
                "policy.endsOn");
        String duplicateLine = replace(INSURANCE, "\"lineId\": \"L2\"", "\"lineId\": \"L1\"");
        assertError(replace(duplicateLine, "\"repairCostCny\": 0", "\"repairCostCny\": -1"), "INVALID_FIELD",
                "lines[1].repairCostCny");
        assertError(replace(duplicateLine, "\"payee\": \"REPAIR_SHOP\"", "\"payee\": \"BANK\""), "INVALID_FIELD",
                "lines[1].lineId");
    }

    @Test
    void warrantyAndInsuranceNeedARepairShopAndLines() {
        String noShop = replace(WARRANTY, "\"repairShop\": {\"id\": \"S-1\", \"authorized\": true, \"tier\": \"DEALER_4S\"}, ", "");
        InputError error = assertError(noShop, "MISSING_FIELD", "repairShop");
        assertEquals("required field \"repairShop\" is missing or null: WARRANTY claims need it", error.message());
        // type requirements come after the whole claim is read
        assertError(replace(noShop, "\"PURCHASE_INVOICE\"", "\"INVOICE\""), "INVALID_FIELD", "documents[1]");
        assertError(replace(INSURANCE, "\"repairShop\": {\"id\": \"S-2\", \"authorized\": false, \"tier\": \"INDEPENDENT\"}, ", ""),
                "MISSING_FIELD", "repairShop");
        assertError(cut(WARRANTY, ", \"lines\"", ", \"documents\""), "MISSING_FIELD", "lines");
        assertError(cut(WARRANTY, "{\"lineId\"", "], \"documents\""), "INVALID_FIELD", "lines");
    }

    @Test
    void insuranceNeedsAPolicyAndAssistanceAnAssistanceRequest() {
        assertError(cut(INSURANCE, ", \"policy\"", ", \"payee\""), "MISSING_FIELD", "policy");
        assertError(ASSISTANCE.substring(0, ASSISTANCE.indexOf(", \"assistance\"")) + "}", "MISSING_FIELD", "assistance");
    }

    @Test
    void warrantyFailureBeforeThePeriodStartIsAnInputError() {
        InputError error = assertError(replace(WARRANTY, "\"occurredOn\": \"2024-05-01\"", "\"occurredOn\": \"2023-02-28\""),
                "INVALID_FIELD", "incident.occurredOn");
        assertTrue(error.message().startsWith("must not be before the warranty period start 2023-03-01"), error::message);
        // the period starts on delivery when delivery is given
        String delivered = replace(WARRANTY, "\"purchasedOn\": \"2023-03-01\"",
                "\"purchasedOn\": \"2023-03-01\", \"deliveredOn\": \"2023-03-10\"");
        assertError(replace(delivered, "\"occurredOn\": \"2024-05-01\"", "\"occurredOn\": \"2023-03-09\""),
                "INVALID_FIELD", "incident.occurredOn");
        assertEquals(LocalDate.of(2023, 3, 10), ok(replace(delivered, "\"occurredOn\": \"2024-05-01\"",
                "\"occurredOn\": \"2023-03-10\"")).incident().occurredOn());
        // not a warranty claim: no such rule
        ok(replace(INSURANCE, "\"purchasedOn\": \"2022-01-15\"", "\"purchasedOn\": \"2024-06-02\""));
    }

    @Test
    void absoluteDeductibleRateLiesBetweenZeroAndTwentyPercent() {
        String rate = "\"absoluteDeductibleRate\": 0.05";
        InputError error = assertError(replace(INSURANCE, rate, "\"absoluteDeductibleRate\": 0.21"),
                "INVALID_FIELD", "policy.absoluteDeductibleRate");
        assertEquals("must be a number from 0 to 0.20, got 0.21", error.message());
        assertError(replace(INSURANCE, rate, "\"absoluteDeductibleRate\": -0.01"), "INVALID_FIELD",
                "policy.absoluteDeductibleRate");
        assertEquals(new BigDecimal("0.20"), ok(replace(INSURANCE, rate, "\"absoluteDeductibleRate\": 0.20"))
                .policy().absoluteDeductibleRate());
        assertEquals(BigDecimal.ZERO, ok(replace(INSURANCE, rate, "\"absoluteDeductibleRate\": 0"))
                .policy().absoluteDeductibleRate());
    }

    @Test
    void extensionsAreAFreeFormObject() {
        Claim claim = ok(replace(WARRANTY, "\"documents\"",
                "\"extensions\": {\"dealer\": {\"code\": \"BJ-01\", \"score\": 4.50, \"tags\": [1, true, null]}, "
                        + "\"big\": 12345678901}, \"documents\""));
        Map<String, Object> dealer = (Map<String, Object>) claim.extensions().get("dealer");
        assertEquals(new BigDecimal("4.50"), dealer.get("score"));
        assertEquals(java.util.Arrays.asList(1, true, null), dealer.get("tags"));
        assertEquals(12345678901L, claim.extensions().get("big"));
        assertError(replace(WARRANTY, "\"documents\"", "\"extensions\": [1], \"documents\""), "INVALID_FIELD", "extensions");
        assertSame(Map.of(), ok(replace(WARRANTY, "\"documents\"", "\"extensions\": null, \"documents\"")).extensions());
    }
}
