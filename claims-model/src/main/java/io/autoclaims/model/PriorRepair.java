package io.autoclaims.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An earlier repair of the vehicle (warranty history). Build one with {@link #builder()}: its five
 * flags are named there.
 *
 * @param repairedOn     the day of the repair
 * @param system         the vehicle system repaired
 * @param part           the part's name or number
 * @param problem        the problem code
 * @param replaced       whether the part was replaced
 * @param mainPart       whether it is a main part of its system
 * @param assembly       whether the whole assembly was repaired or replaced
 * @param seriousSafety  whether it was a serious safety failure
 * @param repairDays     the days the vehicle was in repair
 * @param qualityProblem whether the repair was for a quality problem
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
     * A prior repair. Only a null required component is
     * refused: the contract's other rules are checked by {@link ClaimChecks}.
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
     */
    public PriorRepair {
        Objects.requireNonNull(repairedOn, "repairedOn");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(problem, "problem");
    }

    /**
     * A builder; {@code qualityProblem} defaults to true, every other field is required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a {@link PriorRepair} field by field. Each setter refuses null. {@link #build()} checks
     * the contract as the JSON codec does; inside a {@link Claim.Builder} the fields are checked at
     * their place in the claim ({@code history[0].repairDays}).
     */
    public static final class Builder {
        private LocalDate repairedOn;
        private PartSystem system;
        private String part;
        private String problem;
        private Boolean replaced;
        private Boolean mainPart;
        private Boolean assembly;
        private Boolean seriousSafety;
        private Integer repairDays;
        private boolean qualityProblem = true;

        private Builder() {
        }

        static Builder from(PriorRepair r) {
            return new Builder().repairedOn(r.repairedOn()).system(r.system()).part(r.part()).problem(r.problem())
                    .replaced(r.replaced()).mainPart(r.mainPart()).assembly(r.assembly())
                    .seriousSafety(r.seriousSafety()).repairDays(r.repairDays()).qualityProblem(r.qualityProblem());
        }

        Builder copy() {
            Builder b = new Builder();
            b.repairedOn = repairedOn;
            b.system = system;
            b.part = part;
            b.problem = problem;
            b.replaced = replaced;
            b.mainPart = mainPart;
            b.assembly = assembly;
            b.seriousSafety = seriousSafety;
            b.repairDays = repairDays;
            b.qualityProblem = qualityProblem;
            return b;
        }

        /**
         * Sets the day of the repair (required).
         *
         * @param repairedOn the day
         * @return this builder
         */
        public Builder repairedOn(LocalDate repairedOn) {
            this.repairedOn = Objects.requireNonNull(repairedOn, "repairedOn");
            return this;
        }

        /**
         * Sets the vehicle system repaired (required).
         *
         * @param system the system
         * @return this builder
         */
        public Builder system(PartSystem system) {
            this.system = Objects.requireNonNull(system, "system");
            return this;
        }

        /**
         * Sets the part's name or number (required).
         *
         * @param part at most 200 characters
         * @return this builder
         */
        public Builder part(String part) {
            this.part = Objects.requireNonNull(part, "part");
            return this;
        }

        /**
         * Sets the problem code (required).
         *
         * @param problem at most 64 characters
         * @return this builder
         */
        public Builder problem(String problem) {
            this.problem = Objects.requireNonNull(problem, "problem");
            return this;
        }

        /**
         * Sets whether the part was replaced (required).
         *
         * @param replaced true when replaced
         * @return this builder
         */
        public Builder replaced(boolean replaced) {
            this.replaced = replaced;
            return this;
        }

        /**
         * Sets whether the part is a main part of its system (required).
         *
         * @param mainPart true for a main part
         * @return this builder
         */
        public Builder mainPart(boolean mainPart) {
            this.mainPart = mainPart;
            return this;
        }

        /**
         * Sets whether the whole assembly was repaired or replaced (required).
         *
         * @param assembly true for an assembly
         * @return this builder
         */
        public Builder assembly(boolean assembly) {
            this.assembly = assembly;
            return this;
        }

        /**
         * Sets whether it was a serious safety failure (required).
         *
         * @param seriousSafety true when it was
         * @return this builder
         */
        public Builder seriousSafety(boolean seriousSafety) {
            this.seriousSafety = seriousSafety;
            return this;
        }

        /**
         * Sets the days the vehicle was in repair (required).
         *
         * @param repairDays 0 or more
         * @return this builder
         */
        public Builder repairDays(int repairDays) {
            this.repairDays = repairDays;
            return this;
        }

        /**
         * Sets whether the repair was for a quality problem (default: true).
         *
         * @param qualityProblem true when it was
         * @return this builder
         */
        public Builder qualityProblem(boolean qualityProblem) {
            this.qualityProblem = qualityProblem;
            return this;
        }

        /**
         * The prior repair, once the contract's rules hold; field paths in the error are its own.
         *
         * @return the prior repair
         * @throws InvalidClaimException for the first field that breaks the contract
         */
        public PriorRepair build() {
            return FieldChecks.build(this::check, this::create);
        }

        void check(FieldChecks c) {
            c.date("repairedOn", repairedOn).text("part", part).code("problem", problem)
                    .nonNegativeInt("repairDays", repairDays)
                    .required("repairedOn", repairedOn).required("system", system).required("part", part)
                    .required("problem", problem).required("replaced", replaced).required("mainPart", mainPart)
                    .required("assembly", assembly).required("seriousSafety", seriousSafety)
                    .required("repairDays", repairDays);
        }

        PriorRepair create() {
            return new PriorRepair(repairedOn, system, part, problem, replaced, mainPart, assembly, seriousSafety,
                    repairDays, qualityProblem);
        }
    }
}
