package io.autoclaims.model;

import java.time.LocalDate;
import java.util.Objects;

/** An earlier repair of the vehicle (warranty history). */
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
