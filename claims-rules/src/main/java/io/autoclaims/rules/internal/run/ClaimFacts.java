package io.autoclaims.rules.internal.run;

import io.autoclaims.model.AddOn;
import io.autoclaims.model.AssistanceRequest;
import io.autoclaims.model.AssistanceService;
import io.autoclaims.model.Cause;
import io.autoclaims.model.ClaimLine;
import io.autoclaims.model.Coverage;
import io.autoclaims.model.HandledBy;
import io.autoclaims.model.Payee;
import io.autoclaims.model.Payer;
import io.autoclaims.model.Claim;
import io.autoclaims.model.ClaimType;
import io.autoclaims.model.DocumentCode;
import io.autoclaims.model.PartSystem;
import io.autoclaims.model.PriorRepair;
import io.autoclaims.model.Remedy;
import io.autoclaims.model.SafetyFault;
import io.autoclaims.model.ShopTier;
import io.autoclaims.model.VehicleUse;
import io.autoclaims.rules.internal.domain.AssistanceDomain;
import io.autoclaims.rules.internal.domain.CommonFacts;
import io.autoclaims.rules.internal.domain.WarrantyDomain;
import io.autoclaims.rules.internal.table.FactDef;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.kie.api.definition.type.ClassReactive;

/**
 * The claim as Drools sees it: input facts, facts derived by generic arithmetic (dates, counting
 * history), and slots that rule rows set. Internal: public only because generated rules use it.
 */
@ClassReactive
public final class ClaimFacts extends SlotFacts {
    private final ClaimRun run;
    private final Claim claim;
    private final LocalDate periodStart;
    private final int daysSinceStart;
    private final int monthsSinceStart;
    private final Set<SafetyFault> faults;
    private final List<LineFacts> lines = new ArrayList<>();
    private final List<ChargeSpec> charges = new ArrayList<>();
    private LineFacts vehicleLine;
    private int gatedHits;
    private BigDecimal loss;
    private BigDecimal payable;
    private BigDecimal deductible;
    private BigDecimal rescuePaid;
    private final Set<Cause> causes;
    private final int monthsToSubmit;
    private final BigDecimal hoursToReport;

    ClaimFacts(ClaimRun run, Claim claim) {
        super(FactCatalog.CLAIM_SLOTS);
        this.run = run;
        this.claim = claim;
        this.periodStart = claim.vehicle().periodStart();
        LocalDate occurred = claim.incident().occurredOn();
        this.daysSinceStart = (int) ChronoUnit.DAYS.between(periodStart, occurred);
        this.monthsSinceStart = monthsWithin(periodStart, occurred);
        this.faults = claim.incident().faults().isEmpty()
                ? Collections.emptySet()
                : Collections.unmodifiableSet(EnumSet.copyOf(claim.incident().faults()));
        Set<Cause> all = EnumSet.of(claim.incident().cause());
        for (ClaimLine l : claim.lines()) {
            if (l.cause() != null) {
                all.add(l.cause());
            }
        }
        this.causes = Collections.unmodifiableSet(all);
        this.monthsToSubmit = monthsWithin(occurred, claim.submittedOn());
        LocalDateTime at = claim.incident().occurredAt();
        LocalDateTime reported = claim.incident().reportedAt();
        // hours rounded up at 6 decimals: 48 h plus one second still reads as more than 48
        this.hoursToReport = at == null || reported == null ? null
                : BigDecimal.valueOf(Duration.between(at, reported).toSeconds())
                        .divide(BigDecimal.valueOf(3600), 6, RoundingMode.UP);
    }

    /**
     * The smallest m with {@code to <= from.plusMonths(m)}: "within N months" is exactly
     * {@code monthsWithin <= N}, month ends included (Jan 31 + 1 month = Feb 28/29).
     */
    static int monthsWithin(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        long m = ChronoUnit.MONTHS.between(from, to);
        while (from.plusMonths(m).isBefore(to)) {
            m++;
        }
        while (m > 0 && !from.plusMonths(m - 1).isBefore(to)) {
            m--;
        }
        return (int) m;
    }

    ClaimRun run() {
        return run;
    }

    Claim claim() {
        return claim;
    }

    List<LineFacts> lines() {
        return lines;
    }

    void addLine(LineFacts line) {
        lines.add(line);
    }

    void countGatedHit() {
        gatedHits++;
    }

    LineFacts vehicleLine() {
        return vehicleLine;
    }

    void setVehicleLine(LineFacts line) {
        vehicleLine = line;
    }

    List<ChargeSpec> charges() {
        return charges;
    }

    void addCharge(ChargeSpec charge) {
        charges.add(charge);
    }

    void setLoss(BigDecimal value) {
        loss = value;
    }

    void setPayable(BigDecimal value) {
        payable = value;
    }

    void setDeductible(BigDecimal value) {
        deductible = value;
    }

    void setRescuePaid(BigDecimal value) {
        rescuePaid = value;
    }

    /** The sum of the covered lines' amounts: REPAIR pays the repair quote, REPLACE_PART the replacement. */
    BigDecimal coveredLinesTotal() {
        BigDecimal total = BigDecimal.ZERO;
        for (LineFacts l : lines) {
            if (Boolean.TRUE.equals(l.getCovered())) {
                total = total.add(l.amount());
            }
        }
        return total;
    }

    @Override
    public ClaimFacts claimFacts() {
        return this;
    }

    @Override
    public void fire(int row) {
        run.fire(this, null, row);
    }

    // ---- inputs -------------------------------------------------------------------------------

    public String getClaimId() {
        return claim.claimId();
    }

    public ClaimType getType() {
        return claim.type();
    }

    public String getShopId() {
        return claim.repairShop() == null ? null : claim.repairShop().id();
    }

    public boolean isShopAuthorized() {
        return claim.repairShop() != null && claim.repairShop().authorized();
    }

    public ShopTier getShopTier() {
        return claim.repairShop() == null ? null : claim.repairShop().tier();
    }

    public VehicleUse getVehicleUse() {
        return claim.vehicle().use();
    }

    public boolean isWarrantyRegistered() {
        return claim.vehicle().warrantyRegistered();
    }

    public boolean isInspectionValid() {
        return claim.vehicle().inspectionValid();
    }

    public boolean isPriceKnown() {
        return claim.vehicle().priceCny() != null;
    }

    public int getOdometerKm() {
        return claim.vehicle().odometerKm();
    }

    public int getPeriodStartDay() {
        return (int) periodStart.toEpochDay();
    }

    public int getDaysSinceStart() {
        return daysSinceStart;
    }

    public int getMonthsSinceStart() {
        return monthsSinceStart;
    }

    public Cause getIncidentCause() {
        return claim.incident().cause();
    }

    public Set<SafetyFault> getFaults() {
        return faults;
    }

    public Set<Cause> getCauses() {
        return causes;
    }

    public Payee getPayee() {
        return claim.payee();
    }

    public int getOccurredOnDay() {
        return (int) claim.incident().occurredOn().toEpochDay();
    }

    public HandledBy getHandledBy() {
        return claim.incident().handledBy();
    }

    public int getMonthsToSubmit() {
        return monthsToSubmit;
    }

    public boolean isReportTimesKnown() {
        return hoursToReport != null;
    }

    public BigDecimal getHoursToReport() {
        return hoursToReport;
    }

    public int getDaysToReport() {
        return (int) ChronoUnit.DAYS.between(claim.incident().occurredOn(), claim.incident().reportedOn());
    }

    public BigDecimal getRescueCostCny() {
        return claim.incident().rescueCostCny();
    }

    public BigDecimal getThirdPartyRecoveryCny() {
        return claim.incident().thirdPartyRecoveryCny();
    }

    public boolean isDriverLicensed() {
        return claim.incident().driver().licensed();
    }

    public boolean isPermittedByInsured() {
        return claim.incident().driver().permittedByInsured();
    }

    public boolean isLeftScene() {
        return claim.incident().driver().leftScene();
    }

    public BigDecimal getBacMgPer100ml() {
        return claim.incident().driver().bacMgPer100ml();
    }

    public boolean isPolicyGiven() {
        return claim.policy() != null;
    }

    public boolean isPolicyInForce() {
        return claim.policy() != null && claim.policy().inForceOn(claim.incident().occurredOn());
    }

    public Integer getPolicyDaysSinceStart() {
        return claim.policy() == null ? null
                : (int) ChronoUnit.DAYS.between(claim.policy().startsOn(), claim.incident().occurredOn());
    }

    public LocalDate getPolicyStartsOn() {
        return claim.policy() == null ? null : claim.policy().startsOn();
    }

    public LocalDate getPolicyEndsOn() {
        return claim.policy() == null ? null : claim.policy().endsOn();
    }

    public Set<Coverage> getCoverages() {
        return claim.policy() == null || claim.policy().coverages().isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(claim.policy().coverages()));
    }

    public Set<AddOn> getAddOns() {
        return claim.policy() == null || claim.policy().addOns().isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(claim.policy().addOns()));
    }

    public boolean isHasDeductible() {
        return claim.policy() != null && (claim.policy().absoluteDeductibleRate().signum() != 0
                || claim.policy().absoluteDeductibleCny().signum() != 0);
    }

    public BigDecimal getAbsoluteDeductibleRate() {
        return claim.policy() == null ? null : claim.policy().absoluteDeductibleRate();
    }

    public BigDecimal getAbsoluteDeductibleCny() {
        return claim.policy() == null ? null : claim.policy().absoluteDeductibleCny();
    }

    public BigDecimal getSumInsuredCny() {
        return claim.policy() == null ? null : claim.policy().sumInsuredCny();
    }

    public boolean isAssessmentGiven() {
        return claim.assessment() != null;
    }

    public boolean isAssessedAmountKnown() {
        return claim.assessment() != null && claim.assessment().amountCny() != null;
    }

    public boolean isInvoiceKnown() {
        return claim.assessment() != null && claim.assessment().invoicedCny() != null;
    }

    public boolean isAssessedAtOtherShop() {
        return claim.assessment() != null && claim.repairShop() != null
                && !claim.assessment().shopId().equals(claim.repairShop().id());
    }

    public BigDecimal getAssessedAmountCny() {
        return claim.assessment() == null ? null : claim.assessment().amountCny();
    }

    public BigDecimal getInvoicedCny() {
        return claim.assessment() == null ? null : claim.assessment().invoicedCny();
    }

    public BigDecimal getLossCny() {
        return loss;
    }

    public boolean isLossAtSumInsured() {
        BigDecimal cap = getSumInsuredCny();
        return loss != null && cap != null && loss.compareTo(cap) >= 0;
    }

    public BigDecimal getDeductibleCny() {
        return deductible;
    }

    public BigDecimal getRescuePaidCny() {
        return rescuePaid;
    }

    public BigDecimal getPayableCny() {
        return payable;
    }

    public boolean isMember() {
        return claim.assistance() != null && claim.assistance().member();
    }

    public boolean isMembershipValid() {
        AssistanceRequest a = claim.assistance();
        return a != null && a.member() && a.membershipValidUntil() != null
                && !a.membershipValidUntil().isBefore(claim.incident().occurredOn());
    }

    public LocalDate getMembershipValidUntil() {
        return claim.assistance() == null ? null : claim.assistance().membershipValidUntil();
    }

    public AssistanceService getService() {
        return claim.assistance() == null ? null : claim.assistance().service();
    }

    public BigDecimal getTowKm() {
        return claim.assistance() == null ? null : claim.assistance().towKm();
    }

    public Boolean getInsideFifthRing() {
        return claim.assistance() == null ? null : claim.assistance().insideFifthRing();
    }

    public BigDecimal getHighwayTollCny() {
        return claim.assistance() == null ? null : claim.assistance().highwayTollCny();
    }

    public Payer getAssistancePayer() {
        return (Payer) slot(AssistanceDomain.PAYER);
    }

    public String getAssistanceTariff() {
        return (String) slot(AssistanceDomain.TARIFF);
    }

    public boolean isCapAtSumInsured() {
        return Boolean.TRUE.equals(slot(AssistanceDomain.CAP_AT_SUM_INSURED));
    }

    /** Non-member minus member price of the tariff-priced charges so far (tolls left out). */
    public BigDecimal getMemberSavingsCny() {
        BigDecimal saving = BigDecimal.ZERO;
        BigDecimal towKm = getTowKm() == null ? BigDecimal.ZERO : getTowKm();
        for (ChargeSpec c : charges) {
            if (c.basis() == ChargeBasis.TARIFF) {
                saving = saving.add(c.price(false, towKm, BigDecimal.ZERO)).subtract(c.price(true, towKm, BigDecimal.ZERO));
            }
        }
        return saving;
    }

    public Integer getVehicleTermMonths() {
        return vehicleLine == null ? null : vehicleLine.getTermMonths();
    }

    public Integer getVehicleTermKm() {
        return vehicleLine == null ? null : vehicleLine.getTermKm();
    }

    public Integer getVehicleMonthsOverTerm() {
        return vehicleLine == null ? null : vehicleLine.getMonthsOverTerm();
    }

    public Integer getVehicleKmOverTerm() {
        return vehicleLine == null ? null : vehicleLine.getKmOverTerm();
    }

    // ---- slots set by rows --------------------------------------------------------------------

    public String getRegime() {
        return (String) slot(WarrantyDomain.REGIME);
    }

    public Integer getSanbaoMonths() {
        return (Integer) slot(WarrantyDomain.SANBAO_MONTHS);
    }

    public Integer getSanbaoKm() {
        return (Integer) slot(WarrantyDomain.SANBAO_KM);
    }

    public Integer getMinTermMonths() {
        return (Integer) slot(WarrantyDomain.MIN_TERM_MONTHS);
    }

    public Integer getMinTermKm() {
        return (Integer) slot(WarrantyDomain.MIN_TERM_KM);
    }

    @SuppressWarnings("unchecked")
    public Set<PartSystem> getTermFloorExempt() {
        return (Set<PartSystem>) slot(WarrantyDomain.TERM_FLOOR_EXEMPT);
    }

    public BigDecimal getRegimeUsageRate() {
        return (BigDecimal) slot(WarrantyDomain.REGIME_USAGE_RATE);
    }

    public BigDecimal getMaxUsageRate() {
        return (BigDecimal) slot(WarrantyDomain.MAX_USAGE_RATE);
    }

    public boolean isSanbaoAllowed() {
        Object allowed = base(WarrantyDomain.SANBAO_ALLOWED.slot());
        return allowed == null || (Boolean) allowed;
    }

    /** The vehicle-level remedy rows set; gated rows count only while their gate is open. */
    public Remedy getVehicleRemedy() {
        Remedy r = (Remedy) slot(WarrantyDomain.VEHICLE_REMEDY);
        return r == null ? Remedy.NONE : r;
    }

    /** The usage-compensation rate: the claim's own when a row set one, else the regime's. */
    public BigDecimal getUsageRate() {
        BigDecimal own = (BigDecimal) slot(WarrantyDomain.CLAIM_USAGE_RATE);
        return own != null ? own : getRegimeUsageRate();
    }

    @SuppressWarnings("unchecked")
    public Set<DocumentCode> getRequiredDocuments() {
        Set<DocumentCode> docs = (Set<DocumentCode>) slot(CommonFacts.DOCUMENTS);
        return docs == null ? Set.of() : docs;
    }

    // ---- derived ------------------------------------------------------------------------------

    /** Within the 三包有效期 (both months and km), once the regime is known. */
    public boolean isWithinSanbaoPeriod() {
        Integer months = getSanbaoMonths();
        Integer km = getSanbaoKm();
        return months != null && km != null && monthsSinceStart <= months && getOdometerKm() <= km;
    }

    /** History entries that count for 三包: quality problems repaired inside the 三包有效期. */
    List<PriorRepair> countedHistory() {
        Integer months = getSanbaoMonths();
        if (months == null || claim.history().isEmpty()) {
            return List.of();
        }
        LocalDate end = periodStart.plusMonths(months);
        List<PriorRepair> counted = new ArrayList<>();
        for (PriorRepair p : claim.history()) {
            if (p.qualityProblem() && !p.repairedOn().isBefore(periodStart) && !p.repairedOn().isAfter(end)) {
                counted.add(p);
            }
        }
        return counted;
    }

    int countHistory(Predicate<PriorRepair> which) {
        int n = 0;
        for (PriorRepair p : countedHistory()) {
            if (which.test(p)) {
                n++;
            }
        }
        return n;
    }

    public int getSeriousSafetyRepairs() {
        return countHistory(PriorRepair::seriousSafety);
    }

    public int getHistoryRepairDays() {
        int days = 0;
        for (PriorRepair p : countedHistory()) {
            days += p.repairDays();
        }
        return days;
    }

    public int getCoveredCount() {
        int n = 0;
        for (LineFacts l : lines) {
            if (Boolean.TRUE.equals(l.getCovered())) {
                n++;
            }
        }
        return n;
    }

    public int getSanbaoHits() {
        return gatedHits;
    }

    /** The strongest remedy so far: covered lines' remedies and the vehicle-level remedy. */
    public Remedy getClaimRemedy() {
        Remedy r = getVehicleRemedy();
        for (LineFacts l : lines) {
            if (Boolean.TRUE.equals(l.getCovered()) && l.getRemedy() != null) {
                r = r.strongest(Remedy.of(l.getRemedy()));
            }
        }
        return r;
    }

    @Override
    boolean gateOpen(FactDef gate) {
        Object open = base(gate.slot());
        return open == null || (Boolean) open;
    }
}
