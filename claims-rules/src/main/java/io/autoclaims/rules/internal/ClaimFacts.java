package io.autoclaims.rules.internal;

import io.autoclaims.model.Cause;
import io.autoclaims.model.Claim;
import io.autoclaims.model.ClaimType;
import io.autoclaims.model.DocumentCode;
import io.autoclaims.model.PartSystem;
import io.autoclaims.model.PriorRepair;
import io.autoclaims.model.Remedy;
import io.autoclaims.model.SafetyFault;
import io.autoclaims.model.ShopTier;
import io.autoclaims.model.VehicleUse;
import java.math.BigDecimal;
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
    private int gatedHits;

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

    @Override
    ClaimFacts claimFacts() {
        return this;
    }

    /** Called by generated rules when a row fires for this claim. */
    public void fire(int row) {
        run.fire(this, null, row);
        setHit(row);
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

    public LocalDate getPeriodStart() {
        return periodStart;
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

    // ---- slots set by rows --------------------------------------------------------------------

    public String getRegime() {
        return (String) slot(FactCatalog.REGIME);
    }

    public Integer getSanbaoMonths() {
        return (Integer) slot(FactCatalog.SANBAO_MONTHS);
    }

    public Integer getSanbaoKm() {
        return (Integer) slot(FactCatalog.SANBAO_KM);
    }

    public Integer getMinTermMonths() {
        return (Integer) slot(FactCatalog.MIN_TERM_MONTHS);
    }

    public Integer getMinTermKm() {
        return (Integer) slot(FactCatalog.MIN_TERM_KM);
    }

    @SuppressWarnings("unchecked")
    public Set<PartSystem> getTermFloorExempt() {
        return (Set<PartSystem>) slot(FactCatalog.TERM_FLOOR_EXEMPT);
    }

    public BigDecimal getRegimeUsageRate() {
        return (BigDecimal) slot(FactCatalog.REGIME_USAGE_RATE);
    }

    public BigDecimal getMaxUsageRate() {
        return (BigDecimal) slot(FactCatalog.MAX_USAGE_RATE);
    }

    public boolean isSanbaoAllowed() {
        Object allowed = base(FactCatalog.SANBAO_ALLOWED);
        return allowed == null || (Boolean) allowed;
    }

    /** The vehicle-level remedy rows set; gated rows count only while their gate is open. */
    public Remedy getVehicleRemedy() {
        Remedy r = (Remedy) slot(FactCatalog.VEHICLE_REMEDY);
        return r == null ? Remedy.NONE : r;
    }

    /** The usage-compensation rate: the claim's own when a row set one, else the regime's. */
    public BigDecimal getUsageRate() {
        BigDecimal own = (BigDecimal) slot(FactCatalog.CLAIM_USAGE_RATE);
        return own != null ? own : getRegimeUsageRate();
    }

    @SuppressWarnings("unchecked")
    public Set<DocumentCode> getRequiredDocuments() {
        Set<DocumentCode> docs = (Set<DocumentCode>) slot(FactCatalog.DOCUMENTS_REQUIRED);
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
