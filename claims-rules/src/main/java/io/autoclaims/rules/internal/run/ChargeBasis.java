package io.autoclaims.rules.internal.run;

import io.autoclaims.model.Labelled;

/** How an assistance charge is priced. */
public enum ChargeBasis implements Labelled {
    /** By the club's tariff: fixed price plus a price per started km beyond the free km. */
    TARIFF("按救援价目"),
    /** The highway tolls of the request, at cost. */
    HIGHWAY_TOLL("高速通行费（实报实销）");

    private final String zh;

    ChargeBasis(String zh) {
        this.zh = zh;
    }

    @Override
    public String zh() {
        return zh;
    }
}
