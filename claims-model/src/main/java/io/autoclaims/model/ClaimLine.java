package io.autoclaims.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One repair line of a claim. {@code problem} and {@code cause} may be null.
 *
 * @param lineId                        the line's id, unique within the claim
 * @param system                        the vehicle system the part belongs to
 * @param part                          the part's name or number, free text
 * @param problem                       a problem code (equal codes mean the same problem across the repair
 *     history), or null
 * @param mainPart                      whether the part is a main part (主要零部件) of its system
 * @param repairable                    whether the part can be repaired
 * @param repairCostCny                 the quote to repair in CNY (labour and materials)
 * @param replaceCostCny                the quote to replace in CNY
 * @param cause                         the line's own cause, overriding the incident's, or null
 * @param priorRepairAtUnauthorizedShop whether this part was worked on outside the authorized network before
 */
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

    /**
     * A claim line.
     *
     * @param lineId                        the line's id, unique within the claim
     * @param system                        the vehicle system the part belongs to
     * @param part                          the part's name or number, free text
     * @param problem                       a problem code (equal codes mean the same problem across the
     *     repair history), or null
     * @param mainPart                      whether the part is a main part (主要零部件) of its system
     * @param repairable                    whether the part can be repaired
     * @param repairCostCny                 the quote to repair in CNY (labour and materials)
     * @param replaceCostCny                the quote to replace in CNY
     * @param cause                         the line's own cause, overriding the incident's, or null
     * @param priorRepairAtUnauthorizedShop whether this part was worked on outside the authorized network
     *     before
     * @throws NullPointerException when {@code lineId}, {@code system}, {@code part} or an amount is null
     */
    public ClaimLine {
        Objects.requireNonNull(lineId, "lineId");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(repairCostCny, "repairCostCny");
        Objects.requireNonNull(replaceCostCny, "replaceCostCny");
    }

    /**
     * The cause the rules see for this line.
     *
     * @param incident the claim's incident
     * @return the line's own cause when given, else the incident's
     */
    public Cause effectiveCause(Incident incident) {
        return cause != null ? cause : incident.cause();
    }
}
