package io.autoclaims.model;

/** Use of the vehicle (家用 vs 营运). */
public enum VehicleUse implements Labelled {
    PRIVATE("家用"),
    COMMERCIAL("营运");

    private final String zh;

    VehicleUse(String zh) {
        this.zh = zh;
    }

    @Override
    public String zh() {
        return zh;
    }
}
