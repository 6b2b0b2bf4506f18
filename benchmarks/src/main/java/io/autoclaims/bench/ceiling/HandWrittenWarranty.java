package io.autoclaims.bench.ceiling;

import io.autoclaims.model.Cause;
import io.autoclaims.model.Claim;
import io.autoclaims.model.ClaimChecks;
import io.autoclaims.model.ClaimLine;
import io.autoclaims.model.ClaimType;
import io.autoclaims.model.Decision;
import io.autoclaims.model.DocumentCode;
import io.autoclaims.model.Fact;
import io.autoclaims.model.InvalidClaimException;
import io.autoclaims.model.LineRemedy;
import io.autoclaims.model.LineVerdict;
import io.autoclaims.model.Money;
import io.autoclaims.model.PartSystem;
import io.autoclaims.model.PriorRepair;
import io.autoclaims.model.Reason;
import io.autoclaims.model.Remedy;
import io.autoclaims.model.RulebookInfo;
import io.autoclaims.model.SafetyFault;
import io.autoclaims.model.VehicleUse;
import io.autoclaims.model.Verdict;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Issue #7, the ceiling: the default rulebook's WARRANTY rules (W1-W7, S1-S4 under R2021 and R2013,
 * the 三包 scope for commercial vehicles, the price check, documents D1-D3, settlement) written by hand
 * in plain Java, the way an engineer would hard-code them: the workbook's numbers as constants, enum
 * sets, direct comparisons, one pass over the lines and the history.
 *
 * <p>It does the work the library does to build a verdict: the same input checks
 * ({@link ClaimChecks}), a real {@link Verdict} with the same decision, remedy, amounts, line verdicts,
 * missing documents and reasons (code, rule id, sheet, row, line id), each reason with its Chinese and
 * English text naming the facts and the list of facts, as the shipped workbooks word them. It is a
 * benchmark ceiling, not a second implementation of the policy: edit a cell of
 * {@code warranty.xlsx} and this class is wrong. {@code HandWrittenWarrantyTest} checks it against
 * {@code Adjudicator.of(Rulebook.loadDefault())}.
 *
 * <p>Thread-safe (no state beyond constants).
 */
public final class HandWrittenWarranty {
    // ---- Regimes 三包规定 ---------------------------------------------------------------------------
    /** RG-02: R2021 applies to periods starting on or after this day, R2013 before. */
    static final LocalDate R2021_FROM = LocalDate.of(2022, 1, 1);
    /** 三包有效期: 24 months / 50,000 km in both regimes. */
    static final int SANBAO_MONTHS = 24;
    static final int SANBAO_KM = 50_000;
    /** Usage rate n, both regimes. */
    static final BigDecimal USAGE_RATE = new BigDecimal("0.005");
    static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    // ---- Terms 保修期限 -----------------------------------------------------------------------------
    static final int EV_MONTHS = 96;
    static final int EV_KM = 150_000;
    static final int WEAR_MONTHS = 3;
    static final int WEAR_KM = 5_000;
    static final int LV_BATTERY_MONTHS = 12;
    static final int LV_BATTERY_KM = 30_000;
    static final int VEHICLE_MONTHS = 36;
    static final int VEHICLE_KM = 100_000;

    // ---- 三包 windows ------------------------------------------------------------------------------
    static final int SEVEN_DAYS = 7;
    static final int EARLY_DAYS = 60;
    static final int EARLY_KM = 3_000;
    static final int REPEATS = 2;
    static final int R2021_REPAIR_DAYS = 30;
    static final int R2013_REPAIR_DAYS = 35;
    static final int R2021_SAME_PROBLEM = 4;
    static final int R2013_SAME_PROBLEM = 5;

    static final Set<Cause> EXCLUDED = EnumSet.of(Cause.MISUSE, Cause.UNAUTHORIZED_MODIFICATION,
            Cause.IMPROPER_MAINTENANCE, Cause.IMPROPER_HANDLING, Cause.FORCE_MAJEURE, Cause.NORMAL_WEAR,
            Cause.DELIBERATE);
    static final Set<Cause> ACCIDENT = EnumSet.of(Cause.COLLISION, Cause.OVERTURN, Cause.FALL, Cause.FIRE,
            Cause.EXPLOSION, Cause.FALLING_OBJECT, Cause.NATURAL_DISASTER, Cause.THEFT, Cause.SPONTANEOUS_COMBUSTION,
            Cause.GLASS_BREAKAGE, Cause.WATER_INGRESS, Cause.SCRATCH, Cause.WHEEL_ONLY);
    static final Set<PartSystem> NOT_COVERED = EnumSet.of(PartSystem.FLUID, PartSystem.ACCESSORY);
    static final Set<PartSystem> ASSEMBLIES = EnumSet.of(PartSystem.ENGINE, PartSystem.TRANSMISSION,
            PartSystem.TRACTION_BATTERY, PartSystem.DRIVE_MOTOR);
    static final Set<PartSystem> ASSEMBLIES_R2013 = EnumSet.of(PartSystem.ENGINE, PartSystem.TRANSMISSION);
    static final Set<PartSystem> MAIN_PART_SYSTEMS = EnumSet.of(PartSystem.ENGINE, PartSystem.TRANSMISSION,
            PartSystem.TRACTION_BATTERY, PartSystem.DRIVE_MOTOR, PartSystem.STEERING, PartSystem.BRAKE,
            PartSystem.SUSPENSION, PartSystem.DRIVELINE, PartSystem.EMISSION_CONTROL, PartSystem.BODY);
    static final Set<SafetyFault> FAULTS_R2021 = EnumSet.allOf(SafetyFault.class);
    static final Set<SafetyFault> FAULTS_R2013 = EnumSet.complementOf(EnumSet.of(SafetyFault.TRACTION_BATTERY_FIRE));

    // ---- sheets (Reason.table) ---------------------------------------------------------------------
    static final String CLAIM_CHECKS = "Claim checks 索赔审核";
    static final String COVERAGE = "Coverage 保修范围";
    static final String REFERRALS = "Referrals 转人工";
    static final String EARLY = "Sanbao early 三包早期";
    static final String SAFETY = "Sanbao safety 三包安全";
    static final String REPEATED_SAFETY = "Sanbao repeated safety 三包严重安全故障";
    static final String REPEATED_REPAIRS = "Sanbao repeated repairs 三包多次修理";
    static final String SCOPE = "Sanbao scope 三包适用";
    static final String SETTLEMENT = "Settlement 结算审核";
    static final String DOCUMENTS = "Documents 单证";

    static final String REPLACE_OR_REFUND_EN =
            ": you may choose a replacement vehicle or a refund (a usage compensation for the distance driven applies)";
    static final String REPLACE_OR_REFUND_ZH = "：可选择更换车辆或退车（按行驶里程收取使用补偿费）";

    /** English words of enum constants ({@code QUALITY_DEFECT} -> {@code quality defect}), made once. */
    private static final Map<Cause, String> CAUSE_EN = english(Cause.class);
    private static final Map<PartSystem, String> SYSTEM_EN = english(PartSystem.class);
    private static final Map<SafetyFault, String> FAULT_EN = english(SafetyFault.class);
    private static final Map<DocumentCode, String> DOCUMENT_EN = english(DocumentCode.class);

    private final RulebookInfo info;

    /** @param info the rulebook the verdicts name (the default rulebook's, for a like-for-like verdict) */
    public HandWrittenWarranty(RulebookInfo info) {
        this.info = Objects.requireNonNull(info, "info");
    }

    /** Verdicts on many claims, in order. */
    public List<Verdict> adjudicateAll(List<Claim> claims) {
        List<Verdict> out = new ArrayList<>(claims.size());
        for (Claim c : claims) {
            out.add(adjudicate(c));
        }
        return out;
    }

    /** One line under adjudication. */
    private static final class Line {
        final ClaimLine in;
        final Cause cause;
        boolean covered;
        LineRemedy remedy = LineRemedy.NONE;
        /** The line's reasons, in the verdict's order (created on the first reason). */
        List<Reason> reasons;

        Line(ClaimLine in, Cause cause) {
            this.in = in;
            this.cause = cause;
        }

        void add(Reason r) {
            if (reasons == null) {
                reasons = new ArrayList<>(4);
            }
            reasons.add(r);
        }

        BigDecimal amount() {
            return switch (remedy) {
                case REPAIR -> in.repairCostCny();
                case REPLACE_PART -> in.replaceCostCny();
                case NONE -> BigDecimal.ZERO;
            };
        }
    }

    /** The verdict on one warranty claim. */
    public Verdict adjudicate(Claim claim) {
        ClaimChecks.firstProblem(claim).ifPresent(e -> {
            throw new InvalidClaimException(e);
        });
        if (claim.type() != ClaimType.WARRANTY) {
            throw new IllegalArgumentException("hand-written adjudicator: WARRANTY claims only, got " + claim.type());
        }
        List<Reason> reasons = new ArrayList<>(8);

        // W1: claim-level denial ends the adjudication
        if (!claim.repairShop().authorized()) {
            String id = claim.repairShop().id();
            reasons.add(new Reason("UNAUTHORIZED_REPAIRER", "W1-01", CLAIM_CHECKS, 6,
                    "维修站 " + id + " 不是厂家授权的修理者：保修维修须在授权服务站进行",
                    "Repair shop " + id + " is not an authorized repairer: warranty work must be done in the maker's"
                            + " authorized network",
                    List.of(new Fact("shop.authorized", false), new Fact("shop.id", id)), null));
            List<LineVerdict> lines = new ArrayList<>(claim.lines().size());
            for (ClaimLine l : claim.lines()) {
                lines.add(new LineVerdict(l.lineId(), false, LineRemedy.NONE, Money.ZERO, List.of()));
            }
            return denied(claim, lines, reasons);
        }

        LocalDate start = claim.vehicle().periodStart();
        LocalDate occurred = claim.incident().occurredOn();
        boolean r2021 = !start.isBefore(R2021_FROM);
        int days = (int) ChronoUnit.DAYS.between(start, occurred);
        int months = monthsWithin(start, occurred);
        int km = claim.vehicle().odometerKm();

        // W2-W5, W7: one coverage reason per line, first match
        List<ClaimLine> in = claim.lines();
        Line[] lines = new Line[in.size()];
        int coveredCount = 0;
        for (int i = 0; i < lines.length; i++) {
            ClaimLine cl = in.get(i);
            Line l = new Line(cl, cl.cause() != null ? cl.cause() : claim.incident().cause());
            lines[i] = l;
            Reason r = coverage(l, months, km);
            reasons.add(r);
            l.add(r);
            if (l.covered) {
                coveredCount++;
            }
        }
        if (coveredCount == 0) {
            List<LineVerdict> verdicts = new ArrayList<>(lines.length);
            for (Line l : lines) {
                verdicts.add(new LineVerdict(l.in.lineId(), false, LineRemedy.NONE, Money.ZERO, l.reasons));
            }
            return denied(claim, verdicts, reasons);
        }

        // W6: outside work on a covered line refers the claim
        boolean referred = false;
        for (Line l : lines) {
            if (l.covered && l.in.priorRepairAtUnauthorizedShop()) {
                String id = l.in.lineId();
                String part = l.in.part();
                Reason r = new Reason("OUTSIDE_WORK_INSPECTION", "W6-01", REFERRALS, 6,
                        id + " 的" + part + "曾在授权网络外维修：须由技师检查外部维修是否导致故障",
                        id + ": " + part + " was worked on outside the authorized network; a technician must check"
                                + " whether that work caused the failure",
                        List.of(new Fact("line.covered", true), new Fact("line.priorRepairAtUnauthorizedShop", true),
                                new Fact("line.id", id), new Fact("line.part", part)), id);
                reasons.add(r);
                l.add(r);
                referred = true;
            }
        }

        // S1-S4: household vehicles only; a commercial vehicle gets one COMMERCIAL_USE_NO_SANBAO instead
        Remedy vehicleRemedy = Remedy.NONE;
        boolean noUsage = false;
        Sanbao s = new Sanbao(claim, lines, r2021, start, days, months, km, coveredCount);
        if (claim.vehicle().use() == VehicleUse.COMMERCIAL) {
            int hits = s.run(false);
            if (hits > 0) {
                reasons.add(new Reason("COMMERCIAL_USE_NO_SANBAO", "SC-01", SCOPE, 6,
                        "营运车辆不适用三包换车/退车及总成更换（R2021 第2条）：各项目按保修维修处理",
                        "Commercial-use vehicle: 三包 vehicle replacement, refund and assembly replacement do not apply"
                                + " (R2021 art. 2); lines are settled as warranty repairs",
                        List.of(new Fact("vehicle.use", "COMMERCIAL"), new Fact("sanbao.hits", hits)), null));
            }
        } else {
            s.run(true);
            reasons.addAll(s.reasons);
            vehicleRemedy = s.vehicleRemedy;
            noUsage = s.noUsage;
        }

        Remedy remedy = vehicleRemedy;
        boolean allCovered = true;
        BigDecimal linesTotal = BigDecimal.ZERO;
        for (Line l : lines) {
            if (l.covered) {
                remedy = remedy.strongest(Remedy.of(l.remedy));
                linesTotal = linesTotal.add(l.amount());
            } else {
                allCovered = false;
            }
        }
        boolean vehicle = remedy == Remedy.REPLACE_OR_REFUND;
        BigDecimal price = claim.vehicle().priceCny();

        // P-01: a replacement or refund needs the price
        if (vehicle && price == null) {
            reasons.add(new Reason("PRICE_NEEDED", "P-01", SETTLEMENT, 6,
                    "换车或退车须按购车价格计算退款和使用补偿费，但未提供购车价格：请补充购车价格后由人工审核",
                    "A replacement or refund needs the vehicle's purchase price to work out the refund and the usage"
                            + " compensation, and none was given: referred until the price is provided",
                    List.of(new Fact("claim.remedy", "REPLACE_OR_REFUND"), new Fact("vehicle.priceKnown", false)), null));
            referred = true;
        }

        // D1-D3: every missing document at once
        List<DocumentCode> docs = claim.documents();
        boolean hasOrder = docs.contains(DocumentCode.REPAIR_ORDER);
        boolean hasCard = docs.contains(DocumentCode.WARRANTY_CARD);
        boolean hasInvoice = docs.contains(DocumentCode.PURCHASE_INVOICE);
        if (!hasOrder) {
            Set<DocumentCode> m = EnumSet.of(DocumentCode.REPAIR_ORDER);
            reasons.add(new Reason("MISSING_DOCUMENTS", "D1-01", DOCUMENTS, 6,
                    "缺少单证：" + zh(m) + "（每项保修索赔都须提交维修工单）",
                    "Missing documents: " + en(m) + " (every warranty claim needs the repair order)",
                    List.of(new Fact("documents.missing", names(m))), null));
        }
        boolean registered = claim.vehicle().warrantyRegistered();
        if (!registered && !hasCard) {
            Set<DocumentCode> m = EnumSet.of(DocumentCode.WARRANTY_CARD);
            reasons.add(new Reason("MISSING_DOCUMENTS", "D2-01", DOCUMENTS, 7,
                    "缺少单证：" + zh(m) + "（车辆未登记保修，须提交三包凭证）",
                    "Missing documents: " + en(m) + " (the vehicle's warranty is not registered, so the warranty card"
                            + " is needed)",
                    List.of(new Fact("vehicle.warrantyRegistered", false), new Fact("documents.missing", names(m))),
                    null));
        }
        if (vehicle && !(hasCard && hasInvoice)) {
            Set<DocumentCode> m = EnumSet.noneOf(DocumentCode.class);
            if (!hasCard) {
                m.add(DocumentCode.WARRANTY_CARD);
            }
            if (!hasInvoice) {
                m.add(DocumentCode.PURCHASE_INVOICE);
            }
            reasons.add(new Reason("MISSING_DOCUMENTS", "D3-01", DOCUMENTS, 8,
                    "换车或退车须提交购车发票和三包凭证，尚缺：" + zh(m),
                    "A vehicle replacement or refund needs the purchase invoice and the warranty card; missing: " + en(m),
                    List.of(new Fact("claim.remedy", "REPLACE_OR_REFUND"), new Fact("documents.missing", names(m))),
                    null));
        }
        boolean cardMissing = !hasCard && (!registered || vehicle);
        boolean invoiceMissing = !hasInvoice && vehicle;
        List<DocumentCode> missing;
        if (hasOrder && !cardMissing && !invoiceMissing) {
            missing = List.of();
        } else {
            // in DocumentCode order, as the library lists them
            Set<DocumentCode> m = EnumSet.noneOf(DocumentCode.class);
            if (cardMissing) {
                m.add(DocumentCode.WARRANTY_CARD);
            }
            if (invoiceMissing) {
                m.add(DocumentCode.PURCHASE_INVOICE);
            }
            if (!hasOrder) {
                m.add(DocumentCode.REPAIR_ORDER);
            }
            missing = List.copyOf(m);
        }

        // settlement
        BigDecimal payable = linesTotal;
        BigDecimal compensation = Money.ZERO;
        if (vehicle) {
            if (price == null) {
                payable = BigDecimal.ZERO;
            } else {
                BigDecimal rate = noUsage ? BigDecimal.ZERO : USAGE_RATE;
                compensation = price.multiply(BigDecimal.valueOf(km)).multiply(rate).divide(THOUSAND)
                        .setScale(2, RoundingMode.HALF_UP);
                payable = price.subtract(compensation);
            }
        }
        Decision decision = vehicle || allCovered ? Decision.APPROVED : Decision.PARTIALLY_APPROVED;
        if (!missing.isEmpty()) {
            decision = Decision.PENDING_DOCUMENTS;
        } else if (referred) {
            decision = Decision.REFERRED;
        }
        if (!decision.pays()) {
            payable = BigDecimal.ZERO;
        }
        List<LineVerdict> verdicts = new ArrayList<>(lines.length);
        for (Line l : lines) {
            verdicts.add(l.covered
                    ? new LineVerdict(l.in.lineId(), true, l.remedy, l.amount().setScale(2, RoundingMode.HALF_UP), l.reasons)
                    : new LineVerdict(l.in.lineId(), false, LineRemedy.NONE, Money.ZERO, l.reasons));
        }
        return new Verdict(claim.claimId(), ClaimType.WARRANTY, decision, remedy,
                payable.setScale(2, RoundingMode.HALF_UP), compensation, compensation, verdicts, List.of(), missing,
                reasons, info);
    }

    private Verdict denied(Claim claim, List<LineVerdict> lines, List<Reason> reasons) {
        return new Verdict(claim.claimId(), ClaimType.WARRANTY, Decision.DENIED, Remedy.NONE, Money.ZERO, Money.ZERO,
                Money.ZERO, lines, List.of(), List.of(), reasons, info);
    }

    /** W2, W3, W4, W5 (time, then distance), W7: the first that holds decides the line. */
    private static Reason coverage(Line l, int months, int km) {
        ClaimLine cl = l.in;
        String id = cl.lineId();
        Cause cause = l.cause;
        PartSystem system = cl.system();
        if (EXCLUDED.contains(cause)) {
            return new Reason("CAUSE_EXCLUDED", "W2-01", COVERAGE, 6,
                    id + " 不在保修范围：损坏原因为" + cause.zh() + "（三包责任免除）",
                    id + " not covered: damage caused by " + CAUSE_EN.get(cause) + " (excluded from warranty)",
                    List.of(new Fact("line.cause", cause.name()), new Fact("line.id", id)), id);
        }
        if (ACCIDENT.contains(cause)) {
            return new Reason("ACCIDENT_DAMAGE", "W3-01", COVERAGE, 7,
                    id + " 属事故损失（" + cause.zh() + "），不属质量问题：请向保险公司提出车损险理赔",
                    id + " is accident damage (" + CAUSE_EN.get(cause) + "), not a quality problem: file a"
                            + " motor-insurance claim instead",
                    List.of(new Fact("line.cause", cause.name()), new Fact("line.id", id)), id);
        }
        if (NOT_COVERED.contains(system)) {
            return new Reason("PART_NOT_COVERED", "W4-01", COVERAGE, 8,
                    id + " 的" + system.zh() + "不在保修范围（消耗品或非原厂加装件）",
                    id + ": " + SYSTEM_EN.get(system) + " is not covered (consumable or non-factory equipment)",
                    List.of(new Fact("line.system", system.name()), new Fact("line.id", id)), id);
        }
        int termMonths;
        int termKm;
        switch (system) {
            case TRACTION_BATTERY, DRIVE_MOTOR -> {
                termMonths = EV_MONTHS;
                termKm = EV_KM;
            }
            case WEAR_PART -> {
                termMonths = WEAR_MONTHS;
                termKm = WEAR_KM;
            }
            case LOW_VOLTAGE_BATTERY -> {
                termMonths = LV_BATTERY_MONTHS;
                termKm = LV_BATTERY_KM;
            }
            default -> {
                termMonths = VEHICLE_MONTHS;
                termKm = VEHICLE_KM;
            }
        }
        if (months > termMonths) {
            return new Reason("WARRANTY_EXPIRED", "W5-01", COVERAGE, 9,
                    "保修期已过：故障发生于交车后第 " + months + " 个月，超出 " + termMonths + " 个月的保修期",
                    "Warranty expired: failure " + months + " months after delivery, term is " + termMonths + " months",
                    List.of(new Fact("line.monthsOverTerm", months - termMonths),
                            new Fact("period.monthsSinceStart", months), new Fact("line.termMonths", termMonths)), id);
        }
        if (km > termKm) {
            int over = km - termKm;
            return new Reason("WARRANTY_EXPIRED", "W5-02", COVERAGE, 10,
                    "保修里程已超：行驶 " + km + " 公里，超出 " + termKm + " 公里的保修里程 " + over + " 公里",
                    "Warranty expired by distance: " + km + " km driven, " + over + " km over the " + termKm + " km term",
                    List.of(new Fact("line.kmOverTerm", over), new Fact("vehicle.odometerKm", km),
                            new Fact("line.termKm", termKm)), id);
        }
        // every cause is in W2, W3 or here (QUALITY_DEFECT, BREAKDOWN): the line is covered
        l.covered = true;
        String part = cl.part();
        if (cl.repairable()) {
            l.remedy = LineRemedy.REPAIR;
            String amount = money(cl.repairCostCny());
            return new Reason("COVERED_REPAIR", "W7-01", COVERAGE, 11,
                    id + " 保修维修：" + part + " 可修复，支付维修费 " + amount + " 元",
                    id + " covered: " + part + " is repaired, paying the repair quote of " + amount + " CNY",
                    List.of(new Fact("line.cause", cause.name()), new Fact("line.repairable", true),
                            new Fact("line.id", id), new Fact("line.part", part),
                            new Fact("line.repairCostCny", cl.repairCostCny())), id);
        }
        l.remedy = LineRemedy.REPLACE_PART;
        String amount = money(cl.replaceCostCny());
        return new Reason("COVERED_REPLACE", "W7-02", COVERAGE, 12,
                id + " 保修更换：" + part + " 无法修复，支付更换费 " + amount + " 元",
                id + " covered: " + part + " cannot be repaired and is replaced, paying " + amount + " CNY",
                List.of(new Fact("line.cause", cause.name()), new Fact("line.repairable", false),
                        new Fact("line.id", id), new Fact("line.part", part),
                        new Fact("line.replaceCostCny", cl.replaceCostCny())), id);
    }

    /**
     * The 三包 rules S1-S4 of one claim. {@code run(false)} only counts the rules that hold (for a
     * commercial vehicle, which gets none of them); {@code run(true)} also builds their reasons, sets
     * the vehicle remedy, and switches S3 lines to a part replacement.
     */
    private static final class Sanbao {
        final Claim claim;
        final Line[] lines;
        final boolean r2021;
        final LocalDate start;
        final int days;
        final int months;
        final int km;
        final int coveredCount;
        final List<Reason> reasons = new ArrayList<>(0);
        Remedy vehicleRemedy = Remedy.NONE;
        boolean noUsage;
        /** Counted history (quality problems repaired inside the 三包有效期), null until needed. */
        List<PriorRepair> counted;

        Sanbao(Claim claim, Line[] lines, boolean r2021, LocalDate start, int days, int months, int km,
                int coveredCount) {
            this.claim = claim;
            this.lines = lines;
            this.r2021 = r2021;
            this.start = start;
            this.days = days;
            this.months = months;
            this.km = km;
            this.coveredCount = coveredCount;
        }

        private void add(Reason r, Line l) {
            reasons.add(r);
            if (l != null) {
                l.add(r);
            }
        }

        int run(boolean emit) {
            int hits = 0;
            boolean early = days <= EARLY_DAYS && km <= EARLY_KM;
            // S1 (7 days, no distance limit), S3 (60 days and 3,000 km) (Sanbao early): per line
            if (days <= EARLY_DAYS) {
                for (Line l : lines) {
                    if (!l.covered || l.cause != Cause.QUALITY_DEFECT) {
                        continue;
                    }
                    PartSystem system = l.in.system();
                    if (r2021 && !l.in.repairable() && days <= SEVEN_DAYS && ASSEMBLIES.contains(system)) {
                        hits++;
                        if (emit) {
                            vehicleRemedy = Remedy.REPLACE_OR_REFUND;
                            noUsage = true;
                            String id = l.in.lineId();
                            add(new Reason("SANBAO_7_DAY", "S1-01", EARLY, 6,
                                    id + "：交车后 " + days + " 天，" + system.zh()
                                            + "因质量问题需要更换：可选择免费更换车辆或退车，不收取使用补偿费",
                                    id + ": the " + SYSTEM_EN.get(system) + " failed with a quality defect " + days
                                            + " days after delivery and must be replaced: you may choose a free"
                                            + " replacement vehicle or a refund, with no usage compensation",
                                    List.of(new Fact("regime", "R2021"), new Fact("line.cause", "QUALITY_DEFECT"),
                                            new Fact("line.covered", true), new Fact("line.system", system.name()),
                                            new Fact("line.repairable", false), new Fact("period.daysSinceStart", days),
                                            new Fact("line.id", id)), id), l);
                        }
                    }
                    if (early && l.in.mainPart() && (r2021 ? ASSEMBLIES : ASSEMBLIES_R2013).contains(system)) {
                        hits++;
                        if (emit) {
                            vehicleRemedy = vehicleRemedy.strongest(Remedy.REPLACE_ASSEMBLY);
                            l.remedy = LineRemedy.REPLACE_PART;
                            String id = l.in.lineId();
                            String zh = system.zh();
                            String en = SYSTEM_EN.get(system);
                            add(new Reason("SANBAO_ASSEMBLY", r2021 ? "S3-01" : "S3-02", EARLY, r2021 ? 7 : 8,
                                    id + "：交车后 " + days + " 天、行驶 " + km + " 公里，" + zh + "的主要零件出现质量问题：免费更换"
                                            + zh + "总成",
                                    id + ": a main part of the " + en + " failed with a quality defect " + days
                                            + " days and " + km + " km after delivery: the " + en
                                            + " assembly is replaced free of charge",
                                    List.of(new Fact("regime", r2021 ? "R2021" : "R2013"),
                                            new Fact("line.cause", "QUALITY_DEFECT"), new Fact("line.covered", true),
                                            new Fact("line.system", system.name()), new Fact("line.mainPart", true),
                                            new Fact("period.daysSinceStart", days), new Fact("vehicle.odometerKm", km),
                                            new Fact("line.id", id)), id), l);
                        }
                    }
                }
            }
            List<SafetyFault> faults = claim.incident().faults();
            Set<SafetyFault> counting = r2021 ? FAULTS_R2021 : FAULTS_R2013;
            boolean newFault = false;
            for (SafetyFault f : faults) {
                if (counting.contains(f)) {
                    newFault = true;
                    break;
                }
            }
            // S2 (Sanbao safety): per claim
            if (early && newFault && claim.incident().cause() == Cause.QUALITY_DEFECT && coveredCount >= 1) {
                hits++;
                if (emit) {
                    vehicleRemedy = Remedy.REPLACE_OR_REFUND;
                    noUsage = true;
                    Set<SafetyFault> all = EnumSet.copyOf(faults);
                    add(new Reason("SANBAO_60_DAY_SAFETY", r2021 ? "S2-01" : "S2-02", SAFETY, r2021 ? 6 : 7,
                            "交车后 " + days + " 天、行驶 " + km + " 公里，因质量问题出现" + zh(all)
                                    + "：可选择免费更换车辆或退车，不收取使用补偿费",
                            "Serious safety failure (" + en(all) + ") from a quality defect " + days + " days and " + km
                                    + " km after delivery: you may choose a free replacement vehicle or a refund,"
                                    + " with no usage compensation",
                            List.of(new Fact("regime", r2021 ? "R2021" : "R2013"),
                                    new Fact("incident.cause", "QUALITY_DEFECT"),
                                    new Fact("lines.coveredCount", coveredCount), new Fact("incident.faults", names(all)),
                                    new Fact("period.daysSinceStart", days), new Fact("vehicle.odometerKm", km)), null),
                            null);
                }
            }
            // S4 (Sanbao repeated safety, Sanbao repeated repairs): per line, within the 三包有效期
            if (months > SANBAO_MONTHS || km > SANBAO_KM || claim.history().isEmpty()) {
                return hits;
            }
            LocalDate end = start.plusMonths(SANBAO_MONTHS);
            counted = new ArrayList<>(claim.history().size());
            int serious = 0;
            int repairDays = 0;
            for (PriorRepair p : claim.history()) {
                if (p.qualityProblem() && !p.repairedOn().isBefore(start) && !p.repairedOn().isAfter(end)) {
                    counted.add(p);
                    repairDays += p.repairDays();
                    if (p.seriousSafety()) {
                        serious++;
                    }
                }
            }
            if (counted.isEmpty()) {
                return hits;
            }
            String regime = r2021 ? "R2021" : "R2013";
            // S4 (a): serious safety failures repaired twice, then the same problem or a new fault
            if (serious >= REPEATS) {
                for (Line l : lines) {
                    if (!l.covered || l.cause != Cause.QUALITY_DEFECT) {
                        continue;
                    }
                    String problem = l.in.problem();
                    if (problem != null) {
                        boolean again = false;
                        for (PriorRepair p : counted) {
                            if (p.seriousSafety() && problem.equals(p.problem())) {
                                again = true;
                                break;
                            }
                        }
                        if (again) {
                            hits++;
                            if (emit) {
                                String id = l.in.lineId();
                                int same = 0;
                                for (PriorRepair p : counted) {
                                    if (p.seriousSafety() && problem.equals(p.problem())) {
                                        same++;
                                    }
                                }
                                repeated(l, "S4-01", REPEATED_SAFETY, 6,
                                        id + "：三包有效期内严重安全性能故障已修理 " + serious + " 次，" + problem + "问题再次出现"
                                                + REPLACE_OR_REFUND_ZH,
                                        id + ": a serious safety failure has been repaired " + serious
                                                + " times within the 三包 period and the problem \"" + problem
                                                + "\" has occurred again" + REPLACE_OR_REFUND_EN,
                                        List.of(new Fact("line.cause", "QUALITY_DEFECT"), new Fact("line.covered", true),
                                                new Fact("sanbao.withinPeriod", true),
                                                new Fact("history.seriousSafetyRepairs", serious),
                                                new Fact("line.sameProblemSeriousRepairs", same),
                                                new Fact("line.id", id), new Fact("line.problem", problem)));
                            }
                        }
                    }
                    if (newFault) {
                        hits++;
                        if (emit) {
                            String id = l.in.lineId();
                            Set<SafetyFault> all = EnumSet.copyOf(faults);
                            repeated(l, r2021 ? "S4-02" : "S4-03", REPEATED_SAFETY, r2021 ? 7 : 8,
                                    id + "：三包有效期内严重安全性能故障已修理 " + serious + " 次，现又出现新的严重安全性能故障（" + zh(all)
                                            + "）" + REPLACE_OR_REFUND_ZH,
                                    id + ": after " + serious + " repairs of serious safety failures within the 三包"
                                            + " period, a new serious safety failure occurred (" + en(all) + ")"
                                            + REPLACE_OR_REFUND_EN,
                                    List.of(new Fact("regime", regime), new Fact("line.cause", "QUALITY_DEFECT"),
                                            new Fact("line.covered", true), new Fact("sanbao.withinPeriod", true),
                                            new Fact("history.seriousSafetyRepairs", serious),
                                            new Fact("incident.faults", names(all)), new Fact("line.id", id)));
                        }
                    }
                }
            }
            // S4 (b)-(e): repeated replacements, repair days, repairs of the same problem
            int dayLimit = r2021 ? R2021_REPAIR_DAYS : R2013_REPAIR_DAYS;
            int repairLimit = r2021 ? R2021_SAME_PROBLEM : R2013_SAME_PROBLEM;
            for (Line l : lines) {
                if (!l.covered || l.cause != Cause.QUALITY_DEFECT) {
                    continue;
                }
                PartSystem system = l.in.system();
                String part = l.in.part();
                String problem = l.in.problem();
                int assemblies = 0;
                int mainParts = 0;
                int sameProblem = 0;
                for (PriorRepair p : counted) {
                    if (p.assembly() && p.system() == system) {
                        assemblies++;
                    }
                    if (p.mainPart() && p.replaced() && part.equals(p.part())) {
                        mainParts++;
                    }
                    if (problem != null && problem.equals(p.problem())) {
                        sameProblem++;
                    }
                }
                String id = l.in.lineId();
                if (assemblies >= REPEATS && ASSEMBLIES.contains(system)) {
                    hits++;
                    if (emit) {
                        repeated(l, "S4-04", REPEATED_REPAIRS, 6,
                                id + "：三包有效期内" + system.zh() + "已因质量问题更换 " + assemblies + " 次，仍不能正常使用"
                                        + REPLACE_OR_REFUND_ZH,
                                id + ": the " + SYSTEM_EN.get(system) + " has been replaced " + assemblies
                                        + " times for quality problems within the 三包 period and still fails"
                                        + REPLACE_OR_REFUND_EN,
                                List.of(new Fact("line.cause", "QUALITY_DEFECT"), new Fact("line.covered", true),
                                        new Fact("sanbao.withinPeriod", true), new Fact("line.system", system.name()),
                                        new Fact("line.systemAssemblyReplacements", assemblies), new Fact("line.id", id)));
                    }
                }
                if (mainParts >= REPEATS && MAIN_PART_SYSTEMS.contains(system)) {
                    hits++;
                    if (emit) {
                        repeated(l, "S4-05", REPEATED_REPAIRS, 7,
                                id + "：三包有效期内同一主要零部件" + part + "已因质量问题更换 " + mainParts + " 次，仍不能正常使用"
                                        + REPLACE_OR_REFUND_ZH,
                                id + ": the same main part (" + part + ") has been replaced " + mainParts
                                        + " times for quality problems within the 三包 period and still fails"
                                        + REPLACE_OR_REFUND_EN,
                                List.of(new Fact("line.cause", "QUALITY_DEFECT"), new Fact("line.covered", true),
                                        new Fact("sanbao.withinPeriod", true), new Fact("line.system", system.name()),
                                        new Fact("line.samePartMainReplacements", mainParts), new Fact("line.id", id),
                                        new Fact("line.part", part)));
                    }
                }
                if (repairDays > dayLimit) {
                    hits++;
                    if (emit) {
                        repeated(l, r2021 ? "S4-06" : "S4-07", REPEATED_REPAIRS, r2021 ? 8 : 9,
                                id + "：三包有效期内因质量问题累计修理 " + repairDays + " 天，（条件 > " + dayLimit + " 天）"
                                        + REPLACE_OR_REFUND_ZH,
                                id + ": the vehicle has spent " + repairDays + " days in repair for quality problems"
                                        + " within the 三包 period (the rule: > " + dayLimit + " days)" + REPLACE_OR_REFUND_EN,
                                List.of(new Fact("regime", regime), new Fact("line.cause", "QUALITY_DEFECT"),
                                        new Fact("line.covered", true), new Fact("sanbao.withinPeriod", true),
                                        new Fact("history.repairDays", repairDays), new Fact("line.id", id)));
                    }
                }
                if (sameProblem > repairLimit) {
                    hits++;
                    if (emit) {
                        repeated(l, r2021 ? "S4-08" : "S4-09", REPEATED_REPAIRS, r2021 ? 10 : 11,
                                id + "：三包有效期内同一质量问题（" + problem + "）已修理 " + sameProblem + " 次，（条件 > "
                                        + repairLimit + " 次）" + REPLACE_OR_REFUND_ZH,
                                id + ": the same problem (\"" + problem + "\") has been repaired " + sameProblem
                                        + " times within the 三包 period (the rule: > " + repairLimit + " times)"
                                        + REPLACE_OR_REFUND_EN,
                                List.of(new Fact("regime", regime), new Fact("line.cause", "QUALITY_DEFECT"),
                                        new Fact("line.covered", true), new Fact("sanbao.withinPeriod", true),
                                        new Fact("line.sameProblemRepairs", sameProblem), new Fact("line.id", id),
                                        new Fact("line.problem", problem)));
                    }
                }
            }
            return hits;
        }

        private void repeated(Line l, String ruleId, String table, int row, String zh, String en, List<Fact> facts) {
            vehicleRemedy = Remedy.REPLACE_OR_REFUND;
            add(new Reason("SANBAO_REPEATED_FAILURE", ruleId, table, row, zh, en, facts, l.in.lineId()), l);
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------

    /** The smallest m with {@code to <= from.plusMonths(m)}: "within m months" of {@code from}. */
    static int monthsWithin(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        int m = (int) ChronoUnit.MONTHS.between(from, to);
        return from.plusMonths(m).isBefore(to) ? m + 1 : m;
    }

    /** {@code 18,400.00}. */
    static String money(BigDecimal amount) {
        String plain = amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
        int point = plain.length() - 3;
        if (point <= 3) {
            return plain;
        }
        StringBuilder sb = new StringBuilder(plain.length() + 4);
        int first = point % 3 == 0 ? 3 : point % 3;
        sb.append(plain, 0, first);
        for (int i = first; i < point; i += 3) {
            sb.append(',').append(plain, i, i + 3);
        }
        return sb.append(plain, point, plain.length()).toString();
    }

    private static String zh(Set<? extends Enum<?>> values) {
        StringBuilder sb = new StringBuilder();
        for (Enum<?> v : values) {
            if (sb.length() > 0) {
                sb.append('、');
            }
            sb.append(v instanceof SafetyFault f ? f.zh() : ((DocumentCode) v).zh());
        }
        return sb.toString();
    }

    private static String en(Set<? extends Enum<?>> values) {
        StringBuilder sb = new StringBuilder();
        for (Enum<?> v : values) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(v instanceof SafetyFault f ? FAULT_EN.get(f) : DOCUMENT_EN.get((DocumentCode) v));
        }
        return sb.toString();
    }

    private static List<String> names(Set<? extends Enum<?>> values) {
        List<String> names = new ArrayList<>(values.size());
        for (Enum<?> v : values) {
            names.add(v.name());
        }
        return names;
    }

    private static <E extends Enum<E>> Map<E, String> english(Class<E> type) {
        Map<E, String> words = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) {
            words.put(e, e.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        return words;
    }
}
