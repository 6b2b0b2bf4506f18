package io.autoclaims.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The vehicle. {@code deliveredOn} defaults to {@code purchasedOn}; {@code priceCny} may be null
 * (unknown purchase price).
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

    public Vehicle {
        Objects.requireNonNull(vin, "vin");
        Objects.requireNonNull(purchasedOn, "purchasedOn");
        deliveredOn = deliveredOn == null ? purchasedOn : deliveredOn;
        use = use == null ? VehicleUse.PRIVATE : use;
        if (odometerKm < 0) {
            throw new IllegalArgumentException("odometerKm must be >= 0, got " + odometerKm);
        }
    }

    /** 三包/包修期起算日: the delivery date (which defaults to the purchase date), R2021 art. 18. */
    public LocalDate periodStart() {
        return deliveredOn;
    }
}
