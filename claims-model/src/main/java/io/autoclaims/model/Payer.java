package io.autoclaims.model;

/** Who pays an assistance charge. */
public enum Payer implements Labelled {
    CUSTOMER("客户"),
    INSURER("保险公司"),
    MANUFACTURER("厂家"),
    CLUB("救援俱乐部");

    private final String zh;

    Payer(String zh) {
        this.zh = zh;
    }

    @Override
    public String zh() {
        return zh;
    }
}
