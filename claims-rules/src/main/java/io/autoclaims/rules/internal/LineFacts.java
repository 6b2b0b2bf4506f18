package io.autoclaims.rules.internal;

import io.autoclaims.model.Cause;
import io.autoclaims.model.ClaimLine;
import io.autoclaims.model.LineRemedy;
import io.autoclaims.model.PartSystem;
import java.math.BigDecimal;
import java.util.Objects;
import org.kie.api.definition.type.ClassReactive;

/**
 * One claim line as Drools sees it; {@code claim} gives line tables the claim's facts. Internal:
 * public only because generated rules use it.
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
        this.cause = line.effectiveCause(claim.claim().incident());
    }

    ClaimLine line() {
        return line;
    }

    int index() {
        return index;
    }

    @Override
    ClaimFacts claimFacts() {
        return claim;
    }

    @Override
    boolean gateOpen(FactDef gate) {
        return claim.gateOpen(gate);
    }

    /** Called by generated rules when a row fires for this line. */
    public void fire(int row) {
        claim.run().fire(claim, this, row);
        setHit(row);
    }

    public ClaimFacts getClaim() {
        return claim;
    }

    public String getLineId() {
        return line.lineId();
    }

    public String getPart() {
        return line.part();
    }

    public String getProblem() {
        return line.problem();
    }

    public PartSystem getSystem() {
        return line.system();
    }

    public Cause getCause() {
        return cause;
    }

    public boolean isMainPart() {
        return line.mainPart();
    }

    public boolean isRepairable() {
        return line.repairable();
    }

    public boolean isPriorRepairAtUnauthorizedShop() {
        return line.priorRepairAtUnauthorizedShop();
    }

    public BigDecimal getRepairCostCny() {
        return line.repairCostCny();
    }

    public BigDecimal getReplaceCostCny() {
        return line.replaceCostCny();
    }

    // ---- slots --------------------------------------------------------------------------------

    public Integer getTermMonths() {
        return (Integer) slot(FactCatalog.TERM_MONTHS);
    }

    public Integer getTermKm() {
        return (Integer) slot(FactCatalog.TERM_KM);
    }

    public Boolean getCovered() {
        return (Boolean) slot(FactCatalog.COVERED);
    }

    public LineRemedy getRemedy() {
        return (LineRemedy) slot(FactCatalog.LINE_REMEDY);
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
        return line.problem() == null ? 0 : claim.countHistory(p -> line.problem().equals(p.problem()));
    }

    public int getSameProblemSeriousRepairs() {
        return line.problem() == null ? 0
                : claim.countHistory(p -> p.seriousSafety() && line.problem().equals(p.problem()));
    }

    public int getSystemAssemblyReplacements() {
        return claim.countHistory(p -> p.assembly() && p.system() == line.system());
    }

    public int getSamePartMainReplacements() {
        return claim.countHistory(p -> p.mainPart() && p.replaced() && Objects.equals(p.part(), line.part()));
    }
}
