package io.autoclaims.model;

/** Roadside assistance service asked for. */
public enum AssistanceService implements Labelled {
    TOW("拖车"),
    ON_SITE("现场救援");

    private final String zh;

    AssistanceService(String zh) {
        this.zh = zh;
    }

    @Override
    public String zh() {
        return zh;
    }
}
