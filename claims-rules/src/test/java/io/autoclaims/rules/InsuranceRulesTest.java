package io.autoclaims.rules;

import static io.autoclaims.model.Cause.BREAKDOWN;
import static io.autoclaims.model.Cause.COLLISION;
import static io.autoclaims.model.Cause.DELIBERATE;
import static io.autoclaims.model.Cause.NORMAL_WEAR;
import static io.autoclaims.model.Cause.SCRATCH;
import static io.autoclaims.model.Cause.THEFT;
import static io.autoclaims.model.Cause.WHEEL_ONLY;
import static io.autoclaims.model.Decision.APPROVED;
import static io.autoclaims.model.Decision.DENIED;
import static io.autoclaims.model.Decision.PARTIALLY_APPROVED;
import static io.autoclaims.model.Decision.PENDING_DOCUMENTS;
import static io.autoclaims.model.Decision.REFERRED;
import static io.autoclaims.model.DocumentCode.ACCIDENT_CERTIFICATE;
import static io.autoclaims.model.DocumentCode.BANK_ACCOUNT;
import static io.autoclaims.model.DocumentCode.CLAIM_APPLICATION;
import static io.autoclaims.model.DocumentCode.COURT_JUDGMENT;
import static io.autoclaims.model.DocumentCode.DRIVING_LICENSE;
import static io.autoclaims.model.DocumentCode.INSURED_ID;
import static io.autoclaims.model.DocumentCode.LOSS_ASSESSMENT;
import static io.autoclaims.model.DocumentCode.PAYMENT_AUTHORIZATION;
import static io.autoclaims.model.DocumentCode.POLICY;
import static io.autoclaims.model.DocumentCode.REPAIR_INVOICE;
import static io.autoclaims.model.DocumentCode.RESCUE_RECEIPTS;
import static io.autoclaims.model.DocumentCode.SETTLEMENT_AGREEMENT;
import static io.autoclaims.model.DocumentCode.THEFT_REPORT;
import static io.autoclaims.model.DocumentCode.VEHICLE_LICENSE;
import static io.autoclaims.model.Remedy.NONE;
import static io.autoclaims.model.Remedy.REPAIR;
import static io.autoclaims.model.Remedy.REPLACE_PART;
import static io.autoclaims.model.Remedy.TOTAL_LOSS;
import static io.autoclaims.rules.testing.InsuranceClaims.insurance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.model.AddOn;
import io.autoclaims.model.Cause;
import io.autoclaims.model.ClaimType;
import io.autoclaims.model.Coverage;
import io.autoclaims.model.Decision;
import io.autoclaims.model.DocumentCode;
import io.autoclaims.model.Fact;
import io.autoclaims.model.HandledBy;
import io.autoclaims.model.Labelled;
import io.autoclaims.model.LineRemedy;
import io.autoclaims.model.LineVerdict;
import io.autoclaims.model.Payee;
import io.autoclaims.model.Reason;
import io.autoclaims.model.Remedy;
import io.autoclaims.model.Verdict;
import io.autoclaims.rules.testing.InsuranceClaims;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped default rulebook against section 2 of {@code default-rulebook.md} (vehicle damage insurance,
 * 车损险: I1-I14, L1-L6, documents 2.3) and its precise readings 1-6a and 17-23: every rule id, each boundary
 * from both sides, money to the fen. Inputs come from {@link InsuranceClaims}, whose defaults are an approved
 * repair of 18,400.00 (COLLISION on 2025-06-10, policy 2025-01-01..2025-12-31 with VEHICLE_DAMAGE, sum
 * insured 150,000.00, no deductible, every required document supplied).
 */
class InsuranceRulesTest {

    /** Loading compiles the workbooks with Drools (a few seconds): once for the whole class. */
    static final Rulebook RULEBOOK = Rulebook.loadDefault();
    static final Adjudicator ADJUDICATOR = Adjudicator.of(RULEBOOK);

    /** Every cause that is not an insured peril (I10 and reading 18). */
    static final String[] NOT_PERILS = {"QUALITY_DEFECT", "NORMAL_WEAR", "BREAKDOWN", "MISUSE",
        "IMPROPER_MAINTENANCE", "UNAUTHORIZED_MODIFICATION", "IMPROPER_HANDLING", "FORCE_MAJEURE"};

    static final List<DocumentCode> EVERY_CLAIM = InsuranceClaims.EVERY_CLAIM_DOCUMENTS;

    // =============================================================================================
    // helpers

    static Verdict adjudicate(InsuranceClaims claim) {
        Verdict v = ADJUDICATOR.adjudicate(claim.build());
        assertNotNull(v);
        return v;
    }

    /** Every rule row that fired, silent ones included, as {@code ruleId} or {@code ruleId/lineId}. */
    static List<String> fired(InsuranceClaims claim) {
        return ADJUDICATOR.explain(claim.build()).fired().stream()
                .map(r -> r.lineId() == null ? r.ruleId() : r.ruleId() + "/" + r.lineId()).toList();
    }

    static void assertMoney(String expected, BigDecimal actual, String what) {
        assertEquals(new BigDecimal(expected), actual, what + " (value and scale 2)");
    }

    /**
     * Decision, remedy and payable; an insurance verdict always has customerPaysCny and usageCompensationCny
     * 0.00 (reading 23) and no charges.
     */
    static void assertVerdict(Verdict v, Decision decision, Remedy remedy, String payable) {
        assertEquals(decision, v.decision(), () -> "decision; reasons " + v.reasonCodes() + " missing "
                + v.missingDocuments());
        assertEquals(remedy, v.remedy(), () -> "remedy; reasons " + v.reasonCodes());
        assertMoney(payable, v.payableCny(), "payableCny");
        assertMoney("0.00", v.customerPaysCny(), "customerPaysCny (reading 23)");
        assertMoney("0.00", v.usageCompensationCny(), "usageCompensationCny (reading 23)");
        assertEquals(List.of(), v.charges(), "insurance verdicts have no charges");
        assertEquals(ClaimType.INSURANCE, v.type());
    }

    static void assertCodes(Verdict v, String... codes) {
        assertEquals(List.of(codes), v.reasonCodes(), "reason codes in firing order");
    }

    static void assertRuleIds(Verdict v, String... ids) {
        assertEquals(List.of(ids), v.reasons().stream().map(Reason::ruleId).toList(), "rule ids in firing order");
    }

    static LineVerdict line(Verdict v, String lineId) {
        return v.lines().stream().filter(l -> l.lineId().equals(lineId)).findFirst()
                .orElseThrow(() -> new AssertionError("no line verdict " + lineId + " in " + v.lines()));
    }

    static void assertLine(Verdict v, String lineId, boolean covered, LineRemedy remedy, String payable) {
        LineVerdict l = line(v, lineId);
        assertEquals(covered, l.covered(), lineId + " covered");
        assertEquals(remedy, l.remedy(), lineId + " remedy");
        assertMoney(payable, l.payableCny(), lineId + " payableCny");
    }

    /** The one reason with that code; fails when there is none or more than one. */
    static Reason reason(Verdict v, String code) {
        List<Reason> found = v.reasons().stream().filter(r -> r.code().equals(code)).toList();
        assertEquals(1, found.size(), () -> "exactly one " + code + " in " + v.reasonCodes());
        return found.get(0);
    }

    /** The one reason with that rule id. */
    static Reason reasonOf(Verdict v, String ruleId) {
        List<Reason> found = v.reasons().stream().filter(r -> r.ruleId().equals(ruleId)).toList();
        assertEquals(1, found.size(), () -> "exactly one reason of " + ruleId + " in " + v.reasons().stream()
                .map(Reason::ruleId).toList());
        return found.get(0);
    }

    /**
     * The one reason with that code, its rule id, table, row and line; a line reason must also be repeated in the
     * line's verdict (reading 5), a claim reason has no line.
     */
    static Reason assertReason(Verdict v, String code, String ruleId, String table, int row, String lineId) {
        Reason r = reason(v, code);
        assertEquals(ruleId, r.ruleId(), code + " ruleId");
        assertEquals(table, r.table(), code + " table");
        assertEquals(row, r.row(), code + " row");
        assertEquals(lineId, r.lineId(), code + " lineId");
        assertFalse(r.text().isBlank(), code + " text");
        assertFalse(r.textEn().isBlank(), code + " textEn");
        assertFalse(r.text().contains("{") || r.textEn().contains("{"), code + " placeholders filled");
        if (lineId != null) {
            assertTrue(line(v, lineId).reasons().contains(r), code + " repeated in line " + lineId);
        }
        return r;
    }

    /** Both texts contain each fragment. */
    static void assertTexts(Reason r, String... fragments) {
        for (String f : fragments) {
            assertTrue(r.text().contains(f), () -> "zh text of " + r.ruleId() + " should contain \"" + f + "\": "
                    + r.text());
            assertTrue(r.textEn().contains(f), () -> "en text of " + r.ruleId() + " should contain \"" + f
                    + "\": " + r.textEn());
        }
    }

    /** The zh text contains the Chinese name, the en text the English words of the constant. */
    static void assertTextsName(Reason r, Labelled value) {
        String en = value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        assertTrue(r.text().contains(value.zh()), () -> r.ruleId() + " zh should name " + value.zh() + ": "
                + r.text());
        assertTrue(r.textEn().toLowerCase(Locale.ROOT).contains(en), () -> r.ruleId() + " en should name " + en
                + ": " + r.textEn());
    }

    /** The reason's facts name that input with that value (numbers compared by value). */
    static void assertFact(Reason r, String name, Object expected) {
        Object actual = r.facts().stream().filter(f -> f.name().equals(name)).map(Fact::value).findFirst()
                .orElseThrow(() -> new AssertionError(r.ruleId() + " has no fact " + name + ": " + r.facts()));
        if (expected instanceof Number n && actual instanceof Number a) {
            assertEquals(0, new BigDecimal(n.toString()).compareTo(new BigDecimal(a.toString())),
                    r.ruleId() + " fact " + name + ": expected " + n + ", got " + a);
        } else {
            assertEquals(expected, actual, r.ruleId() + " fact " + name);
        }
    }

    static void assertMissing(Verdict v, DocumentCode... docs) {
        assertEquals(Set.of(docs), Set.copyOf(v.missingDocuments()), "missing documents");
        assertEquals(docs.length, v.missingDocuments().size(), "missing documents without duplicates");
    }

    static DocumentCode[] docs(List<DocumentCode> base, DocumentCode... more) {
        List<DocumentCode> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all.toArray(DocumentCode[]::new);
    }

    /** The default claim's verdict: a covered repair of 18,400.00 and nothing else. */
    static void assertPlainRepair(Verdict v) {
        assertVerdict(v, APPROVED, REPAIR, "18400.00");
        assertCodes(v, "ASSESSED_REPAIR");
        assertLine(v, "L1", true, LineRemedy.REPAIR, "18400.00");
        assertEquals(List.of(), v.missingDocuments());
    }

    /** A claim-level denial (reading 1): exactly these grounds, no documents, nothing paid, no line covered. */
    static void assertDeniedWith(Verdict v, String... codes) {
        assertVerdict(v, DENIED, NONE, "0.00");
        assertCodes(v, codes);
        assertEquals(List.of(), v.missingDocuments(), "a denial lists no documents (reading 1)");
        for (LineVerdict l : v.lines()) {
            assertFalse(l.covered(), l.lineId() + " not covered");
            assertEquals(LineRemedy.NONE, l.remedy(), l.lineId());
            assertMoney("0.00", l.payableCny(), l.lineId());
            assertEquals(List.of(), l.reasons(), l.lineId() + ": no line rules after a claim-level denial");
        }
    }

    // =============================================================================================

    @Test
    @DisplayName("defaults: APPROVED repair of 18,400.00 (L1-01), silent L2-01 and L5-02, documents complete")
    void defaultClaimIsApprovedRepair() {
        InsuranceClaims claim = insurance();
        Verdict v = adjudicate(claim);
        assertEquals("I-1", v.claimId());
        assertPlainRepair(v);
        Reason r = assertReason(v, "ASSESSED_REPAIR", "L1-01", "Lines 定损项目", 10, "L1");
        assertTexts(r, "L1", "front bumper", "18,400.00");
        assertEquals(RULEBOOK.info(), v.rulebook());
        assertEquals(List.of("L1-01/L1", "L2-01", "L5-02", "ID-01", "ID-02", "ID-08"), fired(claim),
                "explain lists the silent rows L2-01 and L5-02 and the document rows that found nothing missing");
    }

    // =============================================================================================
    @Nested
    @DisplayName("I1 policy in force")
    class I1 {
        @Test
        @DisplayName("the day before startsOn: DENIED POLICY_NOT_IN_FORCE naming the dates, no documents")
        void dayBeforeStart() {
            Verdict v = adjudicate(insurance().occurredOn("2024-12-31").noDocuments());
            assertDeniedWith(v, "POLICY_NOT_IN_FORCE");
            Reason r = assertReason(v, "POLICY_NOT_IN_FORCE", "I1-01", "Policy checks 保单审核", 6, null);
            assertTexts(r, "2024-12-31", "2025-01-01", "2025-12-31");
            assertFact(r, "policy.inForce", false);
        }

        @Test
        @DisplayName("startsOn itself is in force (and a new-policy incident, I13)")
        void startDayInForce() {
            Verdict v = adjudicate(insurance().occurredOn("2025-01-01"));
            assertVerdict(v, REFERRED, REPAIR, "0.00");
            assertCodes(v, "ASSESSED_REPAIR", "NEW_POLICY_INCIDENT");
        }

        @Test
        @DisplayName("endsOn itself is in force (both ends inclusive)")
        void endDayInForce() {
            assertPlainRepair(adjudicate(insurance().occurredOn("2025-12-31")));
        }

        @Test
        @DisplayName("the day after endsOn: DENIED POLICY_NOT_IN_FORCE")
        void dayAfterEnd() {
            Verdict v = adjudicate(insurance().occurredOn("2026-01-01"));
            assertDeniedWith(v, "POLICY_NOT_IN_FORCE");
            assertTexts(reason(v, "POLICY_NOT_IN_FORCE"), "2026-01-01");
        }
    }

    // =============================================================================================
    @Nested
    @DisplayName("I2 vehicle damage cover purchased")
    class I2 {
        @Test
        @DisplayName("third party and occupant cover only: DENIED COVERAGE_NOT_PURCHASED")
        void noVehicleDamage() {
            Verdict v = adjudicate(insurance().coverages(Coverage.THIRD_PARTY, Coverage.OCCUPANT));
            assertDeniedWith(v, "COVERAGE_NOT_PURCHASED");
            assertReason(v, "COVERAGE_NOT_PURCHASED", "I2-01", "Policy checks 保单审核", 7, null);
        }

        @Test
        @DisplayName("no cover at all: DENIED COVERAGE_NOT_PURCHASED")
        void noCoverAtAll() {
            assertDeniedWith(adjudicate(insurance().coverages()), "COVERAGE_NOT_PURCHASED");
        }

        @Test
        @DisplayName("vehicle damage cover alone: covered")
        void vehicleDamageAlone() {
            assertPlainRepair(adjudicate(insurance().coverages(Coverage.VEHICLE_DAMAGE)));
        }
    }

    // =============================================================================================
    @Nested
    @DisplayName("I3 two-year time bar (reading 21)")
    class I3 {
        @Test
        @DisplayName("submittedOn = occurredOn + 2 years: not barred")
        void exactlyTwoYears() {
            assertPlainRepair(adjudicate(insurance().submittedOn("2027-06-10")));
        }

        @Test
        @DisplayName("one day later: DENIED TIME_BARRED, month 25")
        void oneDayLate() {
            Verdict v = adjudicate(insurance().submittedOn("2027-06-11").noDocuments());
            assertDeniedWith(v, "TIME_BARRED");
            Reason r = assertReason(v, "TIME_BARRED", "I3-01", "Policy checks 保单审核", 8, null);
            assertTexts(r, "2025-06-10", "25");
            assertFact(r, "incident.monthsToSubmit", 25);
        }

        @Test
        @DisplayName("2024-02-29 + 2 years = 2026-02-28: not barred that day")
        void leapDayLastDay() {
            Verdict v = adjudicate(insurance().policyPeriod("2024-01-01", "2024-12-31").occurredOn("2024-02-29")
                    .submittedOn("2026-02-28"));
            assertPlainRepair(v);
        }

        @Test
        @DisplayName("2024-02-29, submitted 2026-03-01: barred")
        void leapDayNextDay() {
            Verdict v = adjudicate(insurance().policyPeriod("2024-01-01", "2024-12-31").occurredOn("2024-02-29")
                    .submittedOn("2026-03-01"));
            assertDeniedWith(v, "TIME_BARRED");
            assertTexts(reason(v, "TIME_BARRED"), "2024-02-29");
        }
    }

    // =============================================================================================
    @Nested
    @DisplayName("I4-I8 driver and vehicle")
    class DriverAndVehicle {
        @Test
        @DisplayName("I4: blood alcohol 19.9 mg/100 ml is not drink driving")
        void bacJustBelow() {
            assertPlainRepair(adjudicate(insurance().bac("19.9")));
        }

        @ParameterizedTest
        @ValueSource(strings = {"20", "20.0", "80", "150.5"})
        @DisplayName("I4: blood alcohol >= 20 mg/100 ml: DENIED DRUNK_DRIVING naming the value and the rule")
        void bacAtOrAbove(String bac) {
            Verdict v = adjudicate(insurance().bac(bac).noDocuments());
            assertDeniedWith(v, "DRUNK_DRIVING");
            Reason r = assertReason(v, "DRUNK_DRIVING", "I4-01", "Driver and vehicle 驾驶人与车辆", 6, null);
            assertTexts(r, ">= 20");
            assertFact(r, "driver.bacMgPer100ml", new BigDecimal(bac));
        }

        @Test
        @DisplayName("I5: unlicensed driver: DENIED UNLICENSED_DRIVER")
        void unlicensed() {
            Verdict v = adjudicate(insurance().unlicensed());
            assertDeniedWith(v, "UNLICENSED_DRIVER");
            assertReason(v, "UNLICENSED_DRIVER", "I5-01", "Driver and vehicle 驾驶人与车辆", 7, null);
        }

        @Test
        @DisplayName("I6: driver not permitted by the insured: DENIED UNPERMITTED_DRIVER")
        void unpermitted() {
            Verdict v = adjudicate(insurance().permittedByInsured(false));
            assertDeniedWith(v, "UNPERMITTED_DRIVER");
            assertReason(v, "UNPERMITTED_DRIVER", "I6-01", "Driver and vehicle 驾驶人与车辆", 8, null);
        }

        @Test
        @DisplayName("I7: driver left the scene: DENIED LEFT_SCENE")
        void leftScene() {
            Verdict v = adjudicate(insurance().leftScene(true));
            assertDeniedWith(v, "LEFT_SCENE");
            assertReason(v, "LEFT_SCENE", "I7-01", "Driver and vehicle 驾驶人与车辆", 9, null);
        }

        @Test
        @DisplayName("I8: inspection not valid: DENIED INSPECTION_INVALID")
        void inspectionInvalid() {
            Verdict v = adjudicate(insurance().inspectionValid(false));
            assertDeniedWith(v, "INSPECTION_INVALID");
            assertReason(v, "INSPECTION_INVALID", "I8-01", "Driver and vehicle 驾驶人与车辆", 10, null);
        }
    }

    // =============================================================================================
    @Nested
    @DisplayName("I9-I11 perils (incident cause)")
    class Perils {
        @ParameterizedTest
        @EnumSource(value = Cause.class, names = {"COLLISION", "OVERTURN", "FALL", "FIRE", "EXPLOSION",
            "FALLING_OBJECT", "NATURAL_DISASTER", "THEFT", "SPONTANEOUS_COMBUSTION", "GLASS_BREAKAGE",
            "WATER_INGRESS"})
        @DisplayName("covered perils without add-ons: APPROVED")
        void coveredPerils(Cause cause) {
            Verdict v = adjudicate(insurance().cause(cause).allDocuments());
            assertPlainRepair(v);
        }

        @Test
        @DisplayName("I9: DELIBERATE: DENIED DELIBERATE_ACT")
        void deliberate() {
            Verdict v = adjudicate(insurance().cause(DELIBERATE).noDocuments());
            assertDeniedWith(v, "DELIBERATE_ACT");
            assertReason(v, "DELIBERATE_ACT", "I9-01", "Perils 保险责任", 6, null);
        }

        @ParameterizedTest
        @ValueSource(strings = {"QUALITY_DEFECT", "NORMAL_WEAR", "BREAKDOWN", "MISUSE", "IMPROPER_MAINTENANCE",
            "UNAUTHORIZED_MODIFICATION", "IMPROPER_HANDLING", "FORCE_MAJEURE"})
        @DisplayName("I10 (and reading 18): not an insured peril, DENIED pointing to a warranty claim")
        void notAnInsuredPeril(String name) {
            Cause cause = Cause.valueOf(name);
            Verdict v = adjudicate(insurance().cause(cause).noDocuments());
            assertDeniedWith(v, "NOT_AN_INSURED_PERIL");
            Reason r = assertReason(v, "NOT_AN_INSURED_PERIL", "I10-01", "Perils 保险责任", 7, null);
            assertTextsName(r, cause);
            assertTrue(r.text().contains("质保"), r.text());
            assertTrue(r.textEn().toLowerCase(Locale.ROOT).contains("warranty"), r.textEn());
        }

        @Test
        @DisplayName("I10 looks at the incident's cause: a line's own COLLISION does not save a BREAKDOWN incident")
        void incidentCauseDecides() {
            Verdict v = adjudicate(insurance().cause(BREAKDOWN).line(l -> l.cause(COLLISION)));
            assertDeniedWith(v, "NOT_AN_INSURED_PERIL");
            assertEquals("I10-01", reason(v, "NOT_AN_INSURED_PERIL").ruleId());
        }

        @Test
        @DisplayName("I11: SCRATCH without the scratch add-on: DENIED ADD_ON_REQUIRED (I11-01)")
        void scratchWithoutAddOn() {
            Verdict v = adjudicate(insurance().cause(SCRATCH).addOns(AddOn.WHEEL_ONLY_DAMAGE, AddOn.ROAD_ASSISTANCE));
            assertDeniedWith(v, "ADD_ON_REQUIRED");
            assertReason(v, "ADD_ON_REQUIRED", "I11-01", "Perils 保险责任", 8, null);
        }

        @Test
        @DisplayName("I11: SCRATCH with the scratch add-on: covered")
        void scratchWithAddOn() {
            assertPlainRepair(adjudicate(insurance().cause(SCRATCH).addOns(AddOn.SCRATCH)));
        }

        @Test
        @DisplayName("I11: WHEEL_ONLY without the wheel add-on: DENIED ADD_ON_REQUIRED (I11-02)")
        void wheelOnlyWithoutAddOn() {
            Verdict v = adjudicate(insurance().cause(WHEEL_ONLY).addOns(AddOn.SCRATCH));
            assertDeniedWith(v, "ADD_ON_REQUIRED");
            assertReason(v, "ADD_ON_REQUIRED", "I11-02", "Perils 保险责任", 9, null);
        }

        @Test
        @DisplayName("I11: WHEEL_ONLY with the wheel add-on: covered")
        void wheelOnlyWithAddOn() {
            assertPlainRepair(adjudicate(insurance().cause(WHEEL_ONLY).addOns(AddOn.WHEEL_ONLY_DAMAGE)));
        }
    }

    // =============================================================================================
    @Nested
    @DisplayName("reading 1: a claim-level denial lists every ground that holds and nothing else")
    class ClaimLevelDenial {
        @Test
        @DisplayName("unlicensed AND drunk AND policy not in force: all three codes, no documents, 0.00, NONE")
        void threeGrounds() {
            Verdict v = adjudicate(insurance().unlicensed().bac("20").occurredOn("2026-02-01").noDocuments()
                    .rescueCost("500.00"));
            assertDeniedWith(v, "POLICY_NOT_IN_FORCE", "DRUNK_DRIVING", "UNLICENSED_DRIVER");
            assertRuleIds(v, "I1-01", "I4-01", "I5-01");
        }

        @Test
        @DisplayName("every claim-level ground I1-I9 at once: nine codes in table order")
        void everyGround() {
            Verdict v = adjudicate(insurance().occurredOn("2026-01-05").coverages(Coverage.THIRD_PARTY)
                    .submittedOn("2028-02-01").bac("80").unlicensed().permittedByInsured(false).leftScene(true)
                    .inspectionValid(false).cause(DELIBERATE).noDocuments());
            assertDeniedWith(v, "POLICY_NOT_IN_FORCE", "COVERAGE_NOT_PURCHASED", "TIME_BARRED", "DRUNK_DRIVING",
                    "UNLICENSED_DRIVER", "UNPERMITTED_DRIVER", "LEFT_SCENE", "INSPECTION_INVALID", "DELIBERATE_ACT");
        }

        @Test
        @DisplayName("drunk AND SCRATCH without add-on: both grounds")
        void driverAndPeril() {
            Verdict v = adjudicate(insurance().bac("35").cause(SCRATCH));
            assertDeniedWith(v, "DRUNK_DRIVING", "ADD_ON_REQUIRED");
        }

        @Test
        @DisplayName("a denial ends the adjudication: no line exclusions, no referrals, no L3-L6, no documents")
        void nothingElse() {
            Verdict v = adjudicate(insurance().unlicensed()
                    .policyPeriod("2025-06-07", "2026-06-06") // I13 would refer
                    .times("2025-06-10T08:00", "2025-06-14T08:00") // I12 would refer
                    .repairedElsewhere() // L3 without invoice would refer
                    .line(l -> l.repairCost("160000.00")) // L4 and I14 would fire
                    .deductibleRate("0.10").rescueCost("900.00") // L5-L6 would report
                    .addLine("L2", l -> l.cause(NORMAL_WEAR)) // I10-02 would exclude the line
                    .payee(Payee.REPAIR_SHOP).handledBy(HandledBy.COURT).noDocuments());
            assertDeniedWith(v, "UNLICENSED_DRIVER");
            assertEquals(2, v.lines().size());
        }
    }

    // =============================================================================================
    @Nested
    @DisplayName("reading 17: a line's own cause goes through I9-I11")
    class LineCauses {
        @Test
        @DisplayName("I9-02: a DELIBERATE line is not covered, the claim is PARTIALLY_APPROVED")
        void deliberateLine() {
            Verdict v = adjudicate(insurance().addLine("L2", l -> l.part("door").cause(DELIBERATE)));
            assertVerdict(v, PARTIALLY_APPROVED, REPAIR, "18400.00");
            assertCodes(v, "ASSESSED_REPAIR", "DELIBERATE_ACT");
            Reason r = assertReason(v, "DELIBERATE_ACT", "I9-02", "Lines 定损项目", 6, "L2");
            assertTexts(r, "L2", "door");
            assertLine(v, "L1", true, LineRemedy.REPAIR, "18400.00");
            assertLine(v, "L2", false, LineRemedy.NONE, "0.00");
        }

        @ParameterizedTest
        @ValueSource(strings = {"QUALITY_DEFECT", "NORMAL_WEAR", "BREAKDOWN", "MISUSE", "IMPROPER_MAINTENANCE",
            "UNAUTHORIZED_MODIFICATION", "IMPROPER_HANDLING", "FORCE_MAJEURE"})
        @DisplayName("I10-02: a line whose own cause is not a peril is not covered (reading 18 causes too)")
        void notAPerilLine(String name) {
            Cause cause = Cause.valueOf(name);
            Verdict v = adjudicate(insurance().addLine("L2", l -> l.part("door").repairCost("5000.00").cause(cause)));
            assertVerdict(v, PARTIALLY_APPROVED, REPAIR, "18400.00");
            assertCodes(v, "ASSESSED_REPAIR", "NOT_AN_INSURED_PERIL");
            Reason r = assertReason(v, "NOT_AN_INSURED_PERIL", "I10-02", "Lines 定损项目", 7, "L2");
            assertTextsName(r, cause);
            assertLine(v, "L2", false, LineRemedy.NONE, "0.00");
        }

        @Test
        @DisplayName("I11-03: a SCRATCH line without the add-on is not covered")
        void scratchLine() {
            Verdict v = adjudicate(insurance().addLine("L2", l -> l.cause(SCRATCH)));
            assertVerdict(v, PARTIALLY_APPROVED, REPAIR, "18400.00");
            assertReason(v, "ADD_ON_REQUIRED", "I11-03", "Lines 定损项目", 8, "L2");
        }

        @Test
        @DisplayName("I11-03 does not fire with the scratch add-on: both lines covered")
        void scratchLineWithAddOn() {
            Verdict v = adjudicate(insurance().addOns(AddOn.SCRATCH)
                    .addLine("L2", l -> l.cause(SCRATCH).repairCost("600.00")));
            assertVerdict(v, APPROVED, REPAIR, "19000.00");
            assertCodes(v, "ASSESSED_REPAIR", "ASSESSED_REPAIR");
        }

        @Test
        @DisplayName("I11-04: a WHEEL_ONLY line without the add-on is not covered")
        void wheelLine() {
            Verdict v = adjudicate(insurance().addLine("L2", l -> l.cause(WHEEL_ONLY)));
            assertVerdict(v, PARTIALLY_APPROVED, REPAIR, "18400.00");
            assertReason(v, "ADD_ON_REQUIRED", "I11-04", "Lines 定损项目", 9, "L2");
        }

        @Test
        @DisplayName("I11-04 does not fire with the wheel add-on")
        void wheelLineWithAddOn() {
            Verdict v = adjudicate(insurance().addOns(AddOn.WHEEL_ONLY_DAMAGE)
                    .addLine("L2", l -> l.cause(WHEEL_ONLY).repairCost("600.00")));
            assertVerdict(v, APPROVED, REPAIR, "19000.00");
        }

        @Test
        @DisplayName("no line left: DENIED with the line's reason and no documents (reading 1)")
        void noLineLeft() {
            Verdict v = adjudicate(insurance().line(l -> l.cause(NORMAL_WEAR)).rescueCost("100.00").noDocuments());
            assertVerdict(v, DENIED, NONE, "0.00");
            assertCodes(v, "NOT_AN_INSURED_PERIL");
            assertReason(v, "NOT_AN_INSURED_PERIL", "I10-02", "Lines 定损项目", 7, "L1");
            assertEquals(List.of(), v.missingDocuments());
            assertLine(v, "L1", false, LineRemedy.NONE, "0.00");
        }

        @Test
        @DisplayName("two lines, both excluded by their own causes: DENIED with both line reasons")
        void allLinesExcluded() {
            Verdict v = adjudicate(insurance().line(l -> l.cause(DELIBERATE))
                    .addLine("L2", l -> l.cause(WHEEL_ONLY)).noDocuments());
            assertVerdict(v, DENIED, NONE, "0.00");
            assertCodes(v, "DELIBERATE_ACT", "ADD_ON_REQUIRED");
            assertReason(v, "DELIBERATE_ACT", "I9-02", "Lines 定损项目", 6, "L1");
            assertReason(v, "ADD_ON_REQUIRED", "I11-04", "Lines 定损项目", 9, "L2");
            assertEquals(List.of(), v.missingDocuments());
        }

        @Test
        @DisplayName("a line's own covered cause on a covered incident: covered")
        void ownCoveredCause() {
            assertPlainRepair(adjudicate(insurance().line(l -> l.cause(Cause.FALLING_OBJECT))));
        }

        @Test
        @DisplayName("a partially approved claim with missing documents is PENDING_DOCUMENTS")
        void partialWithMissingDocuments() {
            Verdict v = adjudicate(insurance().addLine("L2", l -> l.cause(NORMAL_WEAR)).withoutDocument(POLICY));
            assertVerdict(v, PENDING_DOCUMENTS, REPAIR, "0.00");
            assertMissing(v, POLICY);
            assertCodes(v, "ASSESSED_REPAIR", "NOT_AN_INSURED_PERIL", "MISSING_DOCUMENTS");
        }
    }

    // =============================================================================================
    @Nested
    @DisplayName("L1 assessment of each line and the claim's remedy")
    class L1 {
        @Test
        @DisplayName("L1-02: a line that cannot be repaired is assessed at replaceCostCny; remedy REPLACE_PART")
        void replaced() {
            Verdict v = adjudicate(insurance().line(l -> l.part("headlamp").notRepairable()));
            assertVerdict(v, APPROVED, REPLACE_PART, "26000.00");
            assertCodes(v, "ASSESSED_REPLACE");
            Reason r = assertReason(v, "ASSESSED_REPLACE", "L1-02", "Lines 定损项目", 11, "L1");
            assertTexts(r, "L1", "headlamp", "26,000.00");
            assertLine(v, "L1", true, LineRemedy.REPLACE_PART, "26000.00");
        }

        @Test
        @DisplayName("REPLACE_PART when any line is replaced; the loss is the sum of both assessments")
        void anyLineReplaced() {
            Verdict v = adjudicate(insurance()
                    .addLine("L2", l -> l.part("headlamp").notRepairable().costs("900.00", "3250.50")));
            assertVerdict(v, APPROVED, REPLACE_PART, "21650.50");
            assertCodes(v, "ASSESSED_REPAIR", "ASSESSED_REPLACE");
            assertLine(v, "L1", true, LineRemedy.REPAIR, "18400.00");
            assertLine(v, "L2", true, LineRemedy.REPLACE_PART, "3250.50");
        }

        @Test
        @DisplayName("REPAIR when every line is repaired, even when replacing would be cheaper")
        void allRepaired() {
            Verdict v = adjudicate(insurance().addLine("L2", l -> l.costs("700.00", "500.00")));
            assertVerdict(v, APPROVED, REPAIR, "19100.00");
            assertLine(v, "L2", true, LineRemedy.REPAIR, "700.00");
        }

        @Test
        @DisplayName("a replaced line that is excluded does not make the remedy REPLACE_PART")
        void excludedReplacedLine() {
            Verdict v = adjudicate(insurance().addLine("L2", l -> l.notRepairable().cause(NORMAL_WEAR)));
            assertVerdict(v, PARTIALLY_APPROVED, REPAIR, "18400.00");
        }
    }

    // =============================================================================================
    @Nested
    @DisplayName("L2 assessed amount (reading 19)")
    class L2 {
        @Test
        @DisplayName("assessed amount lower than the lines: the loss is the assessed amount (L2-02, silent)")
        void lower() {
            InsuranceClaims claim = insurance().assessedAmount("17000.00");
            Verdict v = adjudicate(claim);
            assertVerdict(v, APPROVED, REPAIR, "17000.00");
            assertCodes(v, "ASSESSED_REPAIR");
            assertLine(v, "L1", true, LineRemedy.REPAIR, "18400.00");
            assertTrue(fired(claim).contains("L2-02"), fired(claim)::toString);
        }

        @Test
        @DisplayName("assessed amount higher than the lines: the lines' sum")
        void higher() {
            assertPlainRepair(adjudicate(insurance().assessedAmount("19000.00")));
        }

        @Test
        @DisplayName("assessed amount one fen below the lines: that amount")
        void oneFenBelow() {
            assertVerdict(adjudicate(insurance().assessedAmount("18399.99")), APPROVED, REPAIR, "18399.99");
        }

        @Test
        @DisplayName("compared with the sum of the covered lines only: excluded lines do not count")
        void coveredLinesOnly() {
            Verdict v = adjudicate(insurance().assessedAmount("20000.00")
                    .addLine("L2", l -> l.repairCost("5000.00").cause(NORMAL_WEAR)));
            assertVerdict(v, PARTIALLY_APPROVED, REPAIR, "18400.00");
            Verdict lower = adjudicate(insurance().assessedAmount("18000.00")
                    .addLine("L2", l -> l.repairCost("5000.00").cause(NORMAL_WEAR)));
            assertVerdict(lower, PARTIALLY_APPROVED, REPAIR, "18000.00");
        }

        @Test
        @DisplayName("no assessment at all: the lines' sum")
        void noAssessment() {
            assertPlainRepair(adjudicate(insurance().noAssessment()));
        }
    }

    // =============================================================================================
    @Nested
    @DisplayName("L3 repaired at another shop than the one that assessed (reading 19)")
    class L3 {
        @Test
        @DisplayName("with a lower invoice: loss = invoice, REASSESSED_AT_CHOSEN_SHOP (L3-01), APPROVED")
        void lowerInvoice() {
            Verdict v = adjudicate(insurance().repairedElsewhere().invoiced("17000.00"));
            assertVerdict(v, APPROVED, REPAIR, "17000.00");
            assertCodes(v, "ASSESSED_REPAIR", "REASSESSED_AT_CHOSEN_SHOP");
            Reason r = assertReason(v, "REASSESSED_AT_CHOSEN_SHOP", "L3-01", "Loss 损失核定", 8, null);
            assertTexts(r, "4S-SH-001", "17,000.00");
            assertFact(r, "claim.lossCny", new BigDecimal("17000.00"));
        }

        @Test
        @DisplayName("with a higher invoice: loss stays at the lines, the code is still reported")
        void higherInvoice() {
            Verdict v = adjudicate(insurance().repairedElsewhere().invoiced("19500.00"));
            assertVerdict(v, APPROVED, REPAIR, "18400.00");
            assertCodes(v, "ASSESSED_REPAIR", "REASSESSED_AT_CHOSEN_SHOP");
            assertEquals("L3-01", reason(v, "REASSESSED_AT_CHOSEN_SHOP").ruleId());
        }

        @Test
        @DisplayName("the lowest of lines, assessed amount and invoice")
        void lowestOfThree() {
            Verdict v = adjudicate(insurance().repairedElsewhere().assessedAmount("17500.00").invoiced("17800.00"));
            assertVerdict(v, APPROVED, REPAIR, "17500.00");
            Verdict w = adjudicate(insurance().repairedElsewhere().assessedAmount("17500.00").invoiced("16800.00"));
            assertVerdict(w, APPROVED, REPAIR, "16800.00");
        }

        @Test
        @DisplayName("without invoice: REFERRED with L3-02, remedy kept, payable 0.00")
        void withoutInvoice() {
            Verdict v = adjudicate(insurance().repairedElsewhere());
            assertVerdict(v, REFERRED, REPAIR, "0.00");
            assertCodes(v, "ASSESSED_REPAIR", "REASSESSED_AT_CHOSEN_SHOP");
            Reason r = assertReason(v, "REASSESSED_AT_CHOSEN_SHOP", "L3-02", "Loss 损失核定", 9, null);
            assertTexts(r, "4S-SH-001");
            assertLine(v, "L1", true, LineRemedy.REPAIR, "18400.00");
        }

        @Test
        @DisplayName("without invoice the computation goes on with the L2 loss: L4, L6 and I14 still fire")
        void withoutInvoiceComputationGoesOn() {
            Verdict v = adjudicate(insurance().repairedElsewhere().assessedAmount("120000.00")
                    .line(l -> l.repairCost("130000.00")).sumInsured("120000.00").rescueCost("300.00")
                    .allDocuments());
            assertVerdict(v, REFERRED, TOTAL_LOSS, "0.00");
            assertCodes(v, "ASSESSED_REPAIR", "REASSESSED_AT_CHOSEN_SHOP", "CONSTRUCTIVE_TOTAL_LOSS", "RESCUE_COSTS",
                    "ABOVE_AUTHORITY_LIMIT");
            assertFact(reason(v, "ABOVE_AUTHORITY_LIMIT"), "claim.payableCny", new BigDecimal("120300.00"));
        }

        @Test
        @DisplayName("same shop: the invoice is not used and nothing is reported")
        void sameShopIgnoresInvoice() {
            assertPlainRepair(adjudicate(insurance().invoiced("10000.00")));
        }
    }

    // =============================================================================================
    @Nested
    @DisplayName("L4 constructive total loss")
    class L4 {
        @Test
        @DisplayName("loss exactly at the sum insured: TOTAL_LOSS, CONSTRUCTIVE_TOTAL_LOSS, paid at the sum insured")
        void exactlyAtSumInsured() {
            Verdict v = adjudicate(insurance().sumInsured("50000.00").line(l -> l.repairCost("50000.00")));
            assertVerdict(v, APPROVED, TOTAL_LOSS, "50000.00");
            assertCodes(v, "ASSESSED_REPAIR", "CONSTRUCTIVE_TOTAL_LOSS");
            Reason r = assertReason(v, "CONSTRUCTIVE_TOTAL_LOSS", "L4-01", "Total loss 推定全损", 6, null);
            assertTexts(r, "50,000.00");
        }

        @Test
        @DisplayName("one fen below the sum insured: no total loss")
        void oneFenBelow() {
            Verdict v = adjudicate(insurance().sumInsured("50000.00").line(l -> l.repairCost("49999.99")));
            assertVerdict(v, APPROVED, REPAIR, "49999.99");
            assertCodes(v, "ASSESSED_REPAIR");
        }

        @Test
        @DisplayName("loss above the sum insured: the loss is capped at it; TOTAL_LOSS wins over REPLACE_PART")
        void aboveSumInsured() {
            Verdict v = adjudicate(insurance().sumInsured("50000.00")
                    .line(l -> l.notRepairable().replaceCost("80000.00")));
            assertVerdict(v, APPROVED, TOTAL_LOSS, "50000.00");
            assertCodes(v, "ASSESSED_REPLACE", "CONSTRUCTIVE_TOTAL_LOSS");
            assertLine(v, "L1", true, LineRemedy.REPLACE_PART, "80000.00");
        }

        @Test
        @DisplayName("the assessed amount decides: lines above the sum insured, assessment below it")
        void assessedBelow() {
            Verdict v = adjudicate(insurance().sumInsured("50000.00").line(l -> l.repairCost("60000.00"))
                    .assessedAmount("45000.00"));
            assertVerdict(v, APPROVED, REPAIR, "45000.00");
            assertCodes(v, "ASSESSED_REPAIR");
        }

        @Test
        @DisplayName("total loss with the default sum insured is above the authority limit: REFERRED keeps TOTAL_LOSS")
        void totalLossReferred() {
            Verdict v = adjudicate(insurance().line(l -> l.repairCost("150000.00")));
            assertVerdict(v, REFERRED, TOTAL_LOSS, "0.00");
            assertCodes(v, "ASSESSED_REPAIR", "CONSTRUCTIVE_TOTAL_LOSS", "ABOVE_AUTHORITY_LIMIT");
        }

        @Test
        @DisplayName("a total loss and then a deductible: (50,000.00) × 0.9 = 45,000.00")
        void totalLossThenDeductible() {
            Verdict v = adjudicate(insurance().sumInsured("50000.00").line(l -> l.repairCost("60000.00"))
                    .deductibleRate("0.10"));
            assertVerdict(v, APPROVED, TOTAL_LOSS, "45000.00");
            assertCodes(v, "ASSESSED_REPAIR", "CONSTRUCTIVE_TOTAL_LOSS", "DEDUCTIBLE_APPLIED");
            assertFact(reason(v, "DEDUCTIBLE_APPLIED"), "claim.deductibleCny", new BigDecimal("5000.00"));
        }
    }

    // =============================================================================================
    @Nested
    @DisplayName("L5 deductibles and third-party recovery (reading 20)")
    class L5 {
        @Test
        @DisplayName("18,400.00 at rate 0.05: 920.00 deducted, 17,480.00 paid; the texts name the amounts")
        void rateFivePercent() {
            InsuranceClaims claim = insurance().deductibleRate("0.05");
            Verdict v = adjudicate(claim);
            assertVerdict(v, APPROVED, REPAIR, "17480.00");
            assertCodes(v, "ASSESSED_REPAIR", "DEDUCTIBLE_APPLIED");
            Reason r = assertReason(v, "DEDUCTIBLE_APPLIED", "L5-01", "Payment 赔付计算", 6, null);
            assertTrue(r.text().contains("核定损失 18,400.00 元"), r.text());
            assertTrue(r.text().contains("920.00 元"), r.text());
            assertTrue(r.text().contains("赔付 17,480.00 元"), r.text());
            assertTrue(r.textEn().contains("Assessed loss 18,400.00 CNY"), r.textEn());
            assertTrue(r.textEn().contains("920.00 CNY"), r.textEn());
            assertTrue(r.textEn().contains("17,480.00 CNY"), r.textEn());
            assertFact(r, "claim.lossCny", new BigDecimal("18400.00"));
            assertFact(r, "claim.deductibleCny", new BigDecimal("920.00"));
            assertFact(r, "claim.payableCny", new BigDecimal("17480.00"));
            List<String> ids = fired(claim);
            assertTrue(ids.contains("L5-01") && !ids.contains("L5-02"), ids::toString);
        }

        @Test
        @DisplayName("an absolute deductible of 500.00: 17,900.00")
        void absoluteDeductible() {
            Verdict v = adjudicate(insurance().deductible("500.00"));
            assertVerdict(v, APPROVED, REPAIR, "17900.00");
            assertCodes(v, "ASSESSED_REPAIR", "DEDUCTIBLE_APPLIED");
            assertFact(reason(v, "DEDUCTIBLE_APPLIED"), "claim.deductibleCny", new BigDecimal("500.00"));
        }

        @Test
        @DisplayName("rate and amount: 18,400.00 × 0.90 − 1,000.00 = 15,560.00")
        void rateAndAmount() {
            Verdict v = adjudicate(insurance().deductibleRate("0.10").deductible("1000.00"));
            assertVerdict(v, APPROVED, REPAIR, "15560.00");
            assertFact(reason(v, "DEDUCTIBLE_APPLIED"), "claim.deductibleCny", new BigDecimal("2840.00"));
        }

        @Test
        @DisplayName("a rate of 0.00 and an amount of 0.00 is no deductible: L5-02, no code")
        void zeroDeductible() {
            InsuranceClaims claim = insurance().deductibleRate("0.00").deductible("0.00");
            assertPlainRepair(adjudicate(claim));
            assertTrue(fired(claim).contains("L5-02"));
        }

        @Test
        @DisplayName("third-party recovery without deductible: 18,400.00 − 3,400.00 = 15,000.00, no code")
        void recoveryOnly() {
            Verdict v = adjudicate(insurance().thirdPartyRecovery("3400.00"));
            assertVerdict(v, APPROVED, REPAIR, "15000.00");
            assertCodes(v, "ASSESSED_REPAIR");
        }

        @Test
        @DisplayName("recovery and rate: (18,400.00 − 3,400.00) × 0.95 = 14,250.00, 750.00 deducted")
        void recoveryAndRate() {
            Verdict v = adjudicate(insurance().thirdPartyRecovery("3400.00").deductibleRate("0.05"));
            assertVerdict(v, APPROVED, REPAIR, "14250.00");
            Reason r = reason(v, "DEDUCTIBLE_APPLIED");
            assertTexts(r, "3,400.00", "750.00", "14,250.00");
            assertFact(r, "claim.deductibleCny", new BigDecimal("750.00"));
        }

        @Test
        @DisplayName("a deductible that drives the payable below 0: clamped to 0.00")
        void deductibleBelowZero() {
            Verdict v = adjudicate(insurance().deductible("20000.00"));
            assertVerdict(v, APPROVED, REPAIR, "0.00");
            assertCodes(v, "ASSESSED_REPAIR", "DEDUCTIBLE_APPLIED");
            assertFact(reason(v, "DEDUCTIBLE_APPLIED"), "claim.payableCny", new BigDecimal("0.00"));
        }

        @Test
        @DisplayName("a deductible exactly equal to what is left: 0.00")
        void deductibleExactlyAll() {
            Verdict v = adjudicate(insurance().thirdPartyRecovery("400.00").deductible("18000.00"));
            assertVerdict(v, APPROVED, REPAIR, "0.00");
        }

        @Test
        @DisplayName("a recovery above the loss: clamped to 0.00")
        void recoveryAboveLoss() {
            Verdict v = adjudicate(insurance().thirdPartyRecovery("20000.00"));
            assertVerdict(v, APPROVED, REPAIR, "0.00");
            assertCodes(v, "ASSESSED_REPAIR");
        }

        @Test
        @DisplayName("rounded once: two lines of 0.10 at rate 0.05 pay 0.19 (per line it would be 0.20)")
        void roundedOnce() {
            Verdict v = adjudicate(insurance().lines(InsuranceClaims.line("L1").costs("0.10", "1.00"),
                    InsuranceClaims.line("L2").costs("0.10", "1.00")).deductibleRate("0.05"));
            assertVerdict(v, APPROVED, REPAIR, "0.19");
            assertFact(reason(v, "DEDUCTIBLE_APPLIED"), "claim.deductibleCny", new BigDecimal("0.01"));
        }

        @Test
        @DisplayName("HALF_UP: 0.30 × 0.95 = 0.285 pays 0.29 (HALF_EVEN would give 0.28)")
        void halfUp() {
            Verdict v = adjudicate(insurance().line(l -> l.repairCost("0.30")).deductibleRate("0.05"));
            assertVerdict(v, APPROVED, REPAIR, "0.29");
        }

        @Test
        @DisplayName("12,345.67 at rate 0.07: 11,481.4731 pays 11,481.47, 864.20 deducted")
        void oddRate() {
            Verdict v = adjudicate(insurance().line(l -> l.repairCost("12345.67")).deductibleRate("0.07"));
            assertVerdict(v, APPROVED, REPAIR, "11481.47");
            assertFact(reason(v, "DEDUCTIBLE_APPLIED"), "claim.deductibleCny", new BigDecimal("864.20"));
        }

        @Test
        @DisplayName("the maximum rate 0.20 with a fixed amount and a recovery: (18,400 − 400) × 0.8 − 100 = 14,300.00")
        void everything() {
            Verdict v = adjudicate(insurance().deductibleRate("0.20").deductible("100.00")
                    .thirdPartyRecovery("400.00"));
            assertVerdict(v, APPROVED, REPAIR, "14300.00");
        }
    }

    // =============================================================================================
    @Nested
    @DisplayName("L6 rescue costs (reading 20)")
    class L6 {
        @Test
        @DisplayName("rescue costs of 800.00 on top: 19,200.00, RESCUE_COSTS (L6-01)")
        void rescueOnTop() {
            Verdict v = adjudicate(insurance().rescueCost("800.00").withDocument(RESCUE_RECEIPTS));
            assertVerdict(v, APPROVED, REPAIR, "19200.00");
            assertCodes(v, "ASSESSED_REPAIR", "RESCUE_COSTS");
            Reason r = assertReason(v, "RESCUE_COSTS", "L6-01", "Payment 赔付计算", 8, null);
            assertTexts(r, "800.00", "19,200.00");
            assertFact(r, "claim.rescuePaidCny", new BigDecimal("800.00"));
        }

        @Test
        @DisplayName("rescue costs 0.00: no RESCUE_COSTS")
        void noRescue() {
            InsuranceClaims claim = insurance().rescueCost("0.00");
            assertPlainRepair(adjudicate(claim));
            assertFalse(fired(claim).contains("L6-01"));
        }

        @Test
        @DisplayName("one fen of rescue costs: RESCUE_COSTS and 18,400.01")
        void oneFen() {
            Verdict v = adjudicate(insurance().rescueCost("0.01").withDocument(RESCUE_RECEIPTS));
            assertVerdict(v, APPROVED, REPAIR, "18400.01");
            assertCodes(v, "ASSESSED_REPAIR", "RESCUE_COSTS");
        }

        @Test
        @DisplayName("the deductible does not apply to rescue costs: 17,480.00 + 800.00 = 18,280.00")
        void deductibleNotOnRescue() {
            Verdict v = adjudicate(insurance().deductibleRate("0.05").rescueCost("800.00").allDocuments());
            assertVerdict(v, APPROVED, REPAIR, "18280.00");
            assertCodes(v, "ASSESSED_REPAIR", "DEDUCTIBLE_APPLIED", "RESCUE_COSTS");
        }

        @Test
        @DisplayName("rescue costs capped at the sum insured: 18,400.00 + min(40,000.00, 30,000.00) = 48,400.00")
        void cappedAtSumInsured() {
            Verdict v = adjudicate(insurance().sumInsured("30000.00").rescueCost("40000.00").allDocuments());
            assertVerdict(v, APPROVED, REPAIR, "48400.00");
            Reason r = reason(v, "RESCUE_COSTS");
            assertFact(r, "claim.rescuePaidCny", new BigDecimal("30000.00"));
            assertTexts(r, "40,000.00", "30,000.00", "48,400.00");
        }

        @Test
        @DisplayName("rescue costs with a loss clamped to 0.00 by the deductible: only the rescue costs are paid")
        void rescueWithNothingElse() {
            Verdict v = adjudicate(insurance().deductible("30000.00").rescueCost("650.00").allDocuments());
            assertVerdict(v, APPROVED, REPAIR, "650.00");
            assertCodes(v, "ASSESSED_REPAIR", "DEDUCTIBLE_APPLIED", "RESCUE_COSTS");
        }
    }

    // =============================================================================================
    @Nested
    @DisplayName("I12 late notice (reading 21)")
    class I12 {
        @Test
        @DisplayName("exactly 48:00 hours: on time")
        void exactly48Hours() {
            assertPlainRepair(adjudicate(insurance().times("2025-06-10T08:00", "2025-06-12T08:00")));
        }

        @Test
        @DisplayName("48 hours and a minute: REFERRED LATE_NOTICE (I12-01)")
        void oneMinuteLate() {
            Verdict v = adjudicate(insurance().times("2025-06-10T08:00", "2025-06-12T08:01"));
            assertVerdict(v, REFERRED, REPAIR, "0.00");
            assertCodes(v, "ASSESSED_REPAIR", "LATE_NOTICE");
            Reason r = assertReason(v, "LATE_NOTICE", "I12-01", "Referrals 理赔转人工", 6, null);
            assertTexts(r, "> 48");
            assertFact(r, "incident.reportTimesKnown", true);
            assertTrue(new BigDecimal(r.facts().stream().filter(f -> f.name().equals("incident.hoursToReport"))
                    .findFirst().orElseThrow().value().toString()).compareTo(new BigDecimal("48")) > 0);
        }

        @Test
        @DisplayName("both times known: they decide even when the days (2) would be on time: 71 hours is late")
        void timesDecideOverDays() {
            Verdict v = adjudicate(insurance().times("2025-06-10T00:00", "2025-06-12T23:00"));
            assertVerdict(v, REFERRED, REPAIR, "0.00");
            assertEquals("I12-01", reason(v, "LATE_NOTICE").ruleId());
        }

        @Test
        @DisplayName("both times known: 47 hours across two dates is on time")
        void fortySevenHours() {
            assertPlainRepair(adjudicate(insurance().times("2025-06-10T23:30", "2025-06-12T22:30")));
        }

        @Test
        @DisplayName("both times known: exactly 48 hours is on time even when reportedOn says 3 days later")
        void timesDecideOverReportedOn() {
            assertPlainRepair(adjudicate(insurance().times("2025-06-10T08:00", "2025-06-12T08:00")
                    .reportedOn("2025-06-13")));
        }

        @Test
        @DisplayName("date only: reported 2 days after: on time")
        void twoDays() {
            assertPlainRepair(adjudicate(insurance().reportedOn("2025-06-12")));
        }

        @Test
        @DisplayName("date only: reported 3 days after: REFERRED LATE_NOTICE (I12-02) naming the days")
        void threeDays() {
            Verdict v = adjudicate(insurance().reportedOn("2025-06-13"));
            assertVerdict(v, REFERRED, REPAIR, "0.00");
            assertCodes(v, "ASSESSED_REPAIR", "LATE_NOTICE");
            Reason r = assertReason(v, "LATE_NOTICE", "I12-02", "Referrals 理赔转人工", 7, null);
            assertTexts(r, "2025-06-10", "3");
            assertFact(r, "incident.daysToReport", 3);
        }

        @Test
        @DisplayName("only occurredAt known: the dates decide (3 days late)")
        void onlyOneTime() {
            Verdict v = adjudicate(insurance().occurredAt("2025-06-10T20:00").reportedOn("2025-06-13"));
            assertVerdict(v, REFERRED, REPAIR, "0.00");
            assertEquals("I12-02", reason(v, "LATE_NOTICE").ruleId());
            assertPlainRepair(adjudicate(insurance().occurredAt("2025-06-10T20:00").reportedOn("2025-06-12")));
        }

        @Test
        @DisplayName("reportedOn absent defaults to submittedOn: submitted 3 days after is late")
        void reportedOnDefaultsToSubmittedOn() {
            Verdict late = adjudicate(insurance().reportedOn((LocalDate) null).submittedOn("2025-06-13"));
            assertVerdict(late, REFERRED, REPAIR, "0.00");
            assertEquals("I12-02", reason(late, "LATE_NOTICE").ruleId());
            assertPlainRepair(adjudicate(insurance().reportedOn((LocalDate) null).submittedOn("2025-06-12")));
        }
    }

    // =============================================================================================
    @Nested
    @DisplayName("I13 new policy (reading 21: startsOn <= occurredOn <= startsOn + 7 days)")
    class I13 {
        @Test
        @DisplayName("on the start day: REFERRED NEW_POLICY_INCIDENT")
        void startDay() {
            Verdict v = adjudicate(insurance().policyPeriod("2025-06-10", "2026-06-09"));
            assertVerdict(v, REFERRED, REPAIR, "0.00");
            assertCodes(v, "ASSESSED_REPAIR", "NEW_POLICY_INCIDENT");
            Reason r = assertReason(v, "NEW_POLICY_INCIDENT", "I13-01", "Referrals 理赔转人工", 8, null);
            assertTexts(r, "2025-06-10");
            assertFact(r, "policy.daysSinceStart", 0);
        }

        @Test
        @DisplayName("day 7: REFERRED")
        void daySeven() {
            Verdict v = adjudicate(insurance().policyPeriod("2025-06-03", "2026-06-02"));
            assertVerdict(v, REFERRED, REPAIR, "0.00");
            Reason r = reason(v, "NEW_POLICY_INCIDENT");
            assertTexts(r, "2025-06-03", "7");
            assertFact(r, "policy.daysSinceStart", 7);
        }

        @Test
        @DisplayName("day 8: not referred")
        void dayEight() {
            assertPlainRepair(adjudicate(insurance().policyPeriod("2025-06-02", "2026-06-01")));
        }
    }

    // =============================================================================================
    @Nested
    @DisplayName("I14 authority limit (reading 20: the rounded payable, rescue costs included, strictly above)")
    class I14 {
        @Test
        @DisplayName("payable 100,000.00: APPROVED")
        void atLimit() {
            assertVerdict(adjudicate(insurance().line(l -> l.repairCost("100000.00"))), APPROVED, REPAIR,
                    "100000.00");
        }

        @Test
        @DisplayName("payable 100,000.01: REFERRED ABOVE_AUTHORITY_LIMIT naming the payable")
        void oneFenAbove() {
            Verdict v = adjudicate(insurance().line(l -> l.repairCost("100000.01")));
            assertVerdict(v, REFERRED, REPAIR, "0.00");
            assertCodes(v, "ASSESSED_REPAIR", "ABOVE_AUTHORITY_LIMIT");
            Reason r = assertReason(v, "ABOVE_AUTHORITY_LIMIT", "I14-01", "Referrals 理赔转人工", 9, null);
            assertTexts(r, "100,000.01");
            assertFact(r, "claim.payableCny", new BigDecimal("100000.01"));
        }

        @Test
        @DisplayName("rescue costs count: 99,500.00 + 500.00 = 100,000.00 is not referred")
        void rescueIncludedAtLimit() {
            Verdict v = adjudicate(insurance().line(l -> l.repairCost("99500.00")).rescueCost("500.00")
                    .allDocuments());
            assertVerdict(v, APPROVED, REPAIR, "100000.00");
        }

        @Test
        @DisplayName("rescue costs count: 99,500.00 + 500.01 = 100,000.01 is referred")
        void rescueIncludedAboveLimit() {
            Verdict v = adjudicate(insurance().line(l -> l.repairCost("99500.00")).rescueCost("500.01")
                    .allDocuments());
            assertVerdict(v, REFERRED, REPAIR, "0.00");
            assertCodes(v, "ASSESSED_REPAIR", "RESCUE_COSTS", "ABOVE_AUTHORITY_LIMIT");
            assertFact(reason(v, "ABOVE_AUTHORITY_LIMIT"), "claim.payableCny", new BigDecimal("100000.01"));
        }

        @Test
        @DisplayName("total loss at 50,000.00 plus rescue capped at 50,000.00: exactly 100,000.00, APPROVED")
        void totalLossPlusCappedRescue() {
            Verdict v = adjudicate(insurance().sumInsured("50000.00").line(l -> l.repairCost("70000.00"))
                    .rescueCost("60000.00").allDocuments());
            assertVerdict(v, APPROVED, TOTAL_LOSS, "100000.00");
            assertCodes(v, "ASSESSED_REPAIR", "CONSTRUCTIVE_TOTAL_LOSS", "RESCUE_COSTS");
            assertFact(reason(v, "RESCUE_COSTS"), "claim.rescuePaidCny", new BigDecimal("50000.00"));
        }

        @Test
        @DisplayName("the rounded payable: 105,263.16 × 0.95 = 100,000.002 → 100,000.00 is not referred")
        void roundedPayableAtLimit() {
            Verdict v = adjudicate(insurance().line(l -> l.repairCost("105263.16")).deductibleRate("0.05"));
            assertVerdict(v, APPROVED, REPAIR, "100000.00");
        }

        @Test
        @DisplayName("the rounded payable: 105,263.17 × 0.95 = 100,000.0115 → 100,000.01 is referred")
        void roundedPayableAboveLimit() {
            Verdict v = adjudicate(insurance().line(l -> l.repairCost("105263.17")).deductibleRate("0.05"));
            assertVerdict(v, REFERRED, REPAIR, "0.00");
            assertFact(reason(v, "ABOVE_AUTHORITY_LIMIT"), "claim.payableCny", new BigDecimal("100000.01"));
        }

        @Test
        @DisplayName("after the deductible: 104,000.00 at rate 0.05 pays 98,800.00, not referred")
        void deductibleBringsBelow() {
            assertVerdict(adjudicate(insurance().line(l -> l.repairCost("104000.00")).deductibleRate("0.05")),
                    APPROVED, REPAIR, "98800.00");
        }
    }

    // =============================================================================================
    @Nested
    @DisplayName("2.3 documents (all missing ones at once)")
    class Documents {
        @Test
        @DisplayName("nothing supplied: PENDING_DOCUMENTS with the seven, ACCIDENT_CERTIFICATE and BANK_ACCOUNT")
        void nothingSupplied() {
            Verdict v = adjudicate(insurance().noDocuments());
            assertVerdict(v, PENDING_DOCUMENTS, REPAIR, "0.00");
            assertMissing(v, docs(EVERY_CLAIM, ACCIDENT_CERTIFICATE, BANK_ACCOUNT));
            assertCodes(v, "ASSESSED_REPAIR", "MISSING_DOCUMENTS", "MISSING_DOCUMENTS", "MISSING_DOCUMENTS");
            assertRuleIds(v, "L1-01", "ID-01", "ID-02", "ID-08");
            Reason r = reasonOf(v, "ID-01");
            assertEquals("Documents 理赔单证", r.table());
            assertEquals(6, r.row());
            for (DocumentCode d : EVERY_CLAIM) {
                assertTextsName(r, d);
            }
            assertFact(r, "documents.missing", EVERY_CLAIM.stream().map(Enum::name).toList());
        }

        @ParameterizedTest
        @EnumSource(value = DocumentCode.class, names = {"CLAIM_APPLICATION", "POLICY", "DRIVING_LICENSE",
            "VEHICLE_LICENSE", "INSURED_ID", "LOSS_ASSESSMENT", "REPAIR_INVOICE"})
        @DisplayName("ID-01: each document every claim needs, missing alone")
        void everyClaimDocument(DocumentCode doc) {
            Verdict v = adjudicate(insurance().withoutDocument(doc));
            assertVerdict(v, PENDING_DOCUMENTS, REPAIR, "0.00");
            assertMissing(v, doc);
            assertCodes(v, "ASSESSED_REPAIR", "MISSING_DOCUMENTS");
            Reason r = reasonOf(v, "ID-01");
            assertTextsName(r, doc);
        }

        @Test
        @DisplayName("ID-02: handled by the police: ACCIDENT_CERTIFICATE")
        void police() {
            Verdict v = adjudicate(insurance().withoutDocument(ACCIDENT_CERTIFICATE));
            assertVerdict(v, PENDING_DOCUMENTS, REPAIR, "0.00");
            assertMissing(v, ACCIDENT_CERTIFICATE);
            Reason r = reasonOf(v, "ID-02");
            assertEquals(7, r.row());
            assertTextsName(r, ACCIDENT_CERTIFICATE);
        }

        @Test
        @DisplayName("ID-03: a private settlement needs SETTLEMENT_AGREEMENT, not ACCIDENT_CERTIFICATE")
        void privateSettlement() {
            Verdict v = adjudicate(insurance().handledBy(HandledBy.PRIVATE_SETTLEMENT)
                    .withoutDocument(ACCIDENT_CERTIFICATE));
            assertMissing(v, SETTLEMENT_AGREEMENT);
            assertEquals(8, reasonOf(v, "ID-03").row());
            assertPlainRepair(adjudicate(insurance().handledBy(HandledBy.PRIVATE_SETTLEMENT)
                    .withoutDocument(ACCIDENT_CERTIFICATE).withDocument(SETTLEMENT_AGREEMENT)));
        }

        @Test
        @DisplayName("ID-04: handled by a court needs COURT_JUDGMENT")
        void court() {
            Verdict v = adjudicate(insurance().handledBy(HandledBy.COURT).withoutDocument(ACCIDENT_CERTIFICATE));
            assertMissing(v, COURT_JUDGMENT);
            assertEquals(9, reasonOf(v, "ID-04").row());
            assertPlainRepair(adjudicate(insurance().handledBy(HandledBy.COURT)
                    .withoutDocument(ACCIDENT_CERTIFICATE).withDocument(COURT_JUDGMENT)));
        }

        @Test
        @DisplayName("handled by nobody: no accident document")
        void handledByNone() {
            assertPlainRepair(adjudicate(insurance().handledBy(HandledBy.NONE).withoutDocument(ACCIDENT_CERTIFICATE)));
        }

        @Test
        @DisplayName("ID-05: rescue costs need RESCUE_RECEIPTS; the text names the amount")
        void rescueReceipts() {
            Verdict v = adjudicate(insurance().rescueCost("800.00"));
            assertVerdict(v, PENDING_DOCUMENTS, REPAIR, "0.00");
            assertMissing(v, RESCUE_RECEIPTS);
            Reason r = reasonOf(v, "ID-05");
            assertEquals(10, r.row());
            assertTexts(r, "800.00");
            assertCodes(v, "ASSESSED_REPAIR", "RESCUE_COSTS", "MISSING_DOCUMENTS");
        }

        @Test
        @DisplayName("ID-06: an incident of THEFT needs THEFT_REPORT")
        void theftIncident() {
            Verdict v = adjudicate(insurance().cause(THEFT));
            assertMissing(v, THEFT_REPORT);
            assertEquals(11, reasonOf(v, "ID-06").row());
        }

        @Test
        @DisplayName("ID-06: a line whose own cause is THEFT needs THEFT_REPORT too (reading 22)")
        void theftLine() {
            Verdict v = adjudicate(insurance().addLine("L2", l -> l.part("wheel set").cause(THEFT)));
            assertVerdict(v, PENDING_DOCUMENTS, REPAIR, "0.00");
            assertMissing(v, THEFT_REPORT);
            assertEquals("ID-06", reason(v, "MISSING_DOCUMENTS").ruleId());
        }

        @Test
        @DisplayName("ID-07: payee REPAIR_SHOP needs PAYMENT_AUTHORIZATION, not BANK_ACCOUNT")
        void payeeShop() {
            Verdict v = adjudicate(insurance().payee(Payee.REPAIR_SHOP).withoutDocument(BANK_ACCOUNT));
            assertMissing(v, PAYMENT_AUTHORIZATION);
            assertEquals(12, reasonOf(v, "ID-07").row());
            assertPlainRepair(adjudicate(insurance().payee(Payee.REPAIR_SHOP).withoutDocument(BANK_ACCOUNT)
                    .withDocument(PAYMENT_AUTHORIZATION)));
        }

        @Test
        @DisplayName("ID-08: payee INSURED needs BANK_ACCOUNT")
        void payeeInsured() {
            Verdict v = adjudicate(insurance().withoutDocument(BANK_ACCOUNT));
            assertMissing(v, BANK_ACCOUNT);
            assertEquals(13, reasonOf(v, "ID-08").row());
        }

        @Test
        @DisplayName("all missing documents at once: court, rescue, theft line, payee shop (reading 22)")
        void allAtOnce() {
            Verdict v = adjudicate(insurance().noDocuments().handledBy(HandledBy.COURT).rescueCost("300.00")
                    .addLine("L2", l -> l.cause(THEFT).repairCost("1000.00")).payee(Payee.REPAIR_SHOP));
            assertVerdict(v, PENDING_DOCUMENTS, REPAIR, "0.00");
            assertMissing(v, docs(EVERY_CLAIM, COURT_JUDGMENT, RESCUE_RECEIPTS, THEFT_REPORT, PAYMENT_AUTHORIZATION));
            assertEquals(List.of("ID-01", "ID-04", "ID-05", "ID-06", "ID-07"), v.reasons().stream()
                    .filter(r -> r.code().equals("MISSING_DOCUMENTS")).map(Reason::ruleId).toList());
        }

        @Test
        @DisplayName("every supplied document present: nothing missing")
        void allSupplied() {
            Verdict v = adjudicate(insurance().allDocuments().handledBy(HandledBy.COURT).rescueCost("300.00")
                    .cause(THEFT).payee(Payee.REPAIR_SHOP));
            assertVerdict(v, APPROVED, REPAIR, "18700.00");
            assertEquals(List.of(), v.missingDocuments());
        }

        @Test
        @DisplayName("reading 6a: PENDING_DOCUMENTS beats REFERRED and still lists the referral reasons")
        void pendingBeatsReferred() {
            Verdict v = adjudicate(insurance().policyPeriod("2025-06-05", "2026-06-04").reportedOn("2025-06-14")
                    .withoutDocument(POLICY, INSURED_ID));
            assertVerdict(v, PENDING_DOCUMENTS, REPAIR, "0.00");
            assertMissing(v, POLICY, INSURED_ID);
            assertCodes(v, "ASSESSED_REPAIR", "LATE_NOTICE", "NEW_POLICY_INCIDENT", "MISSING_DOCUMENTS");
        }

        @Test
        @DisplayName("reading 6a: PENDING_DOCUMENTS keeps TOTAL_LOSS and lists ABOVE_AUTHORITY_LIMIT and L3-02")
        void pendingKeepsTotalLoss() {
            Verdict v = adjudicate(insurance().line(l -> l.repairCost("200000.00")).repairedElsewhere()
                    .withoutDocument(REPAIR_INVOICE, LOSS_ASSESSMENT, DRIVING_LICENSE, VEHICLE_LICENSE,
                            CLAIM_APPLICATION));
            assertVerdict(v, PENDING_DOCUMENTS, TOTAL_LOSS, "0.00");
            assertMissing(v, REPAIR_INVOICE, LOSS_ASSESSMENT, DRIVING_LICENSE, VEHICLE_LICENSE, CLAIM_APPLICATION);
            assertCodes(v, "ASSESSED_REPAIR", "REASSESSED_AT_CHOSEN_SHOP", "CONSTRUCTIVE_TOTAL_LOSS",
                    "ABOVE_AUTHORITY_LIMIT", "MISSING_DOCUMENTS");
        }

        @Test
        @DisplayName("a denied claim lists no documents even when all are missing (reading 1)")
        void deniedListsNone() {
            Verdict v = adjudicate(insurance().leftScene(true).noDocuments().rescueCost("10.00").cause(THEFT));
            assertDeniedWith(v, "LEFT_SCENE");
        }
    }

    // =============================================================================================
    @Nested
    @DisplayName("every rule id of the insurance workbook is exercised and reports where it is")
    class RuleIds {
        @ParameterizedTest
        @CsvSource({
            "I1-01, Policy checks 保单审核, 6", "I2-01, Policy checks 保单审核, 7", "I3-01, Policy checks 保单审核, 8",
            "I4-01, Driver and vehicle 驾驶人与车辆, 6", "I5-01, Driver and vehicle 驾驶人与车辆, 7",
            "I6-01, Driver and vehicle 驾驶人与车辆, 8", "I7-01, Driver and vehicle 驾驶人与车辆, 9",
            "I8-01, Driver and vehicle 驾驶人与车辆, 10", "I9-01, Perils 保险责任, 6", "I10-01, Perils 保险责任, 7",
            "I11-01, Perils 保险责任, 8", "I11-02, Perils 保险责任, 9", "I9-02, Lines 定损项目, 6",
            "I10-02, Lines 定损项目, 7", "I11-03, Lines 定损项目, 8", "I11-04, Lines 定损项目, 9",
            "L1-01, Lines 定损项目, 10", "L1-02, Lines 定损项目, 11", "L2-01, Loss 损失核定, 6",
            "L2-02, Loss 损失核定, 7", "L3-01, Loss 损失核定, 8", "L3-02, Loss 损失核定, 9",
            "L4-01, Total loss 推定全损, 6", "L5-01, Payment 赔付计算, 6", "L5-02, Payment 赔付计算, 7",
            "L6-01, Payment 赔付计算, 8", "I12-01, Referrals 理赔转人工, 6", "I12-02, Referrals 理赔转人工, 7",
            "I13-01, Referrals 理赔转人工, 8", "I14-01, Referrals 理赔转人工, 9", "ID-01, Documents 理赔单证, 6",
            "ID-02, Documents 理赔单证, 7", "ID-03, Documents 理赔单证, 8", "ID-04, Documents 理赔单证, 9",
            "ID-05, Documents 理赔单证, 10", "ID-06, Documents 理赔单证, 11", "ID-07, Documents 理赔单证, 12",
            "ID-08, Documents 理赔单证, 13"})
        @DisplayName("the loaded rulebook has the row")
        void rowIsLoaded(String ruleId, String table, int row) {
            RuleRef ref = RULEBOOK.rules().stream().filter(r -> r.ruleId().equals(ruleId)).findFirst()
                    .orElseThrow(() -> new AssertionError("no rule " + ruleId));
            assertEquals(table, ref.table(), ruleId);
            assertEquals(row, ref.row(), ruleId);
        }

        @Test
        @DisplayName("silent rows: L2-01 always, L2-02 with an assessed amount, L5-02 without a deductible")
        void silentRows() {
            List<String> ids = fired(insurance().assessedAmount("1.00"));
            assertTrue(ids.containsAll(List.of("L2-01", "L2-02", "L5-02")), ids::toString);
            assertFalse(fired(insurance()).contains("L2-02"));
        }
    }
}
