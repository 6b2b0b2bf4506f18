package io.autoclaims.model;

/** Serious safety failure observed (严重安全性能故障). */
public enum SafetyFault implements Labelled {
    STEERING_FAILURE("转向系统失效"),
    BRAKE_FAILURE("制动系统失效"),
    BODY_CRACKING("车身开裂"),
    FUEL_LEAK("燃油泄漏"),
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
