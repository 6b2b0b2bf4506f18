package io.autoclaims.model;

/** Claim documents. */
public enum DocumentCode implements Labelled {
    /** The warranty certificate (三包凭证). */
    WARRANTY_CARD("三包凭证"),
    /** The vehicle's purchase invoice. */
    PURCHASE_INVOICE("购车发票"),
    /** The workshop's repair order. */
    REPAIR_ORDER("维修工单"),
    /** The signed claim application. */
    CLAIM_APPLICATION("索赔申请书"),
    /** The insurance policy. */
    POLICY("保险单"),
    /** The driver's driving licence. */
    DRIVING_LICENSE("驾驶证"),
    /** The vehicle's registration certificate (行驶证). */
    VEHICLE_LICENSE("行驶证"),
    /** Proof of the insured's identity. */
    INSURED_ID("被保险人身份证明"),
    /** The payee's bank account details. */
    BANK_ACCOUNT("银行账户"),
    /** The traffic police's accident liability certificate. */
    ACCIDENT_CERTIFICATE("交通事故责任认定书"),
    /** The parties' own settlement agreement of the accident. */
    SETTLEMENT_AGREEMENT("事故协议书"),
    /** A court judgment on the accident. */
    COURT_JUDGMENT("判决书"),
    /** The insurer's loss assessment. */
    LOSS_ASSESSMENT("定损单"),
    /** The repair invoice. */
    REPAIR_INVOICE("维修发票"),
    /** Receipts for rescue (salvage) costs. */
    RESCUE_RECEIPTS("施救费票据"),
    /** The insured's authorization for another payee to collect the payment. */
    PAYMENT_AUTHORIZATION("领取赔款授权书"),
    /** The police's record of a reported theft. */
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
