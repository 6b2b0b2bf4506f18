package io.autoclaims.rules.testing;

import io.autoclaims.rules.testing.WorkbookBuilder.TableBuilder;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Generates the shipped default insurance rulebook,
 * {@code claims-rules/src/main/resources/io/autoclaims/rules/default/insurance.xlsx}: section 2 of
 * {@code default-rulebook.md} (vehicle damage cover 车损险: I1-I14, L1-L6 and the claim documents)
 * with its precise readings, plus a reference sheet describing the formulas the tables apply.
 *
 * <p>Run {@code main} from the repository root to regenerate the file; {@code args[0]} overrides the
 * output path. The output is deterministic, so an unchanged policy gives an unchanged file.
 */
public final class DefaultInsuranceWorkbook {

    public static final String DEFAULT_PATH =
            "claims-rules/src/main/resources/io/autoclaims/rules/default/insurance.xlsx";

    /** Every cause that is not an insured peril of vehicle damage cover (I10, precise reading 18). */
    static final String NOT_PERILS = "QUALITY_DEFECT, NORMAL_WEAR, BREAKDOWN, MISUSE, IMPROPER_MAINTENANCE, "
            + "UNAUTHORIZED_MODIFICATION, IMPROPER_HANDLING, FORCE_MAJEURE";

    private static final String NOT_PAID_ZH = "车损险不予赔偿";
    private static final String NOT_PAID_EN = "vehicle damage cover does not pay for this incident";

    private DefaultInsuranceWorkbook() {
    }

    public static void main(String[] args) throws java.io.IOException {
        Path path = Path.of(args.length > 0 ? args[0] : DEFAULT_PATH);
        java.nio.file.Files.write(path, build());
        System.out.println("wrote " + path.toAbsolutePath());
    }

    /** The default insurance workbook as .xlsx bytes. */
    public static byte[] build() {
        WorkbookBuilder wb = builder();
        DefaultScenarios.addTo(wb, "insurance");
        return wb.toBytes();
    }

    /** The default insurance workbook, still open for tests that want to add to it. */
    public static WorkbookBuilder builder() {
        WorkbookBuilder wb = WorkbookBuilder.create()
                .about("autoclaims default rulebook", "2026.1", LocalDate.of(2026, 1, 1), "Policy team 政策组")
                .changeLog("2026.1", LocalDate.of(2026, 1, 1), "Policy team 政策组",
                        "First release: vehicle damage insurance rules (I1-I14, L1-L6, claim documents) under the "
                                + "Insurance Law and the 2020 model clauses. 首版：车损险理赔规则（I1-I14、L1-L6、理赔单证），"
                                + "依据保险法及2020版示范条款。");
        policyChecks(wb);
        driverChecks(wb);
        perils(wb);
        lines(wb);
        loss(wb);
        totalLoss(wb);
        payment(wb);
        referrals(wb);
        documents(wb);
        formulas(wb);
        return wb;
    }

    // ---------------------------------------------------------------------------------------------

    private static TableBuilder table(WorkbookBuilder wb, String sheet, String key, String title, String hit,
            String per, int step) {
        return wb.table(sheet, key).title(title).hit(hit).per(per).claimType("INSURANCE").step(step)
                .column("ID", "rule id", "Rule id 规则编号");
    }

    private static TableBuilder effectColumn(TableBuilder t) {
        return t.column("EFFECT", "enum Effect", "Effect 处理");
    }

    private static TableBuilder reasonColumns(TableBuilder t) {
        return t.column("CODE", "code", "Reason code 原因代码")
                .column("TEXT zh", "text", "Reason (Chinese) 原因（中文）")
                .column("TEXT en", "text", "Reason (English) 原因（英文）")
                .column("NOTE", "text", "Note 备注");
    }

    // ---------------------------------------------------------------------------------------------

    private static void policyChecks(WorkbookBuilder wb) {
        TableBuilder t = table(wb, "Policy checks 保单审核", "PolicyChecks",
                "Policy checks 保单审核 — I1-I3: the policy, its cover and the time limit 保单效力、险别与索赔时效",
                "COLLECT", "CLAIM", 10)
                .column("IF policy.inForce", "boolean", "Policy in force? 出险时保单有效")
                .column("IF policy.coverages", "enum set Coverage", "Covers purchased 投保主险")
                .column("IF incident.monthsToSubmit", "integer range", "Months to submit 出险至索赔（月）");
        effectColumn(t);
        reasonColumns(t);
        t.row("I1-01", false, null, null, "DENY", "POLICY_NOT_IN_FORCE",
                "出险日 {incident.occurredOn} 不在保险期间（{policy.startsOn} 至 {policy.endsOn}）内：" + NOT_PAID_ZH,
                "The incident on {incident.occurredOn} is outside the policy period ({policy.startsOn} to "
                        + "{policy.endsOn}): " + NOT_PAID_EN,
                "The insurer is liable only for incidents within the insurance period; policy.inForce = "
                        + "startsOn <= occurredOn <= endsOn. default-rulebook.md I1.");
        t.row("I2-01", null, "NOT VEHICLE_DAMAGE", null, "DENY", "COVERAGE_NOT_PURCHASED",
                "保单未投保机动车损失保险（车损险）：被保险车辆自身的损失不在保障范围内",
                "The policy does not include vehicle damage cover (机动车损失保险): damage to the insured vehicle "
                        + "itself is not covered",
                "IAC 2020: 车损险 is one of three main covers (机动车损失保险, 第三者责任保险, 车上人员责任保险) and the "
                        + "only one that pays for the insured vehicle (domain-research 3.3.1). default-rulebook.md I2.");
        t.row("I3-01", null, null, "> 24", "DENY", "TIME_BARRED",
                "索赔已超过两年时效：事故发生于 {incident.occurredOn}，第 {incident.monthsToSubmit} 个月才提出索赔"
                        + "（保险法第二十六条）",
                "Time-barred: the incident occurred on {incident.occurredOn} and the claim was submitted in month "
                        + "{incident.monthsToSubmit} after it, more than 2 years later (Insurance Law art. 26)",
                "保险法 art. 26: the right to claim under non-life insurance lapses 2 years after the insured knew or "
                        + "should have known of the insured event (counted here from occurredOn). monthsToSubmit > 24 "
                        + "is exactly submittedOn > occurredOn.plusYears(2) (precise reading 21). "
                        + "default-rulebook.md I3.");
    }

    private static void driverChecks(WorkbookBuilder wb) {
        TableBuilder t = table(wb, "Driver and vehicle 驾驶人与车辆", "DriverChecks",
                "Driver and vehicle 驾驶人与车辆 — I4-I8: exclusions for the driver and the vehicle 驾驶人及车辆责任免除",
                "COLLECT", "CLAIM", 20)
                .column("IF driver.bacMgPer100ml", "decimal range", "Blood alcohol, mg/100 ml 血液酒精含量（mg/100ml）")
                .column("IF driver.licensed", "boolean", "Licensed? 持有效驾驶证")
                .column("IF driver.permittedByInsured", "boolean", "Permitted by the insured? 经被保险人允许")
                .column("IF driver.leftScene", "boolean", "Left the scene? 逃离事故现场")
                .column("IF vehicle.inspectionValid", "boolean", "Inspection valid? 年检有效");
        effectColumn(t);
        reasonColumns(t);
        t.row("I4-01", ">= 20", null, null, null, null, "DENY", "DRUNK_DRIVING",
                "驾驶人血液酒精含量为 {driver.bacMgPer100ml} mg/100ml，属饮酒驾驶（条件 {rule.driver.bacMgPer100ml} "
                        + "mg/100ml）：" + NOT_PAID_ZH,
                "The driver's blood alcohol was {driver.bacMgPer100ml} mg/100 ml, which is drink driving (the rule: "
                        + "{rule.driver.bacMgPer100ml} mg/100 ml): " + NOT_PAID_EN,
                "IAC 2014 art. 8(2) and its definition of 饮酒: blood alcohol >= 20 mg/100 mL; the exclusion is kept "
                        + "in IAC 2020 (domain-research 3.2.3, 3.2.20, 3.3.8). default-rulebook.md I4.");
        t.row("I5-01", null, false, null, null, null, "DENY", "UNLICENSED_DRIVER",
                "驾驶人无有效驾驶证（未取得驾驶证，或驾驶证被暂扣、吊销）：" + NOT_PAID_ZH,
                "The driver had no valid driving licence (none, or suspended or revoked): " + NOT_PAID_EN,
                "IAC 2014 art. 8(2), kept in IAC 2020 (domain-research 3.2.3, 3.3.8). default-rulebook.md I5.");
        t.row("I6-01", null, null, false, null, null, "DENY", "UNPERMITTED_DRIVER",
                "驾驶人未经被保险人允许驾驶被保险车辆：" + NOT_PAID_ZH,
                "The driver drove the insured vehicle without the insured's permission: " + NOT_PAID_EN,
                "IAC 2014 art. 8(2): driver not permitted by the insured (domain-research 3.2.3). "
                        + "default-rulebook.md I6.");
        t.row("I7-01", null, null, null, true, null, "DENY", "LEFT_SCENE",
                "事故发生后驾驶人逃离事故现场：" + NOT_PAID_ZH,
                "The driver left the scene of the accident: " + NOT_PAID_EN,
                "IAC 2014 art. 8(2): hit-and-run or leaving the scene (domain-research 3.2.3). "
                        + "default-rulebook.md I7.");
        t.row("I8-01", null, null, null, null, false, "DENY", "INSPECTION_INVALID",
                "被保险车辆未按规定检验或检验不合格（年检无效）：" + NOT_PAID_ZH,
                "The insured vehicle had not passed its required periodic inspection: " + NOT_PAID_EN,
                "IAC 2014 art. 8(3): 未按规定检验或检验不合格; kept in IAC 2020 (domain-research 3.2.4, 3.3.8). "
                        + "default-rulebook.md I8.");
    }

    private static void perils(WorkbookBuilder wb) {
        TableBuilder t = table(wb, "Perils 保险责任", "Perils",
                "Perils 保险责任 — I9-I11: is the cause of the incident an insured peril? 事故原因是否属于保险责任",
                "COLLECT", "CLAIM", 30)
                .column("IF incident.cause", "enum set Cause", "Cause 事故原因")
                .column("IF policy.addOns", "enum set AddOn", "Add-ons purchased 投保附加险");
        effectColumn(t);
        reasonColumns(t);
        t.row("I9-01", "DELIBERATE", null, "DENY", "DELIBERATE_ACT",
                "损失由被保险人或驾驶人的故意行为造成：保险公司不承担赔偿责任",
                "The damage was caused deliberately by the insured or the driver: the insurer does not pay",
                "保险法 art. 27 (故意制造保险事故: no payment); IAC 2014 art. 9 excludes intentional acts "
                        + "(domain-research 3.1.7, 3.2.6). default-rulebook.md I9.");
        t.row("I10-01", NOT_PERILS, null, "DENY", "NOT_AN_INSURED_PERIL",
                "事故原因为{incident.cause}，不属于车损险的保险责任。如属车辆质量问题，可向厂家提出质保索赔",
                "The cause, {incident.cause}, is not an insured peril of vehicle damage cover. A quality problem may "
                        + "be claimed under the maker's warranty: file a warranty claim instead",
                "IAC 2014 art. 10(1)-(5), kept in IAC 2020: wear, corrosion, breakdown and inherent quality defects "
                        + "are not covered; every cause that is not a covered peril is excluded (precise reading 18). "
                        + "default-rulebook.md I10.");
        t.row("I11-01", "SCRATCH", "NOT SCRATCH", "DENY", "ADD_ON_REQUIRED",
                "车身划痕损失须投保附加车身划痕损失险，本保单未投保该附加险",
                "Scratches without collision marks are covered only by the scratch add-on (附加车身划痕损失险), "
                        + "which the policy does not include",
                "IAC 2014 art. 10(6)-(8) and IAC 2020: scratches without collision marks are excluded from the main "
                        + "cover; the 附加车身划痕损失险 add-on covers them (domain-research 3.3.4, 3.3.8). "
                        + "default-rulebook.md I11.");
        t.row("I11-02", "WHEEL_ONLY", "NOT WHEEL_ONLY_DAMAGE", "DENY", "ADD_ON_REQUIRED",
                "车轮单独损坏须投保附加车轮单独损失险，本保单未投保该附加险",
                "Damage to the wheels alone is covered only by the wheel add-on (附加车轮单独损失险), which the "
                        + "policy does not include",
                "IAC 2020: wheel-only damage (车轮单独损失) is excluded from the main cover; the 附加车轮单独损失险 "
                        + "add-on covers it (domain-research 3.3.4, 3.3.8). default-rulebook.md I11.");
    }

    private static void lines(WorkbookBuilder wb) {
        TableBuilder t = table(wb, "Lines 定损项目", "InsuranceLines",
                "Lines 定损项目 — I9-I11 for a line's own cause, then L1: how each line is assessed (first match) "
                        + "各定损项目的责任与核定方式（首条命中）",
                "FIRST", "LINE", 40)
                .column("IF line.cause", "enum set Cause", "Line cause 项目原因")
                .column("IF policy.addOns", "enum set AddOn", "Add-ons purchased 投保附加险")
                .column("IF line.repairable", "boolean", "Repairable? 可修复")
                .column("THEN line.covered", "boolean", "Covered? 赔付")
                .column("THEN line.remedy", "enum LineRemedy", "Line remedy 项目处理方式");
        reasonColumns(t);
        String reading17 = " Precise reading 17: a line with its own cause goes through I9-I11 itself; the line is "
                + "not covered and the claim is PARTIALLY_APPROVED, or DENIED when no line is left.";
        t.row("I9-02", "DELIBERATE", null, null, false, "NONE", "DELIBERATE_ACT",
                "{line.id} 不予赔偿：{line.part}的损坏由故意行为造成",
                "{line.id} not covered: the damage to {line.part} was caused deliberately",
                "保险法 art. 27; IAC 2014 art. 9." + reading17 + " default-rulebook.md I9.");
        t.row("I10-02", NOT_PERILS, null, null, false, "NONE", "NOT_AN_INSURED_PERIL",
                "{line.id} 不予赔偿：{line.part}的损坏原因为{line.cause}，不属于车损险的保险责任。如属质量问题，"
                        + "可向厂家提出质保索赔",
                "{line.id} not covered: {line.part} was damaged by {line.cause}, which is not an insured peril. A "
                        + "quality problem may be claimed under the maker's warranty: file a warranty claim instead",
                "IAC 2014 art. 10(1)-(5); every cause that is not a covered peril (precise reading 18)." + reading17
                        + " default-rulebook.md I10.");
        t.row("I11-03", "SCRATCH", "NOT SCRATCH", null, false, "NONE", "ADD_ON_REQUIRED",
                "{line.id} 不予赔偿：{line.part}为车身划痕，须投保附加车身划痕损失险",
                "{line.id} not covered: the scratches on {line.part} are covered only by the scratch add-on, which "
                        + "the policy does not include",
                "Scratches need the 附加车身划痕损失险 add-on." + reading17 + " default-rulebook.md I11.");
        t.row("I11-04", "WHEEL_ONLY", "NOT WHEEL_ONLY_DAMAGE", null, false, "NONE", "ADD_ON_REQUIRED",
                "{line.id} 不予赔偿：{line.part}为车轮单独损坏，须投保附加车轮单独损失险",
                "{line.id} not covered: damage to {line.part} alone is covered only by the wheel add-on, which the "
                        + "policy does not include",
                "Wheel-only damage needs the 附加车轮单独损失险 add-on." + reading17 + " default-rulebook.md I11.");
        t.row("L1-01", null, null, true, true, "REPAIR", "ASSESSED_REPAIR",
                "{line.id} 核定维修：{line.part} 可以修复，按维修费 {line.repairCostCny} 元核定",
                "{line.id} assessed as a repair: {line.part} can be repaired, assessed at the repair cost of "
                        + "{line.repairCostCny} CNY",
                "IAC 2014 art. 16: 应当尽量修复 — the insurer repairs where possible and replaces only what cannot "
                        + "be repaired (domain-research 3.2.13, 3.4). default-rulebook.md L1.");
        t.row("L1-02", null, null, false, true, "REPLACE_PART", "ASSESSED_REPLACE",
                "{line.id} 核定更换：{line.part} 无法修复，按更换费 {line.replaceCostCny} 元核定",
                "{line.id} assessed as a replacement: {line.part} cannot be repaired, assessed at the replacement "
                        + "cost of {line.replaceCostCny} CNY",
                "IAC 2014 art. 16: a part is replaced only when it cannot be repaired. default-rulebook.md L1.");
    }

    private static void loss(WorkbookBuilder wb) {
        TableBuilder t = table(wb, "Loss 损失核定", "Loss",
                "Loss 损失核定 — L2-L3: the loss, from the lines, the assessment and the invoice 按定损项目、定损金额及维修发票核定损失",
                "COLLECT", "CLAIM", 50)
                .column("IF assessment.amountKnown", "boolean", "Assessed amount given? 已给出定损金额")
                .column("IF assessment.atOtherShop", "boolean", "Repaired elsewhere? 未在定损维修厂修理")
                .column("IF assessment.invoiceKnown", "boolean", "Invoice given? 已提供维修发票")
                .column("THEN claim.compute", "enum Formula", "Formula 计算公式");
        effectColumn(t);
        reasonColumns(t);
        t.row("L2-01", null, null, null, "LINES_SUM", null, null, null, null,
                "L2: loss = the sum of the assessed lines (REPAIR lines at repairCostCny, REPLACE_PART lines at "
                        + "replaceCostCny). Reports nothing. default-rulebook.md L2.");
        t.row("L2-02", true, null, null, "MIN_ASSESSED", null, null, null, null,
                "L2: when the assessment gives an amount, the loss is the lower of it and the sum of the covered "
                        + "lines (precise reading 19). Reports nothing. default-rulebook.md L2.");
        t.row("L3-01", null, true, true, "MIN_INVOICED", "INFO", "REASSESSED_AT_CHOSEN_SHOP",
                "车辆在维修厂 {shop.id} 修理，而非定损时的维修厂：按实际维修发票 {assessment.invoicedCny} 元重新核定，"
                        + "核定损失为 {claim.lossCny} 元（取两者中较低者）",
                "The vehicle was repaired at shop {shop.id}, not at the shop that assessed it: the loss is "
                        + "re-assessed against the repair invoice of {assessment.invoicedCny} CNY and is "
                        + "{claim.lossCny} CNY (the lower of the two)",
                "IAC 2014 art. 16: repair items, method and cost are agreed before repair, otherwise the insurer may "
                        + "re-assess (重新核定); 'the lower of the loss and the invoice' is configurable practice "
                        + "(domain-research 3.4). Reported whenever the shops differ and an invoice is given "
                        + "(precise reading 19). default-rulebook.md L3.");
        t.row("L3-02", null, true, false, null, "REFER", "REASSESSED_AT_CHOSEN_SHOP",
                "车辆在维修厂 {shop.id} 修理，而非定损时的维修厂，且未提供维修发票：须在实际修理的维修厂重新核定损失，"
                        + "转人工审核",
                "The vehicle was repaired at shop {shop.id}, not at the shop that assessed it, and no repair invoice "
                        + "was given: the loss must be re-assessed at the shop that did the repair; referred to an "
                        + "adjuster",
                "IAC 2014 art. 16 (重新核定). No formula: the computation goes on with the L2 loss, so L4-L6 and I14 "
                        + "can still fire (precise reading 19). default-rulebook.md L3.");
    }

    private static void totalLoss(WorkbookBuilder wb) {
        TableBuilder t = table(wb, "Total loss 推定全损", "TotalLoss",
                "Total loss 推定全损 — L4: a loss that reaches the sum insured 损失达到保险金额",
                "COLLECT", "CLAIM", 60)
                .column("IF claim.lossAtSumInsured", "boolean", "Loss at the sum insured? 损失达到保险金额")
                .column("THEN claim.compute", "enum Formula", "Formula 计算公式")
                .column("THEN claim.vehicleRemedy", "enum Remedy", "Vehicle remedy 整车处理");
        reasonColumns(t);
        t.row("L4-01", true, "CAP_SUM_INSURED", "TOTAL_LOSS", "CONSTRUCTIVE_TOTAL_LOSS",
                "核定损失已达到保险金额 {policy.sumInsuredCny} 元：按推定全损处理，损失按保险金额计算",
                "The assessed loss reaches the sum insured of {policy.sumInsuredCny} CNY: the vehicle is a "
                        + "constructive total loss (推定全损) and the loss is taken at the sum insured",
                "IAC 2014 释义 全部损失: 推定全损 when the cost of avoiding an actual total loss exceeds the vehicle's "
                        + "actual value; art. 21: the vehicle damage cover ends after a total loss (domain-research "
                        + "3.2.18, 3.2.19). claim.lossAtSumInsured = claim.lossCny >= policy.sumInsuredCny. "
                        + "default-rulebook.md L4.");
    }

    private static void payment(WorkbookBuilder wb) {
        TableBuilder t = table(wb, "Payment 赔付计算", "Payment",
                "Payment 赔付计算 — L5-L6: deductibles and rescue costs 免赔与施救费",
                "COLLECT", "CLAIM", 70)
                .column("IF policy.hasDeductible", "boolean", "Deductible agreed? 约定免赔")
                .column("IF incident.rescueCostCny", "money range", "Rescue costs, CNY 施救费（元）")
                .column("THEN claim.compute", "enum Formula", "Formula 计算公式");
        reasonColumns(t);
        t.row("L5-01", true, null, "DEDUCTIBLE", "DEDUCTIBLE_APPLIED",
                "核定损失 {claim.lossCny} 元，扣除第三方已赔付 {incident.thirdPartyRecoveryCny} 元，再按绝对免赔率 "
                        + "{policy.absoluteDeductibleRate} 及绝对免赔额 {policy.absoluteDeductibleCny} 元免赔"
                        + "（免赔共 {claim.deductibleCny} 元），赔付 {claim.payableCny} 元",
                "Assessed loss {claim.lossCny} CNY, less {incident.thirdPartyRecoveryCny} CNY already recovered "
                        + "from a third party, then the absolute deductible rate of {policy.absoluteDeductibleRate} "
                        + "and the absolute deductible of {policy.absoluteDeductibleCny} CNY ({claim.deductibleCny} "
                        + "CNY deducted in all): {claim.payableCny} CNY is paid",
                "L5: payable = (loss − third-party recovery) × (1 − absolute deductible rate) − absolute deductible, "
                        + "not below 0, not above the sum insured (precise reading 20; 保险法 art. 60, IAC 2014 "
                        + "art. 18-19; 附加绝对免赔率特约条款, domain-research 3.3.4). DEDUCTIBLE_APPLIED whenever a "
                        + "deductible is not zero. default-rulebook.md L5.");
        t.row("L5-02", false, null, "DEDUCTIBLE", null, null, null,
                "L5 without a deductible: payable = loss − third-party recovery, not below 0, not above the sum "
                        + "insured. Reports nothing. default-rulebook.md L5.");
        t.row("L6-01", null, "> 0", "PLUS_RESCUE", "RESCUE_COSTS",
                "施救费 {incident.rescueCostCny} 元另行赔付 {claim.rescuePaidCny} 元（以保险金额为限，保险法第五十七条），"
                        + "赔付合计 {claim.payableCny} 元",
                "Rescue costs of {incident.rescueCostCny} CNY are paid on top of the loss: {claim.rescuePaidCny} CNY "
                        + "(capped at the sum insured, Insurance Law art. 57); the total payable is "
                        + "{claim.payableCny} CNY",
                "保险法 art. 57, IAC 2014 art. 7: necessary and reasonable rescue costs are paid in addition to the "
                        + "loss, capped at the sum insured (domain-research 3.1.8, 3.2.2). Comes after L5 (row order). "
                        + "default-rulebook.md L6.");
    }

    private static void referrals(WorkbookBuilder wb) {
        TableBuilder t = table(wb, "Referrals 理赔转人工", "InsuranceReferrals",
                "Referrals 理赔转人工 — I12-I14: claims an adjuster must look at 须人工审核的理赔",
                "COLLECT", "CLAIM", 80)
                .column("IF incident.reportTimesKnown", "boolean", "Report times given? 已提供出险及报案时间")
                .column("IF incident.hoursToReport", "decimal range", "Hours to report 出险至报案（小时）")
                .column("IF incident.daysToReport", "integer range", "Days to report 出险至报案（天）")
                .column("IF policy.daysSinceStart", "integer range", "Days since the policy start 起保后天数")
                .column("IF claim.payableCny", "money range", "Payable, CNY 赔款（元）");
        effectColumn(t);
        reasonColumns(t);
        String lateZh = "须人工核查迟延报案是否导致事故性质、原因或损失程度难以确定；仅难以确定的部分不予赔偿（保险法第二十一条）";
        String lateEn = "an adjuster must check whether the late notice made the nature, cause or extent of the loss "
                + "impossible to determine; only that part would not be paid (Insurance Law art. 21)";
        t.row("I12-01", true, "> 48", null, null, null, "REFER", "LATE_NOTICE",
                "出险后 {incident.hoursToReport} 小时才报案（条件 {rule.incident.hoursToReport} 小时）：" + lateZh,
                "The incident was reported {incident.hoursToReport} hours after it happened (the rule: "
                        + "{rule.incident.hoursToReport} hours): " + lateEn,
                "IAC 2014 art. 13: notify the insurer within 48 hours; 保险法 art. 21: late notice only excludes what "
                        + "it made impossible to determine, so the claim is referred, not denied. Exactly 48:00 is on "
                        + "time (precise reading 21). default-rulebook.md I12.");
        t.row("I12-02", false, null, "> 2", null, null, "REFER", "LATE_NOTICE",
                "事故发生于 {incident.occurredOn}，{incident.daysToReport} 天后才报案（未提供具体时间，按日期计算；"
                        + "条件 {rule.incident.daysToReport} 天）：" + lateZh,
                "The incident on {incident.occurredOn} was reported {incident.daysToReport} days later (no exact "
                        + "times were given, so days are counted; the rule: {rule.incident.daysToReport} days): "
                        + lateEn,
                "Without both date-times: reportedOn − occurredOn > 2 days (precise reading 21); 保险法 art. 21. "
                        + "default-rulebook.md I12.");
        t.row("I13-01", null, null, null, "0..7", null, "REFER", "NEW_POLICY_INCIDENT",
                "事故发生在保单起保（{policy.startsOn}）后第 {policy.daysSinceStart} 天：新保单出险，须人工审核",
                "The incident happened {policy.daysSinceStart} days after the policy started on {policy.startsOn}: "
                        + "an incident on a new policy is checked by an adjuster",
                "An insurer's fraud-screening rule, not law (edit the cell to change the window): startsOn <= "
                        + "occurredOn <= startsOn + 7 days (precise reading 21). default-rulebook.md I13.");
        t.row("I14-01", null, null, null, null, "> 100000", "REFER", "ABOVE_AUTHORITY_LIMIT",
                "赔款 {claim.payableCny} 元超出自动理赔权限（条件 {rule.claim.payableCny} 元）：须由有相应权限的理赔人员审批",
                "The payable of {claim.payableCny} CNY is above the automatic authority limit (the rule: "
                        + "{rule.claim.payableCny} CNY): an adjuster with that authority must approve it",
                "The insurer's authority limit (a cell, not law). Compares the rounded payable, rescue costs "
                        + "included; strictly above refers (precise reading 20). default-rulebook.md I14.");
    }

    private static void documents(WorkbookBuilder wb) {
        TableBuilder t = table(wb, "Documents 理赔单证", "InsuranceDocuments",
                "Documents 理赔单证 — 2.3: documents an insurance claim needs 车损险理赔所需单证",
                "COLLECT", "CLAIM", 90)
                .column("IF incident.handledBy", "enum set HandledBy", "Handled by 事故处理方式")
                .column("IF incident.rescueCostCny", "money range", "Rescue costs, CNY 施救费（元）")
                .column("IF claim.causes", "enum set Cause", "Causes 事故及项目原因")
                .column("IF claim.payee", "enum set Payee", "Payee 赔款领取人")
                .column("THEN documents.required", "enum set DocumentCode", "Documents required 所需单证");
        reasonColumns(t);
        String art22 = " 保险法 art. 22: the insurer asks for all missing documents at once, so every row reports its "
                + "missing ones together.";
        t.row("ID-01", null, null, null, null,
                "CLAIM_APPLICATION, POLICY, DRIVING_LICENSE, VEHICLE_LICENSE, INSURED_ID, LOSS_ASSESSMENT, "
                        + "REPAIR_INVOICE", "MISSING_DOCUMENTS",
                "缺少理赔单证：{documents.missing}（每项车损险理赔都须提交索赔申请书、保险单、驾驶证、行驶证、"
                        + "被保险人身份证明、定损单和维修发票）",
                "Missing claim documents: {documents.missing} (every vehicle damage claim needs the claim "
                        + "application, the policy, the driving licence, the vehicle licence, the insured's ID, the "
                        + "loss assessment and the repair invoice)",
                "IAC 2014 art. 15 and a typical insurer's 索赔须知 (domain-research 3.2.12, 3.4)." + art22
                        + " default-rulebook.md 2.3.");
        t.row("ID-02", "POLICE", null, null, null, "ACCIDENT_CERTIFICATE", "MISSING_DOCUMENTS",
                "缺少理赔单证：{documents.missing}（事故由交警处理，须提交交通事故责任认定书）",
                "Missing claim documents: {documents.missing} (the traffic police handled the accident, so their "
                        + "accident certificate is needed)",
                "IAC 2014 art. 15: accident certificate from the traffic police." + art22 + " default-rulebook.md 2.3.");
        t.row("ID-03", "PRIVATE_SETTLEMENT", null, null, null, "SETTLEMENT_AGREEMENT", "MISSING_DOCUMENTS",
                "缺少理赔单证：{documents.missing}（事故由当事人自行协商处理，须提交事故协议书）",
                "Missing claim documents: {documents.missing} (the parties settled the accident between themselves, "
                        + "so their settlement agreement is needed)",
                "IAC 2014 art. 14-15: a private settlement is signed as a 协议书." + art22 + " default-rulebook.md 2.3.");
        t.row("ID-04", "COURT", null, null, null, "COURT_JUDGMENT", "MISSING_DOCUMENTS",
                "缺少理赔单证：{documents.missing}（事故经法院处理，须提交判决书等法律文书）",
                "Missing claim documents: {documents.missing} (a court dealt with the accident, so its judgment is "
                        + "needed)",
                "IAC 2014 art. 15: 判决书、调解书、裁定书、裁决书." + art22 + " default-rulebook.md 2.3.");
        t.row("ID-05", null, "> 0", null, null, "RESCUE_RECEIPTS", "MISSING_DOCUMENTS",
                "缺少理赔单证：{documents.missing}（申请赔付施救费 {incident.rescueCostCny} 元，须提交施救费票据）",
                "Missing claim documents: {documents.missing} (rescue costs of {incident.rescueCostCny} CNY are "
                        + "claimed, so their receipts are needed)",
                "IAC 2014 art. 15: cost receipts; rescue costs under 保险法 art. 57." + art22
                        + " default-rulebook.md 2.3.");
        t.row("ID-06", null, null, "THEFT", null, "THEFT_REPORT", "MISSING_DOCUMENTS",
                "缺少理赔单证：{documents.missing}（损失涉及盗抢，须提交公安机关立案证明）",
                "Missing claim documents: {documents.missing} (the loss involves theft, so the police case-filing "
                        + "certificate is needed)",
                "Theft needs the police report (IAC 2014 art. 51-59). Required when the incident's or any line's "
                        + "cause is THEFT (claim.causes; precise reading 22)." + art22 + " default-rulebook.md 2.3.");
        t.row("ID-07", null, null, null, "REPAIR_SHOP", "PAYMENT_AUTHORIZATION", "MISSING_DOCUMENTS",
                "缺少理赔单证：{documents.missing}（赔款支付给维修厂，须提交被保险人签署的领取赔款授权书）",
                "Missing claim documents: {documents.missing} (the payment goes to the repair shop, so the "
                        + "insured's payment authorization is needed)",
                "A typical insurer's 索赔须知: 领取赔款授权书 (domain-research 3.4)." + art22 + " default-rulebook.md 2.3.");
        t.row("ID-08", null, null, null, "INSURED", "BANK_ACCOUNT", "MISSING_DOCUMENTS",
                "缺少理赔单证：{documents.missing}（赔款支付给被保险人，须提供银行账户信息）",
                "Missing claim documents: {documents.missing} (the payment goes to the insured, so their bank "
                        + "account details are needed)",
                "Payment to the insured needs the account to pay into." + art22 + " default-rulebook.md 2.3.");
    }

    /** The reference sheet: what each {@code THEN claim.compute} formula does (workbook-format.md, Formulas). */
    private static void formulas(WorkbookBuilder wb) {
        wb.reference("Formulas 公式")
                .title("Formulas 公式 — what THEN claim.compute does when a row fires 规则命中时执行的计算")
                .note("Reference only, not a rule table: the rule compiler ignores this sheet. Formulas apply in "
                        + "firing order; amounts are rounded to fen (HALF_UP) once, where noted. When a formula has set "
                        + "claim.payableCny, the verdict pays it instead of the sum of the lines. 仅供参考，不是规则表："
                        + "规则编译器不读取本页。公式按规则命中顺序执行；金额在注明处四舍五入到分一次。公式设置了赔款后，"
                        + "结论按该赔款赔付，而不是各项目金额之和。")
                .column("Formula 公式", 18)
                .column("Computes (Chinese) 计算（中文）", 48)
                .column("Computes (English) 计算（英文）", 56)
                .column("Facts read 读取的事实", 40)
                .column("Sets 设置", 26)
                .column("Used by 使用规则", 16)
                .row("LINES_SUM",
                        "损失 = 各核定（赔付）项目金额之和：维修项目按维修费，更换项目按更换费",
                        "claim.lossCny = the sum of the covered lines' amounts: REPAIR lines pay repairCostCny, "
                                + "REPLACE_PART lines pay replaceCostCny",
                        "line.covered, line.remedy, line.repairCostCny, line.replaceCostCny",
                        "claim.lossCny", "L2-01")
                .row("MIN_ASSESSED",
                        "损失取当前损失与定损金额中的较低者（提供定损金额时）",
                        "claim.lossCny = the lower of claim.lossCny and assessment.amountCny (when given)",
                        "claim.lossCny, assessment.amountCny", "claim.lossCny", "L2-02")
                .row("MIN_INVOICED",
                        "损失取当前损失与实际维修发票金额中的较低者（提供发票金额时）",
                        "claim.lossCny = the lower of claim.lossCny and assessment.invoicedCny (when given)",
                        "claim.lossCny, assessment.invoicedCny", "claim.lossCny", "L3-01")
                .row("CAP_SUM_INSURED",
                        "损失以保险金额为限：取当前损失与保险金额中的较低者",
                        "claim.lossCny = the lower of claim.lossCny and policy.sumInsuredCny",
                        "claim.lossCny, policy.sumInsuredCny", "claim.lossCny", "L4-01")
                .row("DEDUCTIBLE",
                        "赔款 =（损失 − 第三方已赔付）×（1 − 绝对免赔率）− 绝对免赔额，不低于 0、不高于保险金额，"
                                + "四舍五入到分；免赔金额 = 与（损失 − 第三方已赔付）的差额",
                        "claim.payableCny = (claim.lossCny − incident.thirdPartyRecoveryCny) × (1 − "
                                + "policy.absoluteDeductibleRate) − policy.absoluteDeductibleCny, clamped to "
                                + "0..policy.sumInsuredCny, rounded; claim.deductibleCny = the rounded difference to "
                                + "claim.lossCny − incident.thirdPartyRecoveryCny",
                        "claim.lossCny, incident.thirdPartyRecoveryCny, policy.absoluteDeductibleRate, "
                                + "policy.absoluteDeductibleCny, policy.sumInsuredCny",
                        "claim.payableCny, claim.deductibleCny", "L5-01, L5-02")
                .row("PLUS_RESCUE",
                        "赔付施救费 = 施救费与保险金额中的较低者，加到赔款上（保险法第五十七条）",
                        "claim.rescuePaidCny = the lower of incident.rescueCostCny and policy.sumInsuredCny; added "
                                + "to claim.payableCny (Insurance Law art. 57)",
                        "incident.rescueCostCny, policy.sumInsuredCny, claim.payableCny",
                        "claim.rescuePaidCny, claim.payableCny", "L6-01");
    }
}
