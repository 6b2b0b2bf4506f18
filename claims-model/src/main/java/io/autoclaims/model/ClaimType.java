package io.autoclaims.model;

/** Kind of claim: 质保/三包索赔, 车损险理赔, 道路救援. */
public enum ClaimType implements Labelled {
    WARRANTY("质保/三包索赔"),
    INSURANCE("车损险理赔"),
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
