package io.autoclaims.model;

/** Vehicle system a claim line or prior repair belongs to. */
public enum PartSystem implements Labelled {
    ENGINE("发动机"),
    TRANSMISSION("变速器"),
    TRACTION_BATTERY("动力蓄电池"),
    DRIVE_MOTOR("行驶驱动电机"),
    STEERING("转向系统"),
    BRAKE("制动系统"),
    SUSPENSION("悬架系统"),
    DRIVELINE("传动系统"),
    EMISSION_CONTROL("污染控制装置"),
    BODY("车身"),
    ELECTRICAL("电器"),
    INTERIOR("内饰"),
    GLASS("玻璃"),
    WHEEL_TYRE("车轮轮胎"),
    AIR_CONDITIONING("空调"),
    WEAR_PART("易损耗零部件"),
    LOW_VOLTAGE_BATTERY("低压蓄电池"),
    FLUID("油液"),
    ACCESSORY("附件"),
    OTHER("其他");

    private final String zh;

    PartSystem(String zh) {
        this.zh = zh;
    }

    @Override
    public String zh() {
        return zh;
    }
}
