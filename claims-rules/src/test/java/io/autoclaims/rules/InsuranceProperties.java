package io.autoclaims.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.model.AddOn;
import io.autoclaims.model.Assessment;
import io.autoclaims.model.Cause;
import io.autoclaims.model.Claim;
import io.autoclaims.model.ClaimLine;
import io.autoclaims.model.ClaimType;
import io.autoclaims.model.Coverage;
import io.autoclaims.model.Decision;
import io.autoclaims.model.DocumentCode;
import io.autoclaims.model.Driver;
import io.autoclaims.model.HandledBy;
import io.autoclaims.model.Incident;
import io.autoclaims.model.LineRemedy;
import io.autoclaims.model.LineVerdict;
import io.autoclaims.model.PartSystem;
import io.autoclaims.model.Payee;
import io.autoclaims.model.Policy;
import io.autoclaims.model.Reason;
import io.autoclaims.model.Remedy;
import io.autoclaims.model.RepairShop;
import io.autoclaims.model.ShopTier;
import io.autoclaims.model.Vehicle;
import io.autoclaims.model.Verdict;
import io.autoclaims.rules.testing.InsuranceClaims;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Properties of insurance verdicts over generated valid insurance claims (policies around the incident, every
 * cause, add-ons, drivers, deductibles, recoveries, rescue costs, assessments at the same or another shop, 1-4
 * lines with or without their own causes, report times, documents): bounded and deterministic payables, nothing
 * paid unless the decision pays, reasons that name real rows, and an independent reading of section 2 of
 * {@code default-rulebook.md} for the decision, the remedy, the documents and the money.
 */
class InsuranceProperties {

    static final Rulebook RULEBOOK = Rulebook.loadDefault();
    static final Adjudicator ADJUDICATOR = Adjudicator.of(RULEBOOK);
    static final Map<String, RuleRef> RULES = RULEBOOK.rules().stream()
            .collect(Collectors.toMap(RuleRef::ruleId, Function.identity(), (a, b) -> a));

    static final BigDecimal ZERO = new BigDecimal("0.00");
    static final BigDecimal LIMIT = new BigDecimal("100000");
    static final Set<Cause> PERILS = EnumSet.of(Cause.COLLISION, Cause.OVERTURN, Cause.FALL, Cause.FIRE,
            Cause.EXPLOSION, Cause.FALLING_OBJECT, Cause.NATURAL_DISASTER, Cause.THEFT, Cause.SPONTANEOUS_COMBUSTION,
            Cause.GLASS_BREAKAGE, Cause.WATER_INGRESS);
    static final Set<String> DENIAL_CODES = Set.of("POLICY_NOT_IN_FORCE", "COVERAGE_NOT_PURCHASED", "TIME_BARRED",
            "DRUNK_DRIVING", "UNLICENSED_DRIVER", "UNPERMITTED_DRIVER", "LEFT_SCENE", "INSPECTION_INVALID",
            "DELIBERATE_ACT", "NOT_AN_INSURED_PERIL", "ADD_ON_REQUIRED");
    static final Set<String> REFERRAL_CODES = Set.of("LATE_NOTICE", "NEW_POLICY_INCIDENT", "ABOVE_AUTHORITY_LIMIT");

    // =============================================================================================
    // generators

    static final LocalDate BASE = LocalDate.of(2025, 6, 10);

    record PolicySpec(int startOffset, int lengthDays, Set<Coverage> coverages, Set<AddOn> addOns,
            BigDecimal sumInsured, BigDecimal rate, BigDecimal deductible) {
    }

    record IncidentSpec(int dayOffset, Cause cause, HandledBy handledBy, Driver driver, BigDecimal rescue,
            BigDecimal recovery, boolean inspectionValid) {
    }

    record ReportSpec(int submitDays, int reportDays, Integer reportMinutes, int occurredMinuteOfDay,
            boolean reportedOnGiven) {
    }

    record AssessmentSpec(boolean given, boolean otherShop, BigDecimal amount, BigDecimal invoice) {
    }

    record LineSpec(PartSystem system, boolean repairable, BigDecimal repairCost, BigDecimal replaceCost,
            Cause cause) {
    }

    static Arbitrary<BigDecimal> money(String min, String max) {
        return Arbitraries.bigDecimals().between(new BigDecimal(min), new BigDecimal(max)).ofScale(2);
    }

    static Arbitrary<Cause> causes() {
        return Arbitraries.frequencyOf(
                Tuple.of(14, Arbitraries.of(PERILS)),
                Tuple.of(1, Arbitraries.of(Cause.SCRATCH, Cause.WHEEL_ONLY)),
                Tuple.of(2, Arbitraries.of(Cause.class)));
    }

    static Arbitrary<PolicySpec> policies() {
        Arbitrary<Integer> startOffset = Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.integers().between(-300, -9)),
                Tuple.of(2, Arbitraries.integers().between(-9, 1)),
                Tuple.of(1, Arbitraries.integers().between(-800, 30)));
        // mostly in force: about one claim in ten falls outside the policy period
        Arbitrary<Set<Coverage>> covers = Arbitraries.frequencyOf(
                Tuple.of(15, Arbitraries.just(Set.of(Coverage.VEHICLE_DAMAGE, Coverage.THIRD_PARTY))),
                Tuple.of(1, Arbitraries.subsetOf(Coverage.values())));
        Arbitrary<BigDecimal> sum = Arbitraries.frequencyOf(
                Tuple.of(3, money("20000", "300000")),
                Tuple.of(2, money("500", "40000")),
                Tuple.of(1, money("0", "500")));
        Arbitrary<BigDecimal> rate = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(BigDecimal.ZERO)),
                Tuple.of(3, Arbitraries.of(new BigDecimal("0.05"), new BigDecimal("0.10"), new BigDecimal("0.15"),
                        new BigDecimal("0.20"))),
                Tuple.of(2, Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("0.20")).ofScale(4)));
        Arbitrary<BigDecimal> deductible = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.just(ZERO)),
                Tuple.of(2, Arbitraries.of(new BigDecimal("500.00"), new BigDecimal("1000.00"))),
                Tuple.of(1, money("0", "30000")));
        Arbitrary<Integer> length = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.integers().between(364, 730)),
                Tuple.of(1, Arbitraries.integers().between(0, 730)));
        return Combinators.combine(startOffset, length, covers,
                Arbitraries.subsetOf(AddOn.values()), sum, rate, deductible).as(PolicySpec::new);
    }

    static Arbitrary<Driver> drivers() {
        Arbitrary<BigDecimal> bac = Arbitraries.frequencyOf(
                Tuple.of(30, Arbitraries.just(BigDecimal.ZERO)),
                Tuple.of(2, Arbitraries.bigDecimals().between(new BigDecimal("19"), new BigDecimal("21")).ofScale(1)),
                Tuple.of(1, Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("200")).ofScale(1)));
        Arbitrary<Boolean> mostlyTrue = Arbitraries.frequency(Tuple.of(40, true), Tuple.of(1, false));
        Arbitrary<Boolean> mostlyFalse = Arbitraries.frequency(Tuple.of(40, false), Tuple.of(1, true));
        return Combinators.combine(mostlyTrue, bac, mostlyTrue, mostlyFalse).as(Driver::new);
    }

    static Arbitrary<IncidentSpec> incidents() {
        Arbitrary<BigDecimal> rescue = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.just(ZERO)),
                Tuple.of(2, money("0.01", "3000")),
                Tuple.of(1, money("0", "400000")));
        Arbitrary<BigDecimal> recovery = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.just(ZERO)),
                Tuple.of(1, money("0", "60000")));
        return Combinators.combine(Arbitraries.integers().between(-30, 30), causes(),
                Arbitraries.of(HandledBy.class), drivers(), rescue, recovery,
                Arbitraries.frequency(Tuple.of(30, true), Tuple.of(1, false))).as(IncidentSpec::new);
    }

    static Arbitrary<ReportSpec> reports() {
        Arbitrary<Integer> submit = Arbitraries.frequencyOf(
                Tuple.of(15, Arbitraries.integers().between(0, 60)),
                Tuple.of(1, Arbitraries.integers().between(725, 740)));
        Arbitrary<Integer> minutes = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(0, 2 * 24 * 60)),
                Tuple.of(2, Arbitraries.integers().between(48 * 60 - 2, 48 * 60 + 2)),
                Tuple.of(1, Arbitraries.integers().between(0, 6 * 24 * 60)));
        return Combinators.combine(submit, Arbitraries.integers().between(0, 4), minutes.injectNull(0.6),
                Arbitraries.integers().between(0, 24 * 60 - 1), Arbitraries.frequency(Tuple.of(6, true),
                        Tuple.of(1, false)))
                .as(ReportSpec::new);
    }

    static Arbitrary<AssessmentSpec> assessments() {
        return Combinators.combine(Arbitraries.frequency(Tuple.of(5, true), Tuple.of(1, false)),
                Arbitraries.frequency(Tuple.of(4, false), Tuple.of(1, true)),
                money("0", "200000").injectNull(0.7), money("0", "200000").injectNull(0.5))
                .as(AssessmentSpec::new);
    }

    static Arbitrary<LineSpec> lines() {
        Arbitrary<BigDecimal> cost = Arbitraries.frequencyOf(
                Tuple.of(5, money("0", "30000")),
                Tuple.of(2, money("0", "1")),
                Tuple.of(1, money("0", "250000")));
        return Combinators.combine(Arbitraries.of(PartSystem.class),
                Arbitraries.frequency(Tuple.of(7, true), Tuple.of(3, false)), cost, cost,
                causes().injectNull(0.75)).as(LineSpec::new);
    }

    static Arbitrary<Set<DocumentCode>> documents() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(Set.copyOf(InsuranceClaims.ALL_INSURANCE_DOCUMENTS))),
                Tuple.of(2, Arbitraries.subsetOf(InsuranceClaims.ALL_INSURANCE_DOCUMENTS)));
    }

    @Provide
    Arbitrary<Claim> claims() {
        return Combinators.combine(policies(), incidents(), reports(), assessments(),
                lines().list().ofMinSize(1).ofMaxSize(4), documents(),
                Arbitraries.of(Payee.class))
                .as(InsuranceProperties::claim);
    }

    static Claim claim(PolicySpec p, IncidentSpec i, ReportSpec r, AssessmentSpec a, List<LineSpec> ls,
            Set<DocumentCode> docs, Payee payee) {
        LocalDate occurred = BASE.plusDays(i.dayOffset());
        LocalDate starts = occurred.plusDays(p.startOffset());
        Policy policy = new Policy("P-1", starts, starts.plusDays(p.lengthDays()), List.copyOf(p.coverages()),
                List.copyOf(p.addOns()), p.sumInsured(), p.rate(), p.deductible());
        LocalDateTime occurredAt = null;
        LocalDateTime reportedAt = null;
        LocalDate reportedOn = occurred.plusDays(r.reportDays());
        if (r.reportMinutes() != null) {
            occurredAt = occurred.atStartOfDay().plusMinutes(r.occurredMinuteOfDay());
            reportedAt = occurredAt.plusMinutes(r.reportMinutes());
            reportedOn = reportedAt.toLocalDate();
        }
        LocalDate submitted = occurred.plusDays(r.submitDays());
        if (submitted.isBefore(reportedOn)) {
            submitted = reportedOn;
        }
        // reportedOn absent (default submittedOn) is exercised by InsuranceRulesTest; here it is always given
        Incident incident = new Incident(occurred, occurredAt, reportedAt, reportedOn, i.cause(), List.of(),
                i.handledBy(), i.driver(), i.rescue(), i.recovery());
        Vehicle vehicle = new Vehicle("LFV2A21K8N3041234", LocalDate.of(2021, 3, 1), null, 40_000, null, null, false,
                i.inspectionValid());
        RepairShop shop = new RepairShop("4S-01", true, ShopTier.DEALER_4S);
        Assessment assessment = a.given()
                ? new Assessment(a.otherShop() ? "ASSESS-9" : "4S-01", a.amount(), a.invoice())
                : null;
        List<ClaimLine> lines = new ArrayList<>();
        for (int n = 0; n < ls.size(); n++) {
            LineSpec l = ls.get(n);
            lines.add(new ClaimLine("L" + (n + 1), l.system(), "part-" + n, null, false, l.repairable(),
                    l.repairCost(), l.replaceCost(), l.cause(), false));
        }
        return new Claim("I-P", ClaimType.INSURANCE, submitted, vehicle, incident, shop, lines,
                docs.stream().sorted().toList(), List.of(), policy, assessment, payee, null, null);
    }

    // =============================================================================================
    // properties

    @Property(tries = 200)
    void payableIsBounded(@ForAll("claims") Claim claim) {
        Verdict v = ADJUDICATOR.adjudicate(claim);
        String ctx = context(claim, v);
        BigDecimal sum = claim.policy().sumInsuredCny();
        BigDecimal bound = sum.add(claim.incident().rescueCostCny().min(sum));
        assertEquals(2, v.payableCny().scale(), "scale 2" + ctx);
        assertTrue(v.payableCny().signum() >= 0, "payable >= 0" + ctx);
        assertTrue(v.payableCny().compareTo(bound) <= 0, "payable <= sumInsured + min(rescue, sumInsured)" + ctx);
        for (LineVerdict l : v.lines()) {
            assertEquals(2, l.payableCny().scale(), l.lineId() + " scale 2" + ctx);
        }
        Statistics.label("decision").collect(v.decision());
    }

    @Property(tries = 200)
    void onlyPayingDecisionsPay(@ForAll("claims") Claim claim) {
        Verdict v = ADJUDICATOR.adjudicate(claim);
        String ctx = context(claim, v);
        if (!v.decision().pays()) {
            assertEquals(ZERO, v.payableCny(), "DENIED, PENDING_DOCUMENTS and REFERRED pay 0.00" + ctx);
        }
        assertEquals(ZERO, v.customerPaysCny(), "reading 23" + ctx);
        assertEquals(ZERO, v.usageCompensationCny(), "reading 23" + ctx);
        assertEquals(List.of(), v.charges(), ctx);
        if (v.decision() == Decision.DENIED) {
            assertEquals(Remedy.NONE, v.remedy(), "reading 6a" + ctx);
            assertEquals(List.of(), v.missingDocuments(), "reading 1" + ctx);
            assertTrue(v.lines().stream().noneMatch(LineVerdict::covered), ctx);
        }
    }

    @Property(tries = 150)
    void deterministic(@ForAll("claims") Claim claim) {
        Verdict first = ADJUDICATOR.adjudicate(claim);
        Verdict second = ADJUDICATOR.adjudicate(claim);
        assertEquals(first, second);
        assertEquals(first, ADJUDICATOR.explain(claim).verdict(), "explain gives the same verdict");
        List<Verdict> batch = ADJUDICATOR.adjudicateAll(List.of(claim.withClaimId("X-1"), claim)).stream()
                .map(Adjudication::verdictOrThrow).toList();
        assertEquals(first, batch.get(1), "a claim in a batch gets the verdict it gets alone");
        assertEquals(ClaimType.INSURANCE, first.type());
        assertEquals(RULEBOOK.info(), first.rulebook());
    }

    @Property(tries = 200)
    void reasonsNameRealRows(@ForAll("claims") Claim claim) {
        Verdict v = ADJUDICATOR.adjudicate(claim);
        String ctx = context(claim, v);
        Set<String> lineIds = claim.lines().stream().map(ClaimLine::lineId).collect(Collectors.toSet());
        for (Reason r : v.reasons()) {
            RuleRef ref = RULES.get(r.ruleId());
            assertNotNull(ref, "rule id " + r.ruleId() + " is a rule of the loaded rulebook" + ctx);
            assertEquals(ref.table(), r.table(), r.ruleId() + " table" + ctx);
            assertEquals(ref.row(), r.row(), r.ruleId() + " row" + ctx);
            assertFalse(r.text().isBlank() || r.textEn().isBlank(), r.ruleId() + " texts" + ctx);
            assertFalse(r.text().contains("{") || r.textEn().contains("{"), r.ruleId() + " placeholders" + ctx);
            if (r.lineId() != null) {
                assertTrue(lineIds.contains(r.lineId()), r.ruleId() + " line id" + ctx);
            }
        }
        for (LineVerdict l : v.lines()) {
            assertEquals(v.reasons().stream().filter(r -> l.lineId().equals(r.lineId())).toList(), l.reasons(),
                    l.lineId() + ": line reasons repeat the top-level ones (reading 5)" + ctx);
        }
    }

    /** An independent reading of section 2 and readings 1, 4, 6a, 17-23: decision, remedy, documents, money. */
    @Property(tries = 200)
    void agreesWithTheSpec(@ForAll("claims") Claim claim) {
        Verdict v = ADJUDICATOR.adjudicate(claim);
        String ctx = context(claim, v);
        Expected e = expected(claim);
        assertEquals(e.denialCodes(), v.reasons().stream().filter(r -> r.lineId() == null).map(Reason::code)
                .filter(DENIAL_CODES::contains).toList(), "claim-level denial grounds" + ctx);
        assertEquals(e.decision(), v.decision(), "decision" + ctx);
        assertEquals(e.remedy(), v.remedy(), "remedy" + ctx);
        assertEquals(e.missing(), Set.copyOf(v.missingDocuments()), "missing documents" + ctx);
        assertEquals(v.missingDocuments().size(), Set.copyOf(v.missingDocuments()).size(), "no duplicates" + ctx);
        assertEquals(e.decision().pays() ? e.payable() : ZERO, v.payableCny(), "payable" + ctx);
        if (e.decision() != Decision.DENIED) {
            assertEquals(e.referrals(), v.reasonCodes().stream().filter(REFERRAL_CODES::contains)
                    .collect(Collectors.toSet()), "referral codes" + ctx);
            for (ClaimLine in : claim.lines()) {
                LineVerdict out = v.lines().stream().filter(l -> l.lineId().equals(in.lineId())).findFirst()
                        .orElseThrow();
                boolean covered = lineCovered(claim, in);
                assertEquals(covered, out.covered(), in.lineId() + " covered" + ctx);
                if (covered) {
                    assertEquals(in.repairable() ? LineRemedy.REPAIR : LineRemedy.REPLACE_PART, out.remedy(), ctx);
                    assertEquals((in.repairable() ? in.repairCostCny() : in.replaceCostCny()).setScale(2),
                            out.payableCny(), in.lineId() + " amount" + ctx);
                }
            }
        }
        Statistics.label("decision").collect(v.decision());
        Statistics.label("remedy").collect(v.remedy());
        Statistics.label("codes").collect(v.reasonCodes().stream().distinct().sorted().toList());
    }

    // =============================================================================================
    // the oracle

    record Expected(List<String> denialCodes, Decision decision, Remedy remedy, Set<DocumentCode> missing,
            BigDecimal payable, Set<String> referrals) {
    }

    static boolean excluded(Cause cause, Policy policy) {
        if (cause == Cause.SCRATCH) {
            return !policy.addOns().contains(AddOn.SCRATCH);
        }
        if (cause == Cause.WHEEL_ONLY) {
            return !policy.addOns().contains(AddOn.WHEEL_ONLY_DAMAGE);
        }
        return !PERILS.contains(cause);
    }

    static boolean lineCovered(Claim c, ClaimLine l) {
        return l.cause() == null || !excluded(l.cause(), c.policy());
    }

    static Expected expected(Claim c) {
        Policy p = c.policy();
        Incident i = c.incident();
        LocalDate occurred = i.occurredOn();
        List<String> denial = new ArrayList<>();
        if (!p.inForceOn(occurred)) {
            denial.add("POLICY_NOT_IN_FORCE");
        }
        if (!p.coverages().contains(Coverage.VEHICLE_DAMAGE)) {
            denial.add("COVERAGE_NOT_PURCHASED");
        }
        if (c.submittedOn().isAfter(occurred.plusYears(2))) {
            denial.add("TIME_BARRED");
        }
        if (i.driver().bacMgPer100ml().compareTo(new BigDecimal("20")) >= 0) {
            denial.add("DRUNK_DRIVING");
        }
        if (!i.driver().licensed()) {
            denial.add("UNLICENSED_DRIVER");
        }
        if (!i.driver().permittedByInsured()) {
            denial.add("UNPERMITTED_DRIVER");
        }
        if (i.driver().leftScene()) {
            denial.add("LEFT_SCENE");
        }
        if (!c.vehicle().inspectionValid()) {
            denial.add("INSPECTION_INVALID");
        }
        Cause cause = i.cause();
        if (cause == Cause.DELIBERATE) {
            denial.add("DELIBERATE_ACT");
        } else if (cause == Cause.SCRATCH || cause == Cause.WHEEL_ONLY) {
            if (excluded(cause, p)) {
                denial.add("ADD_ON_REQUIRED");
            }
        } else if (!PERILS.contains(cause)) {
            denial.add("NOT_AN_INSURED_PERIL");
        }
        if (!denial.isEmpty()) {
            return new Expected(denial, Decision.DENIED, Remedy.NONE, Set.of(), ZERO, Set.of());
        }
        List<ClaimLine> covered = c.lines().stream().filter(l -> lineCovered(c, l)).toList();
        if (covered.isEmpty()) {
            return new Expected(List.of(), Decision.DENIED, Remedy.NONE, Set.of(), ZERO, Set.of());
        }
        // L1-L6
        BigDecimal loss = BigDecimal.ZERO;
        boolean anyReplaced = false;
        for (ClaimLine l : covered) {
            loss = loss.add(l.repairable() ? l.repairCostCny() : l.replaceCostCny());
            anyReplaced |= !l.repairable();
        }
        Assessment a = c.assessment();
        if (a != null && a.amountCny() != null) {
            loss = loss.min(a.amountCny());
        }
        boolean reassess = false;
        if (a != null && !a.shopId().equals(c.repairShop().id())) {
            if (a.invoicedCny() != null) {
                loss = loss.min(a.invoicedCny());
            } else {
                reassess = true;
            }
        }
        boolean totalLoss = loss.compareTo(p.sumInsuredCny()) >= 0;
        if (totalLoss) {
            loss = p.sumInsuredCny();
        }
        BigDecimal x = loss.subtract(i.thirdPartyRecoveryCny())
                .multiply(BigDecimal.ONE.subtract(p.absoluteDeductibleRate()))
                .subtract(p.absoluteDeductibleCny());
        BigDecimal payable = x.max(BigDecimal.ZERO).min(p.sumInsuredCny()).setScale(2, RoundingMode.HALF_UP);
        payable = payable.add(i.rescueCostCny().min(p.sumInsuredCny())).setScale(2, RoundingMode.HALF_UP);
        Remedy remedy = totalLoss ? Remedy.TOTAL_LOSS : anyReplaced ? Remedy.REPLACE_PART : Remedy.REPAIR;
        // I12-I14
        Set<String> referrals = new java.util.HashSet<>();
        if (i.occurredAt() != null && i.reportedAt() != null) {
            if (java.time.Duration.between(i.occurredAt(), i.reportedAt()).toMinutes() > 48 * 60) {
                referrals.add("LATE_NOTICE");
            }
        } else {
            LocalDate reportedOn = i.reportedOn() != null ? i.reportedOn() : c.submittedOn();
            if (java.time.temporal.ChronoUnit.DAYS.between(occurred, reportedOn) > 2) {
                referrals.add("LATE_NOTICE");
            }
        }
        if (!occurred.isBefore(p.startsOn()) && !occurred.isAfter(p.startsOn().plusDays(7))) {
            referrals.add("NEW_POLICY_INCIDENT");
        }
        if (payable.compareTo(LIMIT) > 0) {
            referrals.add("ABOVE_AUTHORITY_LIMIT");
        }
        // 2.3
        Set<DocumentCode> required = EnumSet.copyOf(InsuranceClaims.EVERY_CLAIM_DOCUMENTS);
        switch (i.handledBy()) {
            case POLICE -> required.add(DocumentCode.ACCIDENT_CERTIFICATE);
            case PRIVATE_SETTLEMENT -> required.add(DocumentCode.SETTLEMENT_AGREEMENT);
            case COURT -> required.add(DocumentCode.COURT_JUDGMENT);
            case NONE -> {
            }
        }
        if (i.rescueCostCny().signum() > 0) {
            required.add(DocumentCode.RESCUE_RECEIPTS);
        }
        if (cause == Cause.THEFT || c.lines().stream().anyMatch(l -> l.cause() == Cause.THEFT)) {
            required.add(DocumentCode.THEFT_REPORT);
        }
        required.add(c.payee() == Payee.REPAIR_SHOP ? DocumentCode.PAYMENT_AUTHORIZATION : DocumentCode.BANK_ACCOUNT);
        required.removeAll(c.documents());
        Decision decision;
        if (!required.isEmpty()) {
            decision = Decision.PENDING_DOCUMENTS;
        } else if (!referrals.isEmpty() || reassess) {
            decision = Decision.REFERRED;
        } else if (covered.size() < c.lines().size()) {
            decision = Decision.PARTIALLY_APPROVED;
        } else {
            decision = Decision.APPROVED;
        }
        return new Expected(List.of(), decision, remedy, required, payable, referrals);
    }

    static String context(Claim claim, Verdict v) {
        return "\n  claim: " + claim + "\n  verdict: " + v.decision() + " " + v.remedy() + " payable "
                + v.payableCny() + " codes " + v.reasonCodes() + " missing " + v.missingDocuments() + " lines "
                + v.lines().stream().map(l -> l.lineId() + ":" + l.covered() + "/" + l.remedy() + "/"
                        + l.payableCny()).toList();
    }
}
