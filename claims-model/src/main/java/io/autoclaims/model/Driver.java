package io.autoclaims.model;

import java.math.BigDecimal;
import java.util.Objects;

/** The driver at an insured incident. Defaults: licensed, 0 mg/100ml, permitted, stayed at the scene. */
public record Driver(boolean licensed, BigDecimal bacMgPer100ml, boolean permittedByInsured, boolean leftScene) {

    /** The contract's default driver. */
    public static final Driver DEFAULT = new Driver(true, BigDecimal.ZERO, true, false);

    public Driver {
        Objects.requireNonNull(bacMgPer100ml, "bacMgPer100ml");
    }
}
