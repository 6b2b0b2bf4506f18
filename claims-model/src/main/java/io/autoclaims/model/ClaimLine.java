package io.autoclaims.model;

import io.autoclaims.model.internal.Contract;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One repair line of a claim. {@code problem} and {@code cause} may be null. Build one with
 * {@link #builder()}: the two costs are named there, so they cannot be swapped silently.
 *
 * @param lineId                        the line's id, unique within the claim
 * @param system                        the vehicle system of the part
 * @param part                          the part's name or number
 * @param problem                       the problem code, or null
 * @param mainPart                      whether the part is a main part (主要零件) of its system
 * @param repairable                    whether the part can be repaired
 * @param repairCostCny                 the cost of repairing the part
 * @param replaceCostCny                the cost of replacing it
 * @param cause                         the line's own cause, or null for the incident's
 * @param priorRepairAtUnauthorizedShop whether the part was repaired before outside the maker's network
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
     * A claim line. Only a null required component is
     * refused: the contract's other rules are checked by {@link ClaimChecks}.
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
     * The line's own cause when given, else the incident's.
     *
     * @param incident the claim's incident
     * @return the cause that applies to this line
     */
    public Cause effectiveCause(Incident incident) {
        Objects.requireNonNull(incident, "incident");
        return cause != null ? cause : incident.cause();
    }

    /**
     * A builder with the contract's defaults: {@code mainPart} false, {@code repairable} true,
     * {@code priorRepairAtUnauthorizedShop} false. Required: {@code lineId}, {@code system},
     * {@code part}, {@code repairCostCny}, {@code replaceCostCny}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a {@link ClaimLine} field by field. Each setter refuses null: leave an optional field out
     * by not calling it. {@link #build()} checks the contract as the JSON codec does; inside a
     * {@link Claim.Builder} the fields are checked at their place in the claim
     * ({@code lines[0].repairCostCny}).
     */
    public static final class Builder {
        private String lineId;
        private PartSystem system;
        private String part;
        private String problem;
        private boolean mainPart;
        private boolean repairable = true;
        private BigDecimal repairCostCny;
        private BigDecimal replaceCostCny;
        private Cause cause;
        private boolean priorRepairAtUnauthorizedShop;

        private Builder() {
        }

        static Builder from(ClaimLine l) {
            Builder b = new Builder();
            b.lineId = l.lineId();
            b.system = l.system();
            b.part = l.part();
            b.problem = l.problem();
            b.mainPart = l.mainPart();
            b.repairable = l.repairable();
            b.repairCostCny = l.repairCostCny();
            b.replaceCostCny = l.replaceCostCny();
            b.cause = l.cause();
            b.priorRepairAtUnauthorizedShop = l.priorRepairAtUnauthorizedShop();
            return b;
        }

        Builder copy() {
            Builder b = new Builder();
            b.lineId = lineId;
            b.system = system;
            b.part = part;
            b.problem = problem;
            b.mainPart = mainPart;
            b.repairable = repairable;
            b.repairCostCny = repairCostCny;
            b.replaceCostCny = replaceCostCny;
            b.cause = cause;
            b.priorRepairAtUnauthorizedShop = priorRepairAtUnauthorizedShop;
            return b;
        }

        /** The line id set, or null: what the claim's uniqueness rule reads. */
        String lineId() {
            return lineId;
        }

        /**
         * Sets the line's id (required), unique within the claim.
         *
         * @param lineId at most 64 characters
         * @return this builder
         */
        public Builder lineId(String lineId) {
            this.lineId = Objects.requireNonNull(lineId, "lineId");
            return this;
        }

        /**
         * Sets the vehicle system of the part (required).
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
         * Sets the problem code (default: none).
         *
         * @param problem at most 64 characters
         * @return this builder
         */
        public Builder problem(String problem) {
            this.problem = Objects.requireNonNull(problem, "problem");
            return this;
        }

        /**
         * Sets whether the part is a main part of its system (default: false).
         *
         * @param mainPart true for a main part
         * @return this builder
         */
        public Builder mainPart(boolean mainPart) {
            this.mainPart = mainPart;
            return this;
        }

        /**
         * Sets whether the part can be repaired (default: true).
         *
         * @param repairable false when only a replacement fixes it
         * @return this builder
         */
        public Builder repairable(boolean repairable) {
            this.repairable = repairable;
            return this;
        }

        /**
         * Sets the cost of repairing the part (required).
         *
         * @param repairCostCny yuan, 0 or more with at most 2 decimal places
         * @return this builder
         */
        public Builder repairCostCny(BigDecimal repairCostCny) {
            this.repairCostCny = Objects.requireNonNull(repairCostCny, "repairCostCny");
            return this;
        }

        /**
         * Sets the cost of replacing the part (required).
         *
         * @param replaceCostCny yuan, 0 or more with at most 2 decimal places
         * @return this builder
         */
        public Builder replaceCostCny(BigDecimal replaceCostCny) {
            this.replaceCostCny = Objects.requireNonNull(replaceCostCny, "replaceCostCny");
            return this;
        }

        /**
         * Sets the line's own cause (default: the incident's).
         *
         * @param cause the cause of this line's failure
         * @return this builder
         */
        public Builder cause(Cause cause) {
            this.cause = Objects.requireNonNull(cause, "cause");
            return this;
        }

        /**
         * Sets whether the part was repaired before outside the maker's network (default: false).
         *
         * @param priorRepairAtUnauthorizedShop true when it was
         * @return this builder
         */
        public Builder priorRepairAtUnauthorizedShop(boolean priorRepairAtUnauthorizedShop) {
            this.priorRepairAtUnauthorizedShop = priorRepairAtUnauthorizedShop;
            return this;
        }

        /**
         * The line, once the contract's rules hold; field paths in the error are the line's own
         * ({@code repairCostCny}).
         *
         * @return the line
         * @throws InvalidClaimException for the first field that breaks the contract
         */
        public ClaimLine build() {
            return FieldChecks.build(this::check, this::create);
        }

        void check(FieldChecks c) {
            c.code("lineId", lineId).text("part", part).code("problem", problem)
                    .money("repairCostCny", repairCostCny).money("replaceCostCny", replaceCostCny)
                    .required("lineId", lineId).required("system", system).required("part", part)
                    .required("repairCostCny", repairCostCny).required("replaceCostCny", replaceCostCny);
        }

        ClaimLine create() {
            return new ClaimLine(lineId, system, part, problem, mainPart, repairable, Contract.money(repairCostCny),
                    Contract.money(replaceCostCny), cause, priorRepairAtUnauthorizedShop);
        }
    }
}
