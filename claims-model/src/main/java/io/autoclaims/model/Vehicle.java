package io.autoclaims.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The vehicle. {@code deliveredOn} defaults to {@code purchasedOn}; {@code priceCny} may be null
 * (unknown purchase price).
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
     * a null {@code use} {@code PRIVATE}.
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
     * @throws IllegalArgumentException when {@code odometerKm} is negative
     */
    public Vehicle {
        Objects.requireNonNull(vin, "vin");
        Objects.requireNonNull(purchasedOn, "purchasedOn");
        deliveredOn = deliveredOn == null ? purchasedOn : deliveredOn;
        use = use == null ? VehicleUse.PRIVATE : use;
        if (odometerKm < 0) {
            throw new IllegalArgumentException("odometerKm must be >= 0, got " + odometerKm);
        }
    }

    /**
     * The day the warranty and 三包 periods start (三包/包修期起算日), R2021 art. 18.
     *
     * @return the delivery date, which defaults to the purchase date
     */
    public LocalDate periodStart() {
        return deliveredOn;
    }
}
