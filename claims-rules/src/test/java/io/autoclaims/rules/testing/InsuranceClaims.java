package io.autoclaims.rules.testing;

import io.autoclaims.model.AddOn;
import io.autoclaims.model.Assessment;
import io.autoclaims.model.Cause;
import io.autoclaims.model.Claim;
import io.autoclaims.model.ClaimLine;
import io.autoclaims.model.ClaimType;
import io.autoclaims.model.Coverage;
import io.autoclaims.model.DocumentCode;
import io.autoclaims.model.Driver;
import io.autoclaims.model.HandledBy;
import io.autoclaims.model.Incident;
import io.autoclaims.model.PartSystem;
import io.autoclaims.model.Payee;
import io.autoclaims.model.Policy;
import io.autoclaims.model.RepairShop;
import io.autoclaims.model.ShopTier;
import io.autoclaims.model.Vehicle;
import io.autoclaims.model.VehicleUse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Test fixture: builds valid INSURANCE claims (车损险) with readable defaults, so that a test only states the
 * inputs it is about.
 *
 * <p>Defaults: claim {@code I-1} submitted 2025-06-15; {@code PRIVATE} vehicle purchased 2022-05-01, 30,000 km,
 * inspection valid; policy {@code PDAA2025-001} from 2025-01-01 to 2025-12-31 with {@code VEHICLE_DAMAGE} and
 * {@code THIRD_PARTY}, no add-ons, sum insured 150,000.00, no deductible; incident on 2025-06-10 (160 days
 * after the policy start) caused by {@code COLLISION}, handled by the {@code POLICE}, reported the same day
 * ({@code reportedOn = occurredOn}, no date-times), default driver (licensed, 0 mg/100 ml, permitted, stayed),
 * no rescue costs, nothing recovered from a third party; shop {@code 4S-SH-001} (authorized 4S); assessment
 * at the same shop without amount or invoice; payee {@code INSURED}; one line {@code L1}: a repairable
 * {@code BODY} part "front bumper", repair 18,400.00, replace 26,000.00, no own cause; documents: exactly what
 * that claim needs (the seven of every claim, {@code ACCIDENT_CERTIFICATE}, {@code BANK_ACCOUNT}). That claim
 * is APPROVED with remedy REPAIR paying 18,400.00.
 *
 * <pre>{@code
 * Claim c = InsuranceClaims.insurance()
 *         .cause(Cause.THEFT).deductibleRate("0.05").rescueCost("800.00")
 *         .addLine("L2", l -> l.system(PartSystem.GLASS).notRepairable().replaceCost("3000.00"))
 *         .allDocuments()
 *         .build();
 * }</pre>
 */
public final class InsuranceClaims {

    public static final LocalDate DEFAULT_OCCURRED_ON = LocalDate.of(2025, 6, 10);
    public static final LocalDate DEFAULT_POLICY_START = LocalDate.of(2025, 1, 1);
    public static final LocalDate DEFAULT_POLICY_END = LocalDate.of(2025, 12, 31);
    public static final BigDecimal DEFAULT_SUM_INSURED = new BigDecimal("150000.00");
    public static final BigDecimal DEFAULT_REPAIR_COST = new BigDecimal("18400.00");
    public static final BigDecimal DEFAULT_REPLACE_COST = new BigDecimal("26000.00");
    public static final String DEFAULT_SHOP_ID = "4S-SH-001";

    /** The seven documents every insurance claim needs (2.3, ID-01). */
    public static final List<DocumentCode> EVERY_CLAIM_DOCUMENTS = List.of(DocumentCode.CLAIM_APPLICATION,
            DocumentCode.POLICY, DocumentCode.DRIVING_LICENSE, DocumentCode.VEHICLE_LICENSE, DocumentCode.INSURED_ID,
            DocumentCode.LOSS_ASSESSMENT, DocumentCode.REPAIR_INVOICE);

    /** Every document an insurance claim can need (2.3). */
    public static final List<DocumentCode> ALL_INSURANCE_DOCUMENTS;

    static {
        List<DocumentCode> all = new ArrayList<>(EVERY_CLAIM_DOCUMENTS);
        all.addAll(List.of(DocumentCode.ACCIDENT_CERTIFICATE, DocumentCode.SETTLEMENT_AGREEMENT,
                DocumentCode.COURT_JUDGMENT, DocumentCode.RESCUE_RECEIPTS, DocumentCode.THEFT_REPORT,
                DocumentCode.PAYMENT_AUTHORIZATION, DocumentCode.BANK_ACCOUNT));
        ALL_INSURANCE_DOCUMENTS = List.copyOf(all);
    }

    private String claimId = "I-1";
    private LocalDate submittedOn;
    // vehicle
    private String vin = "LFV2A21K8N3041234";
    private LocalDate purchasedOn = LocalDate.of(2022, 5, 1);
    private int odometerKm = 30_000;
    private BigDecimal priceCny = new BigDecimal("168000.00");
    private VehicleUse use = VehicleUse.PRIVATE;
    private boolean inspectionValid = true;
    // policy
    private String policyNo = "PDAA2025-001";
    private LocalDate startsOn = DEFAULT_POLICY_START;
    private LocalDate endsOn = DEFAULT_POLICY_END;
    private Set<Coverage> coverages = EnumSet.of(Coverage.VEHICLE_DAMAGE, Coverage.THIRD_PARTY);
    private Set<AddOn> addOns = EnumSet.noneOf(AddOn.class);
    private BigDecimal sumInsuredCny = DEFAULT_SUM_INSURED;
    private BigDecimal deductibleRate = BigDecimal.ZERO;
    private BigDecimal deductibleCny = new BigDecimal("0.00");
    // incident
    private LocalDate occurredOn = DEFAULT_OCCURRED_ON;
    private LocalDateTime occurredAt;
    private LocalDateTime reportedAt;
    private LocalDate reportedOn;
    private boolean reportedOnGiven;
    private Cause cause = Cause.COLLISION;
    private HandledBy handledBy = HandledBy.POLICE;
    private boolean licensed = true;
    private BigDecimal bac = BigDecimal.ZERO;
    private boolean permitted = true;
    private boolean leftScene;
    private BigDecimal rescueCostCny = new BigDecimal("0.00");
    private BigDecimal thirdPartyRecoveryCny = new BigDecimal("0.00");
    // shop, assessment, payee
    private RepairShop shop = new RepairShop(DEFAULT_SHOP_ID, true, ShopTier.DEALER_4S);
    private boolean assessmentGiven = true;
    private String assessmentShopId = DEFAULT_SHOP_ID;
    private BigDecimal assessedCny;
    private BigDecimal invoicedCny;
    private Payee payee = Payee.INSURED;
    // documents and lines
    private Set<DocumentCode> documents = new LinkedHashSet<>(defaultDocuments());
    private final List<LineBuilder> lines = new ArrayList<>(List.of(new LineBuilder("L1")));

    private InsuranceClaims() {
    }

    /** A valid insurance claim with the defaults above. */
    public static InsuranceClaims insurance() {
        return new InsuranceClaims();
    }

    /** A line with the default values and that id, e.g. for {@link #lines(LineBuilder...)}. */
    public static LineBuilder line(String lineId) {
        return new LineBuilder(lineId);
    }

    private static List<DocumentCode> defaultDocuments() {
        List<DocumentCode> docs = new ArrayList<>(EVERY_CLAIM_DOCUMENTS);
        docs.add(DocumentCode.ACCIDENT_CERTIFICATE);
        docs.add(DocumentCode.BANK_ACCOUNT);
        return docs;
    }

    // ---- claim ----------------------------------------------------------------------------------

    public InsuranceClaims claimId(String id) {
        this.claimId = id;
        return this;
    }

    /** Default: five days after the incident. */
    public InsuranceClaims submittedOn(LocalDate day) {
        this.submittedOn = day;
        return this;
    }

    public InsuranceClaims submittedOn(String iso) {
        return submittedOn(LocalDate.parse(iso));
    }

    public InsuranceClaims payee(Payee newPayee) {
        this.payee = newPayee;
        return this;
    }

    // ---- vehicle --------------------------------------------------------------------------------

    public InsuranceClaims vin(String newVin) {
        this.vin = newVin;
        return this;
    }

    public InsuranceClaims purchasedOn(LocalDate day) {
        this.purchasedOn = day;
        return this;
    }

    public InsuranceClaims odometerKm(int km) {
        this.odometerKm = km;
        return this;
    }

    public InsuranceClaims priceCny(String amount) {
        this.priceCny = amount == null ? null : new BigDecimal(amount);
        return this;
    }

    public InsuranceClaims use(VehicleUse newUse) {
        this.use = newUse;
        return this;
    }

    public InsuranceClaims inspectionValid(boolean valid) {
        this.inspectionValid = valid;
        return this;
    }

    // ---- policy ---------------------------------------------------------------------------------

    /** The policy period, both days inclusive. */
    public InsuranceClaims policyPeriod(LocalDate starts, LocalDate ends) {
        this.startsOn = starts;
        this.endsOn = ends;
        return this;
    }

    public InsuranceClaims policyPeriod(String starts, String ends) {
        return policyPeriod(LocalDate.parse(starts), LocalDate.parse(ends));
    }

    public InsuranceClaims policyNo(String no) {
        this.policyNo = no;
        return this;
    }

    /** The main covers purchased (replaces the set). */
    public InsuranceClaims coverages(Coverage... covers) {
        this.coverages = covers.length == 0 ? EnumSet.noneOf(Coverage.class) : EnumSet.copyOf(Arrays.asList(covers));
        return this;
    }

    /** The add-ons purchased (replaces the set). */
    public InsuranceClaims addOns(AddOn... newAddOns) {
        this.addOns = newAddOns.length == 0 ? EnumSet.noneOf(AddOn.class) : EnumSet.copyOf(Arrays.asList(newAddOns));
        return this;
    }

    public InsuranceClaims sumInsured(String amount) {
        this.sumInsuredCny = new BigDecimal(amount);
        return this;
    }

    /** {@code absoluteDeductibleRate}, 0 to 0.20. */
    public InsuranceClaims deductibleRate(String rate) {
        this.deductibleRate = new BigDecimal(rate);
        return this;
    }

    /** {@code absoluteDeductibleCny}. */
    public InsuranceClaims deductible(String amount) {
        this.deductibleCny = new BigDecimal(amount);
        return this;
    }

    // ---- incident -------------------------------------------------------------------------------

    /** The incident day; also the default report day and (plus five days) the default submission day. */
    public InsuranceClaims occurredOn(LocalDate day) {
        this.occurredOn = day;
        return this;
    }

    public InsuranceClaims occurredOn(String iso) {
        return occurredOn(LocalDate.parse(iso));
    }

    /** Both date-times of the 48-hour rule; the incident and report days follow them. */
    public InsuranceClaims times(LocalDateTime occurred, LocalDateTime reported) {
        this.occurredAt = occurred;
        this.reportedAt = reported;
        if (occurred != null) {
            this.occurredOn = occurred.toLocalDate();
        }
        if (reported != null) {
            reportedOn(reported.toLocalDate());
        }
        return this;
    }

    public InsuranceClaims times(String occurred, String reported) {
        return times(occurred == null ? null : LocalDateTime.parse(occurred),
                reported == null ? null : LocalDateTime.parse(reported));
    }

    /** Only the incident's date-time (no report time). */
    public InsuranceClaims occurredAt(String isoDateTime) {
        this.occurredAt = LocalDateTime.parse(isoDateTime);
        this.occurredOn = occurredAt.toLocalDate();
        return this;
    }

    /** Only the report's date-time (no incident time). */
    public InsuranceClaims reportedAt(String isoDateTime) {
        this.reportedAt = LocalDateTime.parse(isoDateTime);
        return this;
    }

    /** First notice to the insurer; default: the incident day. {@code null} leaves it absent (then submittedOn). */
    public InsuranceClaims reportedOn(LocalDate day) {
        this.reportedOn = day;
        this.reportedOnGiven = true;
        return this;
    }

    public InsuranceClaims reportedOn(String iso) {
        return reportedOn(LocalDate.parse(iso));
    }

    /** The incident's cause: the default cause of every line. */
    public InsuranceClaims cause(Cause newCause) {
        this.cause = newCause;
        return this;
    }

    public InsuranceClaims handledBy(HandledBy by) {
        this.handledBy = by;
        return this;
    }

    public InsuranceClaims licensed(boolean l) {
        this.licensed = l;
        return this;
    }

    public InsuranceClaims unlicensed() {
        return licensed(false);
    }

    /** Blood alcohol, mg/100 ml. */
    public InsuranceClaims bac(String mgPer100ml) {
        this.bac = new BigDecimal(mgPer100ml);
        return this;
    }

    public InsuranceClaims permittedByInsured(boolean p) {
        this.permitted = p;
        return this;
    }

    public InsuranceClaims leftScene(boolean left) {
        this.leftScene = left;
        return this;
    }

    public InsuranceClaims rescueCost(String amount) {
        this.rescueCostCny = new BigDecimal(amount);
        return this;
    }

    public InsuranceClaims thirdPartyRecovery(String amount) {
        this.thirdPartyRecoveryCny = new BigDecimal(amount);
        return this;
    }

    // ---- shop and assessment --------------------------------------------------------------------

    public InsuranceClaims shop(String id, boolean authorized, ShopTier tier) {
        this.shop = new RepairShop(id, authorized, tier);
        return this;
    }

    /** Where the loss was assessed (default: the repair shop). */
    public InsuranceClaims assessedAt(String shopId) {
        this.assessmentGiven = true;
        this.assessmentShopId = shopId;
        return this;
    }

    /** Repaired at another shop than the one that assessed it: the assessment stays at {@code ASSESS-01}. */
    public InsuranceClaims repairedElsewhere() {
        return assessedAt("ASSESS-01");
    }

    /** {@code assessment.amountCny}; null for none. */
    public InsuranceClaims assessedAmount(String amount) {
        this.assessmentGiven = true;
        this.assessedCny = amount == null ? null : new BigDecimal(amount);
        return this;
    }

    /** {@code assessment.invoicedCny}; null for none. */
    public InsuranceClaims invoiced(String amount) {
        this.assessmentGiven = true;
        this.invoicedCny = amount == null ? null : new BigDecimal(amount);
        return this;
    }

    /** No assessment at all. */
    public InsuranceClaims noAssessment() {
        this.assessmentGiven = false;
        return this;
    }

    // ---- documents ------------------------------------------------------------------------------

    /** The documents supplied (replaces the list). */
    public InsuranceClaims documents(DocumentCode... docs) {
        this.documents = new LinkedHashSet<>(Arrays.asList(docs));
        return this;
    }

    public InsuranceClaims noDocuments() {
        return documents();
    }

    /** Every document an insurance claim can need: nothing is ever missing. */
    public InsuranceClaims allDocuments() {
        return documents(ALL_INSURANCE_DOCUMENTS.toArray(DocumentCode[]::new));
    }

    public InsuranceClaims withDocument(DocumentCode... docs) {
        documents.addAll(Arrays.asList(docs));
        return this;
    }

    public InsuranceClaims withoutDocument(DocumentCode... docs) {
        documents.removeAll(Arrays.asList(docs));
        return this;
    }

    // ---- lines ----------------------------------------------------------------------------------

    /** Changes the first line ({@code L1} unless replaced). */
    public InsuranceClaims line(UnaryOperator<LineBuilder> change) {
        change.apply(lines.get(0));
        return this;
    }

    /** Changes the line with that id. */
    public InsuranceClaims line(String lineId, UnaryOperator<LineBuilder> change) {
        for (LineBuilder l : lines) {
            if (l.lineId.equals(lineId)) {
                change.apply(l);
                return this;
            }
        }
        throw new IllegalArgumentException("no line " + lineId);
    }

    /** Adds a line with the default values, changed by {@code change}. */
    public InsuranceClaims addLine(String lineId, UnaryOperator<LineBuilder> change) {
        LineBuilder l = new LineBuilder(lineId);
        change.apply(l);
        lines.add(l);
        return this;
    }

    /** Replaces all lines. */
    public InsuranceClaims lines(LineBuilder... newLines) {
        lines.clear();
        lines.addAll(Arrays.asList(newLines));
        return this;
    }

    // ---- build ----------------------------------------------------------------------------------

    public LocalDate occurredOn() {
        return occurredOn;
    }

    public Claim build() {
        Vehicle vehicle = new Vehicle(vin, purchasedOn, null, odometerKm, priceCny, use, false, inspectionValid);
        Driver driver = new Driver(licensed, bac, permitted, leftScene);
        LocalDate reported = reportedOnGiven ? reportedOn : occurredOn;
        Incident incident = new Incident(occurredOn, occurredAt, reportedAt, reported, cause, List.of(), handledBy,
                driver, rescueCostCny, thirdPartyRecoveryCny);
        Policy policy = new Policy(policyNo, startsOn, endsOn, List.copyOf(coverages), List.copyOf(addOns),
                sumInsuredCny, deductibleRate, deductibleCny);
        Assessment assessment = assessmentGiven ? new Assessment(assessmentShopId, assessedCny, invoicedCny) : null;
        List<ClaimLine> built = lines.stream().map(LineBuilder::build).toList();
        LocalDate submitted = submittedOn != null ? submittedOn : occurredOn.plusDays(5);
        return new Claim(claimId, ClaimType.INSURANCE, submitted, vehicle, incident, shop, built,
                List.copyOf(documents), List.of(), policy, assessment, payee, null, null);
    }

    // ---------------------------------------------------------------------------------------------

    /** A claim line (定损项目) under construction. */
    public static final class LineBuilder {
        private final String lineId;
        private PartSystem system = PartSystem.BODY;
        private String part = "front bumper";
        private boolean repairable = true;
        private BigDecimal repairCostCny = DEFAULT_REPAIR_COST;
        private BigDecimal replaceCostCny = DEFAULT_REPLACE_COST;
        private Cause cause;

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

        /** Both quotes at once. */
        public LineBuilder costs(String repair, String replace) {
            return repairCost(repair).replaceCost(replace);
        }

        /** The line's own cause, overriding the incident's; null for none. */
        public LineBuilder cause(Cause c) {
            this.cause = c;
            return this;
        }

        public ClaimLine build() {
            return new ClaimLine(lineId, system, part, null, false, repairable, repairCostCny, replaceCostCny, cause,
                    false);
        }
    }
}
