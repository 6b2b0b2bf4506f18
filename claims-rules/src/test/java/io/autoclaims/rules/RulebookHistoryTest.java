package io.autoclaims.rules;

import static io.autoclaims.rules.HistoryFixture.D2025;
import static io.autoclaims.rules.HistoryFixture.D2026;
import static io.autoclaims.rules.HistoryFixture.D2027;
import static io.autoclaims.rules.HistoryFixture.V2025;
import static io.autoclaims.rules.HistoryFixture.V2026;
import static io.autoclaims.rules.HistoryFixture.V2027;
import static io.autoclaims.rules.HistoryFixture.battery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.model.Claim;
import io.autoclaims.model.Decision;
import io.autoclaims.model.InputError;
import io.autoclaims.model.RulebookInfo;
import io.autoclaims.model.Verdict;
import io.autoclaims.model.json.ClaimCodec;
import io.autoclaims.rules.internal.compile.Network;
import io.autoclaims.rules.internal.compile.RulebookCompiler;
import io.autoclaims.rules.internal.table.WorkbookModel;
import io.autoclaims.rules.testing.ShippedWorkbooks;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rulebook versions in force by date: the About sheet's date, loading a history, choosing per claim. */
class RulebookHistoryTest {
    private static final ClaimCodec CODEC = ClaimCodec.create();

    @TempDir
    Path dir;

    // ---- the In force from cell -------------------------------------------------------------------

    private static WorkbookModel read(byte[] warranty, List<WorkbookIssue> issues) {
        return RulebookCompiler.read(Map.of("warranty.xlsx", warranty), issues).get(0);
    }

    private static byte[] warrantyWith(Object inForce) {
        return WorkbookErrorsTest.edit(ShippedWorkbooks.warranty(), wb -> HistoryFixture.inForce(wb, inForce));
    }

    @Test
    void theDateIsADateCellOrItsTextAndTheShippedRulebookStatesNone() {
        List<WorkbookIssue> issues = new ArrayList<>();
        assertEquals(D2027, read(warrantyWith(D2027), issues).inForceFrom());
        assertEquals("warranty.xlsx!About 说明!B5", read(warrantyWith(D2027), issues).inForceCell().toString());
        assertEquals(D2027, read(warrantyWith("2027-01-01"), issues).inForceFrom());
        assertNull(read(warrantyWith(null), issues).inForceFrom(), "a blank cell states no date");
        for (byte[] shipped : ShippedWorkbooks.all().values()) {
            assertNull(read(shipped, issues).inForceFrom(), "the shipped rulebook is undated: its verdicts keep their bytes");
        }
        assertTrue(issues.stream().noneMatch(WorkbookIssue::isError), issues.toString());
        assertEquals(Optional.of(D2026), V2026.inForceFrom());
        assertEquals(new RulebookInfo("autoclaims default rulebook", "2026.1", V2026.fingerprint(), D2026, null), V2026.info());
    }

    @Test
    void aBadDateIsAnErrorAtItsCellInBothLanguages() {
        Object[][] cases = {{46388, "\"46388\", is a number, not a date (formatted as a date it reads 2027-01-01)", "是数字，不是日期（设为日期格式则为 2027-01-01）"},
            {"2027-02-30", "\"2027-02-30\", is not a date that exists (yyyy-MM-dd)", "不是存在的日期"},
            {"1/1/2027", "\"1/1/2027\", is not a date that exists", "不是存在的日期"},
            {true, "\"true\", is TRUE/FALSE, not a date", "不是日期"}};
        for (Object[] c : cases) {
            RulebookException e = assertThrows(RulebookException.class,
                    () -> Rulebook.fromWorkbooks(Map.of("warranty.xlsx", warrantyWith(c[0]))));
            assertEquals(1, e.errors().size(), e.errors().toString());
            WorkbookIssue i = e.errors().get(0);
            assertEquals("INVALID_IN_FORCE_DATE", i.code());
            assertEquals("warranty.xlsx!About 说明!B5", i.where().toString());
            assertTrue(i.toString().contains(c[1].toString()), i.toString());
            assertTrue(i.toString().contains("e.g. 2027-01-01 (Format Cells > Date)"), i.toString());
            assertTrue(i.toStringZh().contains(c[2].toString()) && i.toStringZh().contains("规则集施行日期"), i.toStringZh());
        }
    }

    @Test
    void theWorkbooksOfOneRulebookMustStateOneDate() {
        byte[] insurance = WorkbookErrorsTest.edit(ShippedWorkbooks.insurance(), wb -> HistoryFixture.inForce(wb, D2025));
        RulebookException e = assertThrows(RulebookException.class, () -> Rulebook.fromWorkbooks(
                Map.of("warranty.xlsx", warrantyWith(D2026), "insurance.xlsx", insurance)));
        assertEquals(1, e.errors().size(), e.errors().toString());
        WorkbookIssue i = e.errors().get(0);
        assertEquals("IN_FORCE_DATES_DIFFER", i.code());
        assertEquals("warranty.xlsx!About 说明!B5: this workbook says the rulebook is in force from 2026-01-01, "
                + "insurance.xlsx!About 说明!B5 says 2025-07-01 (the workbooks of one rulebook are in force together: "
                + "write the same date in both About sheets, or leave it in one of them only)", i.toString());
        assertTrue(i.toStringZh().contains("同一规则集的工作簿同时施行"), i.toStringZh());
    }

    // ---- choosing a version per claim -------------------------------------------------------------

    @Test
    void theDayBeforeOnAndAfterEachDateGetTheRightVersion() {
        Adjudicator adjudicator = Adjudicator.of(RulebookHistory.of(V2027, V2026, V2025));
        List<Rulebook> versions = List.of(V2025, V2026, V2027);
        assertEquals(versions, adjudicator.history().orElseThrow().versions());
        for (int k = 0; k < versions.size(); k++) {
            Rulebook v = versions.get(k);
            LocalDate from = v.inForceFrom().orElseThrow();
            for (LocalDate day : List.of(from.minusDays(1), from, from.plusDays(1))) {
                Rulebook want = day.isBefore(from) ? (k == 0 ? null : versions.get(k - 1)) : v;
                Adjudication a = adjudicator.adjudicateAll(List.of(battery("B-" + day, day))).get(0);
                if (want == null) {
                    assertEquals("NO_RULEBOOK_IN_FORCE", a.error().error().code());
                    continue;
                }
                Verdict verdict = a.verdictOrThrow();
                assertEquals(want.info().withAsOf(day), verdict.rulebook(), day.toString());
                assertEquals(want == V2027 ? Decision.APPROVED : Decision.DENIED, verdict.decision(),
                        day + ": the 120-month battery term applies from 2027-01-01 only");
            }
        }
        String json = adjudicator.adjudicateJson(CODEC.writeClaim(battery("B-1", D2027)));
        assertTrue(json.endsWith(",\"rulebook\":{\"name\":\"autoclaims default rulebook\",\"version\":\"2027.1\","
                + "\"fingerprint\":\"" + V2027.fingerprint() + "\",\"inForceFrom\":\"2027-01-01\",\"asOf\":\"2027-01-01\"}}"), json);
        assertEquals(V2027, adjudicator.rulebook(), "rulebook() is the latest version");
        assertEquals("RulebookHistory[2025.2 from 2025-07-01, 2026.1 from 2026-01-01, "
                + "2027.1 from 2027-01-01]", adjudicator.history().orElseThrow().toString());
    }

    @Test
    void versionsWhoseRulesAreOneTextRunOnOneNetworkEachWithItsOwnRows() {
        // T-01's months are a THEN value, not part of the generated rules: the three versions' rules
        // are one text, so they share one Drools network and its sessions
        Network shared = network(V2025);
        assertSame(shared, network(V2026));
        assertSame(shared, network(V2027));
        Rulebook all = Rulebook.loadDefault();
        assertNotSame(shared, network(all), "other rules (three workbooks) get a network of their own");
        assertSame(network(all), network(Rulebook.loadDefault()), "the same workbooks loaded again compile nothing");
        // each version still decides with its own rows, the same session serving both in one call
        List<Adjudication> twoDays = Adjudicator.of(RulebookHistory.of(V2026, V2027))
                .adjudicateAll(List.of(battery("B-1", D2027.minusDays(1)), battery("B-2", D2027),
                        battery("B-3", D2027.minusDays(2))));
        assertEquals(List.of(Decision.DENIED, Decision.APPROVED, Decision.DENIED),
                twoDays.stream().map(a -> a.verdictOrThrow().decision()).toList());
        assertEquals(List.of("2026.1", "2027.1", "2026.1"),
                twoDays.stream().map(a -> a.verdictOrThrow().rulebook().version()).toList());
        assertEquals(V2026.engine().adjudicate(List.of(battery("B-1", D2027.minusDays(1)))).get(0).reasons().toString(),
                twoDays.get(0).verdictOrThrow().reasons().toString());
    }

    private static Network network(Rulebook r) {
        return r.engine().rulebook().network();
    }

    @Test
    void theAsOfSettingChoosesWhichDateOfTheClaimCounts() {
        RulebookHistory history = RulebookHistory.of(V2026, V2027);
        Claim lateFiled = battery("LATE", LocalDate.of(2026, 12, 28), LocalDate.of(2027, 1, 4));
        assertEquals("2026.1", Adjudicator.of(history).adjudicate(lateFiled).rulebook().version(), "incident by default");
        assertEquals("2026.1", Adjudicator.of(history, AsOf.INCIDENT).adjudicate(lateFiled).rulebook().version());
        Verdict submitted = Adjudicator.of(history, AsOf.SUBMITTED).adjudicate(lateFiled);
        assertEquals(V2027.info().withAsOf(LocalDate.of(2027, 1, 4)), submitted.rulebook());
        Verdict fixed = Adjudicator.of(history, AsOf.parse("2026-06-30")).adjudicate(lateFiled);
        assertEquals(V2026.info().withAsOf(LocalDate.of(2026, 6, 30)), fixed.rulebook());
        assertEquals(AsOf.SUBMITTED, AsOf.parse("submitted"));
        assertEquals("2026-06-30", AsOf.parse("2026-06-30").toString());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> AsOf.parse("2026-02-30"));
        assertTrue(bad.getMessage().contains("--as-of takes incident, submitted or a date yyyy-MM-dd, not \"2026-02-30\"")
                && bad.getMessage().contains("--as-of 取值为"), bad.getMessage());
    }

    @Test
    void aClaimBeforeTheFirstVersionGetsAnErrorRecordNeverAVerdict() {
        Adjudicator adjudicator = Adjudicator.of(RulebookHistory.of(V2026, V2027));
        Claim early = battery("EARLY", LocalDate.of(2025, 12, 31));
        InputError error = adjudicator.unsupported(early).orElseThrow();
        assertEquals("NO_RULEBOOK_IN_FORCE", error.code());
        assertEquals("incident.occurredOn", error.field());
        assertEquals("no rulebook version is in force on 2025-12-31 (the claim's incident.occurredOn): the first, 2026.1, "
                + "is in force from 2026-01-01 / 2025-12-31（索赔的 incident.occurredOn）没有施行中的规则集版本："
                + "最早的版本 2026.1 自 2026-01-01 起施行", error.message());
        assertThrows(UnsupportedClaimException.class, () -> adjudicator.adjudicate(early));
        assertThrows(UnsupportedClaimException.class, () -> adjudicator.explain(early));
        assertEquals("submittedOn", Adjudicator.of(RulebookHistory.of(V2026), AsOf.SUBMITTED)
                .unsupported(battery("E2", LocalDate.of(2025, 12, 1))).orElseThrow().field());
        assertNull(Adjudicator.ofVersionAsOf(V2026, LocalDate.of(2025, 1, 1)).unsupported(early).orElseThrow().field());

        // a backlog: the early claim's line gets its record, the others their verdicts, in order
        String backlog = CODEC.writeClaim(battery("B-1", D2026)) + "\n" + CODEC.writeClaim(early) + "\n"
                + CODEC.writeClaim(battery("B-3", D2027)) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        adjudicator.adjudicateJsonLines(new ByteArrayInputStream(backlog.getBytes(StandardCharsets.UTF_8)), out);
        String[] records = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(3, records.length);
        assertTrue(records[0].contains("\"version\":\"2026.1\"") && records[2].contains("\"version\":\"2027.1\""));
        assertTrue(records[1].startsWith("{\"claimId\":\"EARLY\",\"line\":2,\"error\":{\"code\":\"NO_RULEBOOK_IN_FORCE\","
                + "\"field\":\"incident.occurredOn\",\"message\":\"no rulebook version is in force on 2025-12-31"), records[1]);
        Explanation x = adjudicator.explain(battery("X", D2027));
        assertEquals(V2027.info().withAsOf(D2027), x.verdict().rulebook());
    }

    @Test
    void aVersionAsOfADateAdjudicatesAsTheHistoryDidOnThatDate() {
        Claim claim = battery("R-1", LocalDate.of(2027, 3, 9));
        String fromHistory = Adjudicator.of(RulebookHistory.of(V2025, V2026, V2027)).adjudicateJson(CODEC.writeClaim(claim));
        assertEquals(fromHistory, Adjudicator.ofVersionAsOf(V2027, LocalDate.of(2027, 3, 9)).adjudicateJson(CODEC.writeClaim(claim)));
    }

    // ---- loading a folder -------------------------------------------------------------------------

    @Test
    void loadReadsEveryVersionFolderAndAnswersWhichIsInForce() {
        HistoryFixture.writeVersion(dir, "2027.1", HistoryFixture.warranty("2027.1", D2027, 120));
        HistoryFixture.writeVersion(dir, "2026.1", HistoryFixture.warranty("2026.1", D2026, 96));
        HistoryFixture.writeVersion(dir, ".trash", new byte[] {1, 2, 3});
        RulebookHistory history = RulebookHistory.load(dir);
        assertEquals(List.of("2026.1", "2027.1"), history.versions().stream().map(Rulebook::version).toList());
        assertEquals(List.of(V2026.fingerprint(), V2027.fingerprint()),
                history.versions().stream().map(Rulebook::fingerprint).toList(), "the same cells, the same fingerprints");
        assertEquals(Optional.empty(), history.versionOn(D2026.minusDays(1)));
        assertEquals("2026.1", history.versionOn(D2027.minusDays(1)).orElseThrow().version());
        assertEquals("2027.1", history.versionOn(LocalDate.of(2099, 1, 1)).orElseThrow().version());
        assertEquals(D2026, history.firstDate());
        // every version's scenarios run from its own folder
        assertTrue(RulebookScenarios.run(history.versions().get(1)).passed());
    }

    @Test
    void loadListsEveryProblemOfEveryVersionAtOnce() {
        HistoryFixture.writeVersion(dir, "2027.1", HistoryFixture.warranty("2027.1", D2027, 120));
        HistoryFixture.writeVersion(dir, "2027.1-fix", HistoryFixture.warranty("2027.1-fix", D2027, 120));
        HistoryFixture.writeVersion(dir, "2028.1", HistoryFixture.warranty("2028.1", null, 96));
        HistoryFixture.writeVersion(dir, "2029.1", WorkbookErrorsTest.edit(HistoryFixture.warranty("2029.1", LocalDate.of(2029, 1, 1), 96),
                wb -> {
                    for (org.apache.poi.ss.usermodel.Row row : wb.getSheet("Terms 保修期限")) {
                        if (row.getCell(0) != null && "T-01".equals(row.getCell(0).toString())) {
                            row.getCell(2).setCellValue("ten years");
                        }
                    }
                }));
        HistoryFixture.writeVersion(dir, "2030.1", warrantyWith("2030-02-30"));
        RulebookException e = assertThrows(RulebookException.class, () -> RulebookHistory.load(dir));
        List<String> errors = e.errors().stream().map(WorkbookIssue::toString).toList();
        assertEquals(4, errors.size(), String.join("\n", errors));
        assertTrue(errors.stream().anyMatch(m -> m.startsWith("2029.1/warranty.xlsx!Terms 保修期限!C") && m.contains("ten years")),
                String.join("\n", errors));
        assertTrue(errors.contains("2030.1/warranty.xlsx!About 说明!B5: the date the rulebook is in force from, \"2030-02-30\", "
                + "is not a date that exists (yyyy-MM-dd) (type the first day this version applies as a date, e.g. 2027-01-01 "
                + "(Format Cells > Date), or leave the cell blank for a rulebook without one)"), String.join("\n", errors));
        assertTrue(errors.contains("2028.1/warranty.xlsx!About 说明: version 2028.1 of the history states no date it is in force "
                + "from (add a row \"In force from 施行日期\" to its About sheet with the first day it applies as a date in column B, "
                + "e.g. 2027-01-01)"), String.join("\n", errors));
        assertTrue(errors.contains("2027.1-fix/warranty.xlsx!About 说明!B5: versions 2027.1 and 2027.1-fix are both in force "
                + "from 2027-01-01 (2027.1/warranty.xlsx!About 说明!B5 and 2027.1-fix/warranty.xlsx!About 说明!B5) "
                + "(give each version its own date: the version in force on a day must be one)"), String.join("\n", errors));
        WorkbookIssue duplicate = e.errors().stream().filter(i -> i.code().equals("DUPLICATE_IN_FORCE_DATE")).findFirst().orElseThrow();
        assertTrue(duplicate.toStringZh().contains("都自 2027-01-01 起施行"), duplicate.toStringZh());

        Path empty = dir.resolve("empty");
        empty.toFile().mkdirs();
        assertEquals("NO_VERSIONS", assertThrows(RulebookException.class, () -> RulebookHistory.load(empty)).errors().get(0).code());
        assertEquals("DUPLICATE_IN_FORCE_DATE", assertThrows(RulebookException.class,
                () -> RulebookHistory.of(V2026).with(V2026)).errors().get(0).code());
    }

    // ---- a live history ---------------------------------------------------------------------------

    @Test
    void aFutureVersionDeployedWhileTwoThreadsAdjudicateAppliesToClaimsOfItsDateOnly() throws Exception {
        Adjudicator adjudicator = Adjudicator.of(RulebookHistory.of(V2025, V2026));
        // claims on both sides of 2027-01-01, the date of the version deployed ahead
        List<Claim> claims = new ArrayList<>();
        for (int d = -40; d <= 40; d += 3) {
            claims.add(battery("D" + d, D2027.plusDays(d)));
        }
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicBoolean deployed = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.ConcurrentLinkedQueue<String> problems = new java.util.concurrent.ConcurrentLinkedQueue<>();
        java.util.concurrent.atomic.AtomicInteger after = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(2);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            boolean json = t == 1;
            threads.add(new Thread(() -> {
                started.countDown();
                while (!stop.get()) {
                    boolean deployedBefore = deployed.get();
                    List<Verdict> verdicts = json ? claims.stream().map(c -> CODEC.writeClaim(c))
                            .map(adjudicator::adjudicateJson).map(j -> verdictOf(j)).toList()
                            : adjudicator.adjudicateAll(claims).stream().map(Adjudication::verdictOrThrow).toList();
                    for (int i = 0; i < claims.size(); i++) {
                        LocalDate day = claims.get(i).incident().occurredOn();
                        Verdict v = verdicts.get(i);
                        String want = day.isBefore(D2027) ? "2026.1" : "2027.1";
                        String got = v.rulebook().version();
                        boolean ok = got.equals(want) || (!deployedBefore && got.equals("2026.1"));
                        if (!ok || !day.equals(v.rulebook().asOf())
                                || v.rulebook().inForceFrom().isAfter(day)
                                || (got.equals("2027.1") != (v.decision() == Decision.APPROVED))) {
                            problems.add(day + ": " + v.rulebook() + " " + v.decision() + " (deployed before the call: "
                                    + deployedBefore + ")");
                        }
                    }
                    if (deployedBefore) {
                        after.incrementAndGet();
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        started.await();
        Thread.sleep(200);
        RulebookHistory live = adjudicator.deploy(V2027);
        deployed.set(true);
        assertEquals(List.of(V2025, V2026, V2027), live.versions());
        long until = System.nanoTime() + 30_000_000_000L;
        while (after.get() < 4 && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(after.get() >= 4, "calls after the deploy: " + after.get());
    }

    private static Verdict verdictOf(String json) {
        // the fields the check reads, from the verdict's JSON: version, inForceFrom, asOf, decision
        String rb = json.substring(json.lastIndexOf("\"rulebook\":"));
        return new Verdict(field(json, "claimId"), io.autoclaims.model.ClaimType.WARRANTY,
                Decision.valueOf(field(json, "decision")), io.autoclaims.model.Remedy.NONE,
                java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO, null, null, null, null,
                new RulebookInfo(field(rb, "name"), field(rb, "version"), field(rb, "fingerprint"),
                        LocalDate.parse(field(rb, "inForceFrom")), LocalDate.parse(field(rb, "asOf"))));
    }

    private static String field(String json, String name) {
        int at = json.indexOf("\"" + name + "\":\"") + name.length() + 4;
        return json.substring(at, json.indexOf('"', at));
    }

    @Test
    void aHistoryTakesNewVersionsByDeployAndASingleRulebookBySwap() {
        Adjudicator history = Adjudicator.of(RulebookHistory.of(V2026));
        assertThrows(IllegalStateException.class, () -> history.swap(V2027));
        assertThrows(IllegalStateException.class, () -> history.swapUnchecked(V2027));
        assertThrows(IllegalStateException.class, () -> Adjudicator.of(V2026).deploy(V2027));
        RulebookException taken = assertThrows(RulebookException.class, () -> history.deploy(V2026));
        assertEquals("DUPLICATE_IN_FORCE_DATE", taken.errors().get(0).code());
        assertSame(V2026, history.rulebook(), "a refused deploy changes nothing");
        assertEquals(Optional.empty(), history.previous());
        history.deploy(V2027);
        assertEquals(List.of(V2026, V2027), history.history().orElseThrow().versions());
        assertSame(V2026, history.previous().orElseThrow());
        history.rollback();
        assertEquals(List.of(V2026), history.history().orElseThrow().versions(), "rollback undoes a deploy");
        assertEquals(AsOf.INCIDENT, history.asOf().orElseThrow());
        assertEquals(Optional.empty(), Adjudicator.of(V2026).history());
    }
}
