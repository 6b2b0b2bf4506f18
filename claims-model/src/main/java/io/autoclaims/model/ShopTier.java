package io.autoclaims.model;

/** Kind of repair shop. */
public enum ShopTier implements Labelled {
    /** A manufacturer's authorized dealer (4S shop). */
    DEALER_4S("4S店"),
    /** An independent repair shop. */
    INDEPENDENT("独立维修厂");

    private final String zh;

    ShopTier(String zh) {
        this.zh = zh;
    }

    @Override
    public String zh() {
        return zh;
    }
}
