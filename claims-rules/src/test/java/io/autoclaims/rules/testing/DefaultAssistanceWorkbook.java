package io.autoclaims.rules.testing;

import io.autoclaims.rules.testing.WorkbookBuilder.TableBuilder;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Generates the shipped default roadside-assistance rulebook,
 * {@code claims-rules/src/main/resources/io/autoclaims/rules/default/assistance.xlsx}: section 3 of
 * {@code default-rulebook.md} (who pays, A1-A4; the rescue club's price list; the membership advice)
 * with its precise readings. The whole-vehicle warranty term A1 needs comes from the warranty Terms
 * table, which serves assistance claims too.
 *
 * <p>Run {@code main} from the repository root to regenerate the file; {@code args[0]} overrides the
 * output path. The output is deterministic, so an unchanged policy gives an unchanged file.
 */
public final class DefaultAssistanceWorkbook {

    public static final String DEFAULT_PATH =
            "claims-rules/src/main/resources/io/autoclaims/rules/default/assistance.xlsx";

    /** The insured perils of vehicle damage cover that need no add-on (default-rulebook.md 2.1). */
    static final String PERILS = "COLLISION, OVERTURN, FALL, FIRE, EXPLOSION, FALLING_OBJECT, NATURAL_DISASTER, "
            + "THEFT, SPONTANEOUS_COMBUSTION, GLASS_BREAKAGE, WATER_INGRESS";

    private DefaultAssistanceWorkbook() {
    }

    public static void main(String[] args) throws java.io.IOException {
        Path path = Path.of(args.length > 0 ? args[0] : DEFAULT_PATH);
        java.nio.file.Files.write(path, build());
        System.out.println("wrote " + path.toAbsolutePath());
    }

    /** The default assistance workbook as .xlsx bytes. */
    public static byte[] build() {
        WorkbookBuilder wb = builder();
        DefaultScenarios.addTo(wb, "assistance");
        return wb.toBytes();
    }

    /** The default assistance workbook, still open for tests that want to add to it. */
    public static WorkbookBuilder builder() {
        WorkbookBuilder wb = WorkbookBuilder.create()
                .about("autoclaims default rulebook", "2026.1", LocalDate.of(2026, 1, 1), "Policy team 政策组")
                .changeLog("2026.1", LocalDate.of(2026, 1, 1), "Policy team 政策组",
                        "First release: roadside assistance (A1-A4), the rescue club's price list and the membership "
                                + "advice; the whole-vehicle term comes from the warranty Terms table. "
                                + "首版：道路救援付费规则（A1-A4）、救援俱乐部价目及会员建议；整车保修期取自质保规则的保修期限表。");
        payer(wb);
        tariff(wb);
        advice(wb);
        return wb;
    }

    // ---------------------------------------------------------------------------------------------

    private static TableBuilder table(WorkbookBuilder wb, String sheet, String key, String title, String hit,
            int step) {
        return wb.table(sheet, key).title(title).hit(hit).per("CLAIM").claimType("ASSISTANCE").step(step)
                .column("ID", "rule id", "Rule id 规则编号");
    }

    private static TableBuilder reasonColumns(TableBuilder t) {
        return t.column("CODE", "code", "Reason code 原因代码")
                .column("TEXT zh", "text", "Reason (Chinese) 原因（中文）")
                .column("TEXT en", "text", "Reason (English) 原因（英文）")
                .column("NOTE", "text", "Note 备注");
    }

    // ---------------------------------------------------------------------------------------------

    private static void payer(WorkbookBuilder wb) {
        TableBuilder t = table(wb, "Payer 付费方", "AssistancePayer",
                "Payer 付费方 — A1-A4: who pays the call-out and the towing (first match) 出车和拖车费用由谁支付（首条命中）",
                "FIRST", 200)
                .column("IF incident.cause", "enum set Cause", "Cause 原因")
                .column("IF vehicle.monthsOverTerm", "integer range", "Months over the vehicle term 超出整车保修期（月）")
                .column("IF vehicle.kmOverTerm", "integer range", "Km over the vehicle term 超出整车保修里程（公里）")
                .column("IF policy.inForce", "boolean", "Policy in force? 出险时保单有效")
                .column("IF policy.coverages", "enum set Coverage", "Covers purchased 投保主险")
                .column("IF policy.addOns", "enum set AddOn", "Add-ons purchased 投保附加险")
                .column("IF assistance.membershipValid", "boolean", "Valid member? 会员有效")
                .column("THEN assistance.payer", "enum Payer", "Payer 付费方")
                .column("THEN assistance.tariff", "code", "Tariff 适用价格")
                .column("THEN assistance.capAtSumInsured", "boolean", "Capped at the sum insured? 以保险金额为限");
        reasonColumns(t);
        t.row("A1-01", "QUALITY_DEFECT, BREAKDOWN", "<= 0", "<= 0", null, null, null, null,
                "MANUFACTURER", "NON_MEMBER", null, "WARRANTY_TOWING",
                "车辆因{incident.cause}无法正常行驶，仍在整车保修期（{vehicle.termMonths} 个月或 {vehicle.termKm} 公里）内："
                        + "现场服务和拖车费用由厂家承担",
                "The vehicle cannot be driven because of a {incident.cause} and is within its whole-vehicle "
                        + "warranty term ({vehicle.termMonths} months or {vehicle.termKm} km): the maker pays the "
                        + "on-site service and the towing",
                "R2021 art. 15: within the 包修期 the repairer gives on-site service and pays the necessary towing for "
                        + "a quality problem (domain-research 4.1). The term is the whole-vehicle term of the warranty "
                        + "Terms table (row T-04), read through the vehicle line; over-term <= 0 = within it. The "
                        + "maker pays the club's non-member list price (precise reading 24). default-rulebook.md A1.");
        String insuredZh = "车辆因{incident.cause}受损，出险时车损险在保险期间内：救援费用作为施救费由保险公司承担，"
                + "以保险金额 {policy.sumInsuredCny} 元为限，超出部分由客户支付（保险法第五十七条）";
        String insuredEn = "The vehicle was damaged by {incident.cause} while its vehicle damage cover was in force: "
                + "the insurer pays the rescue as rescue costs (施救费) up to the sum insured of "
                + "{policy.sumInsuredCny} CNY, and the customer pays the rest (Insurance Law art. 57)";
        String reading26 = " Precise reading 26: only the peril and VEHICLE_DAMAGE in force on occurredOn count; "
                + "driver exclusions and the ROAD_ASSISTANCE add-on play no part.";
        t.row("A2-01", PERILS, null, null, true, "VEHICLE_DAMAGE", null, null,
                "INSURER", "NON_MEMBER", true, "INSURED_RESCUE", insuredZh, insuredEn,
                "保险法 art. 57, IAC 2014 art. 7: necessary and reasonable rescue costs are paid on top of the loss, "
                        + "capped at the sum insured (domain-research 4.3); the insurer pays the club's non-member "
                        + "list price, the rest is the customer's (precise reading 24)." + reading26
                        + " default-rulebook.md A2.");
        t.row("A2-02", "SCRATCH", null, null, true, "VEHICLE_DAMAGE", "SCRATCH", null,
                "INSURER", "NON_MEMBER", true, "INSURED_RESCUE", insuredZh, insuredEn,
                "Scratches are an insured peril only with the scratch add-on (default-rulebook.md 2.1)." + reading26
                        + " default-rulebook.md A2.");
        t.row("A2-03", "WHEEL_ONLY", null, null, true, "VEHICLE_DAMAGE", "WHEEL_ONLY_DAMAGE", null,
                "INSURER", "NON_MEMBER", true, "INSURED_RESCUE", insuredZh, insuredEn,
                "Wheel-only damage is an insured peril only with the wheel add-on (default-rulebook.md 2.1)."
                        + reading26 + " default-rulebook.md A2.");
        t.row("A3-01", null, null, null, null, null, null, true,
                "CUSTOMER", "MEMBER", null, "MEMBER_TARIFF",
                "救援俱乐部会员（会员有效期至 {assistance.membershipValidUntil}）：按会员价收费，由客户支付",
                "Rescue club member (membership valid until {assistance.membershipValidUntil}): charged at member "
                        + "prices, paid by the customer",
                "The club's member prices (Tariff table); membershipValid = membershipValidUntil on or after "
                        + "occurredOn. A business price list, not law (domain-research 4.5). default-rulebook.md A3.");
        t.row("A4-01", null, null, null, null, null, null, null,
                "CUSTOMER", "NON_MEMBER", null, "NON_MEMBER_TARIFF",
                "本次救援不属于厂家保修或车损险施救，且无有效的救援俱乐部会员资格：按非会员价收费，由客户支付",
                "This rescue is neither warranty towing nor an insured rescue, and there is no valid rescue club "
                        + "membership: charged at non-member prices, paid by the customer",
                "Otherwise (blank = any). A member without membershipValidUntil pays non-member prices "
                        + "(precise reading 25). default-rulebook.md A4.");
    }

    private static void tariff(WorkbookBuilder wb) {
        TableBuilder t = table(wb, "Tariff 救援价目", "Tariff",
                "Tariff 救援价目 — the rescue club's price list: one charge per matching row 救援俱乐部价目表（每条命中规则一项收费）",
                "COLLECT", 210)
                .column("IF assistance.service", "enum set AssistanceService", "Service 救援服务")
                .column("IF assistance.insideFifthRing", "boolean", "Inside the 5th ring? 五环以内")
                .column("IF assistance.highwayTollCny", "money range", "Highway tolls, CNY 高速通行费（元）")
                .column("THEN charge.item", "code", "Charge item 收费项目")
                .column("THEN charge.basis", "enum ChargeBasis", "Priced by 计价方式")
                .column("THEN charge.memberFixedCny", "money", "Member: fixed, CNY 会员：固定价（元）")
                .column("THEN charge.memberFreeKm", "decimal", "Member: free km 会员：免费公里")
                .column("THEN charge.memberPerKmCny", "money", "Member: per km, CNY 会员：每公里（元）")
                .column("THEN charge.nonMemberFixedCny", "money", "Non-member: fixed, CNY 非会员：固定价（元）")
                .column("THEN charge.nonMemberFreeKm", "decimal", "Non-member: free km 非会员：免费公里")
                .column("THEN charge.nonMemberPerKmCny", "money", "Non-member: per km, CNY 非会员：每公里（元）")
                .column("THEN charge.payer", "enum Payer", "Paid by 付费方")
                .column("NOTE", "text", "Note 备注");
        String club = " The club's price list: business configuration, not law (domain-research 4.5).";
        t.row("TF-01", null, true, null, "CALL_OUT", "TARIFF", 0, null, null, 100, null, null, null,
                "Call-out (emergency fee) inside the 5th ring road: free for members, 100 CNY for non-members. "
                        + "Under A1/A2 the maker or insurer pays the non-member price (precise reading 24); a member's "
                        + "free call-out is listed with payer CLUB." + club + " default-rulebook.md 3.");
        t.row("TF-02", null, false, null, "CALL_OUT", "TARIFF", 0, null, null, 300, null, null, null,
                "Call-out (emergency fee) outside the 5th ring road: free for members, 300 CNY for non-members."
                        + club + " default-rulebook.md 3.");
        t.row("TF-03", "TOW", null, null, "TOWING", "TARIFF", 0, 15, 8, 0, 0, 15, null,
                "Towing, per started km: members free for the first 15 km, then 8 CNY per started km "
                        + "(ceil(towKm − 15) × 8); non-members 15 CNY per started km (ceil(towKm) × 15). ON_SITE has "
                        + "no towing (precise reading 25)." + club + " default-rulebook.md 3.");
        t.row("TF-04", null, null, "> 0", "HIGHWAY_TOLL", "HIGHWAY_TOLL", null, null, null, null, null, null,
                "CUSTOMER",
                "Highway tolls at cost, always paid by the customer, whoever pays the job; left out of the "
                        + "membership comparison (precise reading 25). default-rulebook.md 3.");
    }

    private static void advice(WorkbookBuilder wb) {
        TableBuilder t = table(wb, "Advice 建议", "AssistanceAdvice",
                "Advice 建议 — would a membership have paid for itself? 办理会员是否更划算",
                "COLLECT", 220)
                .column("IF assistance.payer", "enum set Payer", "Payer 付费方")
                .column("IF assistance.tariff", "code set", "Tariff 适用价格")
                .column("IF assistance.memberSavingsCny", "money range", "Member savings, CNY 会员可节省（元）")
                .column("EFFECT", "enum Effect", "Effect 处理");
        reasonColumns(t);
        t.row("MS-01", "CUSTOMER", "NON_MEMBER", "> 380", "INFO", "MEMBERSHIP_WOULD_SAVE",
                "提示：如是救援俱乐部会员，本次救援可少付 {assistance.memberSavingsCny} 元（不含高速通行费），"
                        + "超过会员年费（条件：可节省 {rule.assistance.memberSavingsCny} 元）：可考虑办理会员",
                "Tip: as a rescue club member this job would have cost {assistance.memberSavingsCny} CNY less (tolls "
                        + "left out), more than the yearly membership fee (the rule: savings "
                        + "{rule.assistance.memberSavingsCny} CNY): consider joining",
                "Advice only (INFO). Membership costs 380 CNY a year (domain-research 4.5): only under A4 (payer "
                        + "CUSTOMER, non-member tariff), tolls left out, strictly more than 380 + the member price "
                        + "(precise reading 25). default-rulebook.md 3.");
    }
}
