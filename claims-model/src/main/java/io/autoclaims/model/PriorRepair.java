package io.autoclaims.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An earlier repair of the vehicle (warranty history).
 *
 * @param repairedOn     the day of the repair
 * @param system         the vehicle system
 * @param part           the part's name or number
 * @param problem        the problem code
 * @param replaced       whether the part was replaced
 * @param mainPart       whether it is a main part of its system
 * @param assembly       whether the whole assembly was replaced
 * @param seriousSafety  whether it was a serious safety failure
 * @param repairDays     days the vehicle was in the shop, 0 or more
 * @param qualityProblem whether it was a quality problem
 */
public record PriorRepair(
        LocalDate repairedOn,
        PartSystem system,
        String part,
        String problem,
        boolean replaced,
        boolean mainPart,
        boolean assembly,
        boolean seriousSafety,
        int repairDays,
        boolean qualityProblem) {

    /**
     * A prior repair.
     *
     * @param repairedOn     the day of the repair
     * @param system         the vehicle system
     * @param part           the part's name or number
     * @param problem        the problem code
     * @param replaced       whether the part was replaced
     * @param mainPart       whether it is a main part of its system
     * @param assembly       whether the whole assembly was replaced
     * @param seriousSafety  whether it was a serious safety failure
     * @param repairDays     days the vehicle was in the shop, 0 or more
     * @param qualityProblem whether it was a quality problem
     * @throws NullPointerException when {@code repairedOn}, {@code system}, {@code part} or {@code problem}
     *     is null
     * @throws IllegalArgumentException when {@code repairDays} is negative
     */
    public PriorRepair {
        Objects.requireNonNull(repairedOn, "repairedOn");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(problem, "problem");
        if (repairDays < 0) {
            throw new IllegalArgumentException("repairDays must be >= 0, got " + repairDays);
        }
    }
}
