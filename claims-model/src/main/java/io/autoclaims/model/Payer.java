package io.autoclaims.model;

/** Who pays an assistance charge. */
public enum Payer implements Labelled {
    /** The customer. */
    CUSTOMER("客户"),
    /** The insurer, under the policy's roadside assistance add-on. */
    INSURER("保险公司"),
    /** The manufacturer: towing of a failure under the vehicle's warranty. */
    MANUFACTURER("厂家"),
    /** The rescue club, at its tariff (member or non-member prices). */
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
