package io.autoclaims.model.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.model.AddOn;
import io.autoclaims.model.Assessment;
import io.autoclaims.model.AssistanceRequest;
import io.autoclaims.model.AssistanceService;
import io.autoclaims.model.Cause;
import io.autoclaims.model.Claim;
import io.autoclaims.model.ClaimLine;
import io.autoclaims.model.ClaimType;
import io.autoclaims.model.Coverage;
import io.autoclaims.model.DocumentCode;
import io.autoclaims.model.Driver;
import io.autoclaims.model.HandledBy;
import io.autoclaims.model.Incident;
import io.autoclaims.model.InputError;
import io.autoclaims.model.PartSystem;
import io.autoclaims.model.Payee;
import io.autoclaims.model.Policy;
import io.autoclaims.model.PriorRepair;
import io.autoclaims.model.RepairShop;
import io.autoclaims.model.SafetyFault;
import io.autoclaims.model.ShopTier;
import io.autoclaims.model.Vehicle;
import io.autoclaims.model.VehicleUse;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class ClaimCodecProperties {

    private static final ClaimCodec CODEC = ClaimCodec.create();
    private static final Set<String> CODES = Set.of("INVALID_JSON", "UNKNOWN_FIELD", "MISSING_FIELD", "INVALID_FIELD",
            "INVALID_ENCODING");

    @Property(tries = 500)
    void validClaimsRoundTrip(@ForAll("claims") Claim claim) {
        String written = CODEC.writeClaim(claim);
        assertFalse(written.contains("\n"), written);
        assertEquals(claim, CODEC.readClaim(written), written);
    }

    @Property(tries = 500)
    void anyLineGivesExactlyOneResultWithItsLineNumber(@ForAll String line, @ForAll @LongRange(min = 1) long number) {
        ReadResult result = TreeReference.assertSame(CODEC, line, number);
        assertEquals(number, result.line());
        if (result instanceof ReadResult.Failed failed) {
            assertEquals(number, failed.error().line());
            assertTrue(CODES.contains(failed.error().error().code()), failed.toString());
        }
    }

    @Property(tries = 1000)
    void garbageNeverThrows(@ForAll("garbage") String garbage) {
        assertNotNull(TreeReference.assertSame(CODEC, garbage, 1));
    }

    /** Broken claims exercise every reader: one result, a known code, and whatever is accepted round-trips. */
    @Property(tries = 1000)
    void damagedClaimsGiveOneResultAndAcceptedOnesRoundTrip(@ForAll("claims") Claim claim,
            @ForAll @IntRange(max = 100_000) int at, @ForAll @IntRange(max = 12) int cut,
            @ForAll("fragments") String fragment) {
        String json = CODEC.writeClaim(claim);
        int start = at % (json.length() + 1);
        String damaged = json.substring(0, start) + fragment + json.substring(Math.min(json.length(), start + cut));
        ReadResult result = TreeReference.assertSame(CODEC, damaged, 7);
        if (result instanceof ReadResult.Ok ok) {
            assertEquals(ok.claim(), CODEC.readClaim(CODEC.writeClaim(ok.claim())));
        } else {
            InputError error = ((ReadResult.Failed) result).error().error();
            assertTrue(CODES.contains(error.code()), error.toString());
            if (!error.code().equals("INVALID_ENCODING")) { // an escaped lone surrogate has a field, bad bytes none
                assertEquals(error.code().equals("INVALID_JSON"), error.field() == null, error.toString());
            }
            assertFalse(error.message().isBlank());
        }
    }

    @Property(tries = 200)
    void readLinesGivesOneResultPerLineInOrder(@ForAll @Size(max = 8) List<@From("jsonLines") String> lines,
            @ForAll boolean crlf) {
        String text = lines.stream().map(line -> line + (crlf ? "\r\n" : "\n")).collect(Collectors.joining());
        List<ReadResult> results = CODEC.readLines(new StringReader(text)).toList();
        assertEquals(lines.size(), results.size());
        for (int i = 0; i < results.size(); i++) {
            assertEquals(i + 1, results.get(i).line());
            assertEquals(CODEC.read(lines.get(i), i + 1), results.get(i));
        }
    }

    // --- generators ------------------------------------------------------------------------------

    @Provide
    Arbitrary<String> garbage() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("{}[]\":,-+.0123456789eEtrufalsn \\/\t\r").ofMaxLength(80),
                Arbitraries.strings().all().ofMaxLength(40));
    }

    @Provide
    Arbitrary<String> fragments() {
        return Arbitraries.oneOf(
                Arbitraries.of("", "null", "-1", "0", "1.005", "12.500", "1e3", "\"x\"", "{}", "[]", "[null]", ",", "}",
                        "]", "\"", "true", "\"vin\":\"A\",", "\"extra\":1,", "\"claimId\":\"C\",", "\"lines\":[],",
                        "\"2024-02-30\"", "\"2024-01-01T10:00:61\"", "1e999999999", "\uFEFF"),
                Arbitraries.strings().withChars("{}[]\":,-.019eatn").ofMaxLength(4));
    }

    @Provide
    Arbitrary<String> jsonLines() {
        return Arbitraries.oneOf(
                claims().map(CODEC::writeClaim),
                Arbitraries.strings().withChars("{}[]\":,-.019 \t\r").ofMaxLength(20).filter(s -> !s.endsWith("\r")));
    }

    @Provide
    Arbitrary<Claim> claims() {
        return Arbitraries.of(ClaimType.class).flatMap(ClaimCodecProperties::claimsOf);
    }

    private record Core(String claimId, LocalDate submittedOn, Vehicle vehicle, Incident incident, RepairShop shop,
                        List<ClaimLine> lines, List<DocumentCode> documents, List<PriorRepair> history) {
    }

    /** Claims as the reader produces them: type requirements met, defaults applied, money at scale 2. */
    private static Arbitrary<Claim> claimsOf(ClaimType type) {
        boolean repair = type != ClaimType.ASSISTANCE;
        Arbitrary<Core> core = Combinators.combine(
                characters(Arbitraries.strings().all().ofMinLength(1).ofMaxLength(64)),
                dates(2011, 2030), vehicles(), incidents(),
                repair ? repairShops() : repairShops().injectNull(0.5),
                claimLines().list().ofMinSize(repair ? 1 : 0).ofMaxSize(3).uniqueElements(ClaimLine::lineId),
                Arbitraries.of(DocumentCode.class).list().ofMaxSize(4),
                priorRepairs().list().ofMaxSize(3)).as(Core::new);
        return Combinators.combine(core,
                type == ClaimType.INSURANCE ? policies() : policies().injectNull(0.6),
                assessments().injectNull(0.5),
                Arbitraries.of(Payee.class),
                type == ClaimType.ASSISTANCE ? assistanceRequests() : assistanceRequests().injectNull(0.7),
                extensions()).as((c, policy, assessment, payee, assistance, extensions) -> new Claim(c.claimId(), type,
                c.submittedOn(), c.vehicle(), c.incident(), c.shop(), c.lines(), c.documents(), c.history(), policy,
                assessment, payee, assistance, extensions));
    }

    /** Vehicles delivered before 2011 and incidents from 2011: no warranty claim predates its period. */
    private static Arbitrary<Vehicle> vehicles() {
        return Combinators.combine(vins(), dates(2000, 2006), Arbitraries.integers().between(0, 1000),
                Arbitraries.integers().between(0, Integer.MAX_VALUE), money().injectNull(0.3),
                Arbitraries.of(VehicleUse.class), Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((vin, purchased, deliveryDelay, odometer, price, use, registered, inspected) -> new Vehicle(vin,
                        purchased, purchased.plusDays(deliveryDelay), odometer, price, use, registered, inspected));
    }

    private static Arbitrary<String> vins() {
        return Arbitraries.oneOf(Arbitraries.strings().alpha().numeric().ofLength(1), Arbitraries.of("中", "\uD835\uDFD8"))
                .list().ofSize(17).map(parts -> String.join("", parts));
    }

    private static Arbitrary<Incident> incidents() {
        return Combinators.combine(dates(2011, 2030), dateTimes().injectNull(0.5), dateTimes().injectNull(0.5),
                dates(2011, 2030), Arbitraries.of(Cause.class), Arbitraries.of(SafetyFault.class).list().ofMaxSize(2),
                Arbitraries.of(HandledBy.class), drivers()).flatAs((occurredOn, occurredAt, reportedAt, reportedOn,
                        cause, faults, handledBy, driver) -> Combinators.combine(money(), money()).as((rescue, recovered) ->
                        new Incident(occurredOn, occurredAt, reportedAt, reportedOn, cause, faults, handledBy, driver, rescue,
                                recovered)));
    }

    private static Arbitrary<Driver> drivers() {
        return Combinators.combine(Arbitraries.of(true, false), decimals(), Arbitraries.of(true, false),
                Arbitraries.of(true, false)).as(Driver::new);
    }

    private static Arbitrary<RepairShop> repairShops() {
        return Combinators.combine(texts(), Arbitraries.of(true, false), Arbitraries.of(ShopTier.class))
                .as(RepairShop::new);
    }

    private static Arbitrary<ClaimLine> claimLines() {
        return Combinators.combine(texts(), Arbitraries.of(PartSystem.class), texts(), texts().injectNull(0.5),
                Arbitraries.of(true, false), Arbitraries.of(true, false), money(), money())
                .flatAs((lineId, system, part, problem, mainPart, repairable, repair, replace) -> Combinators.combine(
                        Arbitraries.of(Cause.class).injectNull(0.5), Arbitraries.of(true, false)).as((cause, outside) ->
                        new ClaimLine(lineId, system, part, problem, mainPart, repairable, repair, replace, cause, outside)));
    }

    private static Arbitrary<PriorRepair> priorRepairs() {
        return Combinators.combine(dates(2000, 2030), Arbitraries.of(PartSystem.class), texts(), texts(),
                Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.of(true, false)).flatAs((on, system, part, problem, replaced, mainPart, assembly, serious) ->
                Combinators.combine(Arbitraries.integers().between(0, 400), Arbitraries.of(true, false)).as((days, quality) ->
                        new PriorRepair(on, system, part, problem, replaced, mainPart, assembly, serious, days, quality)));
    }

    private static Arbitrary<Policy> policies() {
        return Combinators.combine(texts(), dates(2000, 2030), Arbitraries.integers().between(0, 800),
                Arbitraries.of(Coverage.class).list().ofMaxSize(3), Arbitraries.of(AddOn.class).list().ofMaxSize(3), money(),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("0.20")).ofScale(3), money())
                .as((policyNo, startsOn, days, coverages, addOns, sum, rate, deductible) -> new Policy(policyNo, startsOn,
                        startsOn.plusDays(days), coverages, addOns, sum, rate, deductible));
    }

    private static Arbitrary<Assessment> assessments() {
        return Combinators.combine(texts(), money().injectNull(0.5), money().injectNull(0.5)).as(Assessment::new);
    }

    private static Arbitrary<AssistanceRequest> assistanceRequests() {
        return Combinators.combine(Arbitraries.of(true, false), dates(2011, 2030).injectNull(0.5),
                Arbitraries.of(AssistanceService.class), decimals(), Arbitraries.of(true, false), money())
                .as(AssistanceRequest::new);
    }

    /** Free-form values as the reader maps them: floats with decimals are BigDecimal, small integers Integer. */
    private static Arbitrary<Map<String, Object>> extensions() {
        Arbitrary<Object> scalar = Arbitraries.oneOf(
                texts().map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.bigDecimals().between(new BigDecimal("-1000"), new BigDecimal("1000")).ofScale(2).map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b));
        Arbitrary<Object> value = Arbitraries.oneOf(scalar.injectNull(0.1),
                scalar.list().ofMaxSize(3).map(list -> (Object) list),
                Arbitraries.maps(texts(), scalar).ofMaxSize(2).map(map -> (Object) map));
        return Arbitraries.maps(texts(), value).ofMaxSize(3);
    }

    private static Arbitrary<String> texts() {
        return characters(Arbitraries.strings().all().ofMaxLength(12));
    }

    /** Text a claim can hold: no lone surrogate, which is not a character and cannot be written as UTF-8. */
    private static Arbitrary<String> characters(Arbitrary<String> strings) {
        return strings.filter(s -> s.codePoints().noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF));
    }

    private static Arbitrary<BigDecimal> money() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("999999999999.99")).ofScale(2);
    }

    private static Arbitrary<BigDecimal> decimals() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100000")).ofScale(3);
    }

    private static Arbitrary<LocalDate> dates(int fromYear, int toYear) {
        LocalDate first = LocalDate.of(fromYear, 1, 1);
        int days = (int) (LocalDate.of(toYear, 12, 31).toEpochDay() - first.toEpochDay());
        return Arbitraries.integers().between(0, days).map(first::plusDays);
    }

    private static Arbitrary<LocalDateTime> dateTimes() {
        return Combinators.combine(dates(2011, 2030), Arbitraries.integers().between(0, 86_399), Arbitraries.of(true, false))
                .as((date, second, wholeMinute) -> LocalDateTime.of(date,
                        LocalTime.ofSecondOfDay(wholeMinute ? second / 60 * 60 : second)));
    }
}
