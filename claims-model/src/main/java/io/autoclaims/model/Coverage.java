package io.autoclaims.model;

/** Main motor-insurance covers. */
public enum Coverage implements Labelled {
    /** Damage to the insured vehicle (车损险). */
    VEHICLE_DAMAGE("机动车损失保险"),
    /** Third-party liability. */
    THIRD_PARTY("第三者责任保险"),
    /** Liability for the vehicle's occupants. */
    OCCUPANT("车上人员责任保险");

    private final String zh;

    Coverage(String zh) {
        this.zh = zh;
    }

    @Override
    public String zh() {
        return zh;
    }
}
