package io.autoclaims.rules.internal.run;

import io.autoclaims.model.Cause;
import io.autoclaims.model.ClaimLine;
import io.autoclaims.model.LineRemedy;
import io.autoclaims.model.PartSystem;
import io.autoclaims.model.PriorRepair;
import io.autoclaims.rules.internal.domain.CommonFacts;
import io.autoclaims.rules.internal.table.FactDef;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.kie.api.definition.type.ClassReactive;

/**
 * One claim line as Drools sees it; {@code claim} gives line tables the claim's facts. The vehicle
 * line of an assistance claim has no {@link ClaimLine}: every line fact is blank. Internal: public
 * only because generated rules use it.
 */
@ClassReactive
public final class LineFacts extends SlotFacts {
    private final ClaimFacts claim;
    private final ClaimLine line;
    private final int index;
    private final Cause cause;

    LineFacts(ClaimFacts claim, ClaimLine line, int index) {
        super(FactCatalog.LINE_SLOTS);
        this.claim = claim;
        this.line = line;
        this.index = index;
        this.cause = line == null ? null : line.effectiveCause(claim.claim().incident());
    }

    ClaimLine line() {
        return line;
    }

    int index() {
        return index;
    }

    @Override
    public ClaimFacts claimFacts() {
        return claim;
    }

    @Override
    boolean gateOpen(FactDef gate) {
        return claim.gateOpen(gate);
    }

    @Override
    public void fire(int row) {
        claim.run().fire(claim, this, row);
    }

    public ClaimFacts getClaim() {
        return claim;
    }

    public String getLineId() {
        return line == null ? null : line.lineId();
    }

    public String getPart() {
        return line == null ? null : line.part();
    }

    public String getProblem() {
        return line == null ? null : line.problem();
    }

    public PartSystem getSystem() {
        return line == null ? null : line.system();
    }

    public Cause getCause() {
        return cause;
    }

    public Boolean getMainPart() {
        return line == null ? null : line.mainPart();
    }

    public Boolean getRepairable() {
        return line == null ? null : line.repairable();
    }

    public Boolean getPriorRepairAtUnauthorizedShop() {
        return line == null ? null : line.priorRepairAtUnauthorizedShop();
    }

    public BigDecimal getRepairCostCny() {
        return line == null ? null : line.repairCostCny();
    }

    public BigDecimal getReplaceCostCny() {
        return line == null ? null : line.replaceCostCny();
    }

    /** What the line pays for its remedy: the repair quote for REPAIR, the replacement for REPLACE_PART. */
    BigDecimal amount() {
        LineRemedy remedy = getRemedy();
        if (line == null || remedy == null) {
            return BigDecimal.ZERO;
        }
        return switch (remedy) {
            case REPAIR -> line.repairCostCny();
            case REPLACE_PART -> line.replaceCostCny();
            case NONE -> BigDecimal.ZERO;
        };
    }

    // ---- slots --------------------------------------------------------------------------------

    public Integer getTermMonths() {
        return (Integer) slot(CommonFacts.LINE_TERM_MONTHS);
    }

    public Integer getTermKm() {
        return (Integer) slot(CommonFacts.LINE_TERM_KM);
    }

    public Boolean getCovered() {
        return (Boolean) slot(CommonFacts.LINE_COVERED);
    }

    public LineRemedy getRemedy() {
        return (LineRemedy) slot(CommonFacts.LINE_REMEDY);
    }

    // ---- derived ------------------------------------------------------------------------------

    /** Months past the term: &gt; 0 means expired by time; null until a term is known. */
    public Integer getMonthsOverTerm() {
        Integer term = getTermMonths();
        return term == null ? null : claim.getMonthsSinceStart() - term;
    }

    /** Kilometres past the term: &gt; 0 means expired by distance; null until a term is known. */
    public Integer getKmOverTerm() {
        Integer term = getTermKm();
        return term == null ? null : claim.getOdometerKm() - term;
    }

    public int getSameProblemRepairs() {
        String problem = getProblem();
        return problem == null ? 0 : claim.countHistory(p -> problem.equals(p.problem()));
    }

    public int getSameProblemSeriousRepairs() {
        String problem = getProblem();
        return problem == null ? 0 : claim.countHistory(p -> p.seriousSafety() && problem.equals(p.problem()));
    }

    public int getSystemAssemblyReplacements() {
        return line == null ? 0 : claim.countHistory(p -> p.assembly() && p.system() == line.system());
    }

    public int getSamePartMainReplacements() {
        return line == null ? 0
                : claim.countHistory(p -> p.mainPart() && p.replaced() && Objects.equals(p.part(), line.part()));
    }

    /**
     * Days from the latest repair of the line's problem (any history entry, on or before the
     * incident) to the incident; null when the line names no problem or it was never repaired.
     */
    public Integer getDaysSinceLastRepair() {
        String problem = getProblem();
        if (problem == null) {
            return null;
        }
        LocalDate occurred = claim.claim().incident().occurredOn();
        LocalDate last = null;
        for (PriorRepair p : claim.claim().history()) {
            LocalDate on = p.repairedOn();
            if (problem.equals(p.problem()) && !on.isAfter(occurred) && (last == null || on.isAfter(last))) {
                last = on;
            }
        }
        return last == null ? null : (int) ChronoUnit.DAYS.between(last, occurred);
    }
}
