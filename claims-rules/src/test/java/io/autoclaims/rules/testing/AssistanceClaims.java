package io.autoclaims.rules.testing;

import io.autoclaims.model.AddOn;
import io.autoclaims.model.AssistanceRequest;
import io.autoclaims.model.AssistanceService;
import io.autoclaims.model.Cause;
import io.autoclaims.model.Claim;
import io.autoclaims.model.ClaimType;
import io.autoclaims.model.Coverage;
import io.autoclaims.model.DocumentCode;
import io.autoclaims.model.Driver;
import io.autoclaims.model.Incident;
import io.autoclaims.model.Policy;
import io.autoclaims.model.Vehicle;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Test fixture: builds valid ASSISTANCE claims (道路救援) with readable defaults, so that a test only states the
 * inputs it is about.
 *
 * <p>Defaults: claim {@code A-1} submitted on the incident day; {@code PRIVATE} vehicle delivered (and
 * purchased) 2019-03-01 with 120,000 km, i.e. outside its whole-vehicle warranty term (36 months / 100,000
 * km) by time and by distance; incident on 2025-06-10 caused by {@code BREAKDOWN}; no policy; no documents, no
 * lines; assistance: non-member without a membership date, {@code TOW} of 12 km inside the 5th ring road, no
 * highway tolls. That claim is APPROVED under A4 (non-member tariff): call-out 100.00 and towing 12 × 15 =
 * 180.00, both paid by the customer (280.00), nothing payable.
 *
 * <pre>{@code
 * Claim c = AssistanceClaims.assistance()
 *         .member("2025-06-10").towKm("15.1").highwayToll("35.00")
 *         .build();
 * }</pre>
 */
public final class AssistanceClaims {

    public static final LocalDate DEFAULT_DELIVERED_ON = LocalDate.of(2019, 3, 1);
    public static final LocalDate DEFAULT_OCCURRED_ON = LocalDate.of(2025, 6, 10);

    private String claimId = "A-1";
    private LocalDate submittedOn;
    // vehicle
    private String vin = "LGBH52E03KY123456";
    private LocalDate deliveredOn = DEFAULT_DELIVERED_ON;
    private int odometerKm = 120_000;
    // incident
    private LocalDate occurredOn = DEFAULT_OCCURRED_ON;
    private Cause cause = Cause.BREAKDOWN;
    private Driver driver;
    // policy (optional for assistance)
    private boolean policyGiven;
    private LocalDate startsOn = LocalDate.of(2025, 1, 1);
    private LocalDate endsOn = LocalDate.of(2025, 12, 31);
    private Set<Coverage> coverages = EnumSet.of(Coverage.VEHICLE_DAMAGE);
    private Set<AddOn> addOns = EnumSet.noneOf(AddOn.class);
    private BigDecimal sumInsuredCny = new BigDecimal("150000.00");
    // assistance
    private boolean member;
    private LocalDate membershipValidUntil;
    private AssistanceService service = AssistanceService.TOW;
    private BigDecimal towKm = new BigDecimal("12");
    private boolean insideFifthRing = true;
    private BigDecimal highwayTollCny = new BigDecimal("0.00");
    private List<DocumentCode> documents = List.of();

    private AssistanceClaims() {
    }

    /** A valid assistance claim with the defaults above. */
    public static AssistanceClaims assistance() {
        return new AssistanceClaims();
    }

    // ---- claim ----------------------------------------------------------------------------------

    public AssistanceClaims claimId(String id) {
        this.claimId = id;
        return this;
    }

    /** Default: the incident day. */
    public AssistanceClaims submittedOn(LocalDate day) {
        this.submittedOn = day;
        return this;
    }

    /** Documents supplied (assistance needs none; reading 26). */
    public AssistanceClaims documents(DocumentCode... docs) {
        this.documents = List.of(docs);
        return this;
    }

    // ---- vehicle --------------------------------------------------------------------------------

    public AssistanceClaims vin(String newVin) {
        this.vin = newVin;
        return this;
    }

    /** The delivery (and purchase) date: the start of the whole-vehicle warranty term. */
    public AssistanceClaims deliveredOn(LocalDate day) {
        this.deliveredOn = day;
        return this;
    }

    public AssistanceClaims deliveredOn(String iso) {
        return deliveredOn(LocalDate.parse(iso));
    }

    public AssistanceClaims odometerKm(int km) {
        this.odometerKm = km;
        return this;
    }

    /**
     * A vehicle well within its whole-vehicle warranty term: delivered a year before the incident day set so far
     * (call {@link #occurredOn} first to change it), 20,000 km.
     */
    public AssistanceClaims newCar() {
        return deliveredOn(occurredOn.minusYears(1)).odometerKm(20_000);
    }

    // ---- incident -------------------------------------------------------------------------------

    public AssistanceClaims occurredOn(LocalDate day) {
        this.occurredOn = day;
        return this;
    }

    public AssistanceClaims occurredOn(String iso) {
        return occurredOn(LocalDate.parse(iso));
    }

    public AssistanceClaims cause(Cause newCause) {
        this.cause = newCause;
        return this;
    }

    /** The driver (insurance exclusions play no part in assistance, reading 26); default: the contract's. */
    public AssistanceClaims driver(Driver d) {
        this.driver = d;
        return this;
    }

    // ---- policy ---------------------------------------------------------------------------------

    /**
     * A policy from 2025-01-01 to 2025-12-31 with {@code VEHICLE_DAMAGE}, no add-ons and a sum insured of
     * 150,000.00 (change it with the methods below).
     */
    public AssistanceClaims withPolicy() {
        this.policyGiven = true;
        return this;
    }

    public AssistanceClaims policyPeriod(String starts, String ends) {
        this.policyGiven = true;
        this.startsOn = LocalDate.parse(starts);
        this.endsOn = LocalDate.parse(ends);
        return this;
    }

    public AssistanceClaims coverages(Coverage... covers) {
        this.policyGiven = true;
        this.coverages = covers.length == 0 ? EnumSet.noneOf(Coverage.class) : EnumSet.copyOf(Arrays.asList(covers));
        return this;
    }

    public AssistanceClaims addOns(AddOn... newAddOns) {
        this.policyGiven = true;
        this.addOns = newAddOns.length == 0 ? EnumSet.noneOf(AddOn.class) : EnumSet.copyOf(Arrays.asList(newAddOns));
        return this;
    }

    public AssistanceClaims sumInsured(String amount) {
        this.policyGiven = true;
        this.sumInsuredCny = new BigDecimal(amount);
        return this;
    }

    // ---- assistance -----------------------------------------------------------------------------

    /** A club member whose membership is valid until that day. */
    public AssistanceClaims member(LocalDate validUntil) {
        this.member = true;
        this.membershipValidUntil = validUntil;
        return this;
    }

    public AssistanceClaims member(String validUntilIso) {
        return member(LocalDate.parse(validUntilIso));
    }

    /** {@code member} true but no {@code membershipValidUntil} (reading 25: non-member prices). */
    public AssistanceClaims memberWithoutDate() {
        this.member = true;
        this.membershipValidUntil = null;
        return this;
    }

    /** Not a member; a {@code membershipValidUntil} may still be given (it does not make one a member). */
    public AssistanceClaims nonMember(LocalDate validUntil) {
        this.member = false;
        this.membershipValidUntil = validUntil;
        return this;
    }

    public AssistanceClaims service(AssistanceService s) {
        this.service = s;
        return this;
    }

    public AssistanceClaims onSite() {
        return service(AssistanceService.ON_SITE);
    }

    public AssistanceClaims towKm(String km) {
        this.towKm = new BigDecimal(km);
        return this;
    }

    public AssistanceClaims insideFifthRing(boolean inside) {
        this.insideFifthRing = inside;
        return this;
    }

    public AssistanceClaims outsideFifthRing() {
        return insideFifthRing(false);
    }

    public AssistanceClaims highwayToll(String amount) {
        this.highwayTollCny = new BigDecimal(amount);
        return this;
    }

    // ---- build ----------------------------------------------------------------------------------

    public LocalDate occurredOn() {
        return occurredOn;
    }

    public Claim build() {
        Vehicle vehicle = new Vehicle(vin, deliveredOn, null, odometerKm, null, null, false, true);
        Incident incident = new Incident(occurredOn, null, null, null, cause, List.of(), null, driver, null, null);
        Policy policy = policyGiven
                ? new Policy("PDAA2025-009", startsOn, endsOn, List.copyOf(coverages), List.copyOf(addOns),
                        sumInsuredCny, null, null)
                : null;
        AssistanceRequest request = new AssistanceRequest(member, membershipValidUntil, service, towKm,
                insideFifthRing, highwayTollCny);
        LocalDate submitted = submittedOn != null ? submittedOn : occurredOn;
        return new Claim(claimId, ClaimType.ASSISTANCE, submitted, vehicle, incident, null, List.of(), documents,
                List.of(), policy, null, null, request, null);
    }
}
