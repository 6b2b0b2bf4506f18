package io.autoclaims.model;

/** Who settled the accident. */
public enum HandledBy implements Labelled {
    POLICE("交警处理"),
    PRIVATE_SETTLEMENT("自行协商"),
    COURT("法院"),
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
