package io.autoclaims.model;

/** Cause of a failure or loss. */
public enum Cause implements Labelled {
    QUALITY_DEFECT("质量问题"),
    NORMAL_WEAR("正常磨损"),
    MISUSE("使用不当"),
    UNAUTHORIZED_MODIFICATION("擅自改装"),
    IMPROPER_MAINTENANCE("维护保养不当"),
    IMPROPER_HANDLING("自行处置不当"),
    FORCE_MAJEURE("不可抗力"),
    BREAKDOWN("故障"),
    COLLISION("碰撞"),
    OVERTURN("倾覆"),
    FALL("坠落"),
    FIRE("火灾"),
    EXPLOSION("爆炸"),
    FALLING_OBJECT("外界物体坠落"),
    NATURAL_DISASTER("自然灾害"),
    THEFT("盗抢"),
    SPONTANEOUS_COMBUSTION("自燃"),
    GLASS_BREAKAGE("玻璃单独破碎"),
    WATER_INGRESS("发动机进水"),
    SCRATCH("车身划痕"),
    WHEEL_ONLY("车轮单独损坏"),
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
