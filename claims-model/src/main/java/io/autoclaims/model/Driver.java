package io.autoclaims.model;

import io.autoclaims.model.internal.Contract;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The driver at an insured incident. Defaults: licensed, 0 mg/100ml, permitted, stayed at the scene.
 * Build one with {@link #builder()}.
 *
 * @param licensed           whether the driver held a valid licence for the vehicle
 * @param bacMgPer100ml      blood alcohol, mg per 100 ml
 * @param permittedByInsured whether the insured let the driver drive
 * @param leftScene          whether the driver left the scene of the accident
 */
public record Driver(boolean licensed, BigDecimal bacMgPer100ml, boolean permittedByInsured, boolean leftScene) {

    /** The contract's default driver. */
    public static final Driver DEFAULT = new Driver(true, BigDecimal.ZERO, true, false);

    /**
     * A driver. Only a null required component is
     * refused: the contract's other rules are checked by {@link ClaimChecks}.
     *
     * @param licensed           whether the driver held a valid licence
     * @param bacMgPer100ml      blood alcohol concentration in mg/100 ml
     * @param permittedByInsured whether the insured permitted this driver
     * @param leftScene          whether the driver left the scene
     * @throws NullPointerException when {@code bacMgPer100ml} is null
     */
    public Driver {
        Objects.requireNonNull(bacMgPer100ml, "bacMgPer100ml");
    }

    /**
     * A builder starting from the contract's default driver; every field is optional.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a {@link Driver} field by field. Each setter refuses null. {@link #build()} checks the
     * contract as the JSON codec does; inside a claim the fields are checked at their place in it
     * ({@code incident.driver.bacMgPer100ml}).
     */
    public static final class Builder {
        private boolean licensed = true;
        private BigDecimal bacMgPer100ml;
        private boolean permittedByInsured = true;
        private boolean leftScene;

        private Builder() {
        }

        static Builder from(Driver d) {
            return new Builder().licensed(d.licensed()).bacMgPer100ml(d.bacMgPer100ml())
                    .permittedByInsured(d.permittedByInsured()).leftScene(d.leftScene());
        }

        Builder copy() {
            Builder b = new Builder();
            b.licensed = licensed;
            b.bacMgPer100ml = bacMgPer100ml;
            b.permittedByInsured = permittedByInsured;
            b.leftScene = leftScene;
            return b;
        }

        /**
         * Sets whether the driver held a valid licence (default: true).
         *
         * @param licensed true when licensed
         * @return this builder
         */
        public Builder licensed(boolean licensed) {
            this.licensed = licensed;
            return this;
        }

        /**
         * Sets the blood alcohol concentration (default: 0).
         *
         * @param bacMgPer100ml mg per 100 ml, 0 or more
         * @return this builder
         */
        public Builder bacMgPer100ml(BigDecimal bacMgPer100ml) {
            this.bacMgPer100ml = Objects.requireNonNull(bacMgPer100ml, "bacMgPer100ml");
            return this;
        }

        /**
         * Sets whether the insured let the driver drive (default: true).
         *
         * @param permittedByInsured true when permitted
         * @return this builder
         */
        public Builder permittedByInsured(boolean permittedByInsured) {
            this.permittedByInsured = permittedByInsured;
            return this;
        }

        /**
         * Sets whether the driver left the scene (default: false).
         *
         * @param leftScene true when the driver left
         * @return this builder
         */
        public Builder leftScene(boolean leftScene) {
            this.leftScene = leftScene;
            return this;
        }

        /**
         * The driver, once the contract's rules hold; field paths in the error are the driver's own.
         *
         * @return the driver
         * @throws InvalidClaimException for the first field that breaks the contract
         */
        public Driver build() {
            return FieldChecks.build(this::check, this::create);
        }

        void check(FieldChecks c) {
            c.nonNegative("bacMgPer100ml", bacMgPer100ml);
        }

        Driver create() {
            return new Driver(licensed, bacMgPer100ml == null ? BigDecimal.ZERO : Contract.number(bacMgPer100ml),
                    permittedByInsured, leftScene);
        }
    }
}
