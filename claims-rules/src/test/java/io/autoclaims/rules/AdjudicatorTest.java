package io.autoclaims.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.model.Claim;
import io.autoclaims.model.ClaimType;
import io.autoclaims.model.ErrorRecord;
import io.autoclaims.model.Verdict;
import io.autoclaims.model.json.ClaimCodec;
import io.autoclaims.rules.testing.ShippedWorkbooks;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The public API: JSON in and out, explanations, many threads, an atomic rulebook swap. */
class AdjudicatorTest {
    private static final ClaimCodec CODEC = ClaimCodec.create();
    private static final String CLAIM = "{\"claimId\":\"W-1\",\"type\":\"WARRANTY\",\"submittedOn\":\"2024-05-21\","
            + "\"vehicle\":{\"vin\":\"LSGKB54H8JA123456\",\"purchasedOn\":\"2023-01-10\",\"odometerKm\":22000},"
            + "\"incident\":{\"occurredOn\":\"2024-05-20\",\"cause\":\"QUALITY_DEFECT\"},"
            + "\"repairShop\":{\"id\":\"4S-SH-001\",\"authorized\":true,\"tier\":\"DEALER_4S\"},"
            + "\"lines\":[{\"lineId\":\"L1\",\"system\":\"BRAKE\",\"part\":\"制动主缸\",\"repairCostCny\":950.00,"
            + "\"replaceCostCny\":2100.00}],\"documents\":[\"REPAIR_ORDER\",\"WARRANTY_CARD\"]}";

    private static Rulebook rulebook;
    private static Adjudicator adjudicator;
    private static ExecutorService pool;

    @BeforeAll
    static void load() {
        rulebook = Rulebook.loadDefault();
        adjudicator = Adjudicator.of(rulebook);
        pool = Executors.newFixedThreadPool(4);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    @Test
    void theDefaultRulebookIsTheShippedWorkbooks() {
        // loadDefault reads the same three files a test (or a host) gets from the jar, nothing else
        Rulebook shipped = Rulebook.fromWorkbooks(ShippedWorkbooks.all());
        assertEquals(shipped.fingerprint(), rulebook.fingerprint());
        assertEquals(List.of("warranty.xlsx", "insurance.xlsx", "assistance.xlsx"),
                List.copyOf(rulebook.workbooks().keySet()));
        for (io.autoclaims.model.ClaimType type : io.autoclaims.model.ClaimType.values()) {
            assertTrue(rulebook.supports(type), type.name());
        }
        assertEquals("autoclaims default rulebook", rulebook.name());
        assertEquals("2026.1", rulebook.version());
        assertTrue(rulebook.warnings().isEmpty(), rulebook.warnings().toString());
    }

    @Test
    void adjudicatesJsonText() {
        String json = adjudicator.adjudicateJson(CLAIM);
        assertTrue(json.startsWith("{\"claimId\":\"W-1\",\"type\":\"WARRANTY\",\"decision\":\"APPROVED\","
                + "\"remedy\":\"REPAIR\",\"payableCny\":950.00,"), json);
        assertTrue(json.contains("\"fingerprint\":\"" + rulebook.fingerprint() + "\""), json);
    }

    @Test
    void badJsonGivesTheErrorRecord() {
        String json = adjudicator.adjudicateJson(CLAIM.replace("\"odometerKm\":22000", "\"odometerKm\":\"22000\""));
        assertTrue(json.contains("\"field\":\"vehicle.odometerKm\""), json);
        assertTrue(json.startsWith("{\"claimId\":\"W-1\",\"line\":1,"), json);
    }

    @Test
    void claimTypesWithoutTablesAreAnsweredWithAnErrorRecord() {
        // the warranty workbook alone: its terms table serves assistance too, but decides nothing
        Adjudicator adjudicator = Adjudicator.of(
                Rulebook.fromWorkbooks(Map.of("warranty.xlsx", ShippedWorkbooks.warranty())));
        Claim warranty = CODEC.readClaim(CLAIM);
        Claim assistance = new Claim("A-1", ClaimType.ASSISTANCE, warranty.submittedOn(), warranty.vehicle(),
                warranty.incident(), null, List.of(), List.of(), List.of(), null, null, null,
                new io.autoclaims.model.AssistanceRequest(true, null, io.autoclaims.model.AssistanceService.TOW,
                        java.math.BigDecimal.TEN, true, null), null);
        UnsupportedClaimException e = assertThrows(UnsupportedClaimException.class,
                () -> adjudicator.adjudicate(assistance));
        assertEquals("UNSUPPORTED_CLAIM_TYPE", e.error().code());
        assertEquals("type", e.error().field());
        StringWriter out = new StringWriter();
        adjudicator.adjudicateJsonLines(new StringReader(CODEC.writeClaim(assistance) + "\n" + CLAIM + "\n"), out);
        String[] lines = out.toString().split("\n");
        assertEquals(2, lines.length);
        assertTrue(lines[0].contains("UNSUPPORTED_CLAIM_TYPE") && lines[0].contains("\"line\":1"), lines[0]);
        assertTrue(lines[1].contains("\"decision\":\"APPROVED\""), lines[1]);
    }

    @Test
    void javaBuiltClaimsAreStillCheckedOnThePublicPaths() {
        // the codec's reads skip ClaimChecks (validated once, while reading); a claim built in Java does not
        Claim bad = CODEC.readClaim(CLAIM).withClaimId("");
        io.autoclaims.model.InputError expected = new io.autoclaims.model.InputError("INVALID_FIELD", "claimId",
                "must be a string of 1 to 64 characters, got 0 characters: \"\"");
        assertEquals(expected, assertThrows(io.autoclaims.model.InvalidClaimException.class,
                () -> adjudicator.adjudicate(bad)).error());
        assertEquals(new ErrorRecord("", 1, expected), adjudicator.adjudicateAll(List.of(bad)).get(0).error());
        LineBatch.Result line = LineBatch.adjudicate(adjudicator, List.of(new io.autoclaims.model.json.ReadResult.Ok(7, bad)))
                .get(0);
        assertEquals(expected, line.error());
        assertEquals(7, line.line());
    }

    @Test
    void oneBadOrUnsupportedClaimNeverFailsTheOthers() {
        Adjudicator warrantyOnly = Adjudicator.of(Rulebook.fromWorkbooks(Map.of("warranty.xlsx", ShippedWorkbooks.warranty())));
        Claim good = CODEC.readClaim(CLAIM);
        Claim invalid = good.withClaimId("W-BAD").withLines(List.of(good.lines().get(0), good.lines().get(0)));
        Claim insurance = CODEC.readClaim(io.autoclaims.model.json.ClaimCodec.create().writeClaim(good)
                .replace("\"WARRANTY\"", "\"INSURANCE\"").replace("\"lines\"", "\"policy\":{\"policyNo\":\"P-1\","
                        + "\"startsOn\":\"2024-01-01\",\"endsOn\":\"2024-12-31\",\"coverages\":[],\"addOns\":[],"
                        + "\"sumInsuredCny\":1000},\"lines\"")).withClaimId("I-1");
        List<Claim> claims = new ArrayList<>();
        for (int i = 0; i < 2500; i++) { // three Drools rounds of good claims, the bad ones among them
            claims.add(i == 7 ? invalid : i == 1500 ? insurance : good.withClaimId("W-" + i));
        }
        List<Adjudication> results = warrantyOnly.adjudicateAll(claims);
        assertEquals(claims.size(), results.size());
        for (int i = 0; i < claims.size(); i++) {
            Adjudication a = results.get(i);
            assertEquals(claims.get(i).claimId(), a.claimId());
            if (i == 7) {
                assertEquals(new ErrorRecord("W-BAD", 8, new io.autoclaims.model.InputError("INVALID_FIELD",
                        "lines[1].lineId", "must be unique within the claim, got \"L1\" again (already the lineId of lines[0])")),
                        a.error());
                assertEquals(null, a.verdict());
                assertThrows(io.autoclaims.model.InvalidClaimException.class, a::verdictOrThrow);
            } else if (i == 1500) {
                assertEquals("UNSUPPORTED_CLAIM_TYPE", a.error().error().code());
                assertEquals(1501, a.error().line());
                assertThrows(UnsupportedClaimException.class, a::verdictOrThrow);
            } else {
                assertEquals(null, a.error());
                assertEquals(claims.get(i).claimId(), a.verdict().claimId());
                assertEquals(io.autoclaims.model.Decision.APPROVED, a.verdict().decision());
            }
        }
        // the verdicts are those each claim gets alone
        assertEquals(CODEC.writeVerdict(warrantyOnly.adjudicate(claims.get(2499))), CODEC.writeVerdict(results.get(2499).verdict()));
        assertThrows(UnsupportedOperationException.class, () -> results.set(0, results.get(1)));
        NullPointerException npe = assertThrows(NullPointerException.class,
                () -> warrantyOnly.adjudicateAll(java.util.Arrays.asList(good, null)));
        assertEquals("claims holds null at index 1", npe.getMessage());
    }

    @Test
    void explainListsSilentRowsToo() {
        Explanation e = adjudicator.explain(CODEC.readClaim(CLAIM));
        List<String> ids = e.fired().stream().map(RuleRef::ruleId).toList();
        assertTrue(ids.contains("RG-02"), ids.toString());
        assertTrue(ids.contains("T-04"), ids.toString());
        assertTrue(ids.contains("W7-01"), ids.toString());
        assertEquals(List.of("COVERED_REPAIR"), e.verdict().reasonCodes());
        RuleRef term = e.fired().stream().filter(r -> r.ruleId().equals("T-04")).findFirst().orElseThrow();
        assertEquals("L1", term.lineId());
        assertEquals("Terms 保修期限", term.table());
    }

    @Test
    void manyThreadsGetTheSameVerdictsAsOne() throws Exception {
        Claim base = CODEC.readClaim(CLAIM);
        List<Claim> claims = IntStream.range(0, 600)
                .mapToObj(i -> base.withClaimId("W-" + i)
                        .withVehicle(new io.autoclaims.model.Vehicle(base.vehicle().vin(), base.vehicle().purchasedOn(),
                                null, 20000 + i * 150, null, null, i % 3 == 0, true)))
                .toList();
        List<String> sequential = claims.stream().map(c -> CODEC.writeVerdict(adjudicator.adjudicate(c))).toList();
        List<Future<String>> futures = new ArrayList<>();
        for (Claim c : claims) {
            futures.add(pool.submit(() -> CODEC.writeVerdict(adjudicator.adjudicate(c))));
        }
        List<String> parallel = new ArrayList<>();
        for (Future<String> f : futures) {
            parallel.add(f.get());
        }
        assertEquals(sequential, parallel);
        List<String> batched = adjudicator.adjudicateAll(claims).stream().map(Adjudication::verdictOrThrow).map(CODEC::writeVerdict).toList();
        assertEquals(sequential, batched);
    }

    @Test
    void swapIsAtomicAndCallsInFlightFinish() throws Exception {
        Map<String, byte[]> workbooks = ShippedWorkbooks.all();
        workbooks.put("extra.xlsx", io.autoclaims.rules.testing.WorkbookBuilder.create()
                .about("extra", "9", java.time.LocalDate.of(2026, 1, 1), "t").toBytes());
        Rulebook other = Rulebook.fromWorkbooks(workbooks,
                Rulebook::defaultResource); // the swap runs the shipped scenarios, which name claim files
        assertNotEquals(rulebook.fingerprint(), other.fingerprint());
        Adjudicator swapping = Adjudicator.of(rulebook);
        Claim claim = CODEC.readClaim(CLAIM);
        List<Future<Verdict>> futures = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            futures.add(pool.submit(() -> swapping.adjudicate(claim)));
            if (i == 200) {
                assertEquals(rulebook, swapping.swap(other));
            }
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Future<Verdict> f : futures) {
            Verdict v = f.get();
            seen.add(v.rulebook().fingerprint());
            assertEquals("APPROVED", v.decision().name());
        }
        assertTrue(seen.stream().allMatch(fp -> fp.equals(rulebook.fingerprint()) || fp.equals(other.fingerprint())),
                seen.stream().collect(Collectors.joining(",")));
        assertEquals(other.fingerprint(), swapping.adjudicate(claim).rulebook().fingerprint());
        assertEquals(other, swapping.rulebook());
    }
}
