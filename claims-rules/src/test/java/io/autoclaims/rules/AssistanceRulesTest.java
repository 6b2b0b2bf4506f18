package io.autoclaims.rules;

import static io.autoclaims.model.Cause.COLLISION;
import static io.autoclaims.model.Cause.QUALITY_DEFECT;
import static io.autoclaims.model.Cause.SCRATCH;
import static io.autoclaims.model.Cause.WHEEL_ONLY;
import static io.autoclaims.model.Payer.CLUB;
import static io.autoclaims.model.Payer.CUSTOMER;
import static io.autoclaims.model.Payer.INSURER;
import static io.autoclaims.model.Payer.MANUFACTURER;
import static io.autoclaims.rules.testing.AssistanceClaims.assistance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.model.AddOn;
import io.autoclaims.model.Cause;
import io.autoclaims.model.Charge;
import io.autoclaims.model.ClaimType;
import io.autoclaims.model.Coverage;
import io.autoclaims.model.Decision;
import io.autoclaims.model.DocumentCode;
import io.autoclaims.model.Driver;
import io.autoclaims.model.Fact;
import io.autoclaims.model.Payer;
import io.autoclaims.model.Reason;
import io.autoclaims.model.Remedy;
import io.autoclaims.model.Verdict;
import io.autoclaims.rules.testing.AssistanceClaims;
import io.autoclaims.rules.testing.ShippedWorkbooks;
import io.autoclaims.rules.testing.WorkbookPatch;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped default rulebook against section 3 of {@code default-rulebook.md} (roadside assistance, 道路救援:
 * who pays, A1-A4; the club tariff, TF-01..TF-04; the membership advice, MS-01) and readings 24-26. Inputs come
 * from {@link AssistanceClaims}, whose defaults are a non-member's 12 km tow inside the 5th ring road after a
 * BREAKDOWN of an old car (outside its warranty term), without a policy: A4, the customer pays 100.00 + 180.00.
 */
class AssistanceRulesTest {

    /** Loading compiles the workbooks with Drools (a few seconds): once for the whole class. */
    static final Rulebook RULEBOOK = Rulebook.loadDefault();
    static final Adjudicator ADJUDICATOR = Adjudicator.of(RULEBOOK);

    static final String PAYER_TABLE = "Payer 付费方";

    // =============================================================================================
    // helpers

    static Verdict adjudicate(AssistanceClaims claim) {
        Verdict v = ADJUDICATOR.adjudicate(claim.build());
        assertNotNull(v);
        return v;
    }

    static List<String> fired(AssistanceClaims claim) {
        return ADJUDICATOR.explain(claim.build()).fired().stream().map(RuleRef::ruleId).toList();
    }

    static void assertMoney(String expected, BigDecimal actual, String what) {
        assertEquals(new BigDecimal(expected), actual, what + " (value and scale 2)");
    }

    static Charge charge(String item, Payer payer, String amount) {
        return new Charge(item, payer, new BigDecimal(amount));
    }

    /**
     * An assistance verdict (reading 26): APPROVED, remedy NONE, no lines, no missing documents, no usage
     * compensation; these charges exactly, in tariff order; what the maker, insurer or club pays and what the
     * customer pays.
     */
    static void assertAssistance(Verdict v, String payable, String customerPays, Charge... charges) {
        assertEquals(ClaimType.ASSISTANCE, v.type());
        assertEquals(Decision.APPROVED, v.decision(), () -> "decision; reasons " + v.reasonCodes());
        assertEquals(Remedy.NONE, v.remedy(), "remedy");
        assertEquals(List.of(), v.lines(), "lines");
        assertEquals(List.of(), v.missingDocuments(), "missing documents");
        assertMoney("0.00", v.usageCompensationCny(), "usageCompensationCny");
        assertEquals(List.of(charges), v.charges(), "charges (item, payer, amount)");
        for (Charge c : v.charges()) {
            assertEquals(2, c.amountCny().scale(), c + " scale 2");
        }
        assertMoney(payable, v.payableCny(), "payableCny");
        assertMoney(customerPays, v.customerPaysCny(), "customerPaysCny");
    }

    static void assertCodes(Verdict v, String... codes) {
        assertEquals(List.of(codes), v.reasonCodes(), "reason codes in firing order");
    }

    static Reason reason(Verdict v, String code) {
        List<Reason> found = v.reasons().stream().filter(r -> r.code().equals(code)).toList();
        assertEquals(1, found.size(), () -> "exactly one " + code + " in " + v.reasonCodes());
        return found.get(0);
    }

    static Reason assertReason(Verdict v, String code, String ruleId, String table, int row) {
        Reason r = reason(v, code);
        assertEquals(ruleId, r.ruleId(), code + " ruleId");
        assertEquals(table, r.table(), code + " table");
        assertEquals(row, r.row(), code + " row");
        assertEquals(null, r.lineId(), code + " is a claim reason");
        assertFalse(r.text().isBlank() || r.textEn().isBlank(), code + " texts");
        assertFalse(r.text().contains("{") || r.textEn().contains("{"), code + " placeholders filled");
        return r;
    }

    static void assertTexts(Reason r, String... fragments) {
        for (String f : fragments) {
            assertTrue(r.text().contains(f), () -> "zh text of " + r.ruleId() + " should contain \"" + f + "\": "
                    + r.text());
            assertTrue(r.textEn().contains(f), () -> "en text of " + r.ruleId() + " should contain \"" + f
                    + "\": " + r.textEn());
        }
    }

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

    /** The default claim (A4, 12 km inside the ring): call-out 100.00 and towing 180.00 on the customer. */
    static void assertDefaultNonMember(Verdict v) {
        assertAssistance(v, "0.00", "280.00", charge("CALL_OUT", CUSTOMER, "100.00"),
                charge("TOWING", CUSTOMER, "180.00"));
        assertCodes(v, "NON_MEMBER_TARIFF");
    }

    // =============================================================================================

    @Test
    @DisplayName("defaults: A4, the customer pays call-out 100.00 and 12 × 15 = 180.00 towing; T-04 gives the term")
    void defaultClaim() {
        AssistanceClaims claim = assistance();
        Verdict v = adjudicate(claim);
        assertEquals("A-1", v.claimId());
        assertDefaultNonMember(v);
        assertReason(v, "NON_MEMBER_TARIFF", "A4-01", PAYER_TABLE, 11);
        assertEquals(List.of("T-04", "A4-01", "TF-01", "TF-03"), fired(claim),
                "explain: the whole-vehicle term (T-04), the payer, the call-out and the towing rows");
        assertEquals(RULEBOOK.info(), v.rulebook());
    }

    @Test
    @DisplayName("documents supplied or not make no difference (reading 26)")
    void documentsPlayNoPart() {
        assertDefaultNonMember(adjudicate(assistance().documents(DocumentCode.POLICY, DocumentCode.REPAIR_ORDER)));
    }

    // =============================================================================================
    @Nested
    @DisplayName("A1 warranty towing (whole-vehicle term T-04: 36 months / 100,000 km; reading 24)")
    class A1 {
        @Test
        @DisplayName("BREAKDOWN within the term: the maker pays the non-member list price, 280.00")
        void breakdownWithinTerm() {
            Verdict v = adjudicate(assistance().newCar());
            assertAssistance(v, "280.00", "0.00", charge("CALL_OUT", MANUFACTURER, "100.00"),
                    charge("TOWING", MANUFACTURER, "180.00"));
            assertCodes(v, "WARRANTY_TOWING");
            Reason r = assertReason(v, "WARRANTY_TOWING", "A1-01", PAYER_TABLE, 6);
            assertTexts(r, "36", "100000");
            assertFact(r, "vehicle.termMonths", 36);
            assertFact(r, "vehicle.termKm", 100000);
        }

        @Test
        @DisplayName("QUALITY_DEFECT within the term: A1 too")
        void qualityDefect() {
            Verdict v = adjudicate(assistance().newCar().cause(QUALITY_DEFECT));
            assertCodes(v, "WARRANTY_TOWING");
            assertMoney("280.00", v.payableCny(), "payableCny");
        }

        @Test
        @DisplayName("the last day of the term (delivery + 36 months): A1")
        void lastDay() {
            Verdict v = adjudicate(assistance().deliveredOn("2022-06-10").occurredOn("2025-06-10").odometerKm(50_000));
            assertCodes(v, "WARRANTY_TOWING");
            assertFact(reason(v, "WARRANTY_TOWING"), "vehicle.monthsOverTerm", 0);
        }

        @Test
        @DisplayName("the day after the term: A4")
        void dayAfter() {
            assertDefaultNonMember(adjudicate(assistance().deliveredOn("2022-06-10").occurredOn("2025-06-11")
                    .odometerKm(50_000)));
        }

        @Test
        @DisplayName("month end: delivered 2022-01-31, 2025-01-31 is the last day, 2025-02-01 is out")
        void monthEnd() {
            assertCodes(adjudicate(assistance().deliveredOn("2022-01-31").occurredOn("2025-01-31").odometerKm(10)),
                    "WARRANTY_TOWING");
            assertCodes(adjudicate(assistance().deliveredOn("2022-01-31").occurredOn("2025-02-01").odometerKm(10)),
                    "NON_MEMBER_TARIFF");
        }

        @Test
        @DisplayName("100,000 km: A1")
        void lastKm() {
            Verdict v = adjudicate(assistance().newCar().odometerKm(100_000));
            assertCodes(v, "WARRANTY_TOWING");
            assertFact(reason(v, "WARRANTY_TOWING"), "vehicle.kmOverTerm", 0);
        }

        @Test
        @DisplayName("100,001 km: A4")
        void kmAfter() {
            assertDefaultNonMember(adjudicate(assistance().newCar().odometerKm(100_001)));
        }

        @ParameterizedTest
        @EnumSource(value = Cause.class, names = {"MISUSE", "NORMAL_WEAR", "IMPROPER_MAINTENANCE", "DELIBERATE",
            "FORCE_MAJEURE"})
        @DisplayName("other causes within the term are not warranty towing: A4")
        void otherCauses(Cause cause) {
            assertDefaultNonMember(adjudicate(assistance().newCar().cause(cause)));
        }

        @Test
        @DisplayName("a valid member within the term: A1 first, the maker pays the non-member price, nothing is CLUB's")
        void memberWithinTerm() {
            Verdict v = adjudicate(assistance().newCar().member("2026-01-01").towKm("30"));
            assertAssistance(v, "550.00", "0.00", charge("CALL_OUT", MANUFACTURER, "100.00"),
                    charge("TOWING", MANUFACTURER, "450.00"));
            assertCodes(v, "WARRANTY_TOWING");
        }

        @Test
        @DisplayName("outside the 5th ring, 40.5 km, tolls 65.00: maker 300 + 41 × 15 = 915.00, tolls on the customer, "
                + "no membership advice")
        void outsideRingWithTolls() {
            Verdict v = adjudicate(assistance().newCar().outsideFifthRing().towKm("40.5").highwayToll("65.00"));
            assertAssistance(v, "915.00", "65.00", charge("CALL_OUT", MANUFACTURER, "300.00"),
                    charge("TOWING", MANUFACTURER, "615.00"), charge("HIGHWAY_TOLL", CUSTOMER, "65.00"));
            assertCodes(v, "WARRANTY_TOWING");
        }

        @Test
        @DisplayName("ON_SITE within the term: the maker pays the call-out only")
        void onSite() {
            Verdict v = adjudicate(assistance().newCar().onSite());
            assertAssistance(v, "100.00", "0.00", charge("CALL_OUT", MANUFACTURER, "100.00"));
        }
    }

    // =============================================================================================
    @Nested
    @DisplayName("A2 insured rescue (readings 24, 26)")
    class A2 {
        @ParameterizedTest
        @EnumSource(value = Cause.class, names = {"COLLISION", "OVERTURN", "FALL", "FIRE", "EXPLOSION",
            "FALLING_OBJECT", "NATURAL_DISASTER", "THEFT", "SPONTANEOUS_COMBUSTION", "GLASS_BREAKAGE",
            "WATER_INGRESS"})
        @DisplayName("an insured peril with VEHICLE_DAMAGE in force: the insurer pays the non-member price (A2-01)")
        void perils(Cause cause) {
            Verdict v = adjudicate(assistance().cause(cause).withPolicy());
            assertAssistance(v, "280.00", "0.00", charge("CALL_OUT", INSURER, "100.00"),
                    charge("TOWING", INSURER, "180.00"));
            assertCodes(v, "INSURED_RESCUE");
            Reason r = assertReason(v, "INSURED_RESCUE", "A2-01", PAYER_TABLE, 7);
            assertTexts(r, "150,000.00");
        }

        @Test
        @DisplayName("SCRATCH with the scratch add-on: A2-02")
        void scratchWithAddOn() {
            Verdict v = adjudicate(assistance().cause(SCRATCH).addOns(AddOn.SCRATCH));
            assertCodes(v, "INSURED_RESCUE");
            assertReason(v, "INSURED_RESCUE", "A2-02", PAYER_TABLE, 8);
            assertMoney("280.00", v.payableCny(), "payableCny");
        }

        @Test
        @DisplayName("SCRATCH without the scratch add-on (ROAD_ASSISTANCE and WHEEL_ONLY_DAMAGE do not help): A4")
        void scratchWithoutAddOn() {
            assertDefaultNonMember(adjudicate(assistance().cause(SCRATCH)
                    .addOns(AddOn.ROAD_ASSISTANCE, AddOn.WHEEL_ONLY_DAMAGE)));
        }

        @Test
        @DisplayName("WHEEL_ONLY with the wheel add-on: A2-03")
        void wheelWithAddOn() {
            Verdict v = adjudicate(assistance().cause(WHEEL_ONLY).addOns(AddOn.WHEEL_ONLY_DAMAGE));
            assertCodes(v, "INSURED_RESCUE");
            assertReason(v, "INSURED_RESCUE", "A2-03", PAYER_TABLE, 9);
        }

        @Test
        @DisplayName("WHEEL_ONLY without the wheel add-on: A4")
        void wheelWithoutAddOn() {
            assertDefaultNonMember(adjudicate(assistance().cause(WHEEL_ONLY).addOns(AddOn.SCRATCH)));
        }

        @Test
        @DisplayName("no policy: A4")
        void noPolicy() {
            assertDefaultNonMember(adjudicate(assistance().cause(COLLISION)));
        }

        @Test
        @DisplayName("a policy without VEHICLE_DAMAGE (even with ROAD_ASSISTANCE): A4")
        void noVehicleDamage() {
            assertDefaultNonMember(adjudicate(assistance().cause(COLLISION)
                    .coverages(Coverage.THIRD_PARTY, Coverage.OCCUPANT).addOns(AddOn.ROAD_ASSISTANCE)));
        }

        @Test
        @DisplayName("policy ends on the incident day: in force, A2")
        void endsOnIncidentDay() {
            assertCodes(adjudicate(assistance().cause(COLLISION).policyPeriod("2024-06-11", "2025-06-10")),
                    "INSURED_RESCUE");
        }

        @Test
        @DisplayName("policy starts on the incident day: in force, A2")
        void startsOnIncidentDay() {
            assertCodes(adjudicate(assistance().cause(COLLISION).policyPeriod("2025-06-10", "2026-06-09")),
                    "INSURED_RESCUE");
        }

        @Test
        @DisplayName("policy starts the day after the incident: A4")
        void startsDayAfter() {
            assertDefaultNonMember(adjudicate(assistance().cause(COLLISION).policyPeriod("2025-06-11", "2026-06-10")));
        }

        @Test
        @DisplayName("policy ended the day before: A4")
        void endedDayBefore() {
            assertDefaultNonMember(adjudicate(assistance().cause(COLLISION).policyPeriod("2024-06-10", "2025-06-09")));
        }

        @Test
        @DisplayName("driver exclusions play no part (reading 26): drunk, unlicensed, unpermitted, left the scene")
        void driverExclusionsIgnored() {
            Verdict v = adjudicate(assistance().cause(COLLISION).withPolicy()
                    .driver(new Driver(false, new BigDecimal("90"), false, true)));
            assertCodes(v, "INSURED_RESCUE");
            assertMoney("280.00", v.payableCny(), "payableCny");
        }

        @Test
        @DisplayName("a not-insured cause with a policy in force: A4")
        void notAPeril() {
            assertDefaultNonMember(adjudicate(assistance().cause(Cause.MISUSE).withPolicy()));
        }

        @Test
        @DisplayName("a valid member with an insured peril: A2 first, the insurer pays the non-member price")
        void memberInsured() {
            Verdict v = adjudicate(assistance().cause(COLLISION).withPolicy().member("2026-01-01"));
            assertAssistance(v, "280.00", "0.00", charge("CALL_OUT", INSURER, "100.00"),
                    charge("TOWING", INSURER, "180.00"));
        }

        @Test
        @DisplayName("capped at the sum insured 150.00: insurer 100.00 + 50.00, the customer 130.00 of the towing")
        void capSplitsAnItem() {
            Verdict v = adjudicate(assistance().cause(COLLISION).sumInsured("150.00").highwayToll("20.00"));
            assertAssistance(v, "150.00", "150.00", charge("CALL_OUT", INSURER, "100.00"),
                    charge("TOWING", INSURER, "50.00"), charge("TOWING", CUSTOMER, "130.00"),
                    charge("HIGHWAY_TOLL", CUSTOMER, "20.00"));
            assertFact(reason(v, "INSURED_RESCUE"), "policy.sumInsuredCny", new BigDecimal("150.00"));
        }

        @Test
        @DisplayName("sum insured exactly the price, 280.00: all on the insurer")
        void capExactly() {
            Verdict v = adjudicate(assistance().cause(COLLISION).sumInsured("280.00"));
            assertAssistance(v, "280.00", "0.00", charge("CALL_OUT", INSURER, "100.00"),
                    charge("TOWING", INSURER, "180.00"));
        }

        @Test
        @DisplayName("sum insured 279.99: one fen of the towing is the customer's")
        void capOneFenBelow() {
            Verdict v = adjudicate(assistance().cause(COLLISION).sumInsured("279.99"));
            assertAssistance(v, "279.99", "0.01", charge("CALL_OUT", INSURER, "100.00"),
                    charge("TOWING", INSURER, "179.99"), charge("TOWING", CUSTOMER, "0.01"));
        }

        @Test
        @DisplayName("sum insured 50.00: the cap falls inside the call-out; the towing is all the customer's")
        void capInsideFirstItem() {
            Verdict v = adjudicate(assistance().cause(COLLISION).sumInsured("50.00"));
            assertAssistance(v, "50.00", "230.00", charge("CALL_OUT", INSURER, "50.00"),
                    charge("CALL_OUT", CUSTOMER, "50.00"), charge("TOWING", CUSTOMER, "180.00"));
        }

        @Test
        @DisplayName("A2 with a long tow outside the ring: no membership advice (only under A4)")
        void noAdviceUnderA2() {
            Verdict v = adjudicate(assistance().cause(COLLISION).withPolicy().outsideFifthRing().towKm("60"));
            assertCodes(v, "INSURED_RESCUE");
            assertMoney("1200.00", v.payableCny(), "payableCny");
        }
    }

    // =============================================================================================
    @Nested
    @DisplayName("A3 member tariff (readings 24, 25)")
    class A3 {
        @Test
        @DisplayName("membership valid until the incident day: member prices; free items listed with payer CLUB 0.00")
        void validUntilIncidentDay() {
            Verdict v = adjudicate(assistance().member("2025-06-10"));
            assertAssistance(v, "0.00", "0.00", charge("CALL_OUT", CLUB, "0.00"), charge("TOWING", CLUB, "0.00"));
            assertCodes(v, "MEMBER_TARIFF");
            Reason r = assertReason(v, "MEMBER_TARIFF", "A3-01", PAYER_TABLE, 10);
            assertTexts(r, "2025-06-10");
        }

        @Test
        @DisplayName("membership valid until the day before: non-member prices (A4)")
        void expiredDayBefore() {
            assertDefaultNonMember(adjudicate(assistance().member("2025-06-09")));
        }

        @Test
        @DisplayName("a member without membershipValidUntil pays non-member prices (reading 25)")
        void memberWithoutDate() {
            assertDefaultNonMember(adjudicate(assistance().memberWithoutDate()));
        }

        @Test
        @DisplayName("not a member, even with a future membershipValidUntil: non-member prices")
        void notAMemberWithDate() {
            assertDefaultNonMember(adjudicate(assistance().nonMember(AssistanceClaims.DEFAULT_OCCURRED_ON
                    .plusYears(1))));
        }

        @Test
        @DisplayName("tow 15 km: free for a member")
        void fifteenKm() {
            Verdict v = adjudicate(assistance().member("2025-12-31").towKm("15"));
            assertAssistance(v, "0.00", "0.00", charge("CALL_OUT", CLUB, "0.00"), charge("TOWING", CLUB, "0.00"));
        }

        @Test
        @DisplayName("tow 15.1 km: ceil(0.1) × 8 = 8.00 on the customer")
        void fifteenPointOneKm() {
            Verdict v = adjudicate(assistance().member("2025-12-31").towKm("15.1"));
            assertAssistance(v, "0.00", "8.00", charge("CALL_OUT", CLUB, "0.00"), charge("TOWING", CUSTOMER, "8.00"));
        }

        @ParameterizedTest
        @CsvSource({"16, 8.00", "16.01, 16.00", "23, 64.00", "30, 120.00", "100.5, 688.00"})
        @DisplayName("member towing beyond 15 km: ceil(towKm − 15) × 8")
        void memberTowing(String km, String towing) {
            Verdict v = adjudicate(assistance().member("2025-12-31").towKm(km));
            assertAssistance(v, "0.00", towing, charge("CALL_OUT", CLUB, "0.00"), charge("TOWING", CUSTOMER, towing));
            assertCodes(v, "MEMBER_TARIFF");
        }

        @Test
        @DisplayName("outside the 5th ring: the call-out is still free for a member")
        void outsideRing() {
            Verdict v = adjudicate(assistance().member("2025-12-31").outsideFifthRing().towKm("20"));
            assertAssistance(v, "0.00", "40.00", charge("CALL_OUT", CLUB, "0.00"), charge("TOWING", CUSTOMER, "40.00"));
        }

        @Test
        @DisplayName("ON_SITE for a member: only the free call-out, even with a towKm")
        void onSite() {
            Verdict v = adjudicate(assistance().member("2025-12-31").onSite().towKm("40"));
            assertAssistance(v, "0.00", "0.00", charge("CALL_OUT", CLUB, "0.00"));
        }

        @Test
        @DisplayName("a member's tolls are the customer's")
        void tolls() {
            Verdict v = adjudicate(assistance().member("2025-12-31").towKm("15.1").highwayToll("35.00"));
            assertAssistance(v, "0.00", "43.00", charge("CALL_OUT", CLUB, "0.00"), charge("TOWING", CUSTOMER, "8.00"),
                    charge("HIGHWAY_TOLL", CUSTOMER, "35.00"));
        }

        @Test
        @DisplayName("no membership advice for a member, however long the tow")
        void noAdviceForMember() {
            Verdict v = adjudicate(assistance().member("2025-12-31").outsideFifthRing().towKm("200"));
            assertCodes(v, "MEMBER_TARIFF");
        }
    }

    // =============================================================================================
    @Nested
    @DisplayName("A4 non-member tariff")
    class A4 {
        @Test
        @DisplayName("12.3 km: 13 × 15 = 195.00 towing")
        void startedKm() {
            Verdict v = adjudicate(assistance().towKm("12.3"));
            assertAssistance(v, "0.00", "295.00", charge("CALL_OUT", CUSTOMER, "100.00"),
                    charge("TOWING", CUSTOMER, "195.00"));
        }

        @ParameterizedTest
        @CsvSource({"1, 15.00", "0.01, 15.00", "15, 225.00", "15.1, 240.00", "22, 330.00"})
        @DisplayName("non-member towing: ceil(towKm) × 15")
        void nonMemberTowing(String km, String towing) {
            Verdict v = adjudicate(assistance().towKm(km));
            BigDecimal total = new BigDecimal(towing).add(new BigDecimal("100.00"));
            assertAssistance(v, "0.00", total.toPlainString(), charge("CALL_OUT", CUSTOMER, "100.00"),
                    charge("TOWING", CUSTOMER, towing));
        }

        @Test
        @DisplayName("TF-01 inside the 5th ring: call-out 100.00; TF-02 outside: 300.00 (480.00 > 380: advice)")
        void ring() {
            AssistanceClaims outside = assistance().outsideFifthRing();
            Verdict v = adjudicate(outside);
            assertAssistance(v, "0.00", "480.00", charge("CALL_OUT", CUSTOMER, "300.00"),
                    charge("TOWING", CUSTOMER, "180.00"));
            assertCodes(v, "NON_MEMBER_TARIFF", "MEMBERSHIP_WOULD_SAVE");
            assertEquals(List.of("T-04", "A4-01", "TF-02", "TF-03", "MS-01"), fired(outside));
            assertEquals(List.of("T-04", "A4-01", "TF-01", "TF-03"), fired(assistance()));
        }

        @Test
        @DisplayName("ON_SITE has no towing charge (reading 25), even with a towKm")
        void onSite() {
            AssistanceClaims claim = assistance().onSite().towKm("12");
            Verdict v = adjudicate(claim);
            assertAssistance(v, "0.00", "100.00", charge("CALL_OUT", CUSTOMER, "100.00"));
            assertFalse(fired(claim).contains("TF-03"));
        }

        @Test
        @DisplayName("TF-04: tolls at cost on the customer; no toll item without tolls")
        void tolls() {
            AssistanceClaims claim = assistance().highwayToll("35.50");
            Verdict v = adjudicate(claim);
            assertAssistance(v, "0.00", "315.50", charge("CALL_OUT", CUSTOMER, "100.00"),
                    charge("TOWING", CUSTOMER, "180.00"), charge("HIGHWAY_TOLL", CUSTOMER, "35.50"));
            assertTrue(fired(claim).contains("TF-04"));
            assertFalse(fired(assistance()).contains("TF-04"));
        }

        @Test
        @DisplayName("ON_SITE outside the ring with tolls: 300.00 + tolls")
        void onSiteOutsideWithTolls() {
            Verdict v = adjudicate(assistance().onSite().outsideFifthRing().highwayToll("12.00"));
            assertAssistance(v, "0.00", "312.00", charge("CALL_OUT", CUSTOMER, "300.00"),
                    charge("HIGHWAY_TOLL", CUSTOMER, "12.00"));
        }
    }

    // =============================================================================================
    @Nested
    @DisplayName("MS-01 membership advice (reading 25: A4 only, tolls left out, strictly above 380 + member price)")
    class Advice {
        @Test
        @DisplayName("23 km inside: 445.00 vs member 64.00, saving 381.00 > 380: MEMBERSHIP_WOULD_SAVE")
        void justAbove() {
            AssistanceClaims claim = assistance().towKm("23");
            Verdict v = adjudicate(claim);
            assertAssistance(v, "0.00", "445.00", charge("CALL_OUT", CUSTOMER, "100.00"),
                    charge("TOWING", CUSTOMER, "345.00"));
            assertCodes(v, "NON_MEMBER_TARIFF", "MEMBERSHIP_WOULD_SAVE");
            Reason r = assertReason(v, "MEMBERSHIP_WOULD_SAVE", "MS-01", "Advice 建议", 6);
            assertTexts(r, "381.00");
            assertFact(r, "assistance.memberSavingsCny", new BigDecimal("381.00"));
        }

        @Test
        @DisplayName("22 km inside: 430.00 vs member 56.00, saving 374.00: no advice")
        void justBelow() {
            AssistanceClaims claim = assistance().towKm("22");
            assertCodes(adjudicate(claim), "NON_MEMBER_TARIFF");
            assertFalse(fired(claim).contains("MS-01"));
        }

        @Test
        @DisplayName("outside the ring: 5 km saves 375.00 (no advice), 6 km saves 390.00 (advice)")
        void outsideRing() {
            assertCodes(adjudicate(assistance().outsideFifthRing().towKm("5")), "NON_MEMBER_TARIFF");
            Verdict v = adjudicate(assistance().outsideFifthRing().towKm("6"));
            assertCodes(v, "NON_MEMBER_TARIFF", "MEMBERSHIP_WOULD_SAVE");
            assertFact(reason(v, "MEMBERSHIP_WOULD_SAVE"), "assistance.memberSavingsCny", new BigDecimal("390.00"));
        }

        @Test
        @DisplayName("tolls are left out: 22 km with 100.00 tolls still saves only 374.00")
        void tollsLeftOut() {
            Verdict v = adjudicate(assistance().towKm("22").highwayToll("100.00"));
            assertCodes(v, "NON_MEMBER_TARIFF");
            assertMoney("530.00", v.customerPaysCny(), "customerPaysCny");
        }

        @Test
        @DisplayName("a member without a date is under A4 and gets the advice")
        void memberWithoutDate() {
            assertCodes(adjudicate(assistance().memberWithoutDate().towKm("23")), "NON_MEMBER_TARIFF",
                    "MEMBERSHIP_WOULD_SAVE");
        }

        @Test
        @DisplayName("A1 with a bill far above 380: no advice")
        void noAdviceUnderA1() {
            assertCodes(adjudicate(assistance().newCar().outsideFifthRing().towKm("60")), "WARRANTY_TOWING");
        }

        @Test
        @DisplayName("saving exactly 380.00 gives no advice, 380.01 does (call-out price edited in the workbook)")
        void exactlyAtThreshold() {
            // the shipped prices cannot save exactly 380 (100 + 15n − 8(n − 15) skips it), so an analyst edits
            // the TF-01 non-member call-out cell: 106.00 + 22 × 15 − 7 × 8 = 380.00; 106.01 gives 380.01
            Adjudicator at = Adjudicator.of(withNonMemberCallOut("106.00"));
            Verdict v = at.adjudicate(assistance().towKm("22").build());
            assertCodes(v, "NON_MEMBER_TARIFF");
            assertMoney("436.00", v.customerPaysCny(), "customerPaysCny");
            Adjudicator above = Adjudicator.of(withNonMemberCallOut("106.01"));
            Verdict w = above.adjudicate(assistance().towKm("22").build());
            assertCodes(w, "NON_MEMBER_TARIFF", "MEMBERSHIP_WOULD_SAVE");
            assertFact(reason(w, "MEMBERSHIP_WOULD_SAVE"), "assistance.memberSavingsCny", new BigDecimal("380.01"));
        }
    }

    // =============================================================================================
    @Nested
    @DisplayName("every rule id of the assistance workbook")
    class RuleIds {
        @ParameterizedTest
        @CsvSource({"A1-01, Payer 付费方, 6", "A2-01, Payer 付费方, 7", "A2-02, Payer 付费方, 8",
            "A2-03, Payer 付费方, 9", "A3-01, Payer 付费方, 10", "A4-01, Payer 付费方, 11", "TF-01, Tariff 救援价目, 6",
            "TF-02, Tariff 救援价目, 7", "TF-03, Tariff 救援价目, 8", "TF-04, Tariff 救援价目, 9",
            "MS-01, Advice 建议, 6", "T-04, Terms 保修期限, 9"})
        @DisplayName("the loaded rulebook has the row")
        void rowIsLoaded(String ruleId, String table, int row) {
            RuleRef ref = RULEBOOK.rules().stream().filter(r -> r.ruleId().equals(ruleId)).findFirst()
                    .orElseThrow(() -> new AssertionError("no rule " + ruleId));
            assertEquals(table, ref.table(), ruleId);
            assertEquals(row, ref.row(), ruleId);
        }

        @ParameterizedTest
        @ValueSource(strings = {"A1", "A2", "A3", "A4"})
        @DisplayName("exactly one payer row fires, and T-04 (the vehicle line) always")
        void onePayerRow(String which) {
            AssistanceClaims claim = switch (which) {
                case "A1" -> assistance().newCar();
                case "A2" -> assistance().cause(COLLISION).withPolicy();
                case "A3" -> assistance().member("2025-12-31");
                default -> assistance();
            };
            List<String> ids = fired(claim);
            assertEquals(1, ids.stream().filter(id -> id.matches("A[1-4]-0[1-3]")).count(), ids::toString);
            assertTrue(ids.contains("T-04"), ids::toString);
            assertTrue(ids.stream().anyMatch(id -> id.startsWith(which + "-")), ids::toString);
            assertEquals(List.of(), adjudicate(claim).lines(), "the vehicle line never appears in the verdict");
        }
    }

    // =============================================================================================

    /** The default rulebook with the TF-01 non-member call-out cell set to that amount. */
    static Rulebook withNonMemberCallOut(String amount) {
        Map<String, byte[]> workbooks = ShippedWorkbooks.all();
        workbooks.put("assistance.xlsx", WorkbookPatch.of(ShippedWorkbooks.assistance())
                .setRule("Tariff", "TF-01", "THEN charge.nonMemberFixedCny", new BigDecimal(amount)).bytes());
        return Rulebook.fromWorkbooks(workbooks);
    }
}
