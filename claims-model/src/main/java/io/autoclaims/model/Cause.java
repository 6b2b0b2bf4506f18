package io.autoclaims.model;

/** Cause of a failure or loss. */
public enum Cause implements Labelled {
    /** A defect of the vehicle's manufacture or design. */
    QUALITY_DEFECT("质量问题"),
    /** Wear from normal use. */
    NORMAL_WEAR("正常磨损"),
    /** Use against the owner's manual. */
    MISUSE("使用不当"),
    /** A modification the manufacturer did not authorize. */
    UNAUTHORIZED_MODIFICATION("擅自改装"),
    /** Maintenance not done, or not done as the manual prescribes. */
    IMPROPER_MAINTENANCE("维护保养不当"),
    /** The owner's own improper handling of a fault, e.g. driving on after a warning. */
    IMPROPER_HANDLING("自行处置不当"),
    /** Force majeure: an event no party could foresee or prevent. */
    FORCE_MAJEURE("不可抗力"),
    /** A breakdown (the usual cause of a roadside assistance request). */
    BREAKDOWN("故障"),
    /** A collision. */
    COLLISION("碰撞"),
    /** The vehicle overturned. */
    OVERTURN("倾覆"),
    /** The vehicle fell, e.g. from a height. */
    FALL("坠落"),
    /** Fire from outside the vehicle. */
    FIRE("火灾"),
    /** An explosion. */
    EXPLOSION("爆炸"),
    /** An object fell onto the vehicle. */
    FALLING_OBJECT("外界物体坠落"),
    /** A natural disaster: storm, flood, hail, earthquake. */
    NATURAL_DISASTER("自然灾害"),
    /** Theft or robbery of the vehicle. */
    THEFT("盗抢"),
    /** The vehicle caught fire by itself. */
    SPONTANEOUS_COMBUSTION("自燃"),
    /** Glass broken alone, without other damage. */
    GLASS_BREAKAGE("玻璃单独破碎"),
    /** Water drawn into the engine. */
    WATER_INGRESS("发动机进水"),
    /** Body scratches without a collision. */
    SCRATCH("车身划痕"),
    /** Damage to the wheels or tyres alone. */
    WHEEL_ONLY("车轮单独损坏"),
    /** A deliberate act of the insured or driver. */
    DELIBERATE("故意行为");

    private final String zh;

    Cause(String zh) {
        this.zh = zh;
    }

    @Override
    public String zh() {
        return zh;
    }
}
