package io.autoclaims.model;

/** Claim documents. */
public enum DocumentCode implements Labelled {
    WARRANTY_CARD("三包凭证"),
    PURCHASE_INVOICE("购车发票"),
    REPAIR_ORDER("维修工单"),
    CLAIM_APPLICATION("索赔申请书"),
    POLICY("保险单"),
    DRIVING_LICENSE("驾驶证"),
    VEHICLE_LICENSE("行驶证"),
    INSURED_ID("被保险人身份证明"),
    BANK_ACCOUNT("银行账户"),
    ACCIDENT_CERTIFICATE("交通事故责任认定书"),
    SETTLEMENT_AGREEMENT("事故协议书"),
    COURT_JUDGMENT("判决书"),
    LOSS_ASSESSMENT("定损单"),
    REPAIR_INVOICE("维修发票"),
    RESCUE_RECEIPTS("施救费票据"),
    PAYMENT_AUTHORIZATION("领取赔款授权书"),
    THEFT_REPORT("公安立案证明");

    private final String zh;

    DocumentCode(String zh) {
        this.zh = zh;
    }

    @Override
    public String zh() {
        return zh;
    }
}
