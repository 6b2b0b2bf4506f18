package io.autoclaims.model;

import java.math.BigDecimal;
import java.util.Objects;

/** One repair line of a claim. {@code problem} and {@code cause} may be null. */
public record ClaimLine(
        String lineId,
        PartSystem system,
        String part,
        String problem,
        boolean mainPart,
        boolean repairable,
        BigDecimal repairCostCny,
        BigDecimal replaceCostCny,
        Cause cause,
        boolean priorRepairAtUnauthorizedShop) {

    public ClaimLine {
        Objects.requireNonNull(lineId, "lineId");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(repairCostCny, "repairCostCny");
        Objects.requireNonNull(replaceCostCny, "replaceCostCny");
    }

    /** The line's own cause when given, else the incident's. */
    public Cause effectiveCause(Incident incident) {
        return cause != null ? cause : incident.cause();
    }
}
