package io.autoclaims.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.model.AddOn;
import io.autoclaims.model.AssistanceRequest;
import io.autoclaims.model.AssistanceService;
import io.autoclaims.model.Cause;
import io.autoclaims.model.Charge;
import io.autoclaims.model.Claim;
import io.autoclaims.model.ClaimType;
import io.autoclaims.model.Coverage;
import io.autoclaims.model.Decision;
import io.autoclaims.model.Incident;
import io.autoclaims.model.Payer;
import io.autoclaims.model.Policy;
import io.autoclaims.model.Reason;
import io.autoclaims.model.Remedy;
import io.autoclaims.model.Vehicle;
import io.autoclaims.model.Verdict;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
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
 * Properties of roadside assistance verdicts over generated valid assistance claims (vehicles in and out of
 * their whole-vehicle term, every cause, with and without a policy, members with valid, expired or missing
 * membership dates, tows of 0-120 km with up to 2 decimals, on-site jobs, both sides of the 5th ring, tolls):
 * charges that add up, amounts of scale 2 and never negative, the customer's charges equal to
 * customerPaysCny, and an independent reading of section 3 of {@code default-rulebook.md} and readings 24-26.
 */
class AssistanceProperties {

    static final Rulebook RULEBOOK = Rulebook.loadDefault();
    static final Adjudicator ADJUDICATOR = Adjudicator.of(RULEBOOK);
    static final Map<String, RuleRef> RULES = RULEBOOK.rules().stream()
            .collect(Collectors.toMap(RuleRef::ruleId, Function.identity(), (a, b) -> a));

    static final BigDecimal ZERO = new BigDecimal("0.00");
    static final Set<Cause> PERILS = EnumSet.of(Cause.COLLISION, Cause.OVERTURN, Cause.FALL, Cause.FIRE,
            Cause.EXPLOSION, Cause.FALLING_OBJECT, Cause.NATURAL_DISASTER, Cause.THEFT, Cause.SPONTANEOUS_COMBUSTION,
            Cause.GLASS_BREAKAGE, Cause.WATER_INGRESS);
    static final Set<String> PAYER_CODES = Set.of("WARRANTY_TOWING", "INSURED_RESCUE", "MEMBER_TARIFF",
            "NON_MEMBER_TARIFF");

    // =============================================================================================
    // generators

    static final LocalDate BASE = LocalDate.of(2025, 6, 10);

    record VehicleSpec(int deliveredDaysBefore, int odometerKm) {
    }

    record PolicySpec(int startOffset, int lengthDays, Set<Coverage> coverages, Set<AddOn> addOns,
            BigDecimal sumInsured) {
    }

    record RequestSpec(boolean member, Integer validUntilOffset, AssistanceService service, BigDecimal towKm,
            boolean inside, BigDecimal toll) {
    }

    static Arbitrary<VehicleSpec> vehicles() {
        Arbitrary<Integer> days = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(0, 3 * 365)),
                Tuple.of(2, Arbitraries.integers().between(1090, 1100)),
                Tuple.of(3, Arbitraries.integers().between(0, 10 * 365)));
        Arbitrary<Integer> km = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(0, 100_000)),
                Tuple.of(1, Arbitraries.integers().between(99_998, 100_002)),
                Tuple.of(2, Arbitraries.integers().between(0, 300_000)));
        return Combinators.combine(days, km).as(VehicleSpec::new);
    }

    static Arbitrary<PolicySpec> policies() {
        Arbitrary<BigDecimal> sum = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("2000")).ofScale(2)),
                Tuple.of(2, Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("300000")).ofScale(2)));
        Arbitrary<Set<Coverage>> covers = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(Set.of(Coverage.VEHICLE_DAMAGE))),
                Tuple.of(1, Arbitraries.subsetOf(Coverage.values())));
        return Combinators.combine(Arbitraries.integers().between(-400, 5), Arbitraries.integers().between(0, 400),
                covers, Arbitraries.subsetOf(AddOn.values()), sum).as(PolicySpec::new);
    }

    static Arbitrary<RequestSpec> requests() {
        Arbitrary<BigDecimal> km = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("40")).ofScale(1)),
                Tuple.of(2, Arbitraries.bigDecimals().between(new BigDecimal("14"), new BigDecimal("16")).ofScale(2)),
                Tuple.of(1, Arbitraries.integers().between(0, 120).map(BigDecimal::valueOf)),
                Tuple.of(1, Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("120")).ofScale(2)));
        Arbitrary<BigDecimal> toll = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(ZERO)),
                Tuple.of(1, Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("300")).ofScale(2)));
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(-3, 3)
                        .injectNull(0.3),
                Arbitraries.frequency(Tuple.of(3, AssistanceService.TOW), Tuple.of(1, AssistanceService.ON_SITE)),
                km, Arbitraries.of(true, false), toll)
                .as(RequestSpec::new);
    }

    static Arbitrary<Cause> causes() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(Cause.BREAKDOWN, Cause.QUALITY_DEFECT)),
                Tuple.of(3, Arbitraries.of(PERILS)),
                Tuple.of(2, Arbitraries.of(Cause.class)));
    }

    @Provide
    Arbitrary<Claim> claims() {
        return Combinators.combine(vehicles(), causes(), policies().injectNull(0.4), requests())
                .as(AssistanceProperties::claim);
    }

    static Claim claim(VehicleSpec v, Cause cause, PolicySpec p, RequestSpec r) {
        LocalDate occurred = BASE;
        Vehicle vehicle = new Vehicle("LGBH52E03KY123456", occurred.minusDays(v.deliveredDaysBefore()), null,
                v.odometerKm(), null, null, false, true);
        Incident incident = new Incident(occurred, null, null, null, cause, List.of(), null, null, null, null);
        Policy policy = p == null ? null
                : new Policy("P-9", occurred.plusDays(p.startOffset()),
                        occurred.plusDays(p.startOffset() + p.lengthDays()), List.copyOf(p.coverages()),
                        List.copyOf(p.addOns()), p.sumInsured(), null, null);
        LocalDate validUntil = r.validUntilOffset() == null ? null : occurred.plusDays(r.validUntilOffset());
        AssistanceRequest request = new AssistanceRequest(r.member(), validUntil, r.service(), r.towKm(), r.inside(),
                r.toll());
        return new Claim("A-P", ClaimType.ASSISTANCE, occurred, vehicle, incident, null, List.of(), List.of(),
                List.of(), policy, null, null, request, null);
    }

    // =============================================================================================
    // properties

    @Property(tries = 200)
    void chargesAddUp(@ForAll("claims") Claim claim) {
        Verdict v = ADJUDICATOR.adjudicate(claim);
        String ctx = context(claim, v);
        BigDecimal all = ZERO;
        BigDecimal customer = ZERO;
        BigDecimal others = ZERO;
        for (Charge c : v.charges()) {
            assertEquals(2, c.amountCny().scale(), c + " scale 2" + ctx);
            assertTrue(c.amountCny().signum() >= 0, c + " not negative" + ctx);
            all = all.add(c.amountCny());
            if (c.payer() == Payer.CUSTOMER) {
                customer = customer.add(c.amountCny());
            } else {
                others = others.add(c.amountCny());
            }
            if (c.payer() == Payer.CLUB) {
                assertEquals(ZERO, c.amountCny(), "the CLUB only appears for free items (reading 24)" + ctx);
            }
        }
        assertEquals(2, v.payableCny().scale(), "payable scale 2" + ctx);
        assertEquals(2, v.customerPaysCny().scale(), "customerPays scale 2" + ctx);
        assertEquals(v.payableCny().add(v.customerPaysCny()), all, "charges = payable + customerPays" + ctx);
        assertEquals(v.customerPaysCny(), customer, "CUSTOMER charges = customerPaysCny" + ctx);
        assertEquals(v.payableCny(), others, "other charges = payableCny" + ctx);
        Statistics.label("payer code").collect(v.reasonCodes().stream().filter(PAYER_CODES::contains).findFirst()
                .orElse("none"));
    }

    @Property(tries = 150)
    void shapeOfAnAssistanceVerdict(@ForAll("claims") Claim claim) {
        Verdict v = ADJUDICATOR.adjudicate(claim);
        String ctx = context(claim, v);
        assertEquals(Decision.APPROVED, v.decision(), "reading 26" + ctx);
        assertEquals(Remedy.NONE, v.remedy(), ctx);
        assertEquals(List.of(), v.lines(), ctx);
        assertEquals(List.of(), v.missingDocuments(), ctx);
        assertEquals(ZERO, v.usageCompensationCny(), ctx);
        assertEquals(1, v.reasonCodes().stream().filter(PAYER_CODES::contains).count(), "one payer code" + ctx);
        assertEquals(v, ADJUDICATOR.adjudicate(claim), "deterministic" + ctx);
        assertEquals(v, ADJUDICATOR.explain(claim).verdict(), "explain gives the same verdict" + ctx);
        for (Reason r : v.reasons()) {
            RuleRef ref = RULES.get(r.ruleId());
            assertNotNull(ref, r.ruleId() + " is a rule of the loaded rulebook" + ctx);
            assertEquals(ref.table(), r.table(), ctx);
            assertEquals(ref.row(), r.row(), ctx);
            assertNull(r.lineId(), ctx);
            assertFalse(r.text().contains("{") || r.textEn().contains("{"), r.ruleId() + " placeholders" + ctx);
        }
    }

    /** An independent reading of section 3 and readings 24-26: who pays how much. */
    @Property(tries = 200)
    void agreesWithTheSpec(@ForAll("claims") Claim claim) {
        Verdict v = ADJUDICATOR.adjudicate(claim);
        String ctx = context(claim, v);
        AssistanceRequest a = claim.assistance();
        LocalDate occurred = claim.incident().occurredOn();
        Cause cause = claim.incident().cause();
        boolean tow = a.service() == AssistanceService.TOW;
        BigDecimal nonMember = (a.insideFifthRing() ? new BigDecimal("100") : new BigDecimal("300"))
                .add(tow ? a.towKm().setScale(0, RoundingMode.CEILING).multiply(new BigDecimal("15"))
                        : BigDecimal.ZERO);
        BigDecimal member = tow
                ? a.towKm().subtract(new BigDecimal("15")).max(BigDecimal.ZERO).setScale(0, RoundingMode.CEILING)
                        .multiply(new BigDecimal("8"))
                : BigDecimal.ZERO;
        BigDecimal toll = a.highwayTollCny();
        LocalDate start = claim.vehicle().periodStart();
        boolean inTerm = !occurred.isAfter(start.plusMonths(36)) && claim.vehicle().odometerKm() <= 100_000;
        Policy p = claim.policy();
        boolean peril = PERILS.contains(cause)
                || (p != null && cause == Cause.SCRATCH && p.addOns().contains(AddOn.SCRATCH))
                || (p != null && cause == Cause.WHEEL_ONLY && p.addOns().contains(AddOn.WHEEL_ONLY_DAMAGE));
        boolean insured = p != null && p.inForceOn(occurred) && p.coverages().contains(Coverage.VEHICLE_DAMAGE);
        boolean validMember = a.member() && a.membershipValidUntil() != null
                && !a.membershipValidUntil().isBefore(occurred);
        String code;
        BigDecimal payable;
        BigDecimal customer;
        if ((cause == Cause.QUALITY_DEFECT || cause == Cause.BREAKDOWN) && inTerm) {
            code = "WARRANTY_TOWING";
            payable = nonMember;
            customer = toll;
        } else if (peril && insured) {
            code = "INSURED_RESCUE";
            payable = nonMember.min(p.sumInsuredCny());
            customer = nonMember.subtract(payable).add(toll);
        } else if (validMember) {
            code = "MEMBER_TARIFF";
            payable = BigDecimal.ZERO;
            customer = member.add(toll);
        } else {
            code = "NON_MEMBER_TARIFF";
            payable = BigDecimal.ZERO;
            customer = nonMember.add(toll);
        }
        assertEquals(code, v.reasonCodes().get(0), "A1-A4, first match" + ctx);
        assertEquals(payable.setScale(2), v.payableCny(), "payable (reading 24)" + ctx);
        assertEquals(customer.setScale(2), v.customerPaysCny(), "customer pays" + ctx);
        boolean advice = code.equals("NON_MEMBER_TARIFF")
                && nonMember.compareTo(member.add(new BigDecimal("380"))) > 0;
        assertEquals(advice, v.reasonCodes().contains("MEMBERSHIP_WOULD_SAVE"), "MS-01 (reading 25)" + ctx);
        assertEquals(tow, v.charges().stream().anyMatch(c -> c.item().equals("TOWING")),
                "a TOWING item exactly for TOW (reading 25)" + ctx);
        assertEquals(toll.signum() > 0, v.charges().stream().anyMatch(c -> c.item().equals("HIGHWAY_TOLL")
                && c.payer() == Payer.CUSTOMER && c.amountCny().equals(toll.setScale(2))), "tolls" + ctx);
        Statistics.label("rule").collect(code);
    }

    static String context(Claim claim, Verdict v) {
        return "\n  claim: " + claim + "\n  verdict: payable " + v.payableCny() + " customer " + v.customerPaysCny()
                + " codes " + v.reasonCodes() + " charges " + v.charges();
    }
}
