package io.autoclaims.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoclaims.model.json.ClaimCodec;
import io.autoclaims.model.json.ReadResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The builders against the codec: the same claim whether built in Java or read from JSON, and for
 * the same mistake the same error record (code, dotted field path, message). Each claim of JSON is
 * rebuilt setter by setter ({@link BuilderDriver}), as a host mapping its own data would.
 */
class ClaimBuildersTest {
    private static final ClaimCodec CODEC = ClaimCodec.create();
    /** Trees that keep numbers as written: 860.00 stays 860.00, 12.50 stays 12.50. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    /** Every field of the contract present at least once across the three. */
    static final String WARRANTY = """
            {"claimId":"W-1","type":"WARRANTY","submittedOn":"2024-05-10",
             "vehicle":{"vin":"LSVAB12C3D4567890","purchasedOn":"2023-03-01","deliveredOn":"2023-03-05",
                        "odometerKm":12000,"priceCny":150000.00,"use":"PRIVATE","warrantyRegistered":true,
                        "inspectionValid":true},
             "incident":{"occurredOn":"2024-05-01","occurredAt":"2024-05-01T08:30","reportedAt":"2024-05-02T09:15:30",
                         "reportedOn":"2024-05-02","cause":"QUALITY_DEFECT","faults":["BRAKE_FAILURE"],
                         "handledBy":"NONE","rescueCostCny":120.50,"thirdPartyRecoveryCny":0},
             "repairShop":{"id":"S-1","authorized":true,"tier":"DEALER_4S"},
             "lines":[{"lineId":"L1","system":"ENGINE","part":"cylinder head","problem":"ENG-1","mainPart":true,
                       "repairable":false,"repairCostCny":1200.50,"replaceCostCny":8000,"cause":"QUALITY_DEFECT",
                       "priorRepairAtUnauthorizedShop":false},
                      {"lineId":"L2","system":"BRAKE","part":"pads","repairCostCny":0,"replaceCostCny":300.00}],
             "documents":["WARRANTY_CARD","PURCHASE_INVOICE"],
             "history":[{"repairedOn":"2023-10-01","system":"ENGINE","part":"cylinder head","problem":"P0301",
                         "replaced":false,"mainPart":true,"assembly":false,"seriousSafety":false,"repairDays":3,
                         "qualityProblem":true}],
             "extensions":{"dmsRoNo":"RO-1","advisor":"王磊","visits":3,"score":4.50,"tags":["a",{"b":true}],"none":null}}
            """;

    static final String INSURANCE = """
            {"claimId":"I-1","type":"INSURANCE","submittedOn":"2024-06-03",
             "vehicle":{"vin":"LFV2A21K8G3000001","purchasedOn":"2022-01-15","odometerKm":30500,"use":"COMMERCIAL"},
             "incident":{"occurredOn":"2024-06-01","cause":"COLLISION","handledBy":"POLICE",
                         "driver":{"licensed":true,"bacMgPer100ml":12.5,"permittedByInsured":true,"leftScene":false}},
             "repairShop":{"id":"S-2","authorized":false,"tier":"INDEPENDENT"},
             "lines":[{"lineId":"L1","system":"BODY","part":"前保险杠","repairCostCny":900,"replaceCostCny":2500}],
             "policy":{"policyNo":"P-1","startsOn":"2024-01-01","endsOn":"2024-12-31","coverages":["VEHICLE_DAMAGE"],
                       "addOns":["SCRATCH"],"sumInsuredCny":120000,"absoluteDeductibleRate":0.05,
                       "absoluteDeductibleCny":500.00},
             "assessment":{"shopId":"S-2","amountCny":3400.00,"invoicedCny":3350},
             "payee":"REPAIR_SHOP"}
            """;

    static final String ASSISTANCE = """
            {"claimId":"A-1","type":"ASSISTANCE","submittedOn":"2024-07-01",
             "vehicle":{"vin":"LGBH52E05HY000002","purchasedOn":"2021-09-09","odometerKm":80000},
             "incident":{"occurredOn":"2024-07-01","cause":"BREAKDOWN"},
             "assistance":{"member":true,"membershipValidUntil":"2025-01-01","service":"TOW","towKm":12.50,
                           "insideFifthRing":false,"highwayTollCny":35.00}}
            """;

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON text with every non-ASCII character escaped: a lone surrogate stays an escape, as a host would send it. */
    private static String text(JsonNode json) {
        try {
            return JSON.writer().with(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsString(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the builders make of the JSON: the claim, or the error record's content. */
    private static Object built(JsonNode json) {
        Claim.Builder b = BuilderDriver.claim(json);
        try {
            return b.build();
        } catch (InvalidClaimException e) {
            return e.error();
        }
    }

    /** What the codec makes of the JSON: the claim, or the error record's content. */
    private static Object read(String json, long line) {
        ReadResult r = CODEC.readLine(json, line);
        return r instanceof ReadResult.Ok ok ? ok.claim() : ((ReadResult.Failed) r).error().error();
    }

    @Test
    void everyClaimOfTheExampleBacklogsIsTheSameBuiltInJavaAsReadFromJson() throws IOException {
        int same = 0;
        List<String> sameErrors = new ArrayList<>();
        List<String> impossible = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("../examples/claims"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String where = file.getFileName() + ":" + (i + 1);
                    Object codec = read(lines.get(i), i + 1);
                    JsonNode json;
                    try {
                        json = tree(lines.get(i));
                    } catch (UncheckedIOException notJson) {
                        impossible.add(where + " " + ((InputError) codec).code());
                        continue;
                    }
                    Object builders;
                    try {
                        builders = built(json);
                    } catch (BuilderDriver.NotExpressible e) {
                        impossible.add(where + " " + ((InputError) codec).code());
                        continue;
                    }
                    // records compare field by field: ids, dates, every amount with its scale, defaults
                    assertEquals(codec, builders, where);
                    if (codec instanceof Claim) {
                        same++;
                    } else {
                        sameErrors.add(where + " " + ((InputError) codec).field());
                    }
                }
            }
        }
        assertEquals(115, same, "claims built equal to the codec's");
        assertEquals(List.of("insurance.jsonl:41 policy.absoluteDeductibleRate", "insurance.jsonl:42 policy.endsOn",
                "mixed.jsonl:11 policy", "warranty.jsonl:37 lines[0].repairCostCny"), sameErrors);
        // an unknown field, an enum constant that does not exist, a line that is not JSON: Java cannot say them
        assertEquals(List.of("mixed.jsonl:21 INVALID_FIELD", "warranty.jsonl:36 UNKNOWN_FIELD",
                "warranty.jsonl:38 INVALID_JSON"), impossible);
    }

    @Test
    void theCostsAreNamedSoASwapCannotBeWrittenSilently() {
        ClaimLine.Builder line = ClaimLine.builder().lineId("L1").system(PartSystem.ENGINE)
                .part("气门室盖垫 valve cover gasket").problem("ENG-OIL-LEAK")
                .repairCostCny(new BigDecimal("860")).replaceCostCny(new BigDecimal("1450.00"));
        Claim claim = Claim.warranty("W-001").submittedOn(LocalDate.of(2025, 3, 4))
                .vehicle(Vehicle.builder().vin("LSGKB54H8PA123456").purchasedOn(LocalDate.of(2023, 5, 10))
                        .odometerKm(28400).priceCny(new BigDecimal("149900.00")))
                .incident(Incident.builder().occurredOn(LocalDate.of(2025, 3, 2)).cause(Cause.QUALITY_DEFECT))
                .repairShop(new RepairShop("4S-SH-0231", true, ShopTier.DEALER_4S))
                .line(line)
                .documents(DocumentCode.REPAIR_ORDER, DocumentCode.WARRANTY_CARD)
                .extension("dmsRoNo", "RO2503020142").extension("advisor", "王磊")
                .build();
        Claim fromJson = CODEC.readClaim(firstLine("warranty.jsonl"));
        assertEquals(fromJson, claim);
        assertEquals(new BigDecimal("860.00"), claim.lines().get(0).repairCostCny());
        assertEquals(new BigDecimal("1450.00"), claim.lines().get(0).replaceCostCny());
        // the builder was copied: changing it afterwards changes nothing built from it
        line.repairCostCny(new BigDecimal("1450.00"));
        assertEquals(new BigDecimal("860.00"), claim.lines().get(0).repairCostCny());
    }

    private static String firstLine(String file) {
        try {
            return Files.readAllLines(Path.of("../examples/claims", file), StandardCharsets.UTF_8).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Arguments> everyField() {
        List<Arguments> cases = new ArrayList<>();
        for (String claim : List.of(WARRANTY, INSURANCE, ASSISTANCE)) {
            for (String path : fieldPaths(tree(claim), "")) {
                cases.add(Arguments.of(tree(claim).get("claimId").textValue(), path, claim));
            }
        }
        return cases.stream();
    }

    /** Every field of every object (list elements by index), dotted; not inside extensions. */
    private static List<String> fieldPaths(JsonNode json, String at) {
        List<String> paths = new ArrayList<>();
        json.fields().forEachRemaining(f -> {
            String path = at + f.getKey();
            paths.add(path);
            if (path.equals("extensions")) {
                return;
            }
            if (f.getValue().isObject()) {
                paths.addAll(fieldPaths(f.getValue(), path + "."));
            }
            if (f.getValue().isArray()) {
                for (int i = 0; i < f.getValue().size(); i++) {
                    if (f.getValue().get(i).isObject()) {
                        paths.addAll(fieldPaths(f.getValue().get(i), path + "[" + i + "]."));
                    }
                }
            }
        });
        return paths;
    }

    /** The node holding the last step of {@code path}, and that step. */
    private static void edit(JsonNode root, String path, Consumer<ObjectNode> parentEdit, String[] last) {
        String[] steps = path.split("\\.");
        JsonNode node = root;
        for (int i = 0; i < steps.length - 1; i++) {
            node = step(node, steps[i]);
        }
        last[0] = steps[steps.length - 1];
        parentEdit.accept((ObjectNode) node);
    }

    private static JsonNode step(JsonNode node, String step) {
        int bracket = step.indexOf('[');
        if (bracket < 0) {
            return node.get(step);
        }
        return node.get(step.substring(0, bracket)).get(Integer.parseInt(step.substring(bracket + 1, step.length() - 1)));
    }

    private static String without(String claim, String path) {
        JsonNode root = tree(claim);
        String[] last = new String[1];
        edit(root, path, parent -> { }, last);
        String[] steps = path.split("\\.");
        JsonNode node = root;
        for (int i = 0; i < steps.length - 1; i++) {
            node = step(node, steps[i]);
        }
        ((ObjectNode) node).remove(last[0]);
        return text(root);
    }

    private static String with(String claim, String path, String jsonValue) {
        JsonNode root = tree(claim);
        String[] steps = path.split("\\.");
        JsonNode node = root;
        for (int i = 0; i < steps.length - 1; i++) {
            node = step(node, steps[i]);
        }
        ((ObjectNode) node).set(steps[steps.length - 1], tree(jsonValue));
        return text(root);
    }

    @ParameterizedTest(name = "{0} without {1}")
    @MethodSource("everyField")
    void everyFieldLeftOutGivesTheCodecsMissingFieldOrItsDefault(String type, String path, String claim) {
        String json = without(claim, path);
        Object codec = read(json, 1);
        if (path.equals("claimId") || path.equals("type")) {
            // Claim.warranty(id) and its siblings take both: a claim without them cannot be written
            assertEquals("MISSING_FIELD", ((InputError) codec).code());
            assertThrows(BuilderDriver.NotExpressible.class, () -> built(tree(json)));
            return;
        }
        if (path.startsWith("repairShop.")) {
            // a RepairShop is a record of three required components: none can be left out
            assertEquals("MISSING_FIELD", ((InputError) codec).code());
            assertThrows(BuilderDriver.NotExpressible.class, () -> built(tree(json)));
            return;
        }
        assertEquals(codec, built(tree(json)), json);
    }

    @Test
    void everyRequiredFieldOfEveryBuilderIsReportedMissingAsTheCodecReportsIt() {
        // the cases above, counted: every MISSING_FIELD the codec gives for a field left out
        List<String> missing = new ArrayList<>();
        everyField().forEach(a -> {
            String path = (String) a.get()[1];
            Object codec = read(without((String) a.get()[2], path), 1);
            if (codec instanceof InputError e && !path.equals("claimId") && !path.equals("type")
                    && !path.startsWith("repairShop.")) {
                assertEquals(e, built(tree(without((String) a.get()[2], path))));
                missing.add(a.get()[0] + " " + e.field());
            }
        });
        assertEquals(List.of("W-1 submittedOn", "W-1 vehicle", "W-1 vehicle.vin", "W-1 vehicle.purchasedOn",
                "W-1 vehicle.odometerKm", "W-1 incident", "W-1 incident.occurredOn", "W-1 incident.cause",
                "W-1 repairShop", "W-1 lines", "W-1 lines[0].lineId", "W-1 lines[0].system", "W-1 lines[0].part",
                "W-1 lines[0].repairCostCny", "W-1 lines[0].replaceCostCny", "W-1 lines[1].lineId",
                "W-1 lines[1].system", "W-1 lines[1].part", "W-1 lines[1].repairCostCny",
                "W-1 lines[1].replaceCostCny", "W-1 history[0].repairedOn", "W-1 history[0].system",
                "W-1 history[0].part", "W-1 history[0].problem", "W-1 history[0].replaced",
                "W-1 history[0].mainPart", "W-1 history[0].assembly", "W-1 history[0].seriousSafety",
                "W-1 history[0].repairDays",
                "I-1 submittedOn", "I-1 vehicle", "I-1 vehicle.vin", "I-1 vehicle.purchasedOn",
                "I-1 vehicle.odometerKm", "I-1 incident", "I-1 incident.occurredOn", "I-1 incident.cause",
                "I-1 repairShop", "I-1 lines", "I-1 lines[0].lineId", "I-1 lines[0].system", "I-1 lines[0].part",
                "I-1 lines[0].repairCostCny", "I-1 lines[0].replaceCostCny", "I-1 policy", "I-1 policy.policyNo",
                "I-1 policy.startsOn", "I-1 policy.endsOn", "I-1 policy.coverages", "I-1 policy.addOns",
                "I-1 policy.sumInsuredCny", "I-1 assessment.shopId",
                "A-1 submittedOn", "A-1 vehicle", "A-1 vehicle.vin", "A-1 vehicle.purchasedOn",
                "A-1 vehicle.odometerKm", "A-1 incident", "A-1 incident.occurredOn", "A-1 incident.cause",
                "A-1 assistance", "A-1 assistance.member", "A-1 assistance.service", "A-1 assistance.towKm"),
                missing);
    }

    static Stream<Arguments> badValues() {
        String long65 = "\"" + "x".repeat(65) + "\"";
        return Stream.of(
                Arguments.of(WARRANTY, "claimId", "\"\""),
                Arguments.of(WARRANTY, "claimId", "\"" + "好".repeat(65) + "\""),
                Arguments.of(WARRANTY, "vehicle.vin", "\"LSVAB12C3D456789\""),
                Arguments.of(WARRANTY, "vehicle.vin", "\"LSVAB12C3D45678901\""),
                Arguments.of(WARRANTY, "vehicle.odometerKm", "-5"),
                Arguments.of(WARRANTY, "vehicle.priceCny", "-0.01"),
                Arguments.of(WARRANTY, "vehicle.priceCny", "149900.005"),
                Arguments.of(WARRANTY, "vehicle.priceCny", "1000000000000000000000.00"),
                Arguments.of(WARRANTY, "vehicle.purchasedOn", "\"+10000-01-01\""),
                Arguments.of(WARRANTY, "incident.occurredAt", "\"+10000-01-01T10:00\""),
                Arguments.of(WARRANTY, "incident.rescueCostCny", "-1"),
                Arguments.of(WARRANTY, "incident.thirdPartyRecoveryCny", "0.001"),
                Arguments.of(WARRANTY, "incident.occurredOn", "\"2023-03-04\""),
                Arguments.of(WARRANTY, "repairShop.id", long65),
                Arguments.of(WARRANTY, "lines", "[]"),
                Arguments.of(WARRANTY, "lines[0].lineId", long65),
                Arguments.of(WARRANTY, "lines[1].lineId", "\"L1\""),
                Arguments.of(WARRANTY, "lines[0].part", "\"" + "p".repeat(201) + "\""),
                Arguments.of(WARRANTY, "lines[0].part", "\"bad \\ud800 part\""),
                Arguments.of(WARRANTY, "lines[0].problem", long65),
                Arguments.of(WARRANTY, "lines[0].repairCostCny", "-350.00"),
                Arguments.of(WARRANTY, "lines[1].replaceCostCny", "12.345"),
                Arguments.of(WARRANTY, "history[0].part", "\"" + "p".repeat(201) + "\""),
                Arguments.of(WARRANTY, "history[0].problem", long65),
                Arguments.of(WARRANTY, "history[0].repairDays", "-1"),
                Arguments.of(WARRANTY, "extensions.advisor", "\"\\udc00\""),
                Arguments.of(INSURANCE, "incident.driver.bacMgPer100ml", "-0.5"),
                Arguments.of(INSURANCE, "policy.policyNo", long65),
                Arguments.of(INSURANCE, "policy.endsOn", "\"2023-12-31\""),
                Arguments.of(INSURANCE, "policy.sumInsuredCny", "-120000"),
                Arguments.of(INSURANCE, "policy.absoluteDeductibleRate", "0.25"),
                Arguments.of(INSURANCE, "policy.absoluteDeductibleRate", "-0.01"),
                Arguments.of(INSURANCE, "policy.absoluteDeductibleCny", "500.001"),
                Arguments.of(INSURANCE, "assessment.shopId", long65),
                Arguments.of(INSURANCE, "assessment.amountCny", "-1.00"),
                Arguments.of(INSURANCE, "assessment.invoicedCny", "1.999"),
                Arguments.of(ASSISTANCE, "assistance.towKm", "-12.5"),
                Arguments.of(ASSISTANCE, "assistance.highwayTollCny", "-35"),
                Arguments.of(ASSISTANCE, "assistance.membershipValidUntil", "\"+10000-01-01\""));
    }

    @ParameterizedTest(name = "{1} = {2}")
    @MethodSource("badValues")
    void aBadValueGetsTheCodecsErrorRecord(String claim, String path, String value) {
        String json = with(claim, path, value);
        InputError codec = assertInstanceOf(InputError.class, read(json, 1), json);
        assertEquals(codec, built(tree(json)));
    }

    @Test
    void aLoneSurrogateIsReportedFirstWhereverItStandsAsInAJsonLine() {
        // two defects: a bad VIN first, a lone surrogate in a later string; the codec reports the surrogate
        String json = with(with(WARRANTY, "vehicle.vin", "\"short\""), "history[0].problem", "\"P\\ud800\"");
        InputError codec = (InputError) read(json, 1);
        assertEquals("INVALID_ENCODING", codec.code());
        assertEquals("history[0].problem", codec.field());
        assertEquals(codec, built(tree(json)));
    }

    @Test
    void aDateTimeWithAFractionOfASecondIsRefused() {
        // the codec reads whole seconds only: a fraction would be lost on the way to JSON and back
        InvalidClaimException e = assertThrows(InvalidClaimException.class, () -> Incident.builder()
                .occurredOn(LocalDate.of(2024, 5, 1)).cause(Cause.COLLISION)
                .occurredAt(LocalDateTime.of(2024, 5, 1, 8, 30, 0, 500_000_000)).build());
        assertEquals(new InputError("INVALID_FIELD", "occurredAt",
                "must be a date-time yyyy-MM-ddTHH:mm or yyyy-MM-ddTHH:mm:ss, got \"2024-05-01T08:30:00.500\""), e.error());
    }

    @Test
    void aNestedBuilderBuiltAloneReportsPathsOfItsOwn() {
        InvalidClaimException e = assertThrows(InvalidClaimException.class, () -> ClaimLine.builder().lineId("L1")
                .system(PartSystem.BRAKE).part("pads").repairCostCny(new BigDecimal("-1")).build());
        assertEquals(new InputError("INVALID_FIELD", "repairCostCny",
                "must be an amount >= 0 with at most 2 decimal places, got -1"), e.error());
        e = assertThrows(InvalidClaimException.class, () -> Vehicle.builder().vin("LSVAB12C3D4567890").build());
        assertEquals(new InputError("MISSING_FIELD", "purchasedOn", "required field \"purchasedOn\" is missing"),
                e.error());
        // inside a claim, the same line is checked at its place
        e = assertThrows(InvalidClaimException.class, () -> BuilderDriver.claim(tree(WARRANTY))
                .line(ClaimLine.builder().lineId("L3").system(PartSystem.BRAKE).part("pads")
                        .repairCostCny(new BigDecimal("-1")).replaceCostCny(BigDecimal.ONE)).build());
        assertEquals("lines[2].repairCostCny", e.error().field());
    }

    @Test
    void recordConstructorsRejectOnlyNullsAndClaimChecksGivesTheCodecsRecordForTheRest() {
        Claim valid = CODEC.readClaim(oneLine(WARRANTY));
        Vehicle v = valid.vehicle();
        // once an IllegalArgumentException from the constructor; now a record, and the contract's error
        Claim negative = valid.withVehicle(new Vehicle(v.vin(), v.purchasedOn(), v.deliveredOn(), -5, v.priceCny(),
                v.use(), v.warrantyRegistered(), v.inspectionValid()));
        assertEquals(Optional.of(read(with(WARRANTY, "vehicle.odometerKm", "-5"), 1)), ClaimChecks.firstProblem(negative));
        PriorRepair r = valid.history().get(0);
        Claim days = valid.withHistory(List.of(new PriorRepair(r.repairedOn(), r.system(), r.part(), r.problem(),
                r.replaced(), r.mainPart(), r.assembly(), r.seriousSafety(), -1, r.qualityProblem())));
        assertEquals(Optional.of(read(with(WARRANTY, "history[0].repairDays", "-1"), 1)), ClaimChecks.firstProblem(days));
        // once worded apart from the codec ("must lie in 0..0.20", "before policy.startsOn", no first index)
        Claim insurance = CODEC.readClaim(oneLine(INSURANCE));
        Policy p = insurance.policy();
        Claim rate = Claim.Builder.from(insurance).policy(new Policy(p.policyNo(), p.startsOn(), p.endsOn(), p.coverages(),
                p.addOns(), p.sumInsuredCny(), new BigDecimal("0.25"), p.absoluteDeductibleCny())).create();
        assertEquals(Optional.of(read(with(INSURANCE, "policy.absoluteDeductibleRate", "0.25"), 1)),
                ClaimChecks.firstProblem(rate));
        Claim ends = Claim.Builder.from(insurance).policy(new Policy(p.policyNo(), p.startsOn(), LocalDate.of(2023, 12, 31),
                p.coverages(), p.addOns(), p.sumInsuredCny(), p.absoluteDeductibleRate(), p.absoluteDeductibleCny()))
                .create();
        assertEquals(Optional.of(read(with(INSURANCE, "policy.endsOn", "\"2023-12-31\""), 1)), ClaimChecks.firstProblem(ends));
        Claim twice = valid.withLines(List.of(valid.lines().get(0), valid.lines().get(0)));
        assertEquals(Optional.of(read(with(WARRANTY, "lines[1].lineId", "\"L1\""), 1)), ClaimChecks.firstProblem(twice));
        assertEquals(Optional.empty(), ClaimChecks.firstProblem(valid));
    }

    private static String oneLine(String json) {
        return text(tree(json));
    }

    @Test
    void nullsAreProgrammingErrorsNamedByTheirParameter() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> Claim.warranty(null));
        assertEquals("claimId", e.getMessage());
        e = assertThrows(NullPointerException.class, () -> ClaimLine.builder().repairCostCny(null));
        assertEquals("repairCostCny", e.getMessage());
        e = assertThrows(NullPointerException.class, () -> Claim.warranty("W-1").documents(DocumentCode.POLICY, null));
        assertEquals("documents holds null at index 1", e.getMessage());
        Map<String, Object> extensions = new TreeMap<>(java.util.Comparator.nullsFirst(String::compareTo));
        extensions.put(null, 1);
        e = assertThrows(NullPointerException.class, () -> Claim.warranty("W-1").extensions(extensions));
        assertEquals("extensions holds a null key", e.getMessage());
        assertTrue(Claim.warranty("W-1").extension("k", null) != null, "an extension's value may be JSON's null");
    }

    @Test
    void anExampleLineThatDoesNotBuildFailsTheExampleTestLoudly() {
        // guards the driver: an unexpected NotExpressible would hide a mismatch
        JsonNode json = tree(oneLine(WARRANTY));
        ((ArrayNode) json.get("lines")).addObject().put("unknown", 1);
        assertThrows(BuilderDriver.NotExpressible.class, () -> built(json));
        if (!(read(text(json), 1) instanceof InputError)) {
            fail("the codec reads an unknown field as an error");
        }
    }
}
