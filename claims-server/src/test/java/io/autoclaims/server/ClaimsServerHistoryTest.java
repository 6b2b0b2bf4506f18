package io.autoclaims.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.AsOf;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.rules.RulebookHistory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server of a rulebook history (the example history: 2026.1 from 2026-01-01, 2027.1 from 2027-01-01),
 * its folder holding 2026.1 only at the start: claims on either side of a version's date get their
 * version through HTTP, a reload deploys 2027.1 added to the folder (no restart), a broken version and a
 * live version gone refuse the whole reload. One server, in this order; every response is checked
 * against openapi.yaml. The first version is compiled once per JVM ({@link SharedRulebook#historyFirstVersion()});
 * the reload compiles the second.
 */
@Timeout(120)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClaimsServerHistoryTest {
    private static final String TOKEN = "history-token";
    private static final Path EXAMPLE = Path.of("../examples/history");

    @TempDir
    static Path dir;
    static Path folder;
    static ClaimsServer server;
    static List<String> claims;
    static Rulebook v2026;
    static Rulebook v2027;

    @BeforeAll
    static void start() throws IOException {
        v2026 = SharedRulebook.historyFirstVersion();
        folder = Files.createDirectories(dir.resolve("history"));
        copyVersion("2026.1");
        Path token = dir.resolve("token");
        Files.writeString(token, TOKEN);
        claims = Files.readAllLines(EXAMPLE.resolve("claims.jsonl"), StandardCharsets.UTF_8);
        // the folder is what reload reads; the loaded 2026.1 (the same bytes) spares a compile
        server = ClaimsServer.builder().historyFolder(folder).history(RulebookHistory.of(v2026)).port(0).tokenFile(token)
                .accessLog(l -> { }).build().start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    static void copyVersion(String version) throws IOException {
        Path from = EXAMPLE.resolve(version);
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path to = folder.resolve(version).resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static HttpResponse<byte[]> post(String path, String type, String body) throws Exception {
        return ClaimsServerTest.send(server, "POST", path, type, body.getBytes(StandardCharsets.UTF_8), false, TOKEN);
    }

    static HttpResponse<byte[]> reload() throws Exception {
        return ClaimsServerTest.send(server, "POST", "/v1/rulebook/reload", null, null, false, TOKEN);
    }

    /** The example H-02 (a battery about 100 months old) failing on another day. */
    static String h02On(String date) {
        return claims.get(1).replace("\"occurredOn\":\"2027-01-05\"", "\"occurredOn\":\"" + date + "\"");
    }

    static String header(HttpResponse<byte[]> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    static String historyHeader() {
        return header(assertOk(get("/v1/rulebook")), "X-Rulebook-History");
    }

    static HttpResponse<byte[]> get(String path) {
        try {
            return ClaimsServerTest.send(server, "GET", path, null, null, false, TOKEN);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static HttpResponse<byte[]> assertOk(HttpResponse<byte[]> r) {
        assertEquals(200, r.statusCode(), ClaimsServerTest.text(r));
        return r;
    }

    @Test
    @Order(1)
    void withOneVersionEveryClaimFromItsDateGetsIt() throws Exception {
        String info = ClaimsServerTest.text(assertOk(get("/v1/rulebook")));
        assertTrue(info.contains("\"history\":{\"fingerprint\":\"") && info.contains("\"asOf\":\"incident\""), info);
        assertTrue(info.contains("\"version\":\"2026.1\",\"fingerprint\":\"" + v2026.fingerprint()
                + "\",\"inForceFrom\":\"2026-01-01\",\"inForceUntil\":null"), info);
        HttpResponse<byte[]> v = assertOk(post("/v1/verdicts", "application/json", h02On("2027-01-05")));
        assertEquals(v2026.fingerprint(), header(v, "X-Rulebook-Fingerprint"));
        assertTrue(ClaimsServerTest.text(v).contains("\"decision\":\"DENIED\""), "96 months under 2026.1");
        // before the first version: the error record, naming no version
        HttpResponse<byte[]> before = post("/v1/verdicts", "application/json", claims.get(3));
        assertEquals(422, before.statusCode());
        assertTrue(ClaimsServerTest.text(before).contains("\"code\":\"NO_RULEBOOK_IN_FORCE\""), ClaimsServerTest.text(before));
        assertEquals(null, header(before, "X-Rulebook-Fingerprint"));
        assertEquals(historyHeader(), header(before, "X-Rulebook-History"));
        // reload needs the token
        assertEquals(401, ClaimsServerTest.send(server, "POST", "/v1/rulebook/reload", null, null, false, null).statusCode());
    }

    @Test
    @Order(2)
    void aVersionAddedWithAFutureDateIsDeployedAndTakesEffectFromItsDate() throws Exception {
        String before = historyHeader();
        copyVersion("2027.1");
        HttpResponse<byte[]> r = assertOk(reload());
        v2027 = server.history().orElseThrow().versions().get(1);
        assertEquals("2027.1", v2027.version());
        assertEquals(java.time.LocalDate.of(2027, 1, 1), v2027.inForceFrom().orElseThrow());
        String body = ClaimsServerTest.text(r);
        // live: the version in force on the server's date
        Rulebook today = server.history().orElseThrow().versionOn(java.time.LocalDate.now()).orElse(v2026);
        assertTrue(body.startsWith("{\"outcome\":\"DEPLOYED\",\"live\":{\"name\":\"" + today.name() + "\",\"version\":\""
                + today.version() + "\",\"fingerprint\":\"" + today.fingerprint() + "\",\"inForceFrom\":\""
                + today.inForceFrom().orElseThrow() + "\"},\"deployed\":["), body);
        assertTrue(body.contains("\"deployed\":[{\"name\":\"" + v2027.name() + "\",\"version\":\"2027.1\",\"fingerprint\":\""
                + v2027.fingerprint() + "\",\"inForceFrom\":\"2027-01-01\"}]"), body);
        assertEquals(2, server.history().orElseThrow().versions().size());
        String after = historyHeader();
        assertFalse(before.equals(after), "a new history, a new name");
        assertEquals(after, header(r, "X-Rulebook-History"));
        // the day before its date, its first day, after it
        for (String[] c : new String[][] {{"2026-12-31", "2026.1", "DENIED"}, {"2027-01-01", "2027.1", "APPROVED"},
                {"2027-01-05", "2027.1", "APPROVED"}}) {
            HttpResponse<byte[]> v = assertOk(post("/v1/verdicts", "application/json", h02On(c[0])));
            String verdict = ClaimsServerTest.text(v);
            Rulebook used = c[1].equals("2026.1") ? v2026 : v2027;
            assertEquals(used.fingerprint(), header(v, "X-Rulebook-Fingerprint"), c[0]);
            assertTrue(verdict.contains("\"decision\":\"" + c[2] + "\""), c[0] + ": " + verdict);
            assertTrue(verdict.contains("\"version\":\"" + c[1] + "\",\"fingerprint\":\"" + used.fingerprint()
                    + "\",\"inForceFrom\":\"" + used.inForceFrom().orElseThrow() + "\",\"asOf\":\"" + c[0] + "\""), verdict);
        }
        HttpResponse<byte[]> x = assertOk(post("/v1/explanations", "application/json", h02On("2027-01-01")));
        assertEquals(v2027.fingerprint(), header(x, "X-Rulebook-Fingerprint"));
        // the batch: the bytes of claims adjudicate --history on the example backlog (the same two versions)
        String lines = String.join("\n", claims) + "\nnot json\n";
        HttpResponse<byte[]> b = assertOk(post("/v1/verdicts/batch", "application/x-ndjson", lines));
        ByteArrayOutputStream local = new ByteArrayOutputStream();
        Adjudicator.of(RulebookHistory.of(v2026, v2027), AsOf.INCIDENT)
                .adjudicateJsonLines(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), local);
        assertEquals(local.toString(StandardCharsets.UTF_8), ClaimsServerTest.text(b));
        assertEquals(after, header(b, "X-Rulebook-History"));
        assertEquals(null, header(b, "X-Rulebook-Fingerprint"), "the records of a batch name their versions");
        String metrics = ClaimsServerTest.text(get("/metrics"));
        assertTrue(metrics.contains("fingerprint=\"" + v2026.fingerprint() + "\"} 1")
                && metrics.contains("fingerprint=\"" + v2027.fingerprint() + "\"} 1"), metrics);
        assertTrue(metrics.contains("claims_reloads_total{outcome=\"DEPLOYED\"} 1"), metrics);
        // the same folder again: nothing to deploy
        assertTrue(ClaimsServerTest.text(assertOk(reload())).startsWith("{\"outcome\":\"UNCHANGED\""));
    }

    @Test
    @Order(3)
    void aBrokenVersionOrALiveVersionGoneRefusesTheWholeReload() throws Exception {
        String live = historyHeader();
        Path broken = Files.createDirectories(folder.resolve("2028.1"));
        Files.writeString(broken.resolve("warranty.xlsx"), "not a workbook");
        try {
            HttpResponse<byte[]> r = reload();
            assertEquals(409, r.statusCode(), ClaimsServerTest.text(r));
            String body = ClaimsServerTest.text(r);
            assertTrue(body.startsWith("{\"outcome\":\"REFUSED\",\"live\":{"), body);
            assertTrue(body.contains("\"workbook\":\"2028.1/warranty.xlsx\""), body);
            assertEquals(live, historyHeader());
        } finally {
            deleteTree(broken);
        }
        // a live version's folder removed: a reload only adds versions
        Path moved = dir.resolve("2027.1-aside");
        Files.move(folder.resolve("2027.1"), moved);
        try {
            HttpResponse<byte[]> r = reload();
            assertEquals(409, r.statusCode(), ClaimsServerTest.text(r));
            assertTrue(ClaimsServerTest.text(r).contains("\"code\":\"VERSION_GONE\""), ClaimsServerTest.text(r));
            assertEquals(live, historyHeader());
            assertEquals(2, server.history().orElseThrow().versions().size());
        } finally {
            Files.move(moved, folder.resolve("2027.1"));
        }
        String metrics = ClaimsServerTest.text(get("/metrics"));
        assertTrue(metrics.contains("claims_reloads_total{outcome=\"REFUSED\"} 2"), metrics);
        HttpResponse<byte[]> v = assertOk(post("/v1/verdicts", "application/json", h02On("2027-01-05")));
        assertEquals(v2027.fingerprint(), header(v, "X-Rulebook-Fingerprint"), "the live history stayed");
    }

    @Test
    @Order(4)
    void aVersionDatedBeforeTheLatestLiveOneIsRefused() throws Exception {
        String live = historyHeader();
        // 2027.1's workbooks as a "2026.2" in force from 2026-06-01, as an analyst would save them in
        // Excel: it would change the verdicts 2026.1 made for claims since that day
        Path backdated = Files.createDirectories(folder.resolve("2026.2"));
        try {
            try (Stream<Path> s = Files.list(EXAMPLE.resolve("2027.1"))) {
                for (Path p : s.filter(p -> p.toString().endsWith(".xlsx")).toList()) {
                    Files.write(backdated.resolve(p.getFileName().toString()), dated(Files.readAllBytes(p),
                            java.time.LocalDate.of(2026, 6, 1)));
                }
            }
            HttpResponse<byte[]> r = reload();
            String body = ClaimsServerTest.text(r);
            assertEquals(409, r.statusCode(), body);
            assertTrue(body.contains("\"code\":\"VERSION_BACKDATED\""), body);
            assertTrue(body.contains("2026-06-01") && body.contains("早于当前最新版本"), body);
            assertEquals(live, historyHeader());
            assertEquals(2, server.history().orElseThrow().versions().size());
        } finally {
            deleteTree(backdated);
        }
    }

    /** The workbook with its About sheet's In force from cell set to {@code from} (its date style kept). */
    static byte[] dated(byte[] xlsx, java.time.LocalDate from) throws IOException {
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new ByteArrayInputStream(xlsx)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            boolean set = false;
            for (org.apache.poi.ss.usermodel.Row row : wb.getSheet("About 说明")) {
                if (row.getCell(0) != null && row.getCell(0).toString().startsWith("In force from")) {
                    row.getCell(1).setCellValue(from);
                    set = true;
                }
            }
            assertTrue(set, "no In force from row");
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void aHistoryIsNotGivenWithRulesOrWatch() {
        Path rules = dir.resolve("rules");
        assertThrows(IllegalArgumentException.class,
                () -> ClaimsServer.builder().historyFolder(folder).rules(List.of(rules)).build());
        assertThrows(IllegalArgumentException.class,
                () -> ClaimsServer.builder().history(RulebookHistory.of(v2026)).rulebook(v2026).build());
        assertThrows(IllegalArgumentException.class, () -> ClaimsServer.builder().historyFolder(folder).watch(true).build());
        assertThrows(IllegalArgumentException.class, () -> ClaimsServer.builder().asOf(AsOf.SUBMITTED).build());
    }
}
