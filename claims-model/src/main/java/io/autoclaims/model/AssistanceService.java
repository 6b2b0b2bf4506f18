package io.autoclaims.model;

/** Roadside assistance service asked for. */
public enum AssistanceService implements Labelled {
    /** Towing the vehicle to a workshop. */
    TOW("拖车"),
    /** Help on the spot: jump start, tyre change, fuel. */
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
