package io.autoclaims.model;

/** Vehicle system a claim line or prior repair belongs to. */
public enum PartSystem implements Labelled {
    /** Engine. */
    ENGINE("发动机"),
    /** Transmission (gearbox). */
    TRANSMISSION("变速器"),
    /** Traction battery of an electric or hybrid vehicle. */
    TRACTION_BATTERY("动力蓄电池"),
    /** Drive motor of an electric or hybrid vehicle. */
    DRIVE_MOTOR("行驶驱动电机"),
    /** Steering system. */
    STEERING("转向系统"),
    /** Brake system. */
    BRAKE("制动系统"),
    /** Suspension. */
    SUSPENSION("悬架系统"),
    /** Driveline: shafts, differential, axles. */
    DRIVELINE("传动系统"),
    /** Emission control devices. */
    EMISSION_CONTROL("污染控制装置"),
    /** Body. */
    BODY("车身"),
    /** Electrical equipment. */
    ELECTRICAL("电器"),
    /** Interior. */
    INTERIOR("内饰"),
    /** Glass. */
    GLASS("玻璃"),
    /** Wheels and tyres. */
    WHEEL_TYRE("车轮轮胎"),
    /** Air conditioning. */
    AIR_CONDITIONING("空调"),
    /** Wear parts with a term of their own, e.g. brake pads, wiper blades. */
    WEAR_PART("易损耗零部件"),
    /** The 12 V (low-voltage) battery. */
    LOW_VOLTAGE_BATTERY("低压蓄电池"),
    /** Fluids: oil, coolant, brake fluid. */
    FLUID("油液"),
    /** Accessories. */
    ACCESSORY("附件"),
    /** Anything else. */
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
