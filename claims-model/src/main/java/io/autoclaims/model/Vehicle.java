package io.autoclaims.model;

import io.autoclaims.model.internal.Contract;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The vehicle. {@code deliveredOn} defaults to {@code purchasedOn}; {@code priceCny} may be null
 * (unknown purchase price). Build one with {@link #builder()}.
 *
 * @param vin                the vehicle identification number, 17 characters
 * @param purchasedOn        the day the vehicle was bought
 * @param deliveredOn        the day it was handed over; null means {@code purchasedOn}
 * @param odometerKm         the odometer reading, km
 * @param priceCny           the purchase price, or null when unknown
 * @param use                private or commercial; null means {@link VehicleUse#PRIVATE}
 * @param warrantyRegistered whether the warranty was registered with the maker
 * @param inspectionValid    whether the vehicle's periodic inspection is valid
 */
public record Vehicle(
        String vin,
        LocalDate purchasedOn,
        LocalDate deliveredOn,
        int odometerKm,
        BigDecimal priceCny,
        VehicleUse use,
        boolean warrantyRegistered,
        boolean inspectionValid) {

    /**
     * A vehicle with the contract's defaults applied: a null {@code deliveredOn} becomes {@code purchasedOn},
     * a null {@code use} {@code PRIVATE}. Only a null required component is
     * refused: the contract's other rules are checked by {@link ClaimChecks}.
     *
     * @param vin                the vehicle identification number, 17 characters
     * @param purchasedOn        the purchase invoice date
     * @param deliveredOn        the delivery date
     * @param odometerKm         the odometer reading in km when the failure or incident occurred
     * @param priceCny           the purchase price in CNY, or null when unknown
     * @param use                private or commercial use
     * @param warrantyRegistered whether the purchase is verifiable in the maker's system (which waives the
     *     warranty card)
     * @param inspectionValid    whether the periodic inspection (年检) was valid on the incident date
     * @throws NullPointerException when {@code vin} or {@code purchasedOn} is null
     */
    public Vehicle {
        Objects.requireNonNull(vin, "vin");
        Objects.requireNonNull(purchasedOn, "purchasedOn");
        deliveredOn = deliveredOn == null ? purchasedOn : deliveredOn;
        use = use == null ? VehicleUse.PRIVATE : use;
    }

    /**
     * 三包/包修期起算日: the delivery date (which defaults to the purchase date), R2021 art. 18.
     *
     * @return the day the warranty period starts
     */
    public LocalDate periodStart() {
        return deliveredOn;
    }

    /**
     * A builder with the contract's defaults: {@code use} PRIVATE, {@code warrantyRegistered} false,
     * {@code inspectionValid} true. Required: {@code vin}, {@code purchasedOn}, {@code odometerKm}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a {@link Vehicle} field by field. Each setter refuses null: leave an optional field out by
     * not calling it. {@link #build()} checks the contract as the JSON codec does; inside a
     * {@link Claim.Builder} the fields are checked at their place in the claim ({@code vehicle.vin}).
     */
    public static final class Builder {
        private String vin;
        private LocalDate purchasedOn;
        private LocalDate deliveredOn;
        private Integer odometerKm;
        private BigDecimal priceCny;
        private VehicleUse use;
        private boolean warrantyRegistered;
        private boolean inspectionValid = true;

        private Builder() {
        }

        static Builder from(Vehicle v) {
            Builder b = new Builder();
            b.vin = v.vin();
            b.purchasedOn = v.purchasedOn();
            b.deliveredOn = v.deliveredOn();
            b.odometerKm = v.odometerKm();
            b.priceCny = v.priceCny();
            b.use = v.use();
            b.warrantyRegistered = v.warrantyRegistered();
            b.inspectionValid = v.inspectionValid();
            return b;
        }

        Builder copy() {
            Builder b = new Builder();
            b.vin = vin;
            b.purchasedOn = purchasedOn;
            b.deliveredOn = deliveredOn;
            b.odometerKm = odometerKm;
            b.priceCny = priceCny;
            b.use = use;
            b.warrantyRegistered = warrantyRegistered;
            b.inspectionValid = inspectionValid;
            return b;
        }

        /**
         * Sets the VIN (required).
         *
         * @param vin exactly 17 characters
         * @return this builder
         */
        public Builder vin(String vin) {
            this.vin = Objects.requireNonNull(vin, "vin");
            return this;
        }

        /**
         * Sets the purchase date (required).
         *
         * @param purchasedOn the day the vehicle was bought
         * @return this builder
         */
        public Builder purchasedOn(LocalDate purchasedOn) {
            this.purchasedOn = Objects.requireNonNull(purchasedOn, "purchasedOn");
            return this;
        }

        /**
         * Sets the delivery date, which starts the warranty period (default: the purchase date).
         *
         * @param deliveredOn the day the vehicle was handed over
         * @return this builder
         */
        public Builder deliveredOn(LocalDate deliveredOn) {
            this.deliveredOn = Objects.requireNonNull(deliveredOn, "deliveredOn");
            return this;
        }

        /**
         * Sets the odometer reading (required).
         *
         * @param odometerKm kilometres, 0 or more
         * @return this builder
         */
        public Builder odometerKm(int odometerKm) {
            this.odometerKm = odometerKm;
            return this;
        }

        /**
         * Sets the purchase price (default: unknown).
         *
         * @param priceCny yuan, 0 or more with at most 2 decimal places
         * @return this builder
         */
        public Builder priceCny(BigDecimal priceCny) {
            this.priceCny = Objects.requireNonNull(priceCny, "priceCny");
            return this;
        }

        /**
         * Sets the use (default: {@link VehicleUse#PRIVATE}).
         *
         * @param use private or commercial
         * @return this builder
         */
        public Builder use(VehicleUse use) {
            this.use = Objects.requireNonNull(use, "use");
            return this;
        }

        /**
         * Sets whether the warranty was registered with the maker (default: false).
         *
         * @param warrantyRegistered true when registered
         * @return this builder
         */
        public Builder warrantyRegistered(boolean warrantyRegistered) {
            this.warrantyRegistered = warrantyRegistered;
            return this;
        }

        /**
         * Sets whether the periodic inspection is valid (default: true).
         *
         * @param inspectionValid true when valid
         * @return this builder
         */
        public Builder inspectionValid(boolean inspectionValid) {
            this.inspectionValid = inspectionValid;
            return this;
        }

        /**
         * The vehicle, once the contract's rules hold; field paths in the error are the vehicle's own
         * ({@code vin}, {@code odometerKm}).
         *
         * @return the vehicle
         * @throws InvalidClaimException for the first field that breaks the contract
         */
        public Vehicle build() {
            return FieldChecks.build(this::check, this::create);
        }

        /** The day the warranty period starts, as {@link Vehicle#periodStart()} says; purchasedOn must be set. */
        LocalDate periodStart() {
            return deliveredOn != null ? deliveredOn : purchasedOn;
        }

        void check(FieldChecks c) {
            c.vin("vin", vin).date("purchasedOn", purchasedOn).date("deliveredOn", deliveredOn)
                    .nonNegativeInt("odometerKm", odometerKm).money("priceCny", priceCny)
                    .required("vin", vin).required("purchasedOn", purchasedOn).required("odometerKm", odometerKm);
        }

        Vehicle create() {
            return new Vehicle(vin, purchasedOn, deliveredOn, odometerKm, priceCny == null ? null : Contract.money(priceCny),
                    use, warrantyRegistered, inspectionValid);
        }
    }
}
