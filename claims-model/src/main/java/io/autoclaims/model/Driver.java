package io.autoclaims.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The driver at an insured incident. Defaults: licensed, 0 mg/100ml, permitted, stayed at the scene.
 *
 * @param licensed           whether the driver held a valid licence
 * @param bacMgPer100ml      blood alcohol concentration in mg/100 ml
 * @param permittedByInsured whether the insured permitted this driver
 * @param leftScene          whether the driver left the scene
 */
public record Driver(boolean licensed, BigDecimal bacMgPer100ml, boolean permittedByInsured, boolean leftScene) {

    /** The contract's default driver. */
    public static final Driver DEFAULT = new Driver(true, BigDecimal.ZERO, true, false);

    /**
     * A driver.
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
}
