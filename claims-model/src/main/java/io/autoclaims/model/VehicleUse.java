package io.autoclaims.model;

/** Use of the vehicle (家用 vs 营运). */
public enum VehicleUse implements Labelled {
    /** Private (family) use. */
    PRIVATE("家用"),
    /** Commercial use, e.g. taxi or ride hailing. */
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
