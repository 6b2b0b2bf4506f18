package io.autoclaims.model;

/** Who receives an insurance payment. */
public enum Payee implements Labelled {
    /** The insured. */
    INSURED("被保险人"),
    /** The repair shop, collecting on the insured's behalf. */
    REPAIR_SHOP("维修厂");

    private final String zh;

    Payee(String zh) {
        this.zh = zh;
    }

    @Override
    public String zh() {
        return zh;
    }
}
