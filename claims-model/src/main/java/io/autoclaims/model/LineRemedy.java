package io.autoclaims.model;

/** Remedy for one claim line. */
public enum LineRemedy implements Labelled {
    /** Repair the part. */
    REPAIR("维修"),
    /** Replace the part. */
    REPLACE_PART("更换零件"),
    /** Nothing: the line is not covered. */
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
