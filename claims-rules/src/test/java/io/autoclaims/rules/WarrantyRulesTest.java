package io.autoclaims.rules;

import static io.autoclaims.model.Cause.BREAKDOWN;
import static io.autoclaims.model.Cause.COLLISION;
import static io.autoclaims.model.Cause.MISUSE;
import static io.autoclaims.model.Cause.NORMAL_WEAR;
import static io.autoclaims.model.Cause.QUALITY_DEFECT;
import static io.autoclaims.model.Decision.APPROVED;
import static io.autoclaims.model.Decision.DENIED;
import static io.autoclaims.model.Decision.PARTIALLY_APPROVED;
import static io.autoclaims.model.Decision.PENDING_DOCUMENTS;
import static io.autoclaims.model.Decision.REFERRED;
import static io.autoclaims.model.DocumentCode.PURCHASE_INVOICE;
import static io.autoclaims.model.DocumentCode.REPAIR_ORDER;
import static io.autoclaims.model.DocumentCode.WARRANTY_CARD;
import static io.autoclaims.model.LineRemedy.REPLACE_PART;
import static io.autoclaims.model.PartSystem.BRAKE;
import static io.autoclaims.model.PartSystem.DRIVE_MOTOR;
import static io.autoclaims.model.PartSystem.ELECTRICAL;
import static io.autoclaims.model.PartSystem.ENGINE;
import static io.autoclaims.model.PartSystem.FLUID;
import static io.autoclaims.model.PartSystem.STEERING;
import static io.autoclaims.model.PartSystem.TRACTION_BATTERY;
import static io.autoclaims.model.PartSystem.TRANSMISSION;
import static io.autoclaims.model.Remedy.NONE;
import static io.autoclaims.model.Remedy.REPAIR;
import static io.autoclaims.model.Remedy.REPLACE_ASSEMBLY;
import static io.autoclaims.model.Remedy.REPLACE_OR_REFUND;
import static io.autoclaims.model.SafetyFault.BODY_CRACKING;
import static io.autoclaims.model.SafetyFault.BRAKE_FAILURE;
import static io.autoclaims.model.SafetyFault.STEERING_FAILURE;
import static io.autoclaims.model.SafetyFault.TRACTION_BATTERY_FIRE;
import static io.autoclaims.rules.testing.Claims.repair;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.autoclaims.model.Cause;
import io.autoclaims.model.Decision;
import io.autoclaims.model.DocumentCode;
import io.autoclaims.model.Fact;
import io.autoclaims.model.Labelled;
import io.autoclaims.model.LineRemedy;
import io.autoclaims.model.LineVerdict;
import io.autoclaims.model.PartSystem;
import io.autoclaims.model.Reason;
import io.autoclaims.model.Remedy;
import io.autoclaims.model.SafetyFault;
import io.autoclaims.model.ShopTier;
import io.autoclaims.model.Verdict;
import io.autoclaims.rules.testing.Claims;
import java.math.BigDecimal;
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
 * The shipped default rulebook against section 1 of {@code default-rulebook.md} (warranty and 三包) and its
 * precise readings: every rule id, each boundary from both sides. Inputs come from {@link Claims}, whose
 * defaults are an approved repair of 1,200.00 (R2021, 136 days and 12,000 km after delivery).
 */
class WarrantyRulesTest {

    /** Loading compiles the workbooks with Drools (a few seconds): once for the whole class. */
    static final Rulebook RULEBOOK = Rulebook.loadDefault();
    static final Adjudicator ADJUDICATOR = Adjudicator.of(RULEBOOK);

    static final String PRICE = "150000.00";

    // =============================================================================================
    // helpers

    static Verdict adjudicate(Claims claim) {
        Verdict v = ADJUDICATOR.adjudicate(claim.build());
        assertNotNull(v);
        return v;
    }

    static void assertMoney(String expected, BigDecimal actual, String what) {
        assertEquals(new BigDecimal(expected), actual, what + " (value and scale 2)");
    }

    /** Decision, remedy and the three amounts of the verdict. */
    static void assertVerdict(Verdict v, Decision decision, Remedy remedy, String payable, String customerPays,
            String usageCompensation) {
        assertEquals(decision, v.decision(), () -> "decision; reasons " + v.reasonCodes());
        assertEquals(remedy, v.remedy(), () -> "remedy; reasons " + v.reasonCodes());
        assertMoney(payable, v.payableCny(), "payableCny");
        assertMoney(customerPays, v.customerPaysCny(), "customerPaysCny");
        assertMoney(usageCompensation, v.usageCompensationCny(), "usageCompensationCny");
    }

    static void assertCodes(Verdict v, String... codes) {
        assertEquals(List.of(codes), v.reasonCodes(), "reason codes in firing order");
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

    /**
     * The one reason with that code, its rule id and line; a line reason must also be repeated in the line's
     * verdict (precise reading 5), a claim reason must have no line.
     */
    static Reason assertReason(Verdict v, String code, String ruleId, String lineId) {
        Reason r = reason(v, code);
        assertEquals(ruleId, r.ruleId(), code + " ruleId");
        assertEquals(lineId, r.lineId(), code + " lineId");
        assertFalse(r.text().isBlank(), code + " text");
        assertFalse(r.textEn().isBlank(), code + " textEn");
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

    /** The reason's facts name that input with that value (numbers compared as longs). */
    static void assertFact(Reason r, String name, Object expected) {
        Object actual = r.facts().stream().filter(f -> f.name().equals(name)).map(Fact::value).findFirst()
                .orElseThrow(() -> new AssertionError(r.ruleId() + " has no fact " + name + ": " + r.facts()));
        if (expected instanceof Number n && actual instanceof Number a) {
            assertEquals(n.longValue(), a.longValue(), r.ruleId() + " fact " + name);
        } else {
            assertEquals(expected, actual, r.ruleId() + " fact " + name);
        }
    }

    static void assertNoSanbao(Verdict v) {
        assertTrue(v.reasonCodes().stream().noneMatch(c -> c.startsWith("SANBAO_")),
                () -> "no 三包 code expected: " + v.reasonCodes());
    }

    static void assertMissing(Verdict v, DocumentCode... docs) {
        assertEquals(Set.of(docs), Set.copyOf(v.missingDocuments()), "missing documents");
        assertEquals(docs.length, v.missingDocuments().size(), "missing documents without duplicates");
    }

    /** A covered ENGINE repair of 1,200.00 and nothing else. */
    static void assertPlainRepair(Verdict v) {
        assertVerdict(v, APPROVED, REPAIR, "1200.00", "0.00", "0.00");
        assertCodes(v, "COVERED_REPAIR");
        assertLine(v, "L1", true, LineRemedy.REPAIR, "1200.00");
        assertEquals(List.of(), v.missingDocuments());
    }

    // =============================================================================================

    @Test
    @DisplayName("defaults: an approved repair paying repairCostCny, with the rulebook's name, version, fingerprint")
    void defaultClaimIsApprovedRepair() {
        Verdict v = adjudicate(Claims.warranty());
        assertEquals("W-1", v.claimId());
        assertPlainRepair(v);
        Reason r = assertReason(v, "COVERED_REPAIR", "W7-01", "L1");
        assertEquals("Coverage 保修范围", r.table());
        assertEquals(11, r.row());
        assertTexts(r, "L1", "engine", "1,200.00");
    }

    // =============================================================================================
    @Nested
    @DisplayName("W1 authorized repairer")
    class W1 {
        @Test
        @DisplayName("unauthorized shop: DENIED with only UNAUTHORIZED_REPAIRER, no documents (reading 1)")
        void unauthorizedShopDenied() {
            Verdict v = adjudicate(Claims.warranty().unauthorizedShop().noDocuments());
            assertVerdict(v, DENIED, NONE, "0.00", "0.00", "0.00");
            assertCodes(v, "UNAUTHORIZED_REPAIRER");
            Reason r = assertReason(v, "UNAUTHORIZED_REPAIRER", "W1-01", null);
            assertEquals("Claim checks 索赔审核", r.table());
            assertEquals(6, r.row());
            assertTexts(r, "GARAGE-77");
            assertFact(r, "shop.authorized", false);
            assertEquals(List.of(), v.missingDocuments());
            assertLine(v, "L1", false, LineRemedy.NONE, "0.00");
            assertEquals(List.of(), line(v, "L1").reasons(), "no line rules after a claim-level denial");
        }

        @Test
        @DisplayName("unauthorized shop ends the adjudication: no line exclusions, referrals, 三包 or documents")
        void unauthorizedShopReportsNothingElse() {
            Verdict v = adjudicate(Claims.warranty().unauthorizedShop().noDocuments().noPrice()
                    .occurredDaysAfterStart(3).odometerKm(100)
                    .line(l -> l.notRepairable().mainPart().priorRepairAtUnauthorizedShop())
                    .addLine("L2", l -> l.system(BRAKE).cause(MISUSE)));
            assertVerdict(v, DENIED, NONE, "0.00", "0.00", "0.00");
            assertCodes(v, "UNAUTHORIZED_REPAIRER");
            assertEquals(List.of(), v.missingDocuments());
            assertLine(v, "L1", false, LineRemedy.NONE, "0.00");
            assertLine(v, "L2", false, LineRemedy.NONE, "0.00");
        }

        @ParameterizedTest
        @EnumSource(ShopTier.class)
        @DisplayName("authorized shop of any tier: not denied")
        void authorizedShopNotDenied(ShopTier tier) {
            Verdict v = adjudicate(Claims.warranty().shop("SHOP-" + tier, true, tier));
            assertPlainRepair(v);
        }
    }

    // =============================================================================================
    @Nested
    @DisplayName("W2 excluded causes")
    class W2 {
        @ParameterizedTest
        @EnumSource(value = Cause.class, names = {"MISUSE", "UNAUTHORIZED_MODIFICATION", "IMPROPER_MAINTENANCE",
                "IMPROPER_HANDLING", "FORCE_MAJEURE", "NORMAL_WEAR", "DELIBERATE"})
        @DisplayName("incident cause excluded: CAUSE_EXCLUDED, DENIED without documents (DELIBERATE: reading 16)")
        void excludedIncidentCause(Cause cause) {
            Verdict v = adjudicate(Claims.warranty().cause(cause).noDocuments());
            assertVerdict(v, DENIED, NONE, "0.00", "0.00", "0.00");
            assertCodes(v, "CAUSE_EXCLUDED");
            Reason r = assertReason(v, "CAUSE_EXCLUDED", "W2-01", "L1");
            assertEquals(6, r.row());
            assertTexts(r, "L1");
            assertTextsName(r, cause);
            assertLine(v, "L1", false, LineRemedy.NONE, "0.00");
            assertEquals(List.of(), v.missingDocuments());
        }

        @ParameterizedTest
        @EnumSource(value = Cause.class, names = {"MISUSE", "UNAUTHORIZED_MODIFICATION", "IMPROPER_MAINTENANCE",
                "IMPROPER_HANDLING", "FORCE_MAJEURE", "NORMAL_WEAR", "DELIBERATE"})
        @DisplayName("line cause excluded while the incident is a quality defect: the line's cause decides")
        void excludedLineCauseOverridesIncident(Cause cause) {
            Verdict v = adjudicate(Claims.warranty().cause(QUALITY_DEFECT).line(l -> l.cause(cause)));
            assertVerdict(v, DENIED, NONE, "0.00", "0.00", "0.00");
            assertCodes(v, "CAUSE_EXCLUDED");
            assertTextsName(assertReason(v, "CAUSE_EXCLUDED", "W2-01", "L1"), cause);
        }

        @Test
        @DisplayName("incident cause excluded but the line's own cause is a quality defect: covered")
        void coveredLineCauseOverridesExcludedIncident() {
            Verdict v = adjudicate(Claims.warranty().cause(MISUSE).line(l -> l.cause(QUALITY_DEFECT)));
            assertPlainRepair(v);
        }

        @Test
        @DisplayName("incident an accident but the line's own cause is BREAKDOWN: covered")
        void breakdownLineCauseOverridesAccidentIncident() {
            Verdict v = adjudicate(Claims.warranty().cause(COLLISION).line(l -> l.cause(BREAKDOWN)));
            assertPlainRepair(v);
        }

        @Test
        @DisplayName("DELIBERATE is CAUSE_EXCLUDED, never ACCIDENT_DAMAGE (reading 16)")
        void deliberateIsNotAnAccident() {
            Verdict v = adjudicate(Claims.warranty().cause(Cause.DELIBERATE));
            assertCodes(v, "CAUSE_EXCLUDED");
            assertFalse(reason(v, "CAUSE_EXCLUDED").textEn().toLowerCase(Locale.ROOT).contains("insurance claim"));
        }
    }

    // =============================================================================================
    @Nested
    @DisplayName("W3 accident damage")
    class W3 {
        @ParameterizedTest
        @EnumSource(value = Cause.class, names = {"COLLISION", "OVERTURN", "FALL", "FIRE", "EXPLOSION",
                "FALLING_OBJECT", "NATURAL_DISASTER", "THEFT", "SPONTANEOUS_COMBUSTION", "GLASS_BREAKAGE",
                "WATER_INGRESS", "SCRATCH", "WHEEL_ONLY"})
        @DisplayName("accident cause: ACCIDENT_DAMAGE pointing to an insurance claim")
        void accidentCause(Cause cause) {
            Verdict v = adjudicate(Claims.warranty().cause(cause).noDocuments());
            assertVerdict(v, DENIED, NONE, "0.00", "0.00", "0.00");
            assertCodes(v, "ACCIDENT_DAMAGE");
            Reason r = assertReason(v, "ACCIDENT_DAMAGE", "W3-01", "L1");
            assertEquals(7, r.row());
            assertTextsName(r, cause);
            assertTrue(r.text().contains("保险"), r.text());
            assertTrue(r.textEn().toLowerCase(Locale.ROOT).contains("insurance"), r.textEn());
            assertEquals(List.of(), v.missingDocuments());
        }

        @Test
        @DisplayName("line cause COLLISION on a quality-defect incident: that line is accident damage")
        void accidentLineCause() {
            Verdict v = adjudicate(Claims.warranty().addLine("L2", l -> l.system(PartSystem.BODY).cause(COLLISION)));
            assertVerdict(v, PARTIALLY_APPROVED, REPAIR, "1200.00", "0.00", "0.00");
            assertCodes(v, "COVERED_REPAIR", "ACCIDENT_DAMAGE");
            assertReason(v, "ACCIDENT_DAMAGE", "W3-01", "L2");
            assertLine(v, "L2", false, LineRemedy.NONE, "0.00");
        }
    }

    // =============================================================================================
    @Nested
    @DisplayName("W4 parts not covered")
    class W4 {
        @ParameterizedTest
        @EnumSource(value = PartSystem.class, names = {"FLUID", "ACCESSORY"})
        @DisplayName("FLUID and ACCESSORY lines: PART_NOT_COVERED")
        void notCoveredSystems(PartSystem system) {
            Verdict v = adjudicate(Claims.warranty().line(l -> l.system(system)).noDocuments());
            assertVerdict(v, DENIED, NONE, "0.00", "0.00", "0.00");
            assertCodes(v, "PART_NOT_COVERED");
            Reason r = assertReason(v, "PART_NOT_COVERED", "W4-01", "L1");
            assertEquals(8, r.row());
            assertTextsName(r, system);
            assertEquals(List.of(), v.missingDocuments());
        }

        @ParameterizedTest
        @EnumSource(value = PartSystem.class, names = {"ENGINE", "BRAKE", "BODY", "ELECTRICAL", "INTERIOR", "GLASS",
                "WHEEL_TYRE", "AIR_CONDITIONING", "LOW_VOLTAGE_BATTERY", "OTHER"})
        @DisplayName("other systems within their term: covered")
        void otherSystemsCovered(PartSystem system) {
            Verdict v = adjudicate(Claims.warranty().line(l -> l.system(system)));
            assertPlainRepair(v);
        }
    }

    // =============================================================================================
    @Nested
    @DisplayName("W5 warranty term")
    class W5 {
        @Test
        @DisplayName("whole vehicle: 2021-01-31 + 36 months = 2024-01-31 is covered")
        void lastDayOfTermCovered() {
            Verdict v = adjudicate(Claims.warranty().deliveredOn("2021-01-31").occurredOn("2024-01-31")
                    .odometerKm(50_000));
            assertPlainRepair(v);
        }

        @Test
        @DisplayName("whole vehicle: 2024-02-01 is expired, 37 months over a 36-month term")
        void dayAfterTermExpired() {
            Verdict v = adjudicate(Claims.warranty().deliveredOn("2021-01-31").occurredOn("2024-02-01")
                    .odometerKm(50_000).noDocuments());
            assertVerdict(v, DENIED, NONE, "0.00", "0.00", "0.00");
            assertCodes(v, "WARRANTY_EXPIRED");
            Reason r = assertReason(v, "WARRANTY_EXPIRED", "W5-01", "L1");
            assertEquals(9, r.row());
            assertTexts(r, "37", "36");
            assertFact(r, "period.monthsSinceStart", 37);
            assertFact(r, "line.termMonths", 36);
            assertEquals(List.of(), v.missingDocuments());
        }

        @Test
        @DisplayName("expiry text names the months: 38 months after delivery, term 36")
        void expiryTextNamesTheFacts() {
            Verdict v = adjudicate(Claims.warranty().deliveredOn("2021-01-31").occurredOn("2024-03-15")
                    .odometerKm(50_000));
            assertCodes(v, "WARRANTY_EXPIRED");
            assertTexts(assertReason(v, "WARRANTY_EXPIRED", "W5-01", "L1"), "38", "36");
        }

        @Test
        @DisplayName("whole vehicle: 100,000 km covered")
        void lastKmCovered() {
            assertPlainRepair(adjudicate(Claims.warranty().odometerKm(100_000)));
        }

        @Test
        @DisplayName("whole vehicle: 100,001 km expired by distance, 1 km over")
        void kmOverTermExpired() {
            Verdict v = adjudicate(Claims.warranty().odometerKm(100_001));
            assertVerdict(v, DENIED, NONE, "0.00", "0.00", "0.00");
            assertCodes(v, "WARRANTY_EXPIRED");
            Reason r = assertReason(v, "WARRANTY_EXPIRED", "W5-02", "L1");
            assertEquals(10, r.row());
            assertTexts(r, "100001", "100000");
            assertFact(r, "vehicle.odometerKm", 100_001);
            assertFact(r, "line.termKm", 100_000);
        }

        @Test
        @DisplayName("expired by time and distance: one reason, the time limit (first row)")
        void expiredBothWaysOneReason() {
            Verdict v = adjudicate(Claims.warranty().deliveredOn("2019-01-10").occurredOn("2023-06-01")
                    .odometerKm(180_000));
            assertCodes(v, "WARRANTY_EXPIRED");
            assertReason(v, "WARRANTY_EXPIRED", "W5-01", "L1");
        }

        @ParameterizedTest(name = "{0}: delivered {1}, {2} covered, {3} expired ({4} months)")
        @CsvSource({
                "ENGINE,              2021-01-31, 2024-01-31, 2024-02-01, 36",
                "OTHER,               2020-02-29, 2023-02-28, 2023-03-01, 36",
                "TRACTION_BATTERY,    2016-05-31, 2024-05-31, 2024-06-01, 96",
                "DRIVE_MOTOR,         2016-05-31, 2024-05-31, 2024-06-01, 96",
                "WEAR_PART,           2023-11-30, 2024-02-29, 2024-03-01, 3",
                "WEAR_PART,           2022-11-30, 2023-02-28, 2023-03-01, 3",
                "WEAR_PART,           2023-01-31, 2023-04-30, 2023-05-01, 3",
                "LOW_VOLTAGE_BATTERY, 2023-02-28, 2024-02-28, 2024-02-29, 12",
                "LOW_VOLTAGE_BATTERY, 2023-01-31, 2024-01-31, 2024-02-01, 12",
        })
        @DisplayName("terms by time: the last day of the term is covered, the next day is not (month ends)")
        void termByTime(PartSystem system, String delivered, String lastDay, String firstExpiredDay, int months) {
            Claims covered = Claims.warranty().deliveredOn(delivered).occurredOn(lastDay).odometerKm(1_000)
                    .line(l -> l.system(system));
            assertPlainRepair(adjudicate(covered));

            Verdict expired = adjudicate(Claims.warranty().deliveredOn(delivered).occurredOn(firstExpiredDay)
                    .odometerKm(1_000).line(l -> l.system(system)));
            assertVerdict(expired, DENIED, NONE, "0.00", "0.00", "0.00");
            assertCodes(expired, "WARRANTY_EXPIRED");
            Reason r = assertReason(expired, "WARRANTY_EXPIRED", "W5-01", "L1");
            assertTexts(r, String.valueOf(months + 1), String.valueOf(months));
        }

        @ParameterizedTest(name = "{0}: {1} km covered, {1}+1 expired")
        @CsvSource({
                "ENGINE,              100000",
                "STEERING,            100000",
                "TRACTION_BATTERY,    150000",
                "DRIVE_MOTOR,         150000",
                "WEAR_PART,           5000",
                "LOW_VOLTAGE_BATTERY, 30000",
        })
        @DisplayName("terms by distance: the term's km are covered, one more is not")
        void termByDistance(PartSystem system, int termKm) {
            // one month after delivery: inside every term by time
            Claims base = Claims.warranty().occurredOn("2023-04-01").line(l -> l.system(system));
            assertPlainRepair(adjudicate(base.odometerKm(termKm)));

            Verdict expired = adjudicate(base.odometerKm(termKm + 1));
            assertVerdict(expired, DENIED, NONE, "0.00", "0.00", "0.00");
            assertCodes(expired, "WARRANTY_EXPIRED");
            assertTexts(assertReason(expired, "WARRANTY_EXPIRED", "W5-02", "L1"), String.valueOf(termKm + 1),
                    String.valueOf(termKm));
        }

        @Test
        @DisplayName("first hit (reading 2): excluded cause and expired reports only CAUSE_EXCLUDED")
        void excludedCauseBeatsExpiry() {
            Verdict v = adjudicate(Claims.warranty().deliveredOn("2019-01-10").occurredOn("2023-06-01")
                    .odometerKm(180_000).cause(MISUSE));
            assertCodes(v, "CAUSE_EXCLUDED");
            assertReason(v, "CAUSE_EXCLUDED", "W2-01", "L1");
        }

        @Test
        @DisplayName("first hit (reading 2): accident on a FLUID line that is expired reports only ACCIDENT_DAMAGE")
        void accidentBeatsPartAndExpiry() {
            Verdict v = adjudicate(Claims.warranty().odometerKm(180_000).cause(COLLISION).line(l -> l.system(FLUID)));
            assertCodes(v, "ACCIDENT_DAMAGE");
        }

        @Test
        @DisplayName("first hit (reading 2): excluded cause on an ACCESSORY line reports only CAUSE_EXCLUDED")
        void excludedCauseBeatsPart() {
            Verdict v = adjudicate(Claims.warranty().cause(NORMAL_WEAR).line(l -> l.system(PartSystem.ACCESSORY)));
            assertCodes(v, "CAUSE_EXCLUDED");
        }

        @Test
        @DisplayName("first hit (reading 2): an expired FLUID line reports only PART_NOT_COVERED")
        void partBeatsExpiry() {
            Verdict v = adjudicate(Claims.warranty().odometerKm(180_000).line(l -> l.system(FLUID)));
            assertCodes(v, "PART_NOT_COVERED");
        }
    }

    // =============================================================================================
    @Nested
    @DisplayName("W6 outside work")
    class W6 {
        @Test
        @DisplayName("covered line worked on outside: REFERRED, line stays covered, payable 0 (readings 3, 4)")
        void outsideWorkReferred() {
            Verdict v = adjudicate(Claims.warranty().line(l -> l.priorRepairAtUnauthorizedShop()));
            assertVerdict(v, REFERRED, REPAIR, "0.00", "0.00", "0.00");
            assertCodes(v, "COVERED_REPAIR", "OUTSIDE_WORK_INSPECTION");
            assertReason(v, "COVERED_REPAIR", "W7-01", "L1");
            Reason r = assertReason(v, "OUTSIDE_WORK_INSPECTION", "W6-01", "L1");
            assertEquals("Referrals 转人工", r.table());
            assertTexts(r, "L1", "engine");
            assertLine(v, "L1", true, LineRemedy.REPAIR, "1200.00");
            assertEquals(List.of("COVERED_REPAIR", "OUTSIDE_WORK_INSPECTION"),
                    line(v, "L1").reasons().stream().map(Reason::code).toList());
            assertEquals(List.of(), v.missingDocuments());
        }

        @Test
        @DisplayName("not worked on outside: no W6")
        void noOutsideWork() {
            assertPlainRepair(adjudicate(Claims.warranty().line(l -> l.priorRepairAtUnauthorizedShop(false))));
        }

        @Test
        @DisplayName("excluded line worked on outside: no W6")
        void excludedLineNotReferred() {
            Verdict v = adjudicate(Claims.warranty().line(l -> l.cause(MISUSE).priorRepairAtUnauthorizedShop()));
            assertVerdict(v, DENIED, NONE, "0.00", "0.00", "0.00");
            assertCodes(v, "CAUSE_EXCLUDED");
        }

        @Test
        @DisplayName("excluded L2 worked on outside next to a covered L1: PARTIALLY_APPROVED, no referral")
        void excludedSecondLineNotReferred() {
            Verdict v = adjudicate(Claims.warranty()
                    .addLine("L2", l -> l.system(FLUID).priorRepairAtUnauthorizedShop()));
            assertVerdict(v, PARTIALLY_APPROVED, REPAIR, "1200.00", "0.00", "0.00");
            assertCodes(v, "COVERED_REPAIR", "PART_NOT_COVERED");
        }

        @Test
        @DisplayName("expired line worked on outside: no W6")
        void expiredLineNotReferred() {
            Verdict v = adjudicate(Claims.warranty().odometerKm(100_001).line(l -> l.priorRepairAtUnauthorizedShop()));
            assertCodes(v, "WARRANTY_EXPIRED");
        }
    }

    // =============================================================================================
    @Nested
    @DisplayName("W7 covered lines")
    class W7 {
        @Test
        @DisplayName("repairable: REPAIR paying repairCostCny")
        void repairable() {
            Verdict v = adjudicate(Claims.warranty().line(l -> l.repairCost("18400.50")));
            assertVerdict(v, APPROVED, REPAIR, "18400.50", "0.00", "0.00");
            assertCodes(v, "COVERED_REPAIR");
            assertTexts(assertReason(v, "COVERED_REPAIR", "W7-01", "L1"), "18,400.50");
            assertLine(v, "L1", true, LineRemedy.REPAIR, "18400.50");
        }

        @Test
        @DisplayName("not repairable: REPLACE_PART paying replaceCostCny")
        void notRepairable() {
            Verdict v = adjudicate(Claims.warranty().line(l -> l.notRepairable()));
            assertVerdict(v, APPROVED, Remedy.REPLACE_PART, "5000.00", "0.00", "0.00");
            assertCodes(v, "COVERED_REPLACE");
            Reason r = assertReason(v, "COVERED_REPLACE", "W7-02", "L1");
            assertEquals(12, r.row());
            assertTexts(r, "5,000.00", "engine");
            assertLine(v, "L1", true, REPLACE_PART, "5000.00");
        }

        @Test
        @DisplayName("BREAKDOWN is covered but never gives 三包 (reading 7), even where S1, S3 and S4 would hold")
        void breakdownCoveredWithoutSanbao() {
            Verdict v = adjudicate(Claims.warranty().cause(BREAKDOWN).occurredDaysAfterStart(6).odometerKm(100)
                    .faults(BRAKE_FAILURE)
                    .line(l -> l.notRepairable().mainPart().problem("P"))
                    .addHistoryTimes(5, repair("2023-03-01").problem("P").seriousSafety()));
            assertVerdict(v, APPROVED, Remedy.REPLACE_PART, "5000.00", "0.00", "0.00");
            assertCodes(v, "COVERED_REPLACE");
            assertLine(v, "L1", true, REPLACE_PART, "5000.00");
        }

        @Test
        @DisplayName("BREAKDOWN as the line's own cause on a quality-defect incident: no S1 (reading 7)")
        void breakdownLineCauseNoS1() {
            Verdict v = adjudicate(Claims.warranty().occurredDaysAfterStart(3).odometerKm(100)
                    .line(l -> l.notRepairable().cause(BREAKDOWN)));
            assertVerdict(v, APPROVED, Remedy.REPLACE_PART, "5000.00", "0.00", "0.00");
            assertCodes(v, "COVERED_REPLACE");
        }
    }

    // =============================================================================================
    @Nested
    @DisplayName("Partial approval and denial by lines")
    class Lines {
        @Test
        @DisplayName("one covered and one excluded line: PARTIALLY_APPROVED paying the covered line")
        void partial() {
            Verdict v = adjudicate(Claims.warranty().addLine("L2", l -> l.system(BRAKE).cause(MISUSE)));
            assertVerdict(v, PARTIALLY_APPROVED, REPAIR, "1200.00", "0.00", "0.00");
            assertCodes(v, "COVERED_REPAIR", "CAUSE_EXCLUDED");
            assertReason(v, "COVERED_REPAIR", "W7-01", "L1");
            assertReason(v, "CAUSE_EXCLUDED", "W2-01", "L2");
            assertLine(v, "L1", true, LineRemedy.REPAIR, "1200.00");
            assertLine(v, "L2", false, LineRemedy.NONE, "0.00");
            assertEquals(List.of(), v.missingDocuments());
        }

        @Test
        @DisplayName("two covered lines: the sum of their amounts, the stronger remedy")
        void twoCoveredLinesSum() {
            Verdict v = adjudicate(Claims.warranty()
                    .addLine("L2", l -> l.system(BRAKE).notRepairable().replaceCost("333.33")));
            assertVerdict(v, APPROVED, Remedy.REPLACE_PART, "1533.33", "0.00", "0.00");
            assertCodes(v, "COVERED_REPAIR", "COVERED_REPLACE");
            assertLine(v, "L2", true, REPLACE_PART, "333.33");
        }

        @Test
        @DisplayName("no line covered: DENIED with every line's exclusion reason and no documents (reading 1)")
        void noLineCovered() {
            Verdict v = adjudicate(Claims.warranty().noDocuments().line(l -> l.cause(MISUSE))
                    .addLine("L2", l -> l.system(FLUID))
                    .addLine("L3", l -> l.system(PartSystem.WEAR_PART)));
            assertVerdict(v, DENIED, NONE, "0.00", "0.00", "0.00");
            assertCodes(v, "CAUSE_EXCLUDED", "PART_NOT_COVERED", "WARRANTY_EXPIRED");
            assertReason(v, "CAUSE_EXCLUDED", "W2-01", "L1");
            assertReason(v, "PART_NOT_COVERED", "W4-01", "L2");
            assertReason(v, "WARRANTY_EXPIRED", "W5-01", "L3");
            for (String id : List.of("L1", "L2", "L3")) {
                assertLine(v, id, false, LineRemedy.NONE, "0.00");
            }
            assertEquals(List.of(), v.missingDocuments());
        }
    }

    // =============================================================================================
    @Nested
    @DisplayName("S1 replacement or refund within 7 days")
    class S1 {
        /** ENGINE not repairable, 7 days and 300 km after delivery on 2023-03-01, all documents. */
        Claims s1() {
            return Claims.warranty().occurredOn("2023-03-08").odometerKm(300).allDocuments()
                    .line(l -> l.notRepairable());
        }

        @Test
        @DisplayName("day 7: REPLACE_OR_REFUND, no usage compensation, refund = price")
        void day7() {
            Verdict v = adjudicate(s1());
            assertVerdict(v, APPROVED, REPLACE_OR_REFUND, PRICE, "0.00", "0.00");
            assertCodes(v, "COVERED_REPLACE", "SANBAO_7_DAY");
            Reason r = assertReason(v, "SANBAO_7_DAY", "S1-01", "L1");
            assertTexts(r, "L1", "7");
            assertTextsName(r, ENGINE);
            assertLine(v, "L1", true, REPLACE_PART, "5000.00");
            assertEquals(List.of(), v.missingDocuments());
        }

        @Test
        @DisplayName("day 0 (the delivery day): S1")
        void day0() {
            Verdict v = adjudicate(s1().occurredOn("2023-03-01"));
            assertCodes(v, "COVERED_REPLACE", "SANBAO_7_DAY");
        }

        @Test
        @DisplayName("day 8: no S1")
        void day8() {
            Verdict v = adjudicate(s1().occurredOn("2023-03-09"));
            assertVerdict(v, APPROVED, Remedy.REPLACE_PART, "5000.00", "0.00", "0.00");
            assertCodes(v, "COVERED_REPLACE");
        }

        @ParameterizedTest
        @EnumSource(value = PartSystem.class, names = {"ENGINE", "TRANSMISSION", "TRACTION_BATTERY", "DRIVE_MOTOR"})
        @DisplayName("each of the four systems: S1")
        void systems(PartSystem system) {
            Verdict v = adjudicate(s1().line(l -> l.system(system)));
            assertVerdict(v, APPROVED, REPLACE_OR_REFUND, PRICE, "0.00", "0.00");
            assertTextsName(assertReason(v, "SANBAO_7_DAY", "S1-01", "L1"), system);
        }

        @ParameterizedTest
        @EnumSource(value = PartSystem.class, names = {"STEERING", "BRAKE", "BODY", "ELECTRICAL"})
        @DisplayName("other systems: no S1")
        void otherSystems(PartSystem system) {
            Verdict v = adjudicate(s1().line(l -> l.system(system)));
            assertVerdict(v, APPROVED, Remedy.REPLACE_PART, "5000.00", "0.00", "0.00");
            assertCodes(v, "COVERED_REPLACE");
        }

        @Test
        @DisplayName("repairable line: no S1")
        void repairableNoS1() {
            Verdict v = adjudicate(s1().line(l -> l.repairable(true)));
            assertVerdict(v, APPROVED, REPAIR, "1200.00", "0.00", "0.00");
            assertCodes(v, "COVERED_REPAIR");
        }

        @Test
        @DisplayName("repairable main part on day 3: not S1 (reading 8) but S3")
        void repairableMainPartIsS3NotS1() {
            Verdict v = adjudicate(s1().line(l -> l.repairable(true).mainPart()).occurredOn("2023-03-04"));
            assertVerdict(v, APPROVED, REPLACE_ASSEMBLY, "5000.00", "0.00", "0.00");
            assertCodes(v, "COVERED_REPAIR", "SANBAO_ASSEMBLY");
        }

        @Test
        @DisplayName("R2013 vehicle (delivered 2021-12-31) on day 3: no S1")
        void r2013NoS1() {
            Verdict v = adjudicate(s1().deliveredOn("2021-12-31").occurredOn("2022-01-03"));
            assertVerdict(v, APPROVED, Remedy.REPLACE_PART, "5000.00", "0.00", "0.00");
            assertCodes(v, "COVERED_REPLACE");
        }

        @Test
        @DisplayName("R2021 vehicle (delivered 2022-01-01) on day 3: S1")
        void r2021FirstDayS1() {
            Verdict v = adjudicate(s1().deliveredOn("2022-01-01").occurredOn("2022-01-04"));
            assertVerdict(v, APPROVED, REPLACE_OR_REFUND, PRICE, "0.00", "0.00");
            assertCodes(v, "COVERED_REPLACE", "SANBAO_7_DAY");
        }

        @Test
        @DisplayName("excluded line on day 3: no S1")
        void excludedNoS1() {
            Verdict v = adjudicate(s1().line(l -> l.cause(MISUSE)));
            assertCodes(v, "CAUSE_EXCLUDED");
            assertEquals(DENIED, v.decision());
        }
    }

    // =============================================================================================
    @Nested
    @DisplayName("S2 serious safety failure within 60 days / 3,000 km")
    class S2 {
        /** BRAKE repair, brake failure, day 60 and 3,000 km after delivery on 2023-03-01, all documents. */
        Claims s2() {
            return Claims.warranty().occurredOn("2023-04-30").odometerKm(3_000).faults(BRAKE_FAILURE)
                    .allDocuments().line(l -> l.system(BRAKE).part("brake caliper"));
        }

        @Test
        @DisplayName("day 60, 3,000 km: REPLACE_OR_REFUND, no usage compensation")
        void boundary() {
            Verdict v = adjudicate(s2());
            assertVerdict(v, APPROVED, REPLACE_OR_REFUND, PRICE, "0.00", "0.00");
            assertCodes(v, "COVERED_REPAIR", "SANBAO_60_DAY_SAFETY");
            Reason r = assertReason(v, "SANBAO_60_DAY_SAFETY", "S2-01", null);
            assertEquals("Sanbao safety 三包安全", r.table());
            assertTexts(r, "60", "3000");
            assertTextsName(r, BRAKE_FAILURE);
            assertFact(r, "incident.faults", List.of("BRAKE_FAILURE"));
            assertFact(r, "period.daysSinceStart", 60);
            assertFact(r, "vehicle.odometerKm", 3_000);
            assertLine(v, "L1", true, LineRemedy.REPAIR, "1200.00");
        }

        @Test
        @DisplayName("day 61: no S2")
        void day61() {
            Verdict v = adjudicate(s2().occurredOn("2023-05-01"));
            assertVerdict(v, APPROVED, REPAIR, "1200.00", "0.00", "0.00");
            assertCodes(v, "COVERED_REPAIR");
        }

        @Test
        @DisplayName("3,001 km: no S2")
        void km3001() {
            Verdict v = adjudicate(s2().odometerKm(3_001));
            assertVerdict(v, APPROVED, REPAIR, "1200.00", "0.00", "0.00");
            assertCodes(v, "COVERED_REPAIR");
        }

        @Test
        @DisplayName("no fault: no S2")
        void noFault() {
            Verdict v = adjudicate(s2().faults());
            assertCodes(v, "COVERED_REPAIR");
        }

        @ParameterizedTest
        @EnumSource(SafetyFault.class)
        @DisplayName("every fault counts under R2021")
        void everyFaultR2021(SafetyFault fault) {
            Verdict v = adjudicate(s2().faults(fault));
            assertVerdict(v, APPROVED, REPLACE_OR_REFUND, PRICE, "0.00", "0.00");
            assertTextsName(assertReason(v, "SANBAO_60_DAY_SAFETY", "S2-01", null), fault);
        }

        @Test
        @DisplayName("traction-battery fire: counts under R2021 (delivered 2022-01-01)")
        void batteryFireR2021() {
            Verdict v = adjudicate(s2().deliveredOn("2022-01-01").occurredOn("2022-01-20").odometerKm(800)
                    .faults(TRACTION_BATTERY_FIRE).line(l -> l.system(TRACTION_BATTERY).part("battery pack")));
            assertVerdict(v, APPROVED, REPLACE_OR_REFUND, PRICE, "0.00", "0.00");
            assertCodes(v, "COVERED_REPAIR", "SANBAO_60_DAY_SAFETY");
            assertReason(v, "SANBAO_60_DAY_SAFETY", "S2-01", null);
        }

        @Test
        @DisplayName("traction-battery fire: does not count under R2013 (delivered 2021-12-31)")
        void batteryFireR2013() {
            Verdict v = adjudicate(s2().deliveredOn("2021-12-31").occurredOn("2022-01-20").odometerKm(800)
                    .faults(TRACTION_BATTERY_FIRE).line(l -> l.system(TRACTION_BATTERY).part("battery pack")));
            assertVerdict(v, APPROVED, REPAIR, "1200.00", "0.00", "0.00");
            assertCodes(v, "COVERED_REPAIR");
        }

        @Test
        @DisplayName("brake failure under R2013: S2 (row S2-02)")
        void brakeFailureR2013() {
            Verdict v = adjudicate(s2().deliveredOn("2021-12-31").occurredOn("2022-01-20").odometerKm(800));
            assertVerdict(v, APPROVED, REPLACE_OR_REFUND, PRICE, "0.00", "0.00");
            assertReason(v, "SANBAO_60_DAY_SAFETY", "S2-02", null);
        }

        @Test
        @DisplayName("incident cause BREAKDOWN: no S2 (reading 7)")
        void breakdownIncident() {
            Verdict v = adjudicate(s2().cause(BREAKDOWN));
            assertVerdict(v, APPROVED, REPAIR, "1200.00", "0.00", "0.00");
            assertCodes(v, "COVERED_REPAIR");
        }

        @Test
        @DisplayName("incident QUALITY_DEFECT with a covered BREAKDOWN line: S2 (reading 7 looks at the incident)")
        void qualityIncidentBreakdownLine() {
            Verdict v = adjudicate(s2().line(l -> l.cause(BREAKDOWN)));
            assertVerdict(v, APPROVED, REPLACE_OR_REFUND, PRICE, "0.00", "0.00");
            assertCodes(v, "COVERED_REPAIR", "SANBAO_60_DAY_SAFETY");
        }

        @Test
        @DisplayName("no covered line: DENIED, no S2 (reading 7)")
        void noCoveredLine() {
            Verdict v = adjudicate(s2().line(l -> l.cause(MISUSE)));
            assertVerdict(v, DENIED, NONE, "0.00", "0.00", "0.00");
            assertCodes(v, "CAUSE_EXCLUDED");
        }

        @Test
        @DisplayName("S2 with an excluded second line: APPROVED (reading 10), the excluded line still shown")
        void withExcludedLine() {
            Verdict v = adjudicate(s2().addLine("L2", l -> l.system(PartSystem.BODY).cause(COLLISION)));
            assertVerdict(v, APPROVED, REPLACE_OR_REFUND, PRICE, "0.00", "0.00");
            assertCodes(v, "COVERED_REPAIR", "ACCIDENT_DAMAGE", "SANBAO_60_DAY_SAFETY");
            assertLine(v, "L2", false, LineRemedy.NONE, "0.00");
            assertReason(v, "ACCIDENT_DAMAGE", "W3-01", "L2");
        }
    }

    // =============================================================================================
    @Nested
    @DisplayName("S3 assembly replacement within 60 days / 3,000 km")
    class S3 {
        /** ENGINE main part, repairable, day 60 and 3,000 km after delivery on 2023-03-01. */
        Claims s3() {
            return Claims.warranty().occurredOn("2023-04-30").odometerKm(3_000).line(l -> l.mainPart());
        }

        @Test
        @DisplayName("day 60, 3,000 km: REPLACE_ASSEMBLY, the line replaced paying replaceCostCny (reading 14)")
        void boundary() {
            Verdict v = adjudicate(s3());
            assertVerdict(v, APPROVED, REPLACE_ASSEMBLY, "5000.00", "0.00", "0.00");
            assertCodes(v, "COVERED_REPAIR", "SANBAO_ASSEMBLY");
            Reason r = assertReason(v, "SANBAO_ASSEMBLY", "S3-01", "L1");
            assertTexts(r, "L1", "60", "3000");
            assertTextsName(r, ENGINE);
            assertLine(v, "L1", true, REPLACE_PART, "5000.00");
            assertEquals(List.of(), v.missingDocuments(), "D3 is only for REPLACE_OR_REFUND");
        }

        @Test
        @DisplayName("day 61: no S3")
        void day61() {
            Verdict v = adjudicate(s3().occurredOn("2023-05-01"));
            assertPlainRepair(v);
        }

        @Test
        @DisplayName("3,001 km: no S3")
        void km3001() {
            assertPlainRepair(adjudicate(s3().odometerKm(3_001)));
        }

        @Test
        @DisplayName("not a main part: no S3")
        void notMainPart() {
            assertPlainRepair(adjudicate(s3().line(l -> l.mainPart(false))));
        }

        @Test
        @DisplayName("S3 line plus another covered line: both amounts")
        void withSecondLine() {
            Verdict v = adjudicate(s3().addLine("L2", l -> l.system(BRAKE)));
            assertVerdict(v, APPROVED, REPLACE_ASSEMBLY, "6200.00", "0.00", "0.00");
            assertLine(v, "L1", true, REPLACE_PART, "5000.00");
            assertLine(v, "L2", true, LineRemedy.REPAIR, "1200.00");
        }

        @ParameterizedTest(name = "{0}, period start {1}: S3 {2}")
        @CsvSource({
                "ENGINE,           2022-01-01, S3-01",
                "TRANSMISSION,     2022-01-01, S3-01",
                "TRACTION_BATTERY, 2022-01-01, S3-01",
                "DRIVE_MOTOR,      2022-01-01, S3-01",
                "ENGINE,           2021-12-31, S3-02",
                "TRANSMISSION,     2021-12-31, S3-02",
                "TRACTION_BATTERY, 2021-12-31, ",
                "DRIVE_MOTOR,      2021-12-31, ",
                "BRAKE,            2022-01-01, ",
        })
        @DisplayName("systems by regime: R2021 four systems, R2013 engine and transmission only")
        void systemsByRegime(PartSystem system, String delivered, String ruleId) {
            Claims c = Claims.warranty().deliveredOn(delivered).occurredDaysAfterStart(45).odometerKm(2_000)
                    .line(l -> l.system(system).mainPart());
            Verdict v = adjudicate(c);
            if (ruleId == null) {
                assertPlainRepair(v);
            } else {
                assertVerdict(v, APPROVED, REPLACE_ASSEMBLY, "5000.00", "0.00", "0.00");
                assertCodes(v, "COVERED_REPAIR", "SANBAO_ASSEMBLY");
                assertReason(v, "SANBAO_ASSEMBLY", ruleId, "L1");
                assertLine(v, "L1", true, REPLACE_PART, "5000.00");
            }
        }

        @Test
        @DisplayName("S1 and S3 together: REPLACE_OR_REFUND wins, no usage compensation")
        void s1AndS3() {
            Verdict v = adjudicate(s3().occurredOn("2023-03-05").odometerKm(200).allDocuments()
                    .line(l -> l.notRepairable()));
            assertVerdict(v, APPROVED, REPLACE_OR_REFUND, PRICE, "0.00", "0.00");
            assertCodes(v, "COVERED_REPLACE", "SANBAO_7_DAY", "SANBAO_ASSEMBLY");
            assertLine(v, "L1", true, REPLACE_PART, "5000.00");
        }
    }

    // =============================================================================================
    @Nested
    @DisplayName("S4 repeated failures within the 三包有效期")
    class S4 {
        static final String PROBLEM = "BRAKE-SOFT-PEDAL";

        /**
         * BRAKE line "brake master cylinder" with problem BRAKE-SOFT-PEDAL, 15 months and 20,000 km after delivery
         * on 2023-03-01 (R2021), all documents. With S4: compensation 150000 × 20 × 0.005 = 15,000.00.
         */
        Claims s4() {
            return Claims.warranty().occurredOn("2024-06-01").odometerKm(20_000).allDocuments()
                    .line(l -> l.system(BRAKE).part("brake master cylinder").problem(PROBLEM));
        }

        /** The same claim for an R2013 vehicle: delivered 2021-06-01, 15 months later. */
        Claims s4r2013() {
            return s4().deliveredOn("2021-06-01").occurredOn("2022-09-01");
        }

        void assertS4(Verdict v, String ruleId) {
            assertVerdict(v, APPROVED, REPLACE_OR_REFUND, "135000.00", "15000.00", "15000.00");
            assertCodes(v, "COVERED_REPAIR", "SANBAO_REPEATED_FAILURE");
            assertReason(v, "SANBAO_REPEATED_FAILURE", ruleId, "L1");
            assertLine(v, "L1", true, LineRemedy.REPAIR, "1200.00");
            assertEquals(List.of(), v.missingDocuments());
        }

        void assertNoS4(Verdict v) {
            assertVerdict(v, APPROVED, REPAIR, "1200.00", "0.00", "0.00");
            assertCodes(v, "COVERED_REPAIR");
        }

        // ---- (a) serious safety, same problem

        @Test
        @DisplayName("(a) 2 serious safety repairs of the line's problem, and it occurs again")
        void aSameProblem() {
            Verdict v = adjudicate(s4().addHistory(
                    repair("2023-08-01").system(BRAKE).problem(PROBLEM).seriousSafety(),
                    repair("2023-12-01").system(BRAKE).problem(PROBLEM).seriousSafety()));
            assertS4(v, "S4-01");
            assertTexts(reason(v, "SANBAO_REPEATED_FAILURE"), "L1", "2", PROBLEM);
        }

        @Test
        @DisplayName("(a) 2 serious safety repairs, one of them of the line's problem (reading 13(a))")
        void aOneOfThem() {
            Verdict v = adjudicate(s4().addHistory(
                    repair("2023-08-01").system(STEERING).problem("STEERING-LOCK").seriousSafety(),
                    repair("2023-12-01").system(BRAKE).problem(PROBLEM).seriousSafety()));
            assertS4(v, "S4-01");
        }

        @Test
        @DisplayName("(a) only 1 serious safety repair of the problem (the other not serious): no S4")
        void aOnlyOneSerious() {
            assertNoS4(adjudicate(s4().addHistory(
                    repair("2023-08-01").system(BRAKE).problem(PROBLEM).seriousSafety(),
                    repair("2023-12-01").system(BRAKE).problem(PROBLEM))));
        }

        @Test
        @DisplayName("(a) 2 serious safety repairs of other problems, no new fault: no S4")
        void aOtherProblems() {
            assertNoS4(adjudicate(s4().addHistory(
                    repair("2023-08-01").system(STEERING).problem("STEERING-LOCK").seriousSafety(),
                    repair("2023-12-01").system(STEERING).problem("STEERING-LOCK").seriousSafety())));
        }

        @Test
        @DisplayName("(a) a line without problem cannot trip (a)-same-problem (reading 13)")
        void aLineWithoutProblem() {
            assertNoS4(adjudicate(s4().line(l -> l.problem(null)).addHistory(
                    repair("2023-08-01").system(BRAKE).problem(PROBLEM).seriousSafety(),
                    repair("2023-12-01").system(BRAKE).problem(PROBLEM).seriousSafety())));
        }

        // ---- (a) serious safety, new fault

        @Test
        @DisplayName("(a) 2 serious safety repairs and a new serious safety failure (R2021)")
        void aNewFault() {
            Verdict v = adjudicate(s4().faults(STEERING_FAILURE).line(l -> l.problem(null)).addHistory(
                    repair("2023-08-01").system(STEERING).problem("STEERING-LOCK").seriousSafety(),
                    repair("2023-12-01").system(STEERING).problem("STEERING-LOCK").seriousSafety()));
            assertS4(v, "S4-02");
            Reason r = reason(v, "SANBAO_REPEATED_FAILURE");
            assertTexts(r, "2");
            assertTextsName(r, STEERING_FAILURE);
        }

        @Test
        @DisplayName("(a) 1 serious safety repair and a new serious safety failure: no S4")
        void aNewFaultAfterOneRepair() {
            assertNoS4(adjudicate(s4().faults(STEERING_FAILURE).addHistory(
                    repair("2023-08-01").system(STEERING).problem("STEERING-LOCK").seriousSafety(),
                    repair("2023-12-01").system(STEERING).problem("STEERING-LOCK"))));
        }

        @Test
        @DisplayName("(a) R2013: a new traction-battery fire does not count, body cracking does (S4-03)")
        void aNewFaultR2013() {
            Claims twoSerious = s4r2013().line(l -> l.problem(null)).addHistory(
                    repair("2022-01-10").system(STEERING).problem("STEERING-LOCK").seriousSafety(),
                    repair("2022-03-10").system(STEERING).problem("STEERING-LOCK").seriousSafety());
            assertNoS4(adjudicate(twoSerious.faults(TRACTION_BATTERY_FIRE)));
            Verdict v = adjudicate(twoSerious.faults(BODY_CRACKING));
            assertS4(v, "S4-03");
            assertTextsName(reason(v, "SANBAO_REPEATED_FAILURE"), BODY_CRACKING);
        }

        @Test
        @DisplayName("(a) R2021: a new traction-battery fire counts")
        void aBatteryFireR2021() {
            Verdict v = adjudicate(s4().faults(TRACTION_BATTERY_FIRE).line(l -> l.problem(null)).addHistory(
                    repair("2023-08-01").system(STEERING).problem("STEERING-LOCK").seriousSafety(),
                    repair("2023-12-01").system(STEERING).problem("STEERING-LOCK").seriousSafety()));
            assertS4(v, "S4-02");
        }

        // ---- (b) assembly replacements

        @Test
        @DisplayName("(b) the line's system (ENGINE) had its assembly replaced twice")
        void bTwoAssemblies() {
            Verdict v = adjudicate(s4().line(l -> l.system(ENGINE).part("engine")).addHistory(
                    repair("2023-08-01").system(ENGINE).problem("E1").assembly(),
                    repair("2023-12-01").system(ENGINE).problem("E2").assembly()));
            assertS4(v, "S4-04");
            assertTexts(reason(v, "SANBAO_REPEATED_FAILURE"), "2");
        }

        @Test
        @DisplayName("(b) once: no S4")
        void bOneAssembly() {
            assertNoS4(adjudicate(s4().line(l -> l.system(ENGINE).part("engine")).addHistory(
                    repair("2023-08-01").system(ENGINE).problem("E1").assembly(),
                    repair("2023-12-01").system(ENGINE).problem("E2"))));
        }

        @Test
        @DisplayName("(b) twice but in another system (TRANSMISSION for an ENGINE line): no S4")
        void bOtherSystem() {
            assertNoS4(adjudicate(s4().line(l -> l.system(ENGINE).part("engine")).addHistory(
                    repair("2023-08-01").system(TRANSMISSION).part("gearbox").problem("T1").assembly(),
                    repair("2023-12-01").system(TRANSMISSION).part("gearbox").problem("T2").assembly())));
        }

        @Test
        @DisplayName("(b) twice in BRAKE (not one of the four systems): no S4")
        void bSystemNotListed() {
            assertNoS4(adjudicate(s4().addHistory(
                    repair("2023-08-01").system(BRAKE).part("brake booster").problem("B1").assembly(),
                    repair("2023-12-01").system(BRAKE).part("brake booster").problem("B2").assembly())));
        }

        // ---- (c) same main part replaced

        @Test
        @DisplayName("(c) the same main part replaced twice (BRAKE is one of the ten systems)")
        void cSameMainPartTwice() {
            Verdict v = adjudicate(s4().addHistory(
                    repair("2023-08-01").system(BRAKE).part("brake master cylinder").problem("B1").mainPartReplaced(),
                    repair("2023-12-01").system(BRAKE).part("brake master cylinder").problem("B2")
                            .mainPartReplaced()));
            assertS4(v, "S4-05");
            assertTexts(reason(v, "SANBAO_REPEATED_FAILURE"), "brake master cylinder", "2");
        }

        @Test
        @DisplayName("(c) once: no S4")
        void cOnce() {
            assertNoS4(adjudicate(s4().addHistory(
                    repair("2023-08-01").system(BRAKE).part("brake master cylinder").problem("B1").mainPartReplaced(),
                    repair("2023-12-01").system(BRAKE).part("brake booster").problem("B2").mainPartReplaced())));
        }

        @Test
        @DisplayName("(c) replaced twice but not a main part: no S4")
        void cNotMainPart() {
            assertNoS4(adjudicate(s4().addHistory(
                    repair("2023-08-01").system(BRAKE).part("brake master cylinder").problem("B1").replaced(),
                    repair("2023-12-01").system(BRAKE).part("brake master cylinder").problem("B2").replaced())));
        }

        @Test
        @DisplayName("(c) ELECTRICAL is not one of the ten systems: no S4")
        void cSystemNotListed() {
            assertNoS4(adjudicate(s4().line(l -> l.system(ELECTRICAL).part("alternator")).addHistory(
                    repair("2023-08-01").system(ELECTRICAL).part("alternator").problem("X1").mainPartReplaced(),
                    repair("2023-12-01").system(ELECTRICAL).part("alternator").problem("X2").mainPartReplaced())));
        }

        // ---- (d) repair days

        @ParameterizedTest(name = "{0}: {1} + {2} repair days -> {3}")
        @CsvSource({
                "R2021, 16, 15, S4-06",
                "R2021, 15, 15, ",
                "R2013, 18, 18, S4-07",
                "R2013, 18, 17, ",
        })
        @DisplayName("(d) repair days: more than 30 (R2021) or 35 (R2013)")
        void dRepairDays(String regime, int first, int second, String ruleId) {
            Claims base = regime.equals("R2021") ? s4() : s4r2013();
            LocalDateHolder d = regime.equals("R2021") ? new LocalDateHolder("2023-08-01", "2023-12-01")
                    : new LocalDateHolder("2022-01-10", "2022-03-10");
            Verdict v = adjudicate(base.addHistory(
                    repair(d.first).system(ENGINE).problem("E1").repairDays(first),
                    repair(d.second).system(TRANSMISSION).problem("T1").repairDays(second)));
            if (ruleId == null) {
                assertNoS4(v);
            } else {
                assertS4(v, ruleId);
                String limit = regime.equals("R2021") ? "30" : "35";
                assertTexts(reason(v, "SANBAO_REPEATED_FAILURE"), String.valueOf(first + second), limit);
                assertFact(reason(v, "SANBAO_REPEATED_FAILURE"), "history.repairDays", first + second);
            }
        }

        @ParameterizedTest(name = "period start {0}, 33 repair days -> {1}")
        @CsvSource({"2021-12-31, ", "2022-01-01, S4-06"})
        @DisplayName("(d) regime boundary: 33 repair days are too few under R2013, enough under R2021")
        void dRegimeBoundary(String delivered, String ruleId) {
            Claims c = s4().deliveredOn(delivered).occurredDaysAfterStart(400).addHistory(
                    repair(Claims.date(delivered).plusDays(30)).problem("E1").repairDays(20),
                    repair(Claims.date(delivered).plusDays(90)).problem("E2").repairDays(13));
            Verdict v = adjudicate(c);
            if (ruleId == null) {
                assertNoS4(v);
            } else {
                assertS4(v, ruleId);
            }
        }

        // ---- (e) same problem repaired

        @ParameterizedTest(name = "{0}: same problem {1} times -> {2}")
        @CsvSource({
                "R2021, 5, S4-08",
                "R2021, 4, ",
                "R2013, 6, S4-09",
                "R2013, 5, ",
        })
        @DisplayName("(e) the same problem repaired more than 4 (R2021) or 5 (R2013) times")
        void eSameProblem(String regime, int times, String ruleId) {
            Claims base = regime.equals("R2021") ? s4() : s4r2013();
            String from = regime.equals("R2021") ? "2023-08-01" : "2022-01-10";
            Verdict v = adjudicate(base.addHistoryTimes(times, repair(from).system(BRAKE).problem(PROBLEM)));
            if (ruleId == null) {
                assertNoS4(v);
            } else {
                assertS4(v, ruleId);
                String limit = regime.equals("R2021") ? "4" : "5";
                assertTexts(reason(v, "SANBAO_REPEATED_FAILURE"), String.valueOf(times), limit, PROBLEM);
            }
        }

        @Test
        @DisplayName("(e) a line without problem cannot trip (e) (reading 13)")
        void eLineWithoutProblem() {
            assertNoS4(adjudicate(s4().line(l -> l.problem(null))
                    .addHistoryTimes(6, repair("2023-08-01").system(BRAKE).problem(PROBLEM))));
        }

        @Test
        @DisplayName("(e) other problems do not count")
        void eOtherProblem() {
            assertNoS4(adjudicate(s4().addHistoryTimes(6, repair("2023-08-01").system(BRAKE).problem("OTHER"))));
        }

        // ---- counting window and quality problems

        @Test
        @DisplayName("an entry repaired on the period start counts")
        void entryOnPeriodStartCounts() {
            Verdict v = adjudicate(s4().addHistoryTimes(5, repair("2023-03-01").system(BRAKE).problem(PROBLEM)));
            assertS4(v, "S4-08");
        }

        @Test
        @DisplayName("an entry repaired before the period start does not count (4 of 5 counted)")
        void entryBeforePeriodStartNotCounted() {
            assertNoS4(adjudicate(s4().addHistoryTimes(5, repair("2023-02-28").system(BRAKE).problem(PROBLEM))));
        }

        @Test
        @DisplayName("an entry repaired after start + 24 months does not count (4 of 5 counted)")
        void entryAfterWindowNotCounted() {
            // occurred on the last day of the 三包有效期; one entry a day later (recorded late, still history)
            Claims c = s4().occurredOn("2025-03-01")
                    .addHistoryTimes(4, repair("2024-06-01").system(BRAKE).problem(PROBLEM))
                    .addHistory(repair("2025-03-02").system(BRAKE).problem(PROBLEM));
            assertNoS4(adjudicate(c));
            Claims inWindow = s4().occurredOn("2025-03-01")
                    .addHistoryTimes(4, repair("2024-06-01").system(BRAKE).problem(PROBLEM))
                    .addHistory(repair("2025-03-01").system(BRAKE).problem(PROBLEM));
            assertS4(adjudicate(inWindow), "S4-08");
        }

        @Test
        @DisplayName("an entry with qualityProblem false does not count (4 of 5 counted)")
        void notQualityProblemNotCounted() {
            assertNoS4(adjudicate(s4()
                    .addHistoryTimes(4, repair("2023-08-01").system(BRAKE).problem(PROBLEM))
                    .addHistory(repair("2024-01-01").system(BRAKE).problem(PROBLEM).notQualityProblem())));
        }

        @Test
        @DisplayName("serious entries with qualityProblem false do not count for (a)")
        void notQualityProblemNotCountedForA() {
            assertNoS4(adjudicate(s4().addHistory(
                    repair("2023-08-01").system(BRAKE).problem(PROBLEM).seriousSafety(),
                    repair("2023-12-01").system(BRAKE).problem(PROBLEM).seriousSafety().notQualityProblem())));
        }

        @Test
        @DisplayName("repair days of entries with qualityProblem false do not count for (d)")
        void notQualityProblemNotCountedForD() {
            assertNoS4(adjudicate(s4().addHistory(
                    repair("2023-08-01").problem("E1").repairDays(16),
                    repair("2023-12-01").problem("E2").repairDays(15).notQualityProblem())));
        }

        // ---- 三包有效期

        @Test
        @DisplayName("24 months (2025-03-01) is inside the 三包有效期; 2025-03-02 is outside: no S4")
        void periodByTime() {
            Claims c = s4().addHistoryTimes(5, repair("2023-08-01").system(BRAKE).problem(PROBLEM));
            assertS4(adjudicate(c.occurredOn("2025-03-01")), "S4-08");
            assertNoS4(adjudicate(c.occurredOn("2025-03-02")));
        }

        @Test
        @DisplayName("50,000 km is inside the 三包有效期; 50,001 km is outside: no S4")
        void periodByDistance() {
            Claims c = s4().addHistoryTimes(5, repair("2023-08-01").system(BRAKE).problem(PROBLEM));
            Verdict in = adjudicate(c.odometerKm(50_000));
            // 150000 × 50000 / 1000 × 0.005 = 37,500.00
            assertVerdict(in, APPROVED, REPLACE_OR_REFUND, "112500.00", "37500.00", "37500.00");
            assertReason(in, "SANBAO_REPEATED_FAILURE", "S4-08", "L1");
            assertNoS4(adjudicate(c.odometerKm(50_001)));
        }

        @Test
        @DisplayName("R2013 三包有效期 is also 24 months / 50,000 km")
        void periodR2013() {
            Claims c = s4r2013().addHistoryTimes(6, repair("2022-01-10").system(BRAKE).problem(PROBLEM));
            assertS4(adjudicate(c.occurredOn("2023-06-01")), "S4-09");
            assertNoS4(adjudicate(c.occurredOn("2023-06-02")));
        }

        // ---- money

        @ParameterizedTest(name = "price {0}, {1} km: compensation {2}, refund {3}")
        @CsvSource({
                "150000.00, 20000, 15000.00, 135000.00",
                "123456.78, 12345, 7620.37,  115836.41",
                "100001.00, 1000,  500.01,   99500.99",
                "99999.99,  333,   166.50,   99833.49",
                "188888.88, 18001, 17000.94, 171887.94",
                "150000.00, 0,     0.00,     150000.00",
        })
        @DisplayName("usage compensation = round(price × km / 1000 × 0.5 %, HALF_UP); refund = price − it (readings 10, 11)")
        void usageCompensation(String price, int km, String compensation, String refund) {
            Verdict v = adjudicate(s4().priceCny(price).odometerKm(km)
                    .addHistoryTimes(5, repair("2023-08-01").system(BRAKE).problem(PROBLEM)));
            assertVerdict(v, APPROVED, REPLACE_OR_REFUND, refund, compensation, compensation);
            assertEquals(new BigDecimal(price), v.payableCny().add(v.usageCompensationCny()),
                    "refund + compensation = price");
        }

        @Test
        @DisplayName("S1 with S4: no usage compensation (reading 9)")
        void s1WithS4() {
            Verdict v = adjudicate(Claims.warranty().occurredOn("2023-03-06").odometerKm(500).allDocuments()
                    .line(l -> l.notRepairable().problem("E-KNOCK"))
                    .addHistoryTimes(5, repair("2023-03-01").problem("E-KNOCK")));
            assertVerdict(v, APPROVED, REPLACE_OR_REFUND, PRICE, "0.00", "0.00");
            assertCodes(v, "COVERED_REPLACE", "SANBAO_7_DAY", "SANBAO_REPEATED_FAILURE");
            assertReason(v, "SANBAO_REPEATED_FAILURE", "S4-08", "L1");
        }

        @Test
        @DisplayName("S2 with S4: no usage compensation (reading 9)")
        void s2WithS4() {
            Verdict v = adjudicate(Claims.warranty().occurredOn("2023-04-20").odometerKm(2_500).allDocuments()
                    .faults(BRAKE_FAILURE).line(l -> l.system(BRAKE).problem(PROBLEM))
                    .addHistory(repair("2023-03-10").system(BRAKE).problem(PROBLEM).seriousSafety(),
                            repair("2023-03-25").system(BRAKE).problem(PROBLEM).seriousSafety()));
            assertVerdict(v, APPROVED, REPLACE_OR_REFUND, PRICE, "0.00", "0.00");
            assertTrue(v.reasonCodes().contains("SANBAO_60_DAY_SAFETY"), v.reasonCodes()::toString);
            assertTrue(v.reasonCodes().contains("SANBAO_REPEATED_FAILURE"), v.reasonCodes()::toString);
        }

        @Test
        @DisplayName("S3 and S4 together: the strongest remedy REPLACE_OR_REFUND wins, with compensation")
        void s3AndS4() {
            Verdict v = adjudicate(Claims.warranty().occurredOn("2023-04-20").odometerKm(2_500).allDocuments()
                    .line(l -> l.mainPart())
                    .addHistory(repair("2023-03-10").system(ENGINE).problem("E1").assembly(),
                            repair("2023-03-25").system(ENGINE).problem("E2").assembly()));
            // 150000 × 2500 / 1000 × 0.005 = 1,875.00
            assertVerdict(v, APPROVED, REPLACE_OR_REFUND, "148125.00", "1875.00", "1875.00");
            assertCodes(v, "COVERED_REPAIR", "SANBAO_ASSEMBLY", "SANBAO_REPEATED_FAILURE");
            assertReason(v, "SANBAO_ASSEMBLY", "S3-01", "L1");
            assertReason(v, "SANBAO_REPEATED_FAILURE", "S4-04", "L1");
            assertLine(v, "L1", true, REPLACE_PART, "5000.00");
        }

        @Test
        @DisplayName("S4 on a covered line next to an excluded line: APPROVED (reading 10), excluded line shown")
        void s4WithExcludedLine() {
            Verdict v = adjudicate(s4().addHistoryTimes(5, repair("2023-08-01").system(BRAKE).problem(PROBLEM))
                    .addLine("L2", l -> l.system(FLUID)));
            assertVerdict(v, APPROVED, REPLACE_OR_REFUND, "135000.00", "15000.00", "15000.00");
            assertCodes(v, "COVERED_REPAIR", "PART_NOT_COVERED", "SANBAO_REPEATED_FAILURE");
            assertLine(v, "L2", false, LineRemedy.NONE, "0.00");
        }

        @Test
        @DisplayName("S4 on an excluded line: nothing (S4 needs a covered line)")
        void s4ExcludedLine() {
            Verdict v = adjudicate(s4().line(l -> l.cause(MISUSE))
                    .addHistoryTimes(5, repair("2023-08-01").system(BRAKE).problem(PROBLEM)));
            assertCodes(v, "CAUSE_EXCLUDED");
            assertEquals(DENIED, v.decision());
        }

        /** Two dates for parameterized history. */
        record LocalDateHolder(String first, String second) {
        }
    }

    // =============================================================================================
    @Nested
    @DisplayName("COMMERCIAL vehicles (reading 12)")
    class Commercial {
        void assertCommercialOnce(Verdict v) {
            assertEquals(1, v.reasonCodes().stream().filter("COMMERCIAL_USE_NO_SANBAO"::equals).count(),
                    () -> "COMMERCIAL_USE_NO_SANBAO exactly once: " + v.reasonCodes());
            Reason r = assertReason(v, "COMMERCIAL_USE_NO_SANBAO", "SC-01", null);
            assertEquals("Sanbao scope 三包适用", r.table());
            assertNoSanbao(v);
            assertEquals(List.of(), v.missingDocuments(), "D3 does not apply");
        }

        @Test
        @DisplayName("S1 case: W7 replacement instead, COMMERCIAL_USE_NO_SANBAO once, no D3")
        void s1Case() {
            Verdict v = adjudicate(Claims.warranty().commercial().occurredOn("2023-03-05").odometerKm(300)
                    .line(l -> l.notRepairable()));
            assertVerdict(v, APPROVED, Remedy.REPLACE_PART, "5000.00", "0.00", "0.00");
            assertCodes(v, "COVERED_REPLACE", "COMMERCIAL_USE_NO_SANBAO");
            assertCommercialOnce(v);
            assertLine(v, "L1", true, REPLACE_PART, "5000.00");
        }

        @Test
        @DisplayName("S3 case: the line keeps its W7 repair and amount")
        void s3Case() {
            Verdict v = adjudicate(Claims.warranty().commercial().occurredOn("2023-04-30").odometerKm(3_000)
                    .line(l -> l.mainPart()));
            assertVerdict(v, APPROVED, REPAIR, "1200.00", "0.00", "0.00");
            assertCodes(v, "COVERED_REPAIR", "COMMERCIAL_USE_NO_SANBAO");
            assertCommercialOnce(v);
            assertLine(v, "L1", true, LineRemedy.REPAIR, "1200.00");
        }

        @Test
        @DisplayName("S2 case: no vehicle remedy")
        void s2Case() {
            Verdict v = adjudicate(Claims.warranty().commercial().occurredOn("2023-04-30").odometerKm(3_000)
                    .faults(BRAKE_FAILURE).line(l -> l.system(BRAKE)));
            assertVerdict(v, APPROVED, REPAIR, "1200.00", "0.00", "0.00");
            assertCodes(v, "COVERED_REPAIR", "COMMERCIAL_USE_NO_SANBAO");
            assertCommercialOnce(v);
        }

        @Test
        @DisplayName("S4 on two lines plus S2 and S3: still exactly one COMMERCIAL_USE_NO_SANBAO")
        void severalConditionsOneReason() {
            Verdict v = adjudicate(Claims.warranty().commercial().occurredOn("2023-04-20").odometerKm(2_500)
                    .faults(BRAKE_FAILURE)
                    .line(l -> l.mainPart().problem("P"))
                    .addLine("L2", l -> l.system(BRAKE).problem("P"))
                    .addHistoryTimes(5, repair("2023-03-02").problem("P")));
            assertVerdict(v, APPROVED, REPAIR, "2400.00", "0.00", "0.00");
            assertCodes(v, "COVERED_REPAIR", "COVERED_REPAIR", "COMMERCIAL_USE_NO_SANBAO");
            assertCommercialOnce(v);
            assertLine(v, "L1", true, LineRemedy.REPAIR, "1200.00");
            assertLine(v, "L2", true, LineRemedy.REPAIR, "1200.00");
        }

        @Test
        @DisplayName("S4 case without price: no PRICE_NEEDED either (no refund for commercial vehicles)")
        void s4CaseWithoutPrice() {
            Verdict v = adjudicate(Claims.warranty().commercial().noPrice().occurredOn("2024-06-01")
                    .odometerKm(20_000).line(l -> l.problem("P"))
                    .addHistoryTimes(5, repair("2023-08-01").problem("P")));
            assertVerdict(v, APPROVED, REPAIR, "1200.00", "0.00", "0.00");
            assertCodes(v, "COVERED_REPAIR", "COMMERCIAL_USE_NO_SANBAO");
        }

        @Test
        @DisplayName("no 三包 condition: no COMMERCIAL_USE_NO_SANBAO")
        void noCondition() {
            assertPlainRepair(adjudicate(Claims.warranty().commercial()));
        }

        @Test
        @DisplayName("BREAKDOWN where S1 would hold for a defect: no 三包 condition, no COMMERCIAL_USE_NO_SANBAO")
        void breakdownNoCondition() {
            Verdict v = adjudicate(Claims.warranty().commercial().cause(BREAKDOWN).occurredOn("2023-03-05")
                    .odometerKm(300).line(l -> l.notRepairable()));
            assertCodes(v, "COVERED_REPLACE");
        }
    }

    // =============================================================================================
    @Nested
    @DisplayName("PRICE_NEEDED")
    class PriceNeeded {
        @Test
        @DisplayName("S4 without priceCny: REFERRED, compensation 0, payable 0")
        void s4WithoutPrice() {
            Verdict v = adjudicate(Claims.warranty().noPrice().occurredOn("2024-06-01").odometerKm(20_000)
                    .allDocuments().line(l -> l.problem("P"))
                    .addHistoryTimes(5, repair("2023-08-01").problem("P")));
            assertVerdict(v, REFERRED, REPLACE_OR_REFUND, "0.00", "0.00", "0.00");
            assertCodes(v, "COVERED_REPAIR", "SANBAO_REPEATED_FAILURE", "PRICE_NEEDED");
            Reason r = assertReason(v, "PRICE_NEEDED", "P-01", null);
            assertEquals("Settlement 结算审核", r.table());
            assertLine(v, "L1", true, LineRemedy.REPAIR, "1200.00");
            assertEquals(List.of(), v.missingDocuments());
        }

        @Test
        @DisplayName("S1 without priceCny: REFERRED")
        void s1WithoutPrice() {
            Verdict v = adjudicate(Claims.warranty().noPrice().occurredOn("2023-03-05").odometerKm(300)
                    .allDocuments().line(l -> l.notRepairable()));
            assertVerdict(v, REFERRED, REPLACE_OR_REFUND, "0.00", "0.00", "0.00");
            assertCodes(v, "COVERED_REPLACE", "SANBAO_7_DAY", "PRICE_NEEDED");
        }

        @Test
        @DisplayName("no price, no vehicle remedy: not needed")
        void notNeeded() {
            assertPlainRepair(adjudicate(Claims.warranty().noPrice()));
        }

        @Test
        @DisplayName("S3 without price: not needed (REPLACE_ASSEMBLY is paid by line)")
        void notNeededForAssembly() {
            Verdict v = adjudicate(Claims.warranty().noPrice().occurredOn("2023-04-30").odometerKm(3_000)
                    .line(l -> l.mainPart()));
            assertVerdict(v, APPROVED, REPLACE_ASSEMBLY, "5000.00", "0.00", "0.00");
            assertCodes(v, "COVERED_REPAIR", "SANBAO_ASSEMBLY");
        }

        @Test
        @DisplayName("missing price and missing documents: PENDING_DOCUMENTS still lists PRICE_NEEDED (reading 6a)")
        void withMissingDocuments() {
            Verdict v = adjudicate(Claims.warranty().noPrice().occurredOn("2023-03-05").odometerKm(300)
                    .line(l -> l.notRepairable()));
            assertVerdict(v, PENDING_DOCUMENTS, REPLACE_OR_REFUND, "0.00", "0.00", "0.00");
            assertCodes(v, "COVERED_REPLACE", "SANBAO_7_DAY", "PRICE_NEEDED", "MISSING_DOCUMENTS");
            assertMissing(v, PURCHASE_INVOICE);
        }
    }

    // =============================================================================================
    @Nested
    @DisplayName("D1-D3 documents")
    class Documents {
        @Test
        @DisplayName("D1: no repair order: PENDING_DOCUMENTS, remedy and line amounts kept, payable 0")
        void d1() {
            Verdict v = adjudicate(Claims.warranty().withoutDocument(REPAIR_ORDER));
            assertVerdict(v, PENDING_DOCUMENTS, REPAIR, "0.00", "0.00", "0.00");
            assertCodes(v, "COVERED_REPAIR", "MISSING_DOCUMENTS");
            Reason r = assertReason(v, "MISSING_DOCUMENTS", "D1-01", null);
            assertEquals("Documents 单证", r.table());
            assertTrue(r.text().contains(REPAIR_ORDER.zh()), r.text());
            assertTrue(r.textEn().toLowerCase(Locale.ROOT).contains("repair order"), r.textEn());
            assertMissing(v, REPAIR_ORDER);
            assertLine(v, "L1", true, LineRemedy.REPAIR, "1200.00");
        }

        @Test
        @DisplayName("D1 applies to registered vehicles too")
        void d1Registered() {
            Verdict v = adjudicate(Claims.warranty().warrantyRegistered(true).noDocuments());
            assertVerdict(v, PENDING_DOCUMENTS, REPAIR, "0.00", "0.00", "0.00");
            assertCodes(v, "COVERED_REPAIR", "MISSING_DOCUMENTS");
            assertReason(v, "MISSING_DOCUMENTS", "D1-01", null);
            assertMissing(v, REPAIR_ORDER);
        }

        @Test
        @DisplayName("D2: no warranty card on an unregistered vehicle: PENDING_DOCUMENTS")
        void d2() {
            Verdict v = adjudicate(Claims.warranty().withoutDocument(WARRANTY_CARD));
            assertVerdict(v, PENDING_DOCUMENTS, REPAIR, "0.00", "0.00", "0.00");
            assertCodes(v, "COVERED_REPAIR", "MISSING_DOCUMENTS");
            Reason r = assertReason(v, "MISSING_DOCUMENTS", "D2-01", null);
            assertTrue(r.text().contains(WARRANTY_CARD.zh()), r.text());
            assertTrue(r.textEn().toLowerCase(Locale.ROOT).contains("warranty card"), r.textEn());
            assertMissing(v, WARRANTY_CARD);
        }

        @Test
        @DisplayName("D2: a registered vehicle needs no warranty card")
        void d2Registered() {
            assertPlainRepair(adjudicate(Claims.warranty().warrantyRegistered(true).documents(REPAIR_ORDER)));
        }

        @Test
        @DisplayName("D3: REPLACE_OR_REFUND needs the invoice and the card even when registered")
        void d3Registered() {
            Verdict v = adjudicate(Claims.warranty().warrantyRegistered(true).documents(REPAIR_ORDER)
                    .occurredOn("2024-06-01").odometerKm(20_000).line(l -> l.problem("P"))
                    .addHistoryTimes(5, repair("2023-08-01").problem("P")));
            assertVerdict(v, PENDING_DOCUMENTS, REPLACE_OR_REFUND, "0.00", "15000.00", "15000.00");
            assertCodes(v, "COVERED_REPAIR", "SANBAO_REPEATED_FAILURE", "MISSING_DOCUMENTS");
            Reason r = assertReason(v, "MISSING_DOCUMENTS", "D3-01", null);
            assertTrue(r.text().contains(PURCHASE_INVOICE.zh()) && r.text().contains(WARRANTY_CARD.zh()), r.text());
            assertMissing(v, PURCHASE_INVOICE, WARRANTY_CARD);
            assertLine(v, "L1", true, LineRemedy.REPAIR, "1200.00");
        }

        @Test
        @DisplayName("D3: with the invoice and the card, APPROVED")
        void d3Complete() {
            Verdict v = adjudicate(Claims.warranty().warrantyRegistered(true)
                    .documents(REPAIR_ORDER, PURCHASE_INVOICE, WARRANTY_CARD)
                    .occurredOn("2024-06-01").odometerKm(20_000).line(l -> l.problem("P"))
                    .addHistoryTimes(5, repair("2023-08-01").problem("P")));
            assertVerdict(v, APPROVED, REPLACE_OR_REFUND, "135000.00", "15000.00", "15000.00");
            assertEquals(List.of(), v.missingDocuments());
        }

        @Test
        @DisplayName("all missing documents listed at once (D1, D2, D3)")
        void allAtOnce() {
            Verdict v = adjudicate(Claims.warranty().noDocuments().occurredOn("2023-03-05").odometerKm(300)
                    .line(l -> l.notRepairable()));
            assertVerdict(v, PENDING_DOCUMENTS, REPLACE_OR_REFUND, "0.00", "0.00", "0.00");
            assertCodes(v, "COVERED_REPLACE", "SANBAO_7_DAY", "MISSING_DOCUMENTS", "MISSING_DOCUMENTS",
                    "MISSING_DOCUMENTS");
            assertEquals(List.of("D1-01", "D2-01", "D3-01"), v.reasons().stream()
                    .filter(r -> r.code().equals("MISSING_DOCUMENTS")).map(Reason::ruleId).toList());
            assertMissing(v, REPAIR_ORDER, WARRANTY_CARD, PURCHASE_INVOICE);
        }

        @Test
        @DisplayName("PENDING_DOCUMENTS beats REFERRED and still lists the referral (reading 6a)")
        void pendingBeatsReferred() {
            Verdict v = adjudicate(Claims.warranty().withoutDocument(REPAIR_ORDER)
                    .line(l -> l.priorRepairAtUnauthorizedShop()));
            assertVerdict(v, PENDING_DOCUMENTS, REPAIR, "0.00", "0.00", "0.00");
            assertCodes(v, "COVERED_REPAIR", "OUTSIDE_WORK_INSPECTION", "MISSING_DOCUMENTS");
            assertReason(v, "OUTSIDE_WORK_INSPECTION", "W6-01", "L1");
            assertMissing(v, REPAIR_ORDER);
        }

        @Test
        @DisplayName("W6 on a REPLACE_OR_REFUND claim: REFERRED, remedy kept, payable 0, amounts reported")
        void referredVehicleRemedy() {
            Verdict v = adjudicate(Claims.warranty().allDocuments().occurredOn("2024-06-01").odometerKm(20_000)
                    .line(l -> l.problem("P").priorRepairAtUnauthorizedShop())
                    .addHistoryTimes(5, repair("2023-08-01").problem("P")));
            assertVerdict(v, REFERRED, REPLACE_OR_REFUND, "0.00", "15000.00", "15000.00");
            assertCodes(v, "COVERED_REPAIR", "OUTSIDE_WORK_INSPECTION", "SANBAO_REPEATED_FAILURE");
        }

        @Test
        @DisplayName("a DENIED verdict lists no documents")
        void deniedListsNone() {
            Verdict v = adjudicate(Claims.warranty().noDocuments().cause(MISUSE));
            assertEquals(DENIED, v.decision());
            assertEquals(List.of(), v.missingDocuments());
            assertTrue(v.reasonCodes().stream().noneMatch("MISSING_DOCUMENTS"::equals));
        }
    }

    // =============================================================================================
    @Nested
    @DisplayName("Regime and period start")
    class PeriodStart {
        @Test
        @DisplayName("period start is deliveredOn when given: delivered 2022-01-01 (R2021) though bought 2021-12-20")
        void deliveredOnDecidesRegime() {
            Verdict v = adjudicate(Claims.warranty().purchasedOn("2021-12-20").deliveredOn("2022-01-01")
                    .occurredOn("2022-01-05").odometerKm(200).allDocuments().line(l -> l.notRepairable()));
            assertVerdict(v, APPROVED, REPLACE_OR_REFUND, PRICE, "0.00", "0.00");
            assertTexts(assertReason(v, "SANBAO_7_DAY", "S1-01", "L1"), "4");
        }

        @Test
        @DisplayName("days count from deliveredOn: 6 days after delivery, 15 after purchase: S1")
        void daysFromDelivery() {
            Verdict v = adjudicate(Claims.warranty().purchasedOn("2023-03-01").deliveredOn("2023-03-10")
                    .occurredOn("2023-03-16").odometerKm(200).allDocuments().line(l -> l.notRepairable()));
            assertCodes(v, "COVERED_REPLACE", "SANBAO_7_DAY");
            assertTexts(reason(v, "SANBAO_7_DAY"), "6");
        }

        @Test
        @DisplayName("no deliveredOn: days count from purchasedOn (15 days): no S1")
        void daysFromPurchaseWithoutDelivery() {
            Verdict v = adjudicate(Claims.warranty().purchasedOn("2023-03-01").withoutDeliveryDate()
                    .occurredOn("2023-03-16").odometerKm(200).allDocuments().line(l -> l.notRepairable()));
            assertVerdict(v, APPROVED, Remedy.REPLACE_PART, "5000.00", "0.00", "0.00");
            assertCodes(v, "COVERED_REPLACE");
        }

        @Test
        @DisplayName("no deliveredOn: purchase on 2022-01-01 is R2021: S1")
        void regimeFromPurchaseWithoutDelivery() {
            Verdict v = adjudicate(Claims.warranty().purchasedOn("2022-01-01").withoutDeliveryDate()
                    .occurredOn("2022-01-06").odometerKm(200).allDocuments().line(l -> l.notRepairable()));
            assertCodes(v, "COVERED_REPLACE", "SANBAO_7_DAY");
        }

        @Test
        @DisplayName("term counts from deliveredOn: 35 months after delivery covered, though 37 after purchase")
        void termFromDelivery() {
            assertPlainRepair(adjudicate(Claims.warranty().purchasedOn("2021-01-01").deliveredOn("2021-02-01")
                    .occurredOn("2024-01-20").odometerKm(50_000)));
            Verdict v = adjudicate(Claims.warranty().purchasedOn("2021-01-01").withoutDeliveryDate()
                    .occurredOn("2024-01-20").odometerKm(50_000));
            assertCodes(v, "WARRANTY_EXPIRED");
            assertTexts(reason(v, "WARRANTY_EXPIRED"), "37", "36");
        }

        @ParameterizedTest(name = "delivered {0}: S2 with a traction-battery fire {1}")
        @CsvSource({"2021-12-31, false", "2022-01-01, true"})
        @DisplayName("regime boundary at 2022-01-01 for S2 battery fires")
        void regimeBoundaryS2(String delivered, boolean s2) {
            Verdict v = adjudicate(Claims.warranty().deliveredOn(delivered).occurredDaysAfterStart(10)
                    .odometerKm(500).faults(TRACTION_BATTERY_FIRE).allDocuments()
                    .line(l -> l.system(TRACTION_BATTERY)));
            assertEquals(s2, v.reasonCodes().contains("SANBAO_60_DAY_SAFETY"), v.reasonCodes()::toString);
            assertEquals(s2 ? REPLACE_OR_REFUND : REPAIR, v.remedy());
        }

        @ParameterizedTest(name = "delivered {0}: S1 {1}")
        @CsvSource({"2021-12-31, false", "2022-01-01, true"})
        @DisplayName("regime boundary at 2022-01-01 for S1")
        void regimeBoundaryS1(String delivered, boolean s1) {
            Verdict v = adjudicate(Claims.warranty().deliveredOn(delivered).occurredDaysAfterStart(2)
                    .odometerKm(100).allDocuments().line(l -> l.system(DRIVE_MOTOR).notRepairable()));
            assertEquals(s1, v.reasonCodes().contains("SANBAO_7_DAY"), v.reasonCodes()::toString);
            assertEquals(s1 ? REPLACE_OR_REFUND : Remedy.REPLACE_PART, v.remedy());
        }
    }

    // =============================================================================================
    @Nested
    @DisplayName("Input errors")
    class InputErrors {
        /** Precise reading 15: a failure before the period start is an input error on incident.occurredOn. */
        @Test
        void occurredBeforePeriodStartIsAnInputError() {
            Claims c = Claims.warranty().deliveredOn("2023-03-01").occurredOn("2023-02-20").odometerKm(10)
                    .allDocuments().line(l -> l.notRepairable());
            io.autoclaims.model.InvalidClaimException e = assertThrows(
                    io.autoclaims.model.InvalidClaimException.class, () -> ADJUDICATOR.adjudicate(c.build()));
            assertEquals("INVALID_FIELD", e.error().code());
            assertEquals("incident.occurredOn", e.error().field());
        }

        @Test
        void claimsBuiltInJavaGetTheContractsChecks() {
            Claims c = Claims.warranty().line(l -> l.repairCost("-1.00"));
            io.autoclaims.model.InvalidClaimException e = assertThrows(
                    io.autoclaims.model.InvalidClaimException.class, () -> ADJUDICATOR.adjudicate(c.build()));
            assertEquals("lines[0].repairCostCny", e.error().field());
        }
    }

    // =============================================================================================
    @Nested
    @DisplayName("Rulebook identity")
    class Identity {
        @ParameterizedTest
        @ValueSource(strings = {"approved", "denied", "pending", "referred", "refund"})
        @DisplayName("every verdict repeats the rulebook name, version and a 64-hex fingerprint")
        void everyVerdictNamesTheRulebook(String kind) {
            Claims c = switch (kind) {
                case "approved" -> Claims.warranty();
                case "denied" -> Claims.warranty().unauthorizedShop();
                case "pending" -> Claims.warranty().noDocuments();
                case "referred" -> Claims.warranty().line(l -> l.priorRepairAtUnauthorizedShop());
                default -> Claims.warranty().occurredOn("2023-03-03").odometerKm(50).allDocuments()
                        .line(l -> l.notRepairable());
            };
            Verdict v = adjudicate(c.claimId("ID-" + kind));
            assertEquals("ID-" + kind, v.claimId());
            assertEquals(io.autoclaims.model.ClaimType.WARRANTY, v.type());
            assertEquals("autoclaims default rulebook", v.rulebook().name());
            assertEquals("2026.1", v.rulebook().version());
            assertTrue(v.rulebook().fingerprint().matches("[0-9a-f]{64}"), v.rulebook().fingerprint());
            assertEquals(RULEBOOK.info(), v.rulebook());
            assertEquals(RULEBOOK.fingerprint(), v.rulebook().fingerprint());
            assertEquals(List.of(), v.charges(), "warranty verdicts have no charges");
        }
    }
}
