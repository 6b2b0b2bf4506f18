package io.autoclaims.model;

/** Kind of claim: 质保/三包索赔, 车损险理赔, 道路救援. */
public enum ClaimType implements Labelled {
    /** A manufacturer warranty claim, including the 三包 rules. */
    WARRANTY("质保/三包索赔"),
    /** A motor-insurance damage claim. */
    INSURANCE("车损险理赔"),
    /** A roadside assistance request. */
    ASSISTANCE("道路救援");

    private final String zh;

    ClaimType(String zh) {
        this.zh = zh;
    }

    @Override
    public String zh() {
        return zh;
    }
}
