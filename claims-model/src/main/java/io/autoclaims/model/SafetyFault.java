package io.autoclaims.model;

/** Serious safety failure observed (严重安全性能故障). */
public enum SafetyFault implements Labelled {
    /** The steering failed. */
    STEERING_FAILURE("转向系统失效"),
    /** The brakes failed. */
    BRAKE_FAILURE("制动系统失效"),
    /** The body cracked. */
    BODY_CRACKING("车身开裂"),
    /** Fuel leaked. */
    FUEL_LEAK("燃油泄漏"),
    /** The traction battery caught fire. */
    TRACTION_BATTERY_FIRE("动力蓄电池起火");

    private final String zh;

    SafetyFault(String zh) {
        this.zh = zh;
    }

    @Override
    public String zh() {
        return zh;
    }
}
