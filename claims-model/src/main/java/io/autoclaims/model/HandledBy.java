package io.autoclaims.model;

/** Who settled the accident. */
public enum HandledBy implements Labelled {
    /** The traffic police. */
    POLICE("交警处理"),
    /** The parties themselves, by agreement. */
    PRIVATE_SETTLEMENT("自行协商"),
    /** A court. */
    COURT("法院"),
    /** Nobody: no settlement took place. */
    NONE("无");

    private final String zh;

    HandledBy(String zh) {
        this.zh = zh;
    }

    @Override
    public String zh() {
        return zh;
    }
}
