package io.autoclaims.model;

import io.autoclaims.model.internal.Contract;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A motor-insurance policy; {@code startsOn} and {@code endsOn} are both inclusive. Build one with
 * {@link #builder()}: its three amounts are named there.
 *
 * @param policyNo              the policy number
 * @param startsOn              the first day of cover
 * @param endsOn                the last day of cover
 * @param coverages             the main covers; null means none
 * @param addOns                the add-ons; null means none
 * @param sumInsuredCny         the sum insured
 * @param absoluteDeductibleRate the absolute deductible rate, 0 to 0.20; null means 0
 * @param absoluteDeductibleCny the absolute deductible amount; null means 0.00
 */
public record Policy(
        String policyNo,
        LocalDate startsOn,
        LocalDate endsOn,
        List<Coverage> coverages,
        List<AddOn> addOns,
        BigDecimal sumInsuredCny,
        BigDecimal absoluteDeductibleRate,
        BigDecimal absoluteDeductibleCny) {

    /**
     * A policy with the contract's defaults applied: no covers or add-ons, deductibles 0. Only a null required component is
     * refused: the contract's other rules are checked by {@link ClaimChecks}.
     *
     * @param policyNo               the policy number
     * @param startsOn               the first day of cover
     * @param endsOn                 the last day of cover
     * @param coverages              the main covers bought
     * @param addOns                 the add-ons bought
     * @param sumInsuredCny          the sum insured in CNY
     * @param absoluteDeductibleRate the absolute deductible as a fraction, 0 to 0.20
     * @param absoluteDeductibleCny  the absolute deductible in CNY
     * @throws NullPointerException when {@code policyNo}, a date or {@code sumInsuredCny} is null
     */
    public Policy {
        Objects.requireNonNull(policyNo, "policyNo");
        Objects.requireNonNull(startsOn, "startsOn");
        Objects.requireNonNull(endsOn, "endsOn");
        Objects.requireNonNull(sumInsuredCny, "sumInsuredCny");
        coverages = List.copyOf(coverages == null ? List.of() : coverages);
        addOns = List.copyOf(addOns == null ? List.of() : addOns);
        absoluteDeductibleRate = absoluteDeductibleRate == null ? BigDecimal.ZERO : absoluteDeductibleRate;
        absoluteDeductibleCny = absoluteDeductibleCny == null ? Money.ZERO : absoluteDeductibleCny;
    }

    /**
     * True when the policy is in force on that day.
     *
     * @param day the day asked about
     * @return true from {@code startsOn} to {@code endsOn}, both included
     */
    public boolean inForceOn(LocalDate day) {
        Objects.requireNonNull(day, "day");
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }

    /**
     * A builder. Required: {@code policyNo}, {@code startsOn}, {@code endsOn}, {@code coverages} and
     * {@code addOns} (either may be empty), {@code sumInsuredCny}; the deductibles default to 0.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a {@link Policy} field by field. Each setter refuses null: leave an optional field out by
     * not calling it. {@link #build()} checks the contract as the JSON codec does; inside a
     * {@link Claim.Builder} the fields are checked at their place in the claim ({@code policy.endsOn}).
     */
    public static final class Builder {
        private String policyNo;
        private LocalDate startsOn;
        private LocalDate endsOn;
        private List<Coverage> coverages;
        private List<AddOn> addOns;
        private BigDecimal sumInsuredCny;
        private BigDecimal absoluteDeductibleRate;
        private BigDecimal absoluteDeductibleCny;

        private Builder() {
        }

        static Builder from(Policy p) {
            Builder b = new Builder();
            b.policyNo = p.policyNo();
            b.startsOn = p.startsOn();
            b.endsOn = p.endsOn();
            b.coverages = p.coverages();
            b.addOns = p.addOns();
            b.sumInsuredCny = p.sumInsuredCny();
            b.absoluteDeductibleRate = p.absoluteDeductibleRate();
            b.absoluteDeductibleCny = p.absoluteDeductibleCny();
            return b;
        }

        Builder copy() {
            Builder b = new Builder();
            b.policyNo = policyNo;
            b.startsOn = startsOn;
            b.endsOn = endsOn;
            b.coverages = coverages;
            b.addOns = addOns;
            b.sumInsuredCny = sumInsuredCny;
            b.absoluteDeductibleRate = absoluteDeductibleRate;
            b.absoluteDeductibleCny = absoluteDeductibleCny;
            return b;
        }

        /**
         * Sets the policy number (required).
         *
         * @param policyNo at most 64 characters
         * @return this builder
         */
        public Builder policyNo(String policyNo) {
            this.policyNo = Objects.requireNonNull(policyNo, "policyNo");
            return this;
        }

        /**
         * Sets the first day of cover (required).
         *
         * @param startsOn the day, included
         * @return this builder
         */
        public Builder startsOn(LocalDate startsOn) {
            this.startsOn = Objects.requireNonNull(startsOn, "startsOn");
            return this;
        }

        /**
         * Sets the last day of cover (required), not before the first.
         *
         * @param endsOn the day, included
         * @return this builder
         */
        public Builder endsOn(LocalDate endsOn) {
            this.endsOn = Objects.requireNonNull(endsOn, "endsOn");
            return this;
        }

        /**
         * Sets the main covers (required; none is allowed), replacing any set before.
         *
         * @param coverages the covers, none of them null
         * @return this builder
         */
        public Builder coverages(Coverage... coverages) {
            this.coverages = FieldChecks.copy("coverages", coverages);
            return this;
        }

        /**
         * Sets the add-ons (required; none is allowed), replacing any set before.
         *
         * @param addOns the add-ons, none of them null
         * @return this builder
         */
        public Builder addOns(AddOn... addOns) {
            this.addOns = FieldChecks.copy("addOns", addOns);
            return this;
        }

        /**
         * Sets the sum insured (required).
         *
         * @param sumInsuredCny yuan, 0 or more with at most 2 decimal places
         * @return this builder
         */
        public Builder sumInsuredCny(BigDecimal sumInsuredCny) {
            this.sumInsuredCny = Objects.requireNonNull(sumInsuredCny, "sumInsuredCny");
            return this;
        }

        /**
         * Sets the absolute deductible rate (default: 0).
         *
         * @param absoluteDeductibleRate from 0 to 0.20
         * @return this builder
         */
        public Builder absoluteDeductibleRate(BigDecimal absoluteDeductibleRate) {
            this.absoluteDeductibleRate = Objects.requireNonNull(absoluteDeductibleRate, "absoluteDeductibleRate");
            return this;
        }

        /**
         * Sets the absolute deductible amount (default: 0.00).
         *
         * @param absoluteDeductibleCny yuan, 0 or more with at most 2 decimal places
         * @return this builder
         */
        public Builder absoluteDeductibleCny(BigDecimal absoluteDeductibleCny) {
            this.absoluteDeductibleCny = Objects.requireNonNull(absoluteDeductibleCny, "absoluteDeductibleCny");
            return this;
        }

        /**
         * The policy, once the contract's rules hold; field paths in the error are the policy's own
         * ({@code endsOn}).
         *
         * @return the policy
         * @throws InvalidClaimException for the first field that breaks the contract
         */
        public Policy build() {
            return FieldChecks.build(this::check, this::create);
        }

        void check(FieldChecks c) {
            c.code("policyNo", policyNo).date("startsOn", startsOn).date("endsOn", endsOn)
                    .money("sumInsuredCny", sumInsuredCny).deductibleRate("absoluteDeductibleRate", absoluteDeductibleRate)
                    .money("absoluteDeductibleCny", absoluteDeductibleCny)
                    .required("policyNo", policyNo).required("startsOn", startsOn).required("endsOn", endsOn)
                    .required("coverages", coverages).required("addOns", addOns).required("sumInsuredCny", sumInsuredCny)
                    .rule(() -> {
                        String order = Contract.endsBeforeStart(startsOn, endsOn);
                        return order == null ? null : new InputError("INVALID_FIELD", "endsOn", order);
                    });
        }

        Policy create() {
            return new Policy(policyNo, startsOn, endsOn, coverages, addOns, Contract.money(sumInsuredCny),
                    absoluteDeductibleRate == null ? null : Contract.number(absoluteDeductibleRate),
                    absoluteDeductibleCny == null ? null : Contract.money(absoluteDeductibleCny));
        }
    }
}
