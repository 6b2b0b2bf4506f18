package io.autoclaims.model;

/** Kind of repair shop. */
public enum ShopTier implements Labelled {
    DEALER_4S("4S店"),
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
