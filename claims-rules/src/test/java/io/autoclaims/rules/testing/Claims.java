package io.autoclaims.rules.testing;

import io.autoclaims.model.Cause;
import io.autoclaims.model.Claim;
import io.autoclaims.model.ClaimLine;
import io.autoclaims.model.ClaimType;
import io.autoclaims.model.DocumentCode;
import io.autoclaims.model.Incident;
import io.autoclaims.model.PartSystem;
import io.autoclaims.model.PriorRepair;
import io.autoclaims.model.RepairShop;
import io.autoclaims.model.SafetyFault;
import io.autoclaims.model.ShopTier;
import io.autoclaims.model.Vehicle;
import io.autoclaims.model.VehicleUse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Test fixture: builds valid WARRANTY claims with readable defaults, so that a test only states the
 * inputs it is about.
 *
 * <p>Defaults: claim {@code W-1}; authorized 4S shop {@code 4S-SH-001}; {@code PRIVATE} vehicle, warranty not
 * registered, price 150,000.00, delivered (and purchased) 2023-03-01 (regime R2021), odometer 12,000 km;
 * incident on 2023-07-15 (136 days, 5 months after delivery) with cause {@code QUALITY_DEFECT} and no safety
 * faults; documents {@code REPAIR_ORDER} and {@code WARRANTY_CARD}; no history; one line {@code L1}: a
 * repairable {@code ENGINE} part "engine" without problem code, not a main part, repair 1,200.00, replace
 * 5,000.00, no own cause, not worked on outside the network. That claim is APPROVED with remedy REPAIR
 * paying 1,200.00.
 *
 * <pre>{@code
 * Claim c = Claims.warranty()
 *         .deliveredOn("2021-01-31").occurredOn("2024-02-01").odometerKm(50_000)
 *         .line(l -> l.system(PartSystem.WEAR_PART))
 *         .addLine("L2", l -> l.system(PartSystem.BRAKE).cause(Cause.MISUSE))
 *         .addHistory(Claims.repair("2023-05-01").problem("P1").seriousSafety())
 *         .build();
 * }</pre>
 */
public final class Claims {

    public static final LocalDate DEFAULT_DELIVERED_ON = LocalDate.of(2023, 3, 1);
    public static final LocalDate DEFAULT_OCCURRED_ON = LocalDate.of(2023, 7, 15);
    public static final BigDecimal DEFAULT_PRICE = new BigDecimal("150000.00");
    public static final BigDecimal DEFAULT_REPAIR_COST = new BigDecimal("1200.00");
    public static final BigDecimal DEFAULT_REPLACE_COST = new BigDecimal("5000.00");
    public static final String DEFAULT_SHOP_ID = "4S-SH-001";

    private String claimId = "W-1";
    private LocalDate submittedOn;
    private String vin = "LSVAU2180N2183344";
    private LocalDate purchasedOn;
    private LocalDate deliveredOn = DEFAULT_DELIVERED_ON;
    private boolean deliveredOnGiven = true;
    private int odometerKm = 12_000;
    private BigDecimal priceCny = DEFAULT_PRICE;
    private VehicleUse use = VehicleUse.PRIVATE;
    private boolean warrantyRegistered;
    private LocalDate occurredOn = DEFAULT_OCCURRED_ON;
    private Cause cause = Cause.QUALITY_DEFECT;
    private List<SafetyFault> faults = new ArrayList<>();
    private RepairShop shop = new RepairShop(DEFAULT_SHOP_ID, true, ShopTier.DEALER_4S);
    private Set<DocumentCode> documents =
            new LinkedHashSet<>(List.of(DocumentCode.REPAIR_ORDER, DocumentCode.WARRANTY_CARD));
    private final List<LineBuilder> lines = new ArrayList<>(List.of(new LineBuilder("L1")));
    private final List<PriorRepair> history = new ArrayList<>();

    private Claims() {
    }

    /** A valid warranty claim with the defaults above. */
    public static Claims warranty() {
        return new Claims();
    }

    /** A line with the default values and that id, e.g. for {@link #lines(LineBuilder...)}. */
    public static LineBuilder line(String lineId) {
        return new LineBuilder(lineId);
    }

    /**
     * A prior repair on that day with defaults: {@code ENGINE}, part "engine", problem "OTHER", not replaced,
     * not a main part, no assembly, not serious, 1 repair day, a quality problem.
     */
    public static RepairBuilder repair(LocalDate repairedOn) {
        return new RepairBuilder(repairedOn);
    }

    /** As {@link #repair(LocalDate)} with an ISO date. */
    public static RepairBuilder repair(String repairedOn) {
        return repair(LocalDate.parse(repairedOn));
    }

    /** {@code LocalDate.parse}, for short test code. */
    public static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    // ---- claim ----------------------------------------------------------------------------------

    public Claims claimId(String id) {
        this.claimId = id;
        return this;
    }

    /** Default: the day after the incident. */
    public Claims submittedOn(LocalDate day) {
        this.submittedOn = day;
        return this;
    }

    // ---- vehicle --------------------------------------------------------------------------------

    public Claims vin(String newVin) {
        this.vin = newVin;
        return this;
    }

    /** The delivery date (period start); the purchase date follows it unless set with {@link #purchasedOn}. */
    public Claims deliveredOn(LocalDate day) {
        this.deliveredOn = day;
        this.deliveredOnGiven = day != null;
        return this;
    }

    public Claims deliveredOn(String iso) {
        return deliveredOn(LocalDate.parse(iso));
    }

    /** No delivery date: the period starts on the purchase date (which must then be set). */
    public Claims withoutDeliveryDate() {
        this.deliveredOnGiven = false;
        return this;
    }

    /** The purchase invoice date; default: the delivery date. */
    public Claims purchasedOn(LocalDate day) {
        this.purchasedOn = day;
        return this;
    }

    public Claims purchasedOn(String iso) {
        return purchasedOn(LocalDate.parse(iso));
    }

    public Claims odometerKm(int km) {
        this.odometerKm = km;
        return this;
    }

    public Claims priceCny(String amount) {
        this.priceCny = amount == null ? null : new BigDecimal(amount);
        return this;
    }

    /** No purchase price given. */
    public Claims noPrice() {
        this.priceCny = null;
        return this;
    }

    public Claims use(VehicleUse newUse) {
        this.use = newUse;
        return this;
    }

    public Claims commercial() {
        return use(VehicleUse.COMMERCIAL);
    }

    public Claims warrantyRegistered(boolean registered) {
        this.warrantyRegistered = registered;
        return this;
    }

    // ---- incident -------------------------------------------------------------------------------

    public Claims occurredOn(LocalDate day) {
        this.occurredOn = day;
        return this;
    }

    public Claims occurredOn(String iso) {
        return occurredOn(LocalDate.parse(iso));
    }

    /** The incident happened that many days after the period start (delivery, else purchase). */
    public Claims occurredDaysAfterStart(int days) {
        return occurredOn(periodStart().plusDays(days));
    }

    /** The incident's cause: the default cause of every line. */
    public Claims cause(Cause newCause) {
        this.cause = newCause;
        return this;
    }

    /** Serious safety failures observed (replaces the list). */
    public Claims faults(SafetyFault... newFaults) {
        this.faults = new ArrayList<>(Arrays.asList(newFaults));
        return this;
    }

    // ---- shop -----------------------------------------------------------------------------------

    public Claims shop(String id, boolean authorized, ShopTier tier) {
        this.shop = new RepairShop(id, authorized, tier);
        return this;
    }

    /** An independent garage outside the maker's network. */
    public Claims unauthorizedShop() {
        return shop("GARAGE-77", false, ShopTier.INDEPENDENT);
    }

    // ---- documents ------------------------------------------------------------------------------

    /** The documents supplied (replaces the list). */
    public Claims documents(DocumentCode... docs) {
        this.documents = new LinkedHashSet<>(Arrays.asList(docs));
        return this;
    }

    public Claims noDocuments() {
        return documents();
    }

    public Claims withDocument(DocumentCode doc) {
        documents.add(doc);
        return this;
    }

    public Claims withoutDocument(DocumentCode doc) {
        documents.remove(doc);
        return this;
    }

    /** REPAIR_ORDER, WARRANTY_CARD and PURCHASE_INVOICE: everything a warranty claim can need. */
    public Claims allDocuments() {
        return documents(DocumentCode.REPAIR_ORDER, DocumentCode.WARRANTY_CARD, DocumentCode.PURCHASE_INVOICE);
    }

    // ---- lines ----------------------------------------------------------------------------------

    /** Changes the first line ({@code L1} unless replaced). */
    public Claims line(UnaryOperator<LineBuilder> change) {
        change.apply(lines.get(0));
        return this;
    }

    /** Changes the line with that id. */
    public Claims line(String lineId, UnaryOperator<LineBuilder> change) {
        for (LineBuilder l : lines) {
            if (l.lineId.equals(lineId)) {
                change.apply(l);
                return this;
            }
        }
        throw new IllegalArgumentException("no line " + lineId);
    }

    /** Adds a line with the default values, changed by {@code change}. */
    public Claims addLine(String lineId, UnaryOperator<LineBuilder> change) {
        LineBuilder l = new LineBuilder(lineId);
        change.apply(l);
        lines.add(l);
        return this;
    }

    /** Replaces all lines. */
    public Claims lines(LineBuilder... newLines) {
        lines.clear();
        lines.addAll(Arrays.asList(newLines));
        return this;
    }

    // ---- history --------------------------------------------------------------------------------

    public Claims addHistory(RepairBuilder... repairs) {
        for (RepairBuilder r : repairs) {
            history.add(r.build());
        }
        return this;
    }

    /** Adds {@code times} copies of that repair, each one day after the one before. */
    public Claims addHistoryTimes(int times, RepairBuilder repair) {
        for (int i = 0; i < times; i++) {
            history.add(repair.copy().on(repair.repairedOn.plusDays(i)).build());
        }
        return this;
    }

    public Claims addHistory(PriorRepair repair) {
        history.add(repair);
        return this;
    }

    // ---- build ----------------------------------------------------------------------------------

    /** The period start the claim will have: the delivery date, else the purchase date. */
    public LocalDate periodStart() {
        return deliveredOnGiven ? deliveredOn : purchasedOn;
    }

    public Claim build() {
        LocalDate purchased = purchasedOn != null ? purchasedOn : deliveredOn;
        Vehicle vehicle = new Vehicle(vin, purchased, deliveredOnGiven ? deliveredOn : null, odometerKm, priceCny,
                use, warrantyRegistered, true);
        Incident incident = new Incident(occurredOn, null, null, null, cause, faults, null, null, null, null);
        List<ClaimLine> built = lines.stream().map(LineBuilder::build).toList();
        LocalDate submitted = submittedOn != null ? submittedOn : occurredOn.plusDays(1);
        return new Claim(claimId, ClaimType.WARRANTY, submitted, vehicle, incident, shop, built,
                List.copyOf(documents), history, null, null, null, null, null);
    }

    // ---------------------------------------------------------------------------------------------

    /** A claim line under construction. */
    public static final class LineBuilder {
        private final String lineId;
        private PartSystem system = PartSystem.ENGINE;
        private String part = "engine";
        private String problem;
        private boolean mainPart;
        private boolean repairable = true;
        private BigDecimal repairCostCny = DEFAULT_REPAIR_COST;
        private BigDecimal replaceCostCny = DEFAULT_REPLACE_COST;
        private Cause cause;
        private boolean priorRepairAtUnauthorizedShop;

        private LineBuilder(String lineId) {
            this.lineId = lineId;
        }

        public LineBuilder system(PartSystem s) {
            this.system = s;
            return this;
        }

        public LineBuilder part(String p) {
            this.part = p;
            return this;
        }

        public LineBuilder problem(String p) {
            this.problem = p;
            return this;
        }

        public LineBuilder mainPart() {
            return mainPart(true);
        }

        public LineBuilder mainPart(boolean m) {
            this.mainPart = m;
            return this;
        }

        public LineBuilder repairable(boolean r) {
            this.repairable = r;
            return this;
        }

        public LineBuilder notRepairable() {
            return repairable(false);
        }

        public LineBuilder repairCost(String amount) {
            this.repairCostCny = new BigDecimal(amount);
            return this;
        }

        public LineBuilder replaceCost(String amount) {
            this.replaceCostCny = new BigDecimal(amount);
            return this;
        }

        /** The line's own cause, overriding the incident's; null for none. */
        public LineBuilder cause(Cause c) {
            this.cause = c;
            return this;
        }

        public LineBuilder priorRepairAtUnauthorizedShop() {
            return priorRepairAtUnauthorizedShop(true);
        }

        public LineBuilder priorRepairAtUnauthorizedShop(boolean p) {
            this.priorRepairAtUnauthorizedShop = p;
            return this;
        }

        public ClaimLine build() {
            return new ClaimLine(lineId, system, part, problem, mainPart, repairable, repairCostCny, replaceCostCny,
                    cause, priorRepairAtUnauthorizedShop);
        }
    }

    /** A prior repair (history entry) under construction. */
    public static final class RepairBuilder {
        private LocalDate repairedOn;
        private PartSystem system = PartSystem.ENGINE;
        private String part = "engine";
        private String problem = "OTHER";
        private boolean replaced;
        private boolean mainPart;
        private boolean assembly;
        private boolean seriousSafety;
        private int repairDays = 1;
        private boolean qualityProblem = true;

        private RepairBuilder(LocalDate repairedOn) {
            this.repairedOn = repairedOn;
        }

        RepairBuilder copy() {
            RepairBuilder c = new RepairBuilder(repairedOn);
            c.system = system;
            c.part = part;
            c.problem = problem;
            c.replaced = replaced;
            c.mainPart = mainPart;
            c.assembly = assembly;
            c.seriousSafety = seriousSafety;
            c.repairDays = repairDays;
            c.qualityProblem = qualityProblem;
            return c;
        }

        public RepairBuilder on(LocalDate day) {
            this.repairedOn = day;
            return this;
        }

        public RepairBuilder system(PartSystem s) {
            this.system = s;
            return this;
        }

        public RepairBuilder part(String p) {
            this.part = p;
            return this;
        }

        public RepairBuilder problem(String p) {
            this.problem = p;
            return this;
        }

        /** The part was replaced. */
        public RepairBuilder replaced() {
            this.replaced = true;
            return this;
        }

        /** A main part (主要零部件) was replaced: {@code replaced} and {@code mainPart}. */
        public RepairBuilder mainPartReplaced() {
            this.replaced = true;
            this.mainPart = true;
            return this;
        }

        public RepairBuilder mainPart(boolean m) {
            this.mainPart = m;
            return this;
        }

        /** The whole assembly of the system was replaced. */
        public RepairBuilder assembly() {
            this.assembly = true;
            return this;
        }

        public RepairBuilder seriousSafety() {
            this.seriousSafety = true;
            return this;
        }

        public RepairBuilder repairDays(int days) {
            this.repairDays = days;
            return this;
        }

        /** Not a quality problem: 三包 does not count it. */
        public RepairBuilder notQualityProblem() {
            this.qualityProblem = false;
            return this;
        }

        public PriorRepair build() {
            return new PriorRepair(repairedOn, system, part, problem, replaced, mainPart, assembly, seriousSafety,
                    repairDays, qualityProblem);
        }
    }
}
