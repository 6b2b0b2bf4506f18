package io.autoclaims.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.model.Claim;
import io.autoclaims.model.ClaimType;
import io.autoclaims.model.Decision;
import io.autoclaims.model.Verdict;
import io.autoclaims.model.json.ClaimCodec;
import io.autoclaims.model.json.ReadResult;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checked hot swap: a candidate goes live only when it passes the table analysis and its own
 * scenarios; calls in flight never fail and each uses exactly one rulebook; rollback is one call.
 */
class HotSwapTest {
    private static final ClaimCodec CODEC = ClaimCodec.create();
    /**
     * A drive motor failing 100 months after delivery: expired under the shipped 96-month term
     * (T-01), covered under the 120-month term of rulebook B. No shipped scenario is near it.
     */
    private static final String MOTOR = "{\"claimId\":\"MOTOR-100\",\"type\":\"WARRANTY\",\"submittedOn\":\"2024-05-21\","
            + "\"vehicle\":{\"vin\":\"LRWYGCEK1RC418205\",\"purchasedOn\":\"2016-01-10\",\"odometerKm\":120000,"
            + "\"warrantyRegistered\":true},\"incident\":{\"occurredOn\":\"2024-05-20\",\"cause\":\"QUALITY_DEFECT\"},"
            + "\"repairShop\":{\"id\":\"4S-SH-001\",\"authorized\":true,\"tier\":\"DEALER_4S\"},"
            + "\"lines\":[{\"lineId\":\"L1\",\"system\":\"DRIVE_MOTOR\",\"part\":\"驱动电机 drive motor\","
            + "\"repairCostCny\":3850.00,\"replaceCostCny\":21600.00}],\"documents\":[\"REPAIR_ORDER\"]}";

    @TempDir
    static Path dir;

    /** The shipped rulebook. */
    private static Rulebook a;
    /** The shipped rulebook with T-01 at 120 months: passes every shipped scenario, decides MOTOR otherwise. */
    private static Rulebook b;
    /** The whole-vehicle term T-04 at 48 months: loads, but shipped scenarios of expired claims fail. */
    private static Rulebook failsScenarios;
    /** A folder whose warranty workbook has text in a month cell: does not load. */
    private static Path cellError;
    private static List<Claim> claims;
    private static Claim motor;

    @BeforeAll
    static void load() throws IOException {
        a = Rulebook.loadDefault();
        b = Rulebook.fromWorkbooks(withWarranty(wb -> term(wb, "T-01", 120)), Rulebook::defaultResource);
        failsScenarios = Rulebook.fromWorkbooks(withWarranty(wb -> term(wb, "T-04", 48)), Rulebook::defaultResource);
        cellError = Files.createDirectories(dir.resolve("cell-error"));
        withWarranty(wb -> wb.getSheet("Terms 保修期限").getRow(rowOf(wb, "T-01")).getCell(2).setCellValue("ten years"))
                .forEach((name, bytes) -> write(cellError.resolve(name), bytes));
        claims = new ArrayList<>();
        for (String type : List.of("warranty", "insurance", "assistance")) {
            claims.addAll(shippedClaims("scenarios/" + type + ".jsonl"));
        }
        motor = CODEC.readClaim(MOTOR);
        claims.add(motor);
    }

    @Test
    void theFixturesDifferWhereTheTestNeedsThem() {
        assertNotEquals(a.fingerprint(), b.fingerprint());
        assertEquals(Decision.DENIED, Adjudicator.of(a).adjudicate(motor).decision());
        assertEquals(Decision.APPROVED, Adjudicator.of(b).adjudicate(motor).decision());
        assertTrue(RulebookScenarios.run(b).passed(), RulebookScenarios.run(b).failures().toString());
        assertTrue(claims.size() > 90, "claims: " + claims.size());
    }

    @Test
    void swapUnderLoadNeverFailsACallAndEveryVerdictNamesTheRulebookThatMadeIt() throws Exception {
        Map<String, Map<String, String>> expected = Map.of(a.fingerprint(), verdicts(a), b.fingerprint(), verdicts(b));
        Adjudicator adjudicator = Adjudicator.of(a);
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        AtomicInteger calls = new AtomicInteger();
        Map<String, AtomicInteger> byFingerprint = Map.of(a.fingerprint(), new AtomicInteger(),
                b.fingerprint(), new AtomicInteger());
        String backlog = claims.stream().map(CODEC::writeClaim).collect(Collectors.joining("\n", "", "\n"));
        // three batches of Adjudicator.BATCH: a backlog that spans batches still uses one rulebook
        String longBacklog = String.join("", Collections.nCopies(2100 / claims.size() + 1, backlog));

        /* One call's verdicts: all of one rulebook, each exactly what that rulebook decides. */
        Consumer<List<String>> check = json -> {
            Set<String> fingerprints = json.stream().map(HotSwapTest::fingerprint).collect(Collectors.toSet());
            if (fingerprints.size() != 1) {
                problems.add("one call, several rulebooks (or none): " + fingerprints);
                return;
            }
            String fp = fingerprints.iterator().next();
            Map<String, String> want = expected.get(fp);
            if (want == null) {
                problems.add("a verdict of an unknown rulebook: " + fp);
                return;
            }
            for (String v : json) {
                String id = claimId(v);
                if (!v.equals(want.get(id))) {
                    problems.add(id + " under " + fp.substring(0, 12) + ": " + v + " is not " + want.get(id));
                }
            }
            byFingerprint.get(fp).incrementAndGet();
            calls.incrementAndGet();
        };
        Runnable javaCalls = () -> {
            for (int i = 0; !stop.get(); i++) {
                try {
                    Claim c = claims.get(i % claims.size());
                    check.accept(List.of(CODEC.writeVerdict(adjudicator.adjudicate(c))));
                    check.accept(adjudicator.adjudicateAll(claims).stream().map(Adjudication::verdictOrThrow).map(CODEC::writeVerdict).toList());
                    Explanation e = adjudicator.explain(motor);
                    check.accept(List.of(CODEC.writeVerdict(e.verdict())));
                    // the changed cell decides MOTOR: its decision and its fingerprint must agree
                    boolean byB = e.verdict().rulebook().fingerprint().equals(b.fingerprint());
                    if (e.verdict().decision() != (byB ? Decision.APPROVED : Decision.DENIED)) {
                        problems.add("MOTOR " + e.verdict().decision() + " under " + e.verdict().rulebook());
                    }
                } catch (RuntimeException ex) {
                    problems.add("a call failed: " + ex);
                }
            }
        };
        Runnable jsonCalls = () -> {
            for (int i = 0; !stop.get(); i++) {
                try {
                    check.accept(List.of(adjudicator.adjudicateJson(MOTOR)));
                    StringWriter out = new StringWriter();
                    long written = adjudicator.adjudicateJsonLines(new StringReader(i % 4 == 0 ? longBacklog : backlog), out);
                    List<String> lines = out.toString().lines().toList();
                    if (lines.size() != written) {
                        problems.add(written + " lines reported, " + lines.size() + " written");
                    }
                    check.accept(lines);
                } catch (RuntimeException ex) {
                    problems.add("a call failed: " + ex);
                }
            }
        };
        List<Thread> workers = List.of(new Thread(javaCalls, "java-calls"), new Thread(jsonCalls, "json-calls"));
        workers.forEach(Thread::start);
        int refusedScenarios = 0;
        int refusedCells = 0;
        try {
            for (int i = 0; i < 50; i++) {
                Rulebook next = i % 2 == 0 ? b : a;
                Rulebook live = adjudicator.rulebook();
                assertSame(live, adjudicator.swap(next), "swap " + i + " returns the rulebook it replaced");
                assertSame(next, adjudicator.rulebook());
                assertSame(live, adjudicator.previous().orElseThrow());
                if (i % 5 == 2) {
                    RulebookException e = assertThrows(RulebookException.class, () -> adjudicator.swap(failsScenarios));
                    assertTrue(e.errors().stream().allMatch(x -> x.code().equals("SCENARIO_FAILED")), e.getMessage());
                    refusedScenarios++;
                }
                if (i % 10 == 7) {
                    RulebookException e = assertThrows(RulebookException.class, () -> adjudicator.swap(cellError));
                    assertEquals("warranty.xlsx!Terms 保修期限!C6", e.errors().get(0).where().toString(), e.getMessage());
                    refusedCells++;
                }
                // a refused candidate changes nothing
                assertSame(next, adjudicator.rulebook(), "after swap " + i);
                assertSame(live, adjudicator.previous().orElseThrow(), "after swap " + i);
            }
            Thread.sleep(200); // calls on the last rulebook too
        } finally {
            stop.set(true);
            for (Thread w : workers) {
                w.join();
            }
        }
        assertEquals(List.of(), List.copyOf(problems));
        assertEquals(10, refusedScenarios);
        assertEquals(5, refusedCells);
        assertTrue(byFingerprint.get(a.fingerprint()).get() > 0 && byFingerprint.get(b.fingerprint()).get() > 0,
                "calls by rulebook: " + byFingerprint);
        assertSame(a, adjudicator.rulebook()); // the 50th swap (i = 49) put A back
        assertEquals(a.fingerprint(), adjudicator.adjudicate(motor).rulebook().fingerprint());
    }

    @Test
    void aFailedScenarioRefusesTheSwapAtItsCellInBothLanguages() {
        Adjudicator adjudicator = Adjudicator.of(a);
        RulebookException e = assertThrows(RulebookException.class, () -> adjudicator.swap(failsScenarios));
        WorkbookIssue first = e.errors().get(0);
        assertEquals("SCENARIO_FAILED", first.code());
        assertEquals("warranty.xlsx!Scenarios 测试场景!A38", first.where().toString());
        assertEquals("warranty.xlsx!Scenarios 测试场景!A38: scenario SC-W-034 fails: decision: expected "
                + "PARTIALLY_APPROVED, got APPROVED; remedy: expected REPAIR, got REPLACE_PART; payable: expected "
                + "3600.00 CNY, got 4160.00 CNY; reasons: expected [COVERED_REPAIR, WARRANTY_EXPIRED], got [COVERED_REPAIR, "
                + "COVERED_REPLACE] (fix the rule rows, or the scenario's expected values if the policy changed on "
                + "purpose; claims test lists every failure)", first.toString());
        assertEquals("warranty.xlsx!Scenarios 测试场景!A38: 测试场景 SC-W-034 未通过：结论应为 PARTIALLY_APPROVED，"
                + "实为 APPROVED；处理应为 REPAIR，实为 REPLACE_PART；赔付应为 3600.00 元，实为 4160.00 元；理由代码应为 "
                + "[COVERED_REPAIR, WARRANTY_EXPIRED]，实为 [COVERED_REPAIR, COVERED_REPLACE]（请修正规则行；如政策是"
                + "有意变更，请更新该场景的预期值；claims test 列出全部未通过的场景）", first.toStringZh());
        assertTrue(e.errors().stream().allMatch(i -> i.code().equals("SCENARIO_FAILED")), e.getMessage());
        assertTrue(e.getMessage().startsWith("The rulebook has " + e.errors().size() + " error"), e.getMessage());
        assertSame(a, adjudicator.rulebook());
        assertEquals(Optional.empty(), adjudicator.previous());
    }

    @Test
    void aGapInATableIsRefusedAsClaimsCheckWouldRefuseIt() {
        // no T-04 row: a line of any system not listed has no term; loading accepts that, check does not
        Rulebook gap = Rulebook.fromWorkbooks(withWarranty(wb -> {
            var sheet = wb.getSheet("Terms 保修期限");
            sheet.removeRow(sheet.getRow(rowOf(wb, "T-04")));
        }), Rulebook::defaultResource);
        Adjudicator adjudicator = Adjudicator.of(a);
        RulebookException e = assertThrows(RulebookException.class, () -> adjudicator.swap(gap));
        assertTrue(e.errors().stream().anyMatch(i -> i.code().equals("GAP")
                && i.where().sheet().equals("Terms 保修期限") && i.messageZh() != null), e.getMessage());
        assertSame(a, adjudicator.rulebook());
    }

    @Test
    void aWorkbookThatDoesNotLoadIsRefusedAtItsCell() {
        Adjudicator adjudicator = Adjudicator.of(a);
        RulebookException e = assertThrows(RulebookException.class, () -> adjudicator.swap(cellError));
        WorkbookIssue issue = e.errors().get(0);
        assertEquals("warranty.xlsx!Terms 保修期限!C6", issue.where().toString());
        assertTrue(issue.toString().contains("\"ten years\""), issue.toString());
        assertNotEquals(issue.toString(), issue.toStringZh());
        assertSame(a, adjudicator.rulebook());
    }

    @Test
    void rollbackReturnsToThePreviousRulebookAndASecondRollbackUndoesIt() {
        Adjudicator adjudicator = Adjudicator.of(a);
        assertThrows(IllegalStateException.class, adjudicator::rollback);
        assertSame(a, adjudicator.swap(b));
        assertEquals(Decision.APPROVED, adjudicator.adjudicate(motor).decision());
        assertSame(b, adjudicator.rollback());
        assertSame(a, adjudicator.rulebook());
        assertSame(b, adjudicator.previous().orElseThrow());
        Verdict v = adjudicator.adjudicate(motor);
        assertEquals(Decision.DENIED, v.decision());
        assertEquals(a.fingerprint(), v.rulebook().fingerprint());
        assertSame(a, adjudicator.rollback());
        assertSame(b, adjudicator.rulebook());
        assertSame(a, adjudicator.previous().orElseThrow());
    }

    @Test
    void anUncheckedSwapGoesLiveDespiteFailingScenariosAndRollsBack() {
        Adjudicator adjudicator = Adjudicator.of(a);
        assertSame(a, adjudicator.swapUnchecked(failsScenarios));
        assertEquals(failsScenarios.fingerprint(), adjudicator.adjudicate(motor).rulebook().fingerprint());
        assertSame(failsScenarios, adjudicator.rollback());
        assertSame(a, adjudicator.rulebook());
    }

    @Test
    void aSwapThatDropsClaimTypesIsRefusedNamingThemUnlessTheHostAllowsIt() {
        Rulebook warrantyOnly = Rulebook.fromWorkbooks(Map.of("warranty.xlsx", Rulebook.defaultWorkbooks().get("warranty.xlsx")),
                Rulebook::defaultResource);
        Claim insurance = claims.stream().filter(c -> c.type() == ClaimType.INSURANCE).findFirst().orElseThrow();
        Adjudicator adjudicator = Adjudicator.of(a);

        RulebookException e = assertThrows(RulebookException.class, () -> adjudicator.swap(warrantyOnly));
        assertEquals(1, e.errors().size(), "its scenarios pass; only the dropped types refuse it: " + e.getMessage());
        WorkbookIssue dropped = e.errors().get(0);
        assertEquals("CLAIM_TYPES_DROPPED", dropped.code());
        assertEquals(CellRef.workbook("warranty.xlsx"), dropped.where());
        assertEquals("warranty.xlsx: the new rulebook has no rules for INSURANCE, ASSISTANCE claims, which the live "
                + "rulebook \"" + a.name() + "\" " + a.version() + " adjudicates: after the swap they would be refused as "
                + "UNSUPPORTED_CLAIM_TYPE; their rules are in assistance.xlsx, insurance.xlsx, which the new rulebook "
                + "lacks (put assistance.xlsx, insurance.xlsx beside the new workbooks: a folder swap, and a watcher, load "
                + "every workbook in the folder; if the host means to stop adjudicating them, swap with "
                + "SwapOption.ALLOW_FEWER_CLAIM_TYPES)", dropped.toString());
        assertTrue(dropped.toStringZh().startsWith("warranty.xlsx: 新规则集没有 INSURANCE（车损险理赔）、ASSISTANCE（道路救援）的规则"),
                dropped.toStringZh());
        assertTrue(dropped.toStringZh().contains("SwapOption.ALLOW_FEWER_CLAIM_TYPES"), dropped.toStringZh());
        assertSame(a, adjudicator.rulebook());
        assertEquals(Optional.empty(), adjudicator.previous());
        // insurance claims are still adjudicated, by the live rulebook
        assertEquals(a.fingerprint(), adjudicator.adjudicate(insurance).rulebook().fingerprint());

        // the host asks for it: the other checks still run, then it goes live
        assertSame(a, adjudicator.swap(warrantyOnly, SwapOption.ALLOW_FEWER_CLAIM_TYPES));
        assertSame(warrantyOnly, adjudicator.rulebook());
        assertThrows(UnsupportedClaimException.class, () -> adjudicator.adjudicate(insurance));
        RulebookException stillChecked = assertThrows(RulebookException.class,
                () -> adjudicator.swap(failsScenarios, SwapOption.ALLOW_FEWER_CLAIM_TYPES));
        assertTrue(stillChecked.errors().stream().allMatch(i -> i.code().equals("SCENARIO_FAILED")), stillChecked.getMessage());

        // more claim types need no option; a rollback is not checked: it undoes a swap, types and all
        assertSame(warrantyOnly, adjudicator.swap(a));
        assertSame(a, adjudicator.rollback());
        assertSame(warrantyOnly, adjudicator.rulebook());
        // an unchecked swap skips this check as every other
        Adjudicator unchecked = Adjudicator.of(a);
        assertSame(a, unchecked.swapUnchecked(warrantyOnly));
        assertFalse(unchecked.rulebook().supports(ClaimType.INSURANCE));
    }

    @Test
    void swapOptionsAreRefusedWhenNull() {
        Adjudicator adjudicator = Adjudicator.of(a);
        assertThrows(NullPointerException.class, () -> adjudicator.swap(b, (SwapOption[]) null));
        assertThrows(NullPointerException.class, () -> adjudicator.swap(b, (SwapOption) null));
        assertSame(a, adjudicator.rulebook());
    }

    @Test
    void swapByPathLoadsChecksAndSwaps() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("b"));
        b.workbooks().forEach((name, bytes) -> write(folder.resolve(name), bytes));
        // the scenarios name scenarios/<type>.jsonl next to the workbooks
        Files.createDirectories(folder.resolve("scenarios"));
        for (String type : List.of("warranty", "insurance", "assistance")) {
            Files.writeString(folder.resolve("scenarios/" + type + ".jsonl"),
                    Rulebook.defaultResource("scenarios/" + type + ".jsonl"));
        }
        Adjudicator adjudicator = Adjudicator.of(a);
        assertSame(a, adjudicator.swap(folder));
        assertEquals(b.fingerprint(), adjudicator.rulebook().fingerprint());
    }

    @Test
    void workbooksAreTheBytesItWasBuiltFromAndCopies() {
        Map<String, byte[]> shipped = Rulebook.defaultWorkbooks();
        Map<String, byte[]> copy = a.workbooks();
        assertEquals(List.copyOf(shipped.keySet()), List.copyOf(copy.keySet()));
        shipped.forEach((name, bytes) -> assertTrue(java.util.Arrays.equals(bytes, copy.get(name)), name));
        copy.get("warranty.xlsx")[0] = 0;
        assertEquals('P', a.workbooks().get("warranty.xlsx")[0]);
        assertThrows(UnsupportedOperationException.class, () -> copy.put("x.xlsx", new byte[0]));
    }

    /** Every claim's verdict JSON under one rulebook, by claim id. */
    private static Map<String, String> verdicts(Rulebook rulebook) {
        Map<String, String> byId = new HashMap<>();
        for (Verdict v : Adjudicator.of(rulebook).adjudicateAll(claims).stream().map(Adjudication::verdictOrThrow).toList()) {
            byId.put(v.claimId(), CODEC.writeVerdict(v));
        }
        return byId;
    }

    private static String fingerprint(String verdictJson) {
        int at = verdictJson.indexOf("\"fingerprint\":\"");
        return at < 0 ? "(none)" : verdictJson.substring(at + 15, verdictJson.indexOf('"', at + 15));
    }

    private static String claimId(String verdictJson) {
        int at = verdictJson.indexOf("\"claimId\":\"");
        return verdictJson.substring(at + 11, verdictJson.indexOf('"', at + 11));
    }

    /** The shipped workbooks with the warranty workbook edited. */
    static Map<String, byte[]> withWarranty(Consumer<Workbook> change) {
        Map<String, byte[]> workbooks = new LinkedHashMap<>(Rulebook.defaultWorkbooks());
        workbooks.put("warranty.xlsx", WorkbookErrorsTest.edit(workbooks.get("warranty.xlsx"), change));
        return workbooks;
    }

    /** Sets the months of a row of the Terms table. */
    static void term(Workbook wb, String ruleId, int months) {
        wb.getSheet("Terms 保修期限").getRow(rowOf(wb, ruleId)).getCell(2).setCellValue(months);
    }

    private static int rowOf(Workbook wb, String ruleId) {
        for (Row row : wb.getSheet("Terms 保修期限")) {
            if (row.getCell(0) != null && ruleId.equals(row.getCell(0).toString())) {
                return row.getRowNum();
            }
        }
        throw new IllegalArgumentException(ruleId);
    }

    private static List<Claim> shippedClaims(String name) {
        List<Claim> found = new ArrayList<>();
        try (var lines = CODEC.readLines(new StringReader(Rulebook.defaultResource(name)))) {
            lines.forEach(r -> {
                if (r instanceof ReadResult.Ok ok) {
                    found.add(ok.claim());
                }
            });
        }
        return found;
    }

    private static void write(Path path, byte[] bytes) {
        try {
            Files.write(path, bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
