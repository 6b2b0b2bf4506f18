package io.autoclaims.model;

/** Motor-insurance add-ons (附加险). */
public enum AddOn implements Labelled {
    /** Body scratch cover. */
    SCRATCH("车身划痕损失险"),
    /** Cover for damage to the wheels alone. */
    WHEEL_ONLY_DAMAGE("车轮单独损失险"),
    /** Roadside assistance cover. */
    ROAD_ASSISTANCE("道路救援服务特约");

    private final String zh;

    AddOn(String zh) {
        this.zh = zh;
    }

    @Override
    public String zh() {
        return zh;
    }
}
