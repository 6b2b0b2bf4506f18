package io.autoclaims.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.model.Cause;
import io.autoclaims.model.Claim;
import io.autoclaims.model.ClaimLine;
import io.autoclaims.model.ClaimType;
import io.autoclaims.model.Decision;
import io.autoclaims.model.DocumentCode;
import io.autoclaims.model.Incident;
import io.autoclaims.model.LineRemedy;
import io.autoclaims.model.LineVerdict;
import io.autoclaims.model.PartSystem;
import io.autoclaims.model.PriorRepair;
import io.autoclaims.model.Reason;
import io.autoclaims.model.Remedy;
import io.autoclaims.model.RepairShop;
import io.autoclaims.model.SafetyFault;
import io.autoclaims.model.ShopTier;
import io.autoclaims.model.Vehicle;
import io.autoclaims.model.VehicleUse;
import io.autoclaims.model.Verdict;
import io.autoclaims.rules.testing.ShippedWorkbooks;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Properties of warranty verdicts over generated valid warranty claims (dates around 2019-2026, every cause,
 * system and flag, 1-4 lines, 0-6 history entries, faults, documents): one deterministic verdict per claim,
 * the contract's decision precedence, money that adds up, and reasons that point at real workbook rows.
 */
class WarrantyProperties {

    static final Rulebook RULEBOOK = Rulebook.loadDefault();
    static final Adjudicator ADJUDICATOR = Adjudicator.of(RULEBOOK);

    /** The rows of the shipped warranty workbook, by rule id, read with POI. */
    static final Map<String, WorkbookRow> ROWS = readRows(ShippedWorkbooks.warranty());

    static final BigDecimal USAGE_RATE = new BigDecimal("0.005");
    static final Set<String> EXCLUSION_CODES =
            Set.of("CAUSE_EXCLUDED", "ACCIDENT_DAMAGE", "PART_NOT_COVERED", "WARRANTY_EXPIRED");
    static final Set<String> COVERED_CODES = Set.of("COVERED_REPAIR", "COVERED_REPLACE");
    static final Set<String> REFERRAL_CODES = Set.of("OUTSIDE_WORK_INSPECTION", "PRICE_NEEDED");

    /** One rule row as the analyst sees it. */
    record WorkbookRow(String sheet, String key, int row, boolean perLine, int step, String code) {
    }

    static Map<String, WorkbookRow> readRows(byte[] xlsx) {
        Map<String, WorkbookRow> rows = new LinkedHashMap<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : wb) {
                Row props = sheet.getRow(1);
                if (props == null || !"Table 表".equals(text(props.getCell(0)))) {
                    continue;
                }
                String key = text(props.getCell(1));
                boolean perLine = "LINE".equals(text(props.getCell(5)));
                int step = (int) props.getCell(9).getNumericCellValue();
                Row bindings = sheet.getRow(2);
                int idCol = -1;
                int codeCol = -1;
                for (Cell c : bindings) {
                    if ("ID".equals(text(c))) {
                        idCol = c.getColumnIndex();
                    } else if ("CODE".equals(text(c))) {
                        codeCol = c.getColumnIndex();
                    }
                }
                for (int r = 5; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    String id = row == null ? null : text(row.getCell(idCol));
                    if (id == null || id.isBlank()) {
                        break;
                    }
                    String code = codeCol < 0 ? null : text(row.getCell(codeCol));
                    rows.put(id, new WorkbookRow(sheet.getSheetName(), key, r + 1, perLine, step,
                            code == null || code.isBlank() ? null : code));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static String text(Cell c) {
        return c == null || c.getCellType() != CellType.STRING ? null : c.getStringCellValue().strip();
    }

    // =============================================================================================
    // generators

    static final LocalDate EARLIEST = LocalDate.of(2019, 6, 1);
    static final LocalDate LATEST = LocalDate.of(2026, 6, 30);
    static final List<String> PARTS = List.of("part-a", "part-b", "part-c");
    static final List<String> PROBLEMS = List.of("P1", "P2", "P3");

    record VehicleSpec(LocalDate start, int purchasedDaysBefore, boolean deliveryGiven, int odometerKm,
            BigDecimal price, VehicleUse use, boolean registered) {
    }

    record IncidentSpec(int daysAfterStart, Cause cause, Set<SafetyFault> faults, boolean authorized,
            ShopTier tier) {
    }

    record LineSpec(PartSystem system, String part, String problem, boolean mainPart, boolean repairable,
            BigDecimal repairCost, BigDecimal replaceCost, Cause cause, boolean prior) {
    }

    record RepairSpec(int daysAfterStart, PartSystem system, String part, String problem, boolean replaced,
            boolean mainPart, boolean assembly, boolean serious, int repairDays, boolean quality) {
    }

    static Arbitrary<BigDecimal> money(int min, int max) {
        // fen amounts, sometimes written with fewer decimals (12, 12.5) as JSON allows
        return Arbitraries.bigDecimals().between(BigDecimal.valueOf(min), BigDecimal.valueOf(max)).ofScale(2)
                .flatMap(m -> Arbitraries.of(m, fewerDecimals(m)));
    }

    /** The same amount written with as few decimals as it needs: 12.50 as 12.5, 150000.00 as 150000. */
    static BigDecimal fewerDecimals(BigDecimal m) {
        BigDecimal s = m.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    static Arbitrary<Cause> causes() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(Cause.QUALITY_DEFECT)),
                Tuple.of(2, Arbitraries.just(Cause.BREAKDOWN)),
                Tuple.of(2, Arbitraries.of(Cause.class)));
    }

    static Arbitrary<VehicleSpec> vehicles() {
        int span = (int) ChronoUnit.DAYS.between(EARLIEST, LATEST);
        Arbitrary<LocalDate> start = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.integers().between(0, span).map(EARLIEST::plusDays)),
                Tuple.of(1, Arbitraries.integers().between(-10, 10).map(d -> LocalDate.of(2022, 1, 1).plusDays(d))));
        Arbitrary<Integer> odometer = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(0, 3_500)),
                Tuple.of(1, Arbitraries.integers().between(2_990, 3_010)),
                Tuple.of(1, Arbitraries.integers().between(4_990, 5_010)),
                Tuple.of(3, Arbitraries.integers().between(0, 60_000)),
                Tuple.of(1, Arbitraries.integers().between(95_000, 155_000)));
        return Combinators.combine(
                start,
                Arbitraries.integers().between(0, 20),
                Arbitraries.of(true, true, true, false),
                odometer,
                money(60_000, 600_000).injectNull(0.1),
                Arbitraries.frequency(Tuple.of(4, VehicleUse.PRIVATE), Tuple.of(1, VehicleUse.COMMERCIAL)),
                Arbitraries.of(true, false))
                .as(VehicleSpec::new);
    }

    static Arbitrary<IncidentSpec> incidents() {
        Arbitrary<Integer> days = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(0, 10)),
                Tuple.of(3, Arbitraries.integers().between(0, 70)),
                Tuple.of(3, Arbitraries.integers().between(0, 800)),
                Tuple.of(2, Arbitraries.integers().between(0, 3_300)));
        Arbitrary<Set<SafetyFault>> faults = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(Set.<SafetyFault>of())),
                Tuple.of(2, Arbitraries.subsetOf(SafetyFault.values())));
        return Combinators.combine(days, causes(), faults,
                Arbitraries.frequency(Tuple.of(9, true), Tuple.of(1, false)), Arbitraries.of(ShopTier.class))
                .as(IncidentSpec::new);
    }

    static Arbitrary<LineSpec> lines() {
        Arbitrary<PartSystem> system = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(PartSystem.ENGINE, PartSystem.TRANSMISSION, PartSystem.TRACTION_BATTERY,
                        PartSystem.DRIVE_MOTOR)),
                Tuple.of(3, Arbitraries.of(PartSystem.class)));
        Arbitrary<Cause> cause = causes().injectNull(0.6);
        return Combinators.combine(
                system,
                Arbitraries.of(PARTS),
                Arbitraries.of(PROBLEMS).injectNull(0.3),
                Arbitraries.of(true, false),
                Arbitraries.frequency(Tuple.of(7, true), Tuple.of(3, false)),
                money(0, 30_000),
                money(0, 60_000),
                cause)
                .flatAs((s, p, pr, m, r, rc, pc, c) -> Arbitraries.frequency(Tuple.of(9, false), Tuple.of(1, true))
                        .map(prior -> new LineSpec(s, p, pr, m, r, rc, pc, c, prior)));
    }

    static Arbitrary<RepairSpec> repairs() {
        Arbitrary<PartSystem> system = Arbitraries.of(PartSystem.ENGINE, PartSystem.BRAKE, PartSystem.STEERING,
                PartSystem.TRACTION_BATTERY, PartSystem.ELECTRICAL);
        return Combinators.combine(
                Arbitraries.integers().between(-30, 800),
                system,
                Arbitraries.of(PARTS),
                Arbitraries.of(PROBLEMS),
                Arbitraries.of(true, false),
                Arbitraries.of(true, false),
                Arbitraries.of(true, false, false),
                Arbitraries.of(true, false, false))
                .flatAs((d, s, p, pr, rep, m, a, ser) -> Combinators.combine(
                                Arbitraries.integers().between(0, 15),
                                Arbitraries.frequency(Tuple.of(6, true), Tuple.of(1, false)))
                        .as((days, q) -> new RepairSpec(d, s, p, pr, rep, m, a, ser, days, q)));
    }

    static Arbitrary<Set<DocumentCode>> documents() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(Set.of(DocumentCode.REPAIR_ORDER, DocumentCode.WARRANTY_CARD,
                        DocumentCode.PURCHASE_INVOICE))),
                Tuple.of(3, Arbitraries.just(Set.of(DocumentCode.REPAIR_ORDER, DocumentCode.WARRANTY_CARD))),
                Tuple.of(2, Arbitraries.subsetOf(DocumentCode.REPAIR_ORDER, DocumentCode.WARRANTY_CARD,
                        DocumentCode.PURCHASE_INVOICE, DocumentCode.POLICY, DocumentCode.REPAIR_INVOICE)));
    }

    @Provide
    Arbitrary<Claim> claims() {
        return Combinators.combine(vehicles(), incidents(), lines().list().ofMinSize(1).ofMaxSize(4),
                repairs().list().ofMinSize(0).ofMaxSize(6), documents())
                .as(WarrantyProperties::claim);
    }

    @Provide
    Arbitrary<List<Claim>> claimLists() {
        return claims().list().ofMinSize(1).ofMaxSize(8).map(cs -> {
            List<Claim> numbered = new ArrayList<>();
            for (int i = 0; i < cs.size(); i++) {
                // claim ids may repeat in a backlog: every claim still gets its own verdict
                numbered.add(cs.get(i).withClaimId("B-" + (i % 5)));
            }
            return numbered;
        });
    }

    static Claim claim(VehicleSpec v, IncidentSpec i, List<LineSpec> ls, List<RepairSpec> rs,
            Set<DocumentCode> docs) {
        LocalDate start = v.start();
        LocalDate purchased = start.minusDays(v.deliveryGiven() ? v.purchasedDaysBefore() : 0);
        Vehicle vehicle = new Vehicle("LSVAU2180N2183344", purchased, v.deliveryGiven() ? start : null, v.odometerKm(), v.price(), v.use(), v.registered(), true);
        LocalDate occurred = start.plusDays(i.daysAfterStart());
        Incident incident = new Incident(occurred, null, null, null, i.cause(), List.copyOf(i.faults()), null, null,
                null, null);
        RepairShop shop = new RepairShop(i.authorized() ? "4S-01" : "GARAGE-01", i.authorized(), i.tier());
        List<ClaimLine> lines = new ArrayList<>();
        for (int n = 0; n < ls.size(); n++) {
            LineSpec l = ls.get(n);
            lines.add(new ClaimLine("L" + (n + 1), l.system(), l.part(), l.problem(), l.mainPart(), l.repairable(),
                    l.repairCost(), l.replaceCost(), l.cause(), l.prior()));
        }
        List<PriorRepair> history = rs.stream().map(r -> new PriorRepair(start.plusDays(r.daysAfterStart()),
                r.system(), r.part(), r.problem(), r.replaced(), r.mainPart(), r.assembly(), r.serious(),
                r.repairDays(), r.quality())).toList();
        List<DocumentCode> documents = docs.stream().sorted().toList();
        return new Claim("C-1", ClaimType.WARRANTY, occurred.plusDays(2), vehicle, incident, shop, lines, documents,
                history, null, null, null, null, null);
    }

    // =============================================================================================
    // properties

    @Property(tries = 60)
    void oneVerdictPerClaimInInputOrderEqualToOneByOne(@ForAll("claimLists") List<Claim> claims) {
        List<Verdict> all = ADJUDICATOR.adjudicateAll(claims).stream().map(Adjudication::verdictOrThrow).toList();
        assertEquals(claims.size(), all.size(), "one verdict per claim");
        for (int i = 0; i < claims.size(); i++) {
            assertEquals(claims.get(i).claimId(), all.get(i).claimId(), "verdict " + i + " in input order");
            assertEquals(ADJUDICATOR.adjudicate(claims.get(i)), all.get(i),
                    "a claim in a batch gets the verdict it gets alone: " + claims.get(i));
        }
    }

    @Property(tries = 200)
    void deterministic(@ForAll("claims") Claim claim) {
        Verdict first = ADJUDICATOR.adjudicate(claim);
        Verdict second = ADJUDICATOR.adjudicate(claim);
        assertEquals(first, second);
        assertEquals(claim.claimId(), first.claimId());
        assertEquals(ClaimType.WARRANTY, first.type());
        assertEquals(RULEBOOK.info(), first.rulebook());
        assertTrue(first.rulebook().fingerprint().matches("[0-9a-f]{64}"));
        Statistics.label("decision").collect(first.decision());
        Statistics.label("remedy").collect(first.remedy());
        for (Reason r : first.reasons()) {
            Statistics.label("rule").collect(r.ruleId());
        }
    }

    @Property(tries = 200)
    void moneyHasScale2AndAddsUp(@ForAll("claims") Claim claim) {
        Verdict v = ADJUDICATOR.adjudicate(claim);
        String ctx = context(claim, v);
        for (BigDecimal m : List.of(v.payableCny(), v.customerPaysCny(), v.usageCompensationCny())) {
            assertEquals(2, m.scale(), "scale 2: " + m + ctx);
            assertTrue(m.signum() >= 0, "not negative: " + m + ctx);
        }
        BigDecimal coveredSum = BigDecimal.ZERO;
        for (LineVerdict l : v.lines()) {
            assertEquals(2, l.payableCny().scale(), l.lineId() + " scale 2" + ctx);
            if (l.covered()) {
                coveredSum = coveredSum.add(l.payableCny());
            }
        }
        if (!v.decision().pays()) {
            assertEquals(new BigDecimal("0.00"), v.payableCny(), "payable 0 unless the decision pays" + ctx);
        } else if (v.remedy() != Remedy.REPLACE_OR_REFUND) {
            assertEquals(coveredSum.setScale(2), v.payableCny(), "payable = sum of covered lines" + ctx);
        } else {
            BigDecimal price = claim.vehicle().priceCny();
            assertNotNull(price, "a paid refund needs a price" + ctx);
            assertEquals(price.setScale(2), v.payableCny().add(v.usageCompensationCny()),
                    "refund + compensation = price (reading 11)" + ctx);
        }
        if (v.remedy() != Remedy.REPLACE_OR_REFUND) {
            assertEquals(new BigDecimal("0.00"), v.customerPaysCny(), "customer pays 0 (reading 6a)" + ctx);
            assertEquals(new BigDecimal("0.00"), v.usageCompensationCny(), "no compensation" + ctx);
        } else {
            assertEquals(v.usageCompensationCny(), v.customerPaysCny(), "customer pays the compensation" + ctx);
            BigDecimal expected;
            if (claim.vehicle().priceCny() == null
                    || v.reasonCodes().contains("SANBAO_7_DAY") || v.reasonCodes().contains("SANBAO_60_DAY_SAFETY")) {
                expected = new BigDecimal("0.00");
            } else {
                expected = claim.vehicle().priceCny().multiply(BigDecimal.valueOf(claim.vehicle().odometerKm()))
                        .multiply(USAGE_RATE).divide(BigDecimal.valueOf(1000)).setScale(2, RoundingMode.HALF_UP);
            }
            assertEquals(expected, v.usageCompensationCny(), "usage compensation (readings 9-11)" + ctx);
        }
    }

    @Property(tries = 200)
    void lineVerdictsMatchTheLines(@ForAll("claims") Claim claim) {
        Verdict v = ADJUDICATOR.adjudicate(claim);
        String ctx = context(claim, v);
        assertEquals(claim.lines().stream().map(ClaimLine::lineId).toList(),
                v.lines().stream().map(LineVerdict::lineId).toList(), "one line verdict per line, in order" + ctx);
        for (int i = 0; i < claim.lines().size(); i++) {
            ClaimLine in = claim.lines().get(i);
            LineVerdict out = v.lines().get(i);
            if (!out.covered()) {
                assertEquals(LineRemedy.NONE, out.remedy(), in.lineId() + ctx);
                assertEquals(new BigDecimal("0.00"), out.payableCny(), in.lineId() + ctx);
            } else {
                assertTrue(out.remedy() != LineRemedy.NONE, in.lineId() + ctx);
                BigDecimal quote = out.remedy() == LineRemedy.REPAIR ? in.repairCostCny() : in.replaceCostCny();
                assertEquals(quote.setScale(2), out.payableCny(), in.lineId() + " pays its remedy's quote" + ctx);
                if (!in.repairable()) {
                    assertEquals(LineRemedy.REPLACE_PART, out.remedy(), in.lineId() + " cannot be repaired" + ctx);
                }
            }
        }
    }

    @Property(tries = 200)
    void decisionPrecedence(@ForAll("claims") Claim claim) {
        Verdict v = ADJUDICATOR.adjudicate(claim);
        String ctx = context(claim, v);
        List<String> codes = v.reasonCodes();
        boolean anyCovered = v.lines().stream().anyMatch(LineVerdict::covered);
        if (!claim.repairShop().authorized()) {
            assertEquals(Decision.DENIED, v.decision(), ctx);
            assertEquals(List.of("UNAUTHORIZED_REPAIRER"), codes, "W1 alone (reading 1)" + ctx);
        }
        if (v.decision() == Decision.DENIED) {
            assertEquals(Remedy.NONE, v.remedy(), "DENIED has remedy NONE (reading 6a)" + ctx);
            assertEquals(List.of(), v.missingDocuments(), "DENIED lists no documents (reading 1)" + ctx);
            assertFalse(anyCovered, "DENIED covers no line" + ctx);
            assertTrue(codes.stream().noneMatch(c -> REFERRAL_CODES.contains(c) || c.equals("MISSING_DOCUMENTS")
                    || c.startsWith("SANBAO_") || COVERED_CODES.contains(c)), "nothing but denial grounds" + ctx);
            assertEquals(new BigDecimal("0.00"), v.customerPaysCny(), ctx);
            return;
        }
        assertTrue(claim.repairShop().authorized(), ctx);
        assertTrue(anyCovered, "not DENIED: some line is covered" + ctx);
        assertEquals(expectedMissing(claim, v.remedy()), Set.copyOf(v.missingDocuments()),
                "every missing document, at once (D1-D3)" + ctx);
        assertEquals(Set.copyOf(v.missingDocuments()).size(), v.missingDocuments().size(), "no duplicates" + ctx);
        boolean referral = codes.stream().anyMatch(REFERRAL_CODES::contains);
        boolean allCovered = v.lines().stream().allMatch(LineVerdict::covered);
        Decision expected;
        if (!v.missingDocuments().isEmpty()) {
            expected = Decision.PENDING_DOCUMENTS;
        } else if (referral) {
            expected = Decision.REFERRED;
        } else if (allCovered || v.remedy() == Remedy.REPLACE_OR_REFUND) {
            expected = Decision.APPROVED;
        } else {
            expected = Decision.PARTIALLY_APPROVED;
        }
        assertEquals(expected, v.decision(), "contract precedence" + ctx);
        assertEquals(!v.missingDocuments().isEmpty(), codes.contains("MISSING_DOCUMENTS"), ctx);
        assertEquals(v.remedy() == Remedy.REPLACE_OR_REFUND && claim.vehicle().priceCny() == null,
                codes.contains("PRICE_NEEDED"), "PRICE_NEEDED exactly when a refund has no price" + ctx);
        assertEquals(v.lines().stream().anyMatch(l -> l.covered() && claim.lines().stream()
                        .anyMatch(c -> c.lineId().equals(l.lineId()) && c.priorRepairAtUnauthorizedShop())),
                codes.contains("OUTSIDE_WORK_INSPECTION"), "W6 exactly on covered lines worked on outside" + ctx);
    }

    @Property(tries = 200)
    void remedyIsTheStrongest(@ForAll("claims") Claim claim) {
        Verdict v = ADJUDICATOR.adjudicate(claim);
        if (v.decision() == Decision.DENIED) {
            return;
        }
        String ctx = context(claim, v);
        List<String> codes = v.reasonCodes();
        Remedy expected = Remedy.NONE;
        for (LineVerdict l : v.lines()) {
            if (l.covered()) {
                expected = expected.strongest(Remedy.of(l.remedy()));
            }
        }
        if (codes.contains("SANBAO_ASSEMBLY")) {
            expected = expected.strongest(Remedy.REPLACE_ASSEMBLY);
        }
        if (codes.contains("SANBAO_7_DAY") || codes.contains("SANBAO_60_DAY_SAFETY")
                || codes.contains("SANBAO_REPEATED_FAILURE")) {
            expected = expected.strongest(Remedy.REPLACE_OR_REFUND);
        }
        assertEquals(expected, v.remedy(), "strongest remedy wins" + ctx);
        if (claim.vehicle().use() == VehicleUse.COMMERCIAL) {
            assertTrue(codes.stream().noneMatch(c -> c.startsWith("SANBAO_")), "no 三包 for COMMERCIAL" + ctx);
            assertTrue(codes.stream().filter("COMMERCIAL_USE_NO_SANBAO"::equals).count() <= 1,
                    "COMMERCIAL_USE_NO_SANBAO at most once" + ctx);
            assertTrue(v.remedy() != Remedy.REPLACE_OR_REFUND && v.remedy() != Remedy.REPLACE_ASSEMBLY, ctx);
        } else {
            assertFalse(codes.contains("COMMERCIAL_USE_NO_SANBAO"), ctx);
        }
    }

    @Property(tries = 200)
    void reasonsPointAtRealRows(@ForAll("claims") Claim claim) {
        Verdict v = ADJUDICATOR.adjudicate(claim);
        String ctx = context(claim, v);
        Set<String> lineIds = claim.lines().stream().map(ClaimLine::lineId).collect(Collectors.toSet());
        int lastStep = Integer.MIN_VALUE;
        for (Reason r : v.reasons()) {
            WorkbookRow row = ROWS.get(r.ruleId());
            assertNotNull(row, "rule id " + r.ruleId() + " is a row of the workbook" + ctx);
            assertEquals(row.sheet(), r.table(), r.ruleId() + " table" + ctx);
            assertEquals(row.row(), r.row(), r.ruleId() + " row" + ctx);
            assertEquals(row.code(), r.code(), r.ruleId() + " code" + ctx);
            assertFalse(r.text().isBlank() || r.textEn().isBlank(), r.ruleId() + " texts" + ctx);
            assertFalse(r.text().contains("{") || r.textEn().contains("{"), r.ruleId() + " placeholders filled" + ctx);
            if (row.perLine()) {
                assertTrue(lineIds.contains(r.lineId()), r.ruleId() + " carries a line id of the claim" + ctx);
            } else {
                assertNull(r.lineId(), r.ruleId() + " is a claim reason" + ctx);
            }
            assertTrue(row.step() >= lastStep, "reasons in firing order (table steps ascending)" + ctx);
            lastStep = row.step();
        }
        if (!v.reasonCodes().contains("UNAUTHORIZED_REPAIRER")) {
            for (LineVerdict l : v.lines()) {
                assertEquals(v.reasons().stream().filter(r -> l.lineId().equals(r.lineId())).toList(), l.reasons(),
                        l.lineId() + ": line reasons repeat the top-level ones (reading 5)" + ctx);
                long exclusions = l.reasons().stream().filter(r -> EXCLUSION_CODES.contains(r.code())).count();
                long covers = l.reasons().stream().filter(r -> COVERED_CODES.contains(r.code())).count();
                if (l.covered()) {
                    assertEquals(0, exclusions, ctx);
                    assertEquals(1, covers, l.lineId() + " one COVERED_* code" + ctx);
                } else {
                    assertEquals(1, exclusions, l.lineId() + " exactly one exclusion reason (reading 2)" + ctx);
                    assertEquals(0, covers, ctx);
                }
            }
        }
    }

    @Example
    void batchesLargerThanOneSessionRoundKeepOrderAndVerdicts() {
        List<Claim> claims = new ArrayList<>();
        List<Claim> sample = claims().sampleStream().limit(300).toList();
        for (int i = 0; i < sample.size(); i++) {
            claims.add(sample.get(i).withClaimId("M-" + i));
        }
        List<Verdict> all = ADJUDICATOR.adjudicateAll(claims).stream().map(Adjudication::verdictOrThrow).toList();
        assertEquals(300, all.size());
        for (int i = 0; i < claims.size(); i++) {
            assertEquals("M-" + i, all.get(i).claimId());
            assertEquals(ADJUDICATOR.adjudicate(claims.get(i)), all.get(i), "claim " + i);
        }
    }

    @Example
    void workbookRowsAreRulesOfTheLoadedRulebook() {
        assertTrue(ROWS.keySet().containsAll(List.of("W1-01", "W2-01", "W3-01", "W4-01", "W5-01", "W5-02", "W6-01",
                "W7-01", "W7-02", "S1-01", "S2-01", "S2-02", "S3-01", "S3-02", "S4-01", "S4-02", "S4-03", "S4-04",
                "S4-05", "S4-06", "S4-07", "S4-08", "S4-09", "SC-01", "P-01", "D1-01", "D2-01", "D3-01")),
                ROWS.keySet()::toString);
        String drl = RULEBOOK.toDrl();
        for (WorkbookRow row : ROWS.values()) {
            assertTrue(drl.contains("\"" + row.key() + "_" + row.row() + "\""),
                    "the loaded rulebook has rule " + row.key() + "_" + row.row());
        }
    }

    // =============================================================================================

    /** D1-D3 for a verdict that is not DENIED. */
    static Set<DocumentCode> expectedMissing(Claim claim, Remedy remedy) {
        Set<DocumentCode> required = EnumSet.of(DocumentCode.REPAIR_ORDER);
        if (!claim.vehicle().warrantyRegistered()) {
            required.add(DocumentCode.WARRANTY_CARD);
        }
        if (remedy == Remedy.REPLACE_OR_REFUND) {
            required.add(DocumentCode.PURCHASE_INVOICE);
            required.add(DocumentCode.WARRANTY_CARD);
        }
        required.removeAll(claim.documents());
        return required;
    }

    static String context(Claim claim, Verdict v) {
        return "\n  claim: " + claim + "\n  verdict: " + v.decision() + " " + v.remedy() + " payable "
                + v.payableCny() + " comp " + v.usageCompensationCny() + " codes " + v.reasonCodes()
                + " missing " + v.missingDocuments() + " lines " + v.lines().stream()
                .map(l -> l.lineId() + ":" + l.covered() + "/" + l.remedy() + "/" + l.payableCny()).toList();
    }
}
