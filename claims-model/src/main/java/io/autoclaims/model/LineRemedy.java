package io.autoclaims.model;

/** Remedy for one claim line. */
public enum LineRemedy implements Labelled {
    REPAIR("维修"),
    REPLACE_PART("更换零件"),
    NONE("无");

    private final String zh;

    LineRemedy(String zh) {
        this.zh = zh;
    }

    @Override
    public String zh() {
        return zh;
    }
}
