package io.autoclaims.rules.testing;

import io.autoclaims.rules.testing.WorkbookBuilder.TableBuilder;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Generates the shipped default warranty rulebook,
 * {@code claims-rules/src/main/resources/io/autoclaims/rules/default/warranty.xlsx}: section 1 of
 * {@code default-rulebook.md} (W1-W7, S1-S4, D1-D3 and the warranty terms) with its precise readings.
 *
 * <p>Run {@code main} from the repository root to regenerate the file; {@code args[0]} overrides the
 * output path. The output is deterministic, so an unchanged policy gives an unchanged file.
 */
public final class DefaultWarrantyWorkbook {

    public static final String DEFAULT_PATH =
            "claims-rules/src/main/resources/io/autoclaims/rules/default/warranty.xlsx";

    private static final String SANBAO_SYSTEMS = "ENGINE, TRANSMISSION, TRACTION_BATTERY, DRIVE_MOTOR";
    private static final String SAFETY_FAULTS_R2021 =
            "STEERING_FAILURE, BRAKE_FAILURE, BODY_CRACKING, FUEL_LEAK, TRACTION_BATTERY_FIRE";
    private static final String SAFETY_FAULTS_R2013 = "STEERING_FAILURE, BRAKE_FAILURE, BODY_CRACKING, FUEL_LEAK";
    private static final String REPLACE_OR_REFUND_ZH = "可选择更换车辆或退车（按行驶里程收取使用补偿费）";
    private static final String REPLACE_OR_REFUND_EN =
            "you may choose a replacement vehicle or a refund (a usage compensation for the distance driven applies)";

    private DefaultWarrantyWorkbook() {
    }

    public static void main(String[] args) throws java.io.IOException {
        Path path = Path.of(args.length > 0 ? args[0] : DEFAULT_PATH);
        java.nio.file.Files.write(path, build());
        System.out.println("wrote " + path.toAbsolutePath());
    }

    /** The default warranty workbook as .xlsx bytes. */
    public static byte[] build() {
        WorkbookBuilder wb = builder();
        law(wb);
        DefaultScenarios.addTo(wb, "warranty");
        return wb.toBytes();
    }

    /**
     * The Law sheet: floors the law sets under the early 三包 windows. `claims check` and loading
     * refuse a row that asks more of the consumer than these (R2021 art. 20, 22, 23; R2013).
     */
    public static void law(WorkbookBuilder wb) {
        WorkbookBuilder.ReferenceBuilder law = wb.reference("Law 法定底线")
                .title("Law 法定底线 — what the rows below may never ask more than: the law's windows for 三包")
                .note("Each row: a rule row's condition must accept at least this range. Checked by the "
                        + "rule compiler. 每行：所列规则行的条件至少要覆盖该范围，规则编译器据此校验。")
                .column("Rule id 规则编号", 12).column("Fact 事实", 28).column("Law 法律底线", 16)
                .column("Article 依据", 40);
        law.row("S1-01", "period.daysSinceStart", "<= 7", "R2021 art. 22: 7 days");
        for (String id : new String[] {"S2-01", "S3-01"}) {
            String article = id.startsWith("S2") ? "R2021 art. 23: 60 days / 3,000 km" : "R2021 art. 20: 60 days / 3,000 km";
            law.row(id, "period.daysSinceStart", "<= 60", article);
            law.row(id, "vehicle.odometerKm", "<= 3000", article);
        }
        for (String id : new String[] {"S2-02", "S3-02"}) {
            law.row(id, "period.daysSinceStart", "<= 60", "R2013: 60 days / 3,000 km");
            law.row(id, "vehicle.odometerKm", "<= 3000", "R2013: 60 days / 3,000 km");
        }
    }

    /** The default warranty workbook, still open for tests that want to add to it. */
    public static WorkbookBuilder builder() {
        WorkbookBuilder wb = WorkbookBuilder.create()
                .about("autoclaims default rulebook", "2026.1", LocalDate.of(2026, 1, 1), "Policy team 政策组")
                .changeLog("2026.1", LocalDate.of(2026, 1, 1), "Policy team 政策组",
                        "First release: warranty and 三包 rules (W1-W7, S1-S4, D1-D3) under R2021 and R2013. "
                                + "首版：质保与三包规则（W1-W7、S1-S4、D1-D3），适用 R2021 与 R2013。");
        regimes(wb);
        claimChecks(wb);
        terms(wb);
        coverage(wb);
        referrals(wb);
        sanbaoEarly(wb);
        sanbaoSafety(wb);
        sanbaoRepeatedSafety(wb);
        sanbaoRepeatedRepairs(wb);
        sanbaoScope(wb);
        settlement(wb);
        documents(wb);
        return wb;
    }

    // ---------------------------------------------------------------------------------------------

    private static TableBuilder table(WorkbookBuilder wb, String sheet, String key, String title, String hit,
            String per, int step, String gate) {
        return wb.table(sheet, key).title(title).hit(hit).per(per).claimType("WARRANTY").step(step).gate(gate)
                .column("ID", "rule id", "Rule id 规则编号");
    }

    private static TableBuilder reasonColumns(TableBuilder t) {
        return t.column("CODE", "code", "Reason code 原因代码")
                .column("TEXT zh", "text", "Reason (Chinese) 原因（中文）")
                .column("TEXT en", "text", "Reason (English) 原因（英文）")
                .column("NOTE", "text", "Note 备注");
    }

    private static BigDecimal rate(String value) {
        return new BigDecimal(value);
    }

    // ---------------------------------------------------------------------------------------------

    private static void regimes(WorkbookBuilder wb) {
        TableBuilder t = table(wb, "Regimes 三包规定", "Regimes",
                "Regimes 三包规定 — which 三包 rule applies, its periods and usage rate 适用的三包规定、期限与使用补偿系数",
                "FIRST", "CLAIM", 10, null)
                .column("IF period.start", "date range", "Period start 三包起算日 (yyyy-MM-dd)")
                .column("THEN regime", "code", "Regime 三包规定")
                .column("THEN regime.sanbaoMonths", "integer", "三包 period, months 三包有效期（月）")
                .column("THEN regime.sanbaoKm", "integer", "三包 period, km 三包有效期（公里）")
                .column("THEN regime.minTermMonths", "integer", "Minimum warranty term, months 最低包修期（月）")
                .column("THEN regime.minTermKm", "integer", "Minimum warranty term, km 最低包修期（公里）")
                .column("THEN regime.termFloorExempt", "enum set PartSystem",
                        "Exempt from the minimum term 不受最低包修期限制")
                .column("THEN regime.usageRate", "rate", "Usage rate n 使用补偿系数 n")
                .column("THEN regime.maxUsageRate", "rate", "Legal maximum of n 补偿系数法定上限")
                .column("THEN regime.lawRepairDays", "integer", "Law: repair days over 法定累计修理天数（超过）")
                .column("THEN regime.lawSameProblemRepairs", "integer", "Law: same problem repairs over 法定同一问题修理次数（超过）")
                .column("THEN regime.lawRepeatCount", "integer", "Law: repeats at least 法定严重故障修理或更换次数（达到）")
                .column("NOTE", "text", "Note 备注");
        t.row("RG-01", "< 2022-01-01", "R2013", 24, 50000, 36, 60000, "WEAR_PART, LOW_VOLTAGE_BATTERY",
                rate("0.005"), rate("0.008"), 35, 5, 2,
                "R2013 = the 2013 rule (家用汽车产品修理、更换、退货责任规定, 2013) for periods starting before "
                        + "2022-01-01: 三包有效期 2 years / 50,000 km, 包修期 at least 3 years / 60,000 km, "
                        + "usage rate n 0.5%-0.8% (this rulebook uses 0.5%). default-rulebook.md: Regime.");
        t.row("RG-02", ">= 2022-01-01", "R2021", 24, 50000, 36, 60000, "WEAR_PART, LOW_VOLTAGE_BATTERY",
                rate("0.005"), rate("0.005"), 30, 4, 2,
                "R2021 (SAMR Order 43) from 2022-01-01: art. 18 包修期 at least 3 years / 60,000 km and "
                        + "三包有效期 at least 2 years / 50,000 km; art. 27 caps n at 0.5%; wear parts and the "
                        + "12 V battery have their own terms (art. 9(6)). default-rulebook.md: Regime.");
    }

    private static void claimChecks(WorkbookBuilder wb) {
        TableBuilder t = table(wb, "Claim checks 索赔审核", "ClaimChecks",
                "Claim checks 索赔审核 — W1: claim-level grounds to deny 整单拒赔条件", "COLLECT", "CLAIM", 20, null)
                .column("IF shop.authorized", "boolean", "Authorized repairer? 授权修理者")
                .column("EFFECT", "enum Effect", "Effect 处理");
        reasonColumns(t);
        t.row("W1-01", false, "DENY", "UNAUTHORIZED_REPAIRER",
                "维修站 {shop.id} 不是厂家授权的修理者：保修维修须在授权服务站进行",
                "Repair shop {shop.id} is not an authorized repairer: warranty work must be done in the maker's "
                        + "authorized network",
                "R2021 art. 19; W1. Past work elsewhere is not a ground to deny (art. 32): see W6.");
    }

    private static void terms(WorkbookBuilder wb) {
        TableBuilder t = table(wb, "Terms 保修期限", "Terms",
                "Terms 保修期限 — the warranty term of each line, by system (first match) 各系统保修期限（首条命中）",
                "FIRST", "LINE", 30, null)
                // roadside assistance reads the same terms (workbook-format.md, "The vehicle line")
                .claimType("WARRANTY, ASSISTANCE")
                .column("IF line.system", "enum set PartSystem", "System 系统")
                .column("THEN line.termMonths", "integer", "Term, months 保修期（月）")
                .column("THEN line.termKm", "integer", "Term, km 保修里程（公里）")
                .column("NOTE", "text", "Note 备注");
        t.row("T-01", "TRACTION_BATTERY, DRIVE_MOTOR", 96, 150000,
                "Maker's term for the traction battery and drive motor; above the R2021 art. 18 floor of "
                        + "36 months / 60,000 km. default-rulebook.md 1.4.");
        t.row("T-02", "WEAR_PART", 3, 5000,
                "Wear parts have their own term by law (R2021 art. 9(6)) and are exempt from the art. 18 floor "
                        + "(regime.termFloorExempt). default-rulebook.md 1.4.");
        t.row("T-03", "LOW_VOLTAGE_BATTERY", 12, 30000,
                "12 V battery: own term by law (R2021 art. 9(6)), exempt from the art. 18 floor. "
                        + "default-rulebook.md 1.4.");
        t.row("T-04", null, 36, 100000,
                "Whole vehicle: any system not listed above (blank = any). Must be at least 36 months / "
                        + "60,000 km (R2021 art. 18). Roadside assistance (A1) reads this row as the whole-vehicle "
                        + "term: an assistance claim's vehicle line has every line.* fact blank, so it lands here "
                        + "(vehicle.termMonths / vehicle.termKm; R2021 art. 15 towing within the 包修期). "
                        + "default-rulebook.md 1.4, 3.");
    }

    private static void coverage(WorkbookBuilder wb) {
        TableBuilder t = table(wb, "Coverage 保修范围", "Coverage",
                "Coverage 保修范围 — W2-W7: which lines the warranty covers (first match) 哪些项目保修（首条命中）",
                "FIRST", "LINE", 40, null)
                .column("IF line.cause", "enum set Cause", "Cause 原因")
                .column("IF line.system", "enum set PartSystem", "System 系统")
                .column("IF line.monthsOverTerm", "integer range", "Months over term 超出保修期（月）")
                .column("IF line.kmOverTerm", "integer range", "Km over term 超出保修里程（公里）")
                .column("IF line.repairable", "boolean", "Repairable? 可修复")
                .column("THEN line.covered", "boolean", "Covered? 保修")
                .column("THEN line.remedy", "enum LineRemedy", "Line remedy 项目处理方式");
        reasonColumns(t);
        t.row("W2-01", "MISUSE, UNAUTHORIZED_MODIFICATION, IMPROPER_MAINTENANCE, IMPROPER_HANDLING, FORCE_MAJEURE, "
                        + "NORMAL_WEAR, DELIBERATE", null, null, null, null, false, "NONE", "CAUSE_EXCLUDED",
                "{line.id} 不在保修范围：损坏原因为{line.cause}（三包责任免除）",
                "{line.id} not covered: damage caused by {line.cause} (excluded from warranty)",
                "R2021 art. 32 (三包责任免除); deliberate damage is excluded here, not treated as an accident "
                        + "(precise reading 16). default-rulebook.md W2.");
        t.row("W3-01", "COLLISION, OVERTURN, FALL, FIRE, EXPLOSION, FALLING_OBJECT, NATURAL_DISASTER, THEFT, "
                        + "SPONTANEOUS_COMBUSTION, GLASS_BREAKAGE, WATER_INGRESS, SCRATCH, WHEEL_ONLY",
                null, null, null, null, false, "NONE", "ACCIDENT_DAMAGE",
                "{line.id} 属事故损失（{line.cause}），不属质量问题：请向保险公司提出车损险理赔",
                "{line.id} is accident damage ({line.cause}), not a quality problem: file a motor-insurance claim "
                        + "instead",
                "Accidents and insured perils are not product quality problems (R2021 art. 32); the reason "
                        + "points to the motor-insurance claim. default-rulebook.md W3.");
        t.row("W4-01", null, "FLUID, ACCESSORY", null, null, null, false, "NONE", "PART_NOT_COVERED",
                "{line.id} 的{line.system}不在保修范围（消耗品或非原厂加装件）",
                "{line.id}: {line.system} is not covered (consumable or non-factory equipment)",
                "Consumables (oils and fluids) and non-factory equipment are outside the warranty. "
                        + "default-rulebook.md W4.");
        t.row("W5-01", null, null, "> 0", null, null, false, "NONE", "WARRANTY_EXPIRED",
                "保修期已过：故障发生于交车后第 {period.monthsSinceStart} 个月，超出 {line.termMonths} 个月的保修期",
                "Warranty expired: failure {period.monthsSinceStart} months after delivery, term is "
                        + "{line.termMonths} months",
                "Expired by time: the term comes from the Terms table (R2021 art. 18, \"whichever comes first\"). "
                        + "default-rulebook.md W5.");
        t.row("W5-02", null, null, null, "> 0", null, false, "NONE", "WARRANTY_EXPIRED",
                "保修里程已超：行驶 {vehicle.odometerKm} 公里，超出 {line.termKm} 公里的保修里程 {line.kmOverTerm} 公里",
                "Warranty expired by distance: {vehicle.odometerKm} km driven, {line.kmOverTerm} km over the "
                        + "{line.termKm} km term",
                "Expired by distance: the term comes from the Terms table (R2021 art. 18, \"whichever comes "
                        + "first\"). default-rulebook.md W5.");
        t.row("W7-01", "QUALITY_DEFECT, BREAKDOWN", null, null, null, true, true, "REPAIR", "COVERED_REPAIR",
                "{line.id} 保修维修：{line.part} 可修复，支付维修费 {line.repairCostCny} 元",
                "{line.id} covered: {line.part} is repaired, paying the repair quote of {line.repairCostCny} CNY",
                "Free repair within the warranty term (R2021 art. 18, 19); pays repairCostCny. "
                        + "default-rulebook.md W7.");
        t.row("W7-02", "QUALITY_DEFECT, BREAKDOWN", null, null, null, false, true, "REPLACE_PART",
                "COVERED_REPLACE",
                "{line.id} 保修更换：{line.part} 无法修复，支付更换费 {line.replaceCostCny} 元",
                "{line.id} covered: {line.part} cannot be repaired and is replaced, paying {line.replaceCostCny} CNY",
                "Free replacement of a part that cannot be repaired (R2021 art. 18, 19); pays replaceCostCny. "
                        + "default-rulebook.md W7.");
    }

    private static void referrals(WorkbookBuilder wb) {
        TableBuilder t = table(wb, "Referrals 转人工", "Referrals",
                "Referrals 转人工 — W6: covered lines a technician must inspect first 须技师检查的保修项目",
                "COLLECT", "LINE", 50, null)
                .column("IF line.covered", "boolean", "Covered? 保修")
                .column("IF line.priorRepairAtUnauthorizedShop", "boolean",
                        "Worked on outside the network? 曾在授权网络外维修")
                .column("EFFECT", "enum Effect", "Effect 处理");
        reasonColumns(t);
        t.row("W6-01", true, true, "REFER", "OUTSIDE_WORK_INSPECTION",
                "{line.id} 的{line.part}曾在授权网络外维修：须由技师检查外部维修是否导致故障",
                "{line.id}: {line.part} was worked on outside the authorized network; a technician must check "
                        + "whether that work caused the failure",
                "R2021 art. 32 last para: outside maintenance alone is no ground to deny; W6. The line stays "
                        + "covered (precise reading 3).");
    }

    private static void sanbaoEarly(WorkbookBuilder wb) {
        TableBuilder t = table(wb, "Sanbao early 三包早期", "SanbaoEarly",
                "Sanbao early 三包早期 — S1, S3: replacement within 7 days, assembly replacement within 60 days "
                        + "7日内换车退车、60日内更换总成",
                "COLLECT", "LINE", 60, "sanbao.allowed")
                .column("IF regime", "code set", "Regime 三包规定")
                .column("IF line.cause", "enum set Cause", "Line cause 项目原因")
                .column("IF line.covered", "boolean", "Covered? 保修")
                .column("IF line.system", "enum set PartSystem", "System 系统")
                .column("IF line.mainPart", "boolean", "Main part? 主要零件")
                .column("IF line.repairable", "boolean", "Repairable? 可修复")
                .column("IF period.daysSinceStart", "integer range", "Days since delivery 交车后天数")
                .column("IF vehicle.odometerKm", "integer range", "Odometer, km 行驶里程（公里）")
                .column("THEN claim.vehicleRemedy", "enum Remedy", "Vehicle remedy 整车处理")
                .column("THEN line.remedy", "enum LineRemedy", "Line remedy 项目处理方式")
                .column("THEN claim.usageRate", "rate", "Usage rate n 使用补偿系数");
        reasonColumns(t);
        t.row("S1-01", "R2021", "QUALITY_DEFECT", true, SANBAO_SYSTEMS, null, false, "<= 7", null,
                "REPLACE_OR_REFUND", null, BigDecimal.ZERO, "SANBAO_7_DAY",
                "{line.id}：交车后 {period.daysSinceStart} 天，{line.system}因质量问题需要更换：可选择免费更换车辆或退车，"
                        + "不收取使用补偿费",
                "{line.id}: the {line.system} failed with a quality defect {period.daysSinceStart} days after delivery and "
                        + "must be replaced: you may choose a free replacement vehicle or a refund, with no usage "
                        + "compensation",
                "R2021 art. 22: within 7 days, the traction battery, drive motor, engine or transmission needs "
                        + "replacement; not in R2013. Usage rate 0 (precise readings 7, 8, 9). "
                        + "default-rulebook.md S1.");
        t.row("S3-01", "R2021", "QUALITY_DEFECT", true, SANBAO_SYSTEMS, true, null, "<= 60", "<= 3000",
                "REPLACE_ASSEMBLY", "REPLACE_PART", null, "SANBAO_ASSEMBLY",
                "{line.id}：交车后 {period.daysSinceStart} 天、行驶 {vehicle.odometerKm} 公里，{line.system}的主要零件"
                        + "出现质量问题：免费更换{line.system}总成",
                "{line.id}: a main part of the {line.system} failed with a quality defect {period.daysSinceStart} "
                        + "days and {vehicle.odometerKm} km after delivery: the {line.system} assembly is replaced "
                        + "free of charge",
                "R2021 art. 20: within 60 days / 3,000 km, a main part of the engine, transmission, traction "
                        + "battery or drive motor fails. The line pays replaceCostCny (precise reading 14). "
                        + "default-rulebook.md S3.");
        t.row("S3-02", "R2013", "QUALITY_DEFECT", true, "ENGINE, TRANSMISSION", true, null, "<= 60", "<= 3000",
                "REPLACE_ASSEMBLY", "REPLACE_PART", null, "SANBAO_ASSEMBLY",
                "{line.id}：交车后 {period.daysSinceStart} 天、行驶 {vehicle.odometerKm} 公里，{line.system}的主要零件"
                        + "出现质量问题：免费更换{line.system}总成",
                "{line.id}: a main part of the {line.system} failed with a quality defect {period.daysSinceStart} "
                        + "days and {vehicle.odometerKm} km after delivery: the {line.system} assembly is replaced "
                        + "free of charge",
                "R2013 counterpart of R2021 art. 20: engine and transmission only. default-rulebook.md S3.");
    }

    private static void sanbaoSafety(WorkbookBuilder wb) {
        TableBuilder t = table(wb, "Sanbao safety 三包安全", "SanbaoSafety",
                "Sanbao safety 三包安全 — S2: serious safety failure within 60 days / 3,000 km "
                        + "60日/3000公里内严重安全性能故障",
                "COLLECT", "CLAIM", 70, "sanbao.allowed")
                .column("IF regime", "code set", "Regime 三包规定")
                .column("IF incident.cause", "enum set Cause", "Incident cause 故障原因")
                .column("IF lines.coveredCount", "integer range", "Covered lines 保修项目数")
                .column("IF incident.faults", "enum set SafetyFault", "Safety failures 严重安全性能故障")
                .column("IF period.daysSinceStart", "integer range", "Days since delivery 交车后天数")
                .column("IF vehicle.odometerKm", "integer range", "Odometer, km 行驶里程（公里）")
                .column("THEN claim.vehicleRemedy", "enum Remedy", "Vehicle remedy 整车处理")
                .column("THEN claim.usageRate", "rate", "Usage rate n 使用补偿系数");
        reasonColumns(t);
        String zh = "交车后 {period.daysSinceStart} 天、行驶 {vehicle.odometerKm} 公里，因质量问题出现{incident.faults}："
                + "可选择免费更换车辆或退车，不收取使用补偿费";
        String en = "Serious safety failure ({incident.faults}) from a quality defect {period.daysSinceStart} days "
                + "and {vehicle.odometerKm} km after delivery: you may choose a free replacement vehicle or a "
                + "refund, with no usage compensation";
        t.row("S2-01", "R2021", "QUALITY_DEFECT", ">= 1", SAFETY_FAULTS_R2021, "<= 60", "<= 3000",
                "REPLACE_OR_REFUND", BigDecimal.ZERO, "SANBAO_60_DAY_SAFETY", zh, en,
                "R2021 art. 23: steering or brake failure, body cracking, fuel leak or traction-battery fire "
                        + "within 60 days / 3,000 km; needs a covered line (precise reading 7); usage rate 0. "
                        + "default-rulebook.md S2.");
        t.row("S2-02", "R2013", "QUALITY_DEFECT", ">= 1", SAFETY_FAULTS_R2013, "<= 60", "<= 3000",
                "REPLACE_OR_REFUND", BigDecimal.ZERO, "SANBAO_60_DAY_SAFETY", zh, en,
                "R2013 counterpart of R2021 art. 23: a traction-battery fire does not count. "
                        + "default-rulebook.md S2.");
    }

    private static void sanbaoRepeatedSafety(WorkbookBuilder wb) {
        TableBuilder t = table(wb, "Sanbao repeated safety 三包严重安全故障", "SanbaoRepeatedSafety",
                "Sanbao repeated safety 三包严重安全故障 — S4 (a): serious safety failures after 2 repairs "
                        + "严重安全性能故障累计修理2次后",
                "COLLECT", "LINE", 80, "sanbao.allowed")
                .column("IF regime", "code set", "Regime 三包规定")
                .column("IF line.cause", "enum set Cause", "Line cause 项目原因")
                .column("IF line.covered", "boolean", "Covered? 保修")
                .column("IF sanbao.withinPeriod", "boolean", "Within 三包 period? 在三包有效期内")
                .column("IF history.seriousSafetyRepairs", "integer range", "Serious safety repairs 严重安全故障修理次数")
                .column("IF line.sameProblemSeriousRepairs", "integer range",
                        "Same problem, serious repairs 同一问题严重安全修理次数")
                .column("IF incident.faults", "enum set SafetyFault", "Safety failures 严重安全性能故障")
                .column("THEN claim.vehicleRemedy", "enum Remedy", "Vehicle remedy 整车处理");
        reasonColumns(t);
        t.row("S4-01", null, "QUALITY_DEFECT", true, true, ">= 2", ">= 1", null, "REPLACE_OR_REFUND",
                "SANBAO_REPEATED_FAILURE",
                "{line.id}：三包有效期内严重安全性能故障已修理 {history.seriousSafetyRepairs} 次，{line.problem}问题"
                        + "再次出现：" + REPLACE_OR_REFUND_ZH,
                "{line.id}: a serious safety failure has been repaired {history.seriousSafetyRepairs} times "
                        + "within the 三包 period and the problem \"{line.problem}\" has occurred again: "
                        + REPLACE_OR_REFUND_EN,
                "R2021 art. 24(1): serious safety failure repaired twice and not eliminated (the same problem "
                        + "again); same in R2013 (precise reading 13(a)). default-rulebook.md S4.");
        String zh = "{line.id}：三包有效期内严重安全性能故障已修理 {history.seriousSafetyRepairs} 次，"
                + "现又出现新的严重安全性能故障（{incident.faults}）：" + REPLACE_OR_REFUND_ZH;
        String en = "{line.id}: after {history.seriousSafetyRepairs} repairs of serious safety failures within "
                + "the 三包 period, a new serious safety failure occurred ({incident.faults}): " + REPLACE_OR_REFUND_EN;
        t.row("S4-02", "R2021", "QUALITY_DEFECT", true, true, ">= 2", null, SAFETY_FAULTS_R2021, "REPLACE_OR_REFUND",
                "SANBAO_REPEATED_FAILURE", zh, en,
                "R2021 art. 24(1): a new serious safety failure after 2 repairs (faults as in S2). "
                        + "default-rulebook.md S4, precise reading 13(a).");
        t.row("S4-03", "R2013", "QUALITY_DEFECT", true, true, ">= 2", null, SAFETY_FAULTS_R2013, "REPLACE_OR_REFUND",
                "SANBAO_REPEATED_FAILURE", zh, en,
                "R2013 counterpart of R2021 art. 24(1): a traction-battery fire does not count. "
                        + "default-rulebook.md S4, precise reading 13(a).");
    }

    private static void sanbaoRepeatedRepairs(WorkbookBuilder wb) {
        TableBuilder t = table(wb, "Sanbao repeated repairs 三包多次修理", "SanbaoRepeatedRepairs",
                "Sanbao repeated repairs 三包多次修理 — S4 (b)-(e): repeated replacements and repairs "
                        + "多次更换、修理",
                "COLLECT", "LINE", 90, "sanbao.allowed")
                .column("IF regime", "code set", "Regime 三包规定")
                .column("IF line.cause", "enum set Cause", "Line cause 项目原因")
                .column("IF line.covered", "boolean", "Covered? 保修")
                .column("IF sanbao.withinPeriod", "boolean", "Within 三包 period? 在三包有效期内")
                .column("IF line.system", "enum set PartSystem", "System 系统")
                .column("IF line.systemAssemblyReplacements", "integer range", "Assembly replacements 总成更换次数")
                .column("IF line.samePartMainReplacements", "integer range",
                        "Same main part replaced 同一主要零部件更换次数")
                .column("IF history.repairDays", "integer range", "Repair days 累计修理天数")
                .column("IF line.sameProblemRepairs", "integer range", "Same problem repairs 同一问题修理次数")
                .column("THEN claim.vehicleRemedy", "enum Remedy", "Vehicle remedy 整车处理");
        reasonColumns(t);
        t.row("S4-04", null, "QUALITY_DEFECT", true, true, SANBAO_SYSTEMS, ">= 2", null, null, null,
                "REPLACE_OR_REFUND", "SANBAO_REPEATED_FAILURE",
                "{line.id}：三包有效期内{line.system}已因质量问题更换 {line.systemAssemblyReplacements} 次，"
                        + "仍不能正常使用：" + REPLACE_OR_REFUND_ZH,
                "{line.id}: the {line.system} has been replaced {line.systemAssemblyReplacements} times for "
                        + "quality problems within the 三包 period and still fails: " + REPLACE_OR_REFUND_EN,
                "R2021 art. 24(2): engine, transmission, traction battery or drive motor replaced twice; same in "
                        + "R2013 (precise reading 13(b)). default-rulebook.md S4.");
        t.row("S4-05", null, "QUALITY_DEFECT", true, true,
                "ENGINE, TRANSMISSION, TRACTION_BATTERY, DRIVE_MOTOR, STEERING, BRAKE, SUSPENSION, DRIVELINE, "
                        + "EMISSION_CONTROL, BODY", null, ">= 2", null, null,
                "REPLACE_OR_REFUND", "SANBAO_REPEATED_FAILURE",
                "{line.id}：三包有效期内同一主要零部件{line.part}已因质量问题更换 {line.samePartMainReplacements} 次，"
                        + "仍不能正常使用：" + REPLACE_OR_REFUND_ZH,
                "{line.id}: the same main part ({line.part}) has been replaced {line.samePartMainReplacements} "
                        + "times for quality problems within the 三包 period and still fails: " + REPLACE_OR_REFUND_EN,
                "R2021 art. 24(3): the same main part of one of the ten listed systems replaced twice; same in "
                        + "R2013 (precise reading 13(c)). default-rulebook.md S4.");
        String daysZh = "{line.id}：三包有效期内因质量问题累计修理 {history.repairDays} 天，（条件 {rule.history.repairDays} 天）：" + REPLACE_OR_REFUND_ZH;
        String daysEn = "{line.id}: the vehicle has spent {history.repairDays} days in repair for quality problems "
                + "within the 三包 period (the rule: {rule.history.repairDays} days): " + REPLACE_OR_REFUND_EN;
        t.row("S4-06", "R2021", "QUALITY_DEFECT", true, true, null, null, null, "> 30", null,
                "REPLACE_OR_REFUND", "SANBAO_REPEATED_FAILURE", daysZh, daysEn,
                "R2021 art. 24(4): total repair time over 30 days (precise reading 13(d)). default-rulebook.md S4.");
        t.row("S4-07", "R2013", "QUALITY_DEFECT", true, true, null, null, null, "> 35", null,
                "REPLACE_OR_REFUND", "SANBAO_REPEATED_FAILURE", daysZh, daysEn,
                "R2013 counterpart of R2021 art. 24(4): total repair time over 35 days. default-rulebook.md S4.");
        String repairsZh = "{line.id}：三包有效期内同一质量问题（{line.problem}）已修理 {line.sameProblemRepairs} 次，"
                + "（条件 {rule.line.sameProblemRepairs} 次）：" + REPLACE_OR_REFUND_ZH;
        String repairsEn = "{line.id}: the same problem (\"{line.problem}\") has been repaired "
                + "{line.sameProblemRepairs} times within the 三包 period (the rule: {rule.line.sameProblemRepairs} times): " + REPLACE_OR_REFUND_EN;
        t.row("S4-08", "R2021", "QUALITY_DEFECT", true, true, null, null, null, null, "> 4",
                "REPLACE_OR_REFUND", "SANBAO_REPEATED_FAILURE", repairsZh,
                repairsEn,
                "R2021 art. 24(4): the same quality problem repaired more than 4 times (precise reading 13(e)). "
                        + "default-rulebook.md S4.");
        t.row("S4-09", "R2013", "QUALITY_DEFECT", true, true, null, null, null, null, "> 5",
                "REPLACE_OR_REFUND", "SANBAO_REPEATED_FAILURE", repairsZh,
                repairsEn,
                "R2013 counterpart of R2021 art. 24(4): more than 5 repairs of the same problem. "
                        + "default-rulebook.md S4.");
    }

    private static void sanbaoScope(WorkbookBuilder wb) {
        TableBuilder t = table(wb, "Sanbao scope 三包适用", "SanbaoScope",
                "Sanbao scope 三包适用 — 三包 remedies apply to household vehicles only 三包仅适用于家用汽车",
                "FIRST", "CLAIM", 100, null)
                .column("IF vehicle.use", "enum set VehicleUse", "Vehicle use 车辆用途")
                .column("IF sanbao.hits", "integer range", "三包 rows fired 三包规则命中数")
                .column("THEN sanbao.allowed", "boolean", "三包 applies? 适用三包");
        reasonColumns(t);
        t.row("SC-01", "COMMERCIAL", ">= 1", false, "COMMERCIAL_USE_NO_SANBAO",
                "营运车辆不适用三包换车/退车及总成更换（R2021 第2条）：各项目按保修维修处理",
                "Commercial-use vehicle: 三包 vehicle replacement, refund and assembly replacement do not apply "
                        + "(R2021 art. 2); lines are settled as warranty repairs",
                "R2021 art. 2: the rule covers household vehicles. Reported once, only when a 三包 row would "
                        + "have applied; lines keep their W7 remedy (precise reading 12). default-rulebook.md 1.3.");
        t.row("SC-02", null, null, true, null, null, null,
                "Otherwise 三包 applies: opens the gate of the 三包 tables. default-rulebook.md 1.3.");
    }

    private static void settlement(WorkbookBuilder wb) {
        TableBuilder t = table(wb, "Settlement 结算审核", "Settlement",
                "Settlement 结算审核 — what a replacement or refund needs before it can be paid 换车或退车的结算条件",
                "COLLECT", "CLAIM", 110, null)
                .column("IF claim.remedy", "enum set Remedy", "Claim remedy 索赔处理方式")
                .column("IF vehicle.priceKnown", "boolean", "Purchase price given? 已提供购车价格")
                .column("EFFECT", "enum Effect", "Effect 处理");
        reasonColumns(t);
        t.row("P-01", "REPLACE_OR_REFUND", false, "REFER", "PRICE_NEEDED",
                "换车或退车须按购车价格计算退款和使用补偿费，但未提供购车价格：请补充购车价格后由人工审核",
                "A replacement or refund needs the vehicle's purchase price to work out the refund and the usage "
                        + "compensation, and none was given: referred until the price is provided",
                "Refund = price − usage compensation, compensation = price × km / 1000 × n (R2021 art. 27); "
                        + "without the price the claim is referred (precise reading 10). default-rulebook.md 1.3.");
    }

    private static void documents(WorkbookBuilder wb) {
        TableBuilder t = table(wb, "Documents 单证", "Documents",
                "Documents 单证 — D1-D3: documents a warranty claim needs 质保索赔所需单证",
                "COLLECT", "CLAIM", 120, null)
                .column("IF vehicle.warrantyRegistered", "boolean", "Warranty registered? 已登记保修")
                .column("IF claim.remedy", "enum set Remedy", "Claim remedy 索赔处理方式")
                .column("THEN documents.required", "enum set DocumentCode", "Documents required 所需单证");
        reasonColumns(t);
        t.row("D1-01", null, null, "REPAIR_ORDER", "MISSING_DOCUMENTS",
                "缺少单证：{documents.missing}（每项保修索赔都须提交维修工单）",
                "Missing documents: {documents.missing} (every warranty claim needs the repair order)",
                "Every warranty claim. default-rulebook.md D1.");
        t.row("D2-01", false, null, "WARRANTY_CARD", "MISSING_DOCUMENTS",
                "缺少单证：{documents.missing}（车辆未登记保修，须提交三包凭证）",
                "Missing documents: {documents.missing} (the vehicle's warranty is not registered, so the "
                        + "warranty card is needed)",
                "R2021 art. 19 para 2: the warranty card is waived when the warranty is registered. "
                        + "default-rulebook.md D2.");
        t.row("D3-01", null, "REPLACE_OR_REFUND", "PURCHASE_INVOICE, WARRANTY_CARD", "MISSING_DOCUMENTS",
                "换车或退车须提交购车发票和三包凭证，尚缺：{documents.missing}",
                "A vehicle replacement or refund needs the purchase invoice and the warranty card; missing: "
                        + "{documents.missing}",
                "R2021 art. 22-24: replacement or refund needs the purchase invoice and the warranty card, "
                        + "with no waiver. default-rulebook.md D3.");
    }
}
