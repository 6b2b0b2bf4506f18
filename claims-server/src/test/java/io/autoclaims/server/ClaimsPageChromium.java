package io.autoclaims.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.model.Reason;
import io.autoclaims.model.Verdict;
import io.autoclaims.model.json.ClaimCodec;
import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.RulebookCheck;
import io.autoclaims.rules.TableTrace;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The analysts' page as a person sees it: headless Chromium opens it from a server with a token,
 * driven through the DevTools protocol (the JDK's WebSocket and Jackson) to enter the token, paste
 * claims, click and upload workbooks; each step asserts on the page's visible text. Runs in the
 * Maven profile {@code chromium} only (on by itself where /usr/bin/chromium exists;
 * {@code scripts/install-chromium.sh} installs it). Screenshots are written to
 * {@code target/claims-page.png} (a claim explained) and {@code target/claims-page-check.png} (findings).
 */
@Timeout(90)
class ClaimsPageChromium {
    private static final String TOKEN = "chromium-page-token";
    private static final Path EXAMPLES = Path.of("../examples/claims");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Markup as workbook text: shown literally, it creates no element and runs nothing. */
    private static final String SHEET_XSS = "<img src=x onerror=pwned=1>";
    private static final String CELL_XSS = "<img src=x onerror=pwned=2>";

    @TempDir
    static Path dir;
    static ClaimsServer server;
    static Process chromium;
    static DevTools page;

    @BeforeAll
    static void start() throws Exception {
        Path profile = Files.createDirectory(dir.resolve("profile"));
        List<String> cmd = new ArrayList<>(List.of(System.getProperty("chromium", "/usr/bin/chromium"), "--headless",
                "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--hide-scrollbars",
                "--window-size=1280,1800", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "--user-data-dir=" + profile));
        if ("root".equals(System.getProperty("user.name"))) {
            cmd.add("--no-sandbox"); // Chromium's sandbox refuses root (containers, CI)
        }
        cmd.add("about:blank");
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(dir.resolve("chromium.log").toFile());
        // its socket folder (org.chromium.Chromium.*) goes into the test's folder, removed with it
        builder.environment().put("TMPDIR", Files.createDirectory(dir.resolve("tmp")).toString());
        chromium = builder.start();
        // the server loads its rulebook while Chromium starts
        Path token = dir.resolve("token");
        Files.writeString(token, TOKEN);
        server = ClaimsServer.builder().port(0).tokenFile(token).accessLog(line -> { }).build().start();
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!(Files.exists(portFile) && Files.readAllLines(portFile).size() >= 2)) {
            assertTrue(chromium.isAlive(), "chromium ended: " + Files.readString(dir.resolve("chromium.log")));
            assertTrue(System.nanoTime() < deadline, "chromium wrote no DevToolsActivePort in 30 s");
            Thread.sleep(50);
        }
        int port = Integer.parseInt(Files.readAllLines(portFile).get(0).strip());
        page = DevTools.openPage(port);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (page != null) {
                page.close();
            }
        } finally {
            try {
                if (chromium != null) {
                    List<ProcessHandle> children = chromium.descendants().toList();
                    chromium.destroy();
                    if (!chromium.waitFor(5, TimeUnit.SECONDS)) {
                        chromium.destroyForcibly();
                    }
                    children.forEach(ProcessHandle::destroyForcibly);
                }
            } finally {
                if (server != null) {
                    server.stop();
                }
            }
        }
    }

    // ---- the steps of a person at the page ----

    /** Opens the page afresh (the token stays in the tab's session) and waits for the rulebook box. */
    private static String open() throws Exception {
        page.call("Page.navigate", Map.of("url", "http://127.0.0.1:" + server.port() + "/"));
        waitFor("document.readyState === 'complete' && ['done', 'error'].includes("
                + "document.getElementById('rulebook-status').getAttribute('data-state'))");
        return seen();
    }

    /** What a person sees: the visible text of the page. */
    private static String seen() throws Exception {
        return page.evaluate("document.body.innerText").asString();
    }

    private static void waitFor(String condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!page.evaluate("!!(" + condition + ")").asBoolean()) {
            assertTrue(System.nanoTime() < deadline, "never true: " + condition + "\nthe page shows:\n" + seen());
            Thread.sleep(50);
        }
    }

    /** Submits a form and waits until its status says done or error. */
    private static String submit(String form, String status) throws Exception {
        page.evaluate("document.getElementById('" + status + "').removeAttribute('data-state');"
                + " document.getElementById('" + form + "').requestSubmit(); true");
        waitFor("['done', 'error'].includes(document.getElementById('" + status + "').getAttribute('data-state'))");
        return seen();
    }

    private static String paste(String claim) throws Exception {
        page.evaluate("document.getElementById('claim-input').value = " + JSON.writeValueAsString(claim) + "; true");
        return submit("claim-form", "claim-status");
    }

    private static String upload(Path... workbooks) throws Exception {
        String input = page.evaluateToObject("document.getElementById('check-input')");
        page.call("DOM.setFileInputFiles", Map.of("objectId", input,
                "files", java.util.Arrays.stream(workbooks).map(p -> p.toAbsolutePath().toString()).toList()));
        return submit("check-form", "check-status");
    }

    // ---- what is seen ----

    @Test
    void theTokenIsAskedForAndTheLiveRulebookShown() throws Exception {
        open(); // the storage belongs to the page's origin: clear it there, then open the page afresh
        page.evaluate("sessionStorage.clear(); true");
        String before = open();
        assertTrue(before.contains("本服务需要令牌（401）") && before.contains("This server needs a token (401)"), before);
        assertFalse(before.contains(server.rulebook().fingerprint()), before);

        page.evaluate("document.getElementById('token-input').value = 'wrong'; document.getElementById('token-form')"
                + ".requestSubmit(); true");
        waitFor("document.getElementById('token-status').innerText.includes('The token was refused (401)')");

        page.evaluate("document.getElementById('token-input').value = '" + TOKEN + "'; document.getElementById('token-form')"
                + ".requestSubmit(); true");
        waitFor("document.getElementById('rulebook-status').getAttribute('data-state') === 'done'");
        String after = seen();
        assertTrue(after.contains("令牌已接受。") && after.contains("The token was accepted."), after);
        assertTrue(after.contains(server.rulebook().name()), after);
        assertTrue(after.contains(server.rulebook().version()), after);
        assertTrue(after.contains(server.rulebook().fingerprint()), after);
        long coverage = server.rulebook().rules().stream().filter(r -> r.table().equals("Coverage 保修范围")).count();
        assertTrue(coverage > 0);
        assertTrue(after.contains("Coverage 保修范围\twarranty.xlsx\t" + coverage), after);
        assertTrue(after.contains("质保/三包索赔 Warranty"), after);
        assertTrue(page.evaluate("sessionStorage.getItem('autoclaims.token') === '" + TOKEN + "' && localStorage.length === 0")
                .asBoolean(), "the token is in the tab's session storage only");
    }

    @Test
    void aPastedClaimIsExplainedInChineseAndEnglish() throws Exception {
        ensureToken();
        String claim = Files.readAllLines(EXAMPLES.resolve("warranty.jsonl"), StandardCharsets.UTF_8).get(0);
        Verdict expected = Adjudicator.of(server.rulebook()).adjudicate(ClaimCodec.create().readClaim(claim));

        String notJson = paste("not json");
        assertTrue(notJson.contains("不是有效的 JSON") && notJson.contains("Not valid JSON"), notJson);
        assertTrue(notJson.contains("INVALID_JSON") && notJson.contains("HTTP 400"), notJson);

        String invalid = paste("{\"claimId\":\"W-17\",\"type\":\"WARRANTY\"}");
        assertTrue(invalid.contains("索赔不符合契约") && invalid.contains("The claim breaks the contract"), invalid);
        assertTrue(invalid.contains("MISSING_FIELD") && invalid.contains("HTTP 422"), invalid);
        assertTrue(invalid.contains("字段 Field\nsubmittedOn") || invalid.contains("字段 Field\tsubmittedOn"), invalid);
        assertTrue(invalid.contains("required field \"submittedOn\" is missing"), invalid);

        String shown = paste(claim);
        String decision = expected.decision().zh() + " " + english(expected.decision().name());
        assertTrue(shown.contains(decision), decision + " in\n" + shown);
        assertEquals("批准 Approved", decision, "the first warranty example is approved");
        assertTrue(shown.contains(String.format(Locale.ROOT, "%,.2f 元 CNY", expected.payableCny())), shown);
        Reason reason = expected.reasons().get(0);
        assertTrue(shown.contains(reason.text()), reason.text() + " in\n" + shown);
        assertTrue(shown.contains(reason.textEn()), reason.textEn() + " in\n" + shown);
        String cell = server.rulebook().ruleCell(reason.table(), reason.row()).orElseThrow().toString();
        assertTrue(shown.contains(reason.ruleId() + " · " + cell), cell + " in\n" + shown);
        assertTrue(shown.contains("起作用的规则行 Rule rows that fired"), shown);
        assertFalse(shown.contains("; the claim has "), "the table-by-table part is folded");

        Path png = Path.of("target", "claims-page.png");
        page.screenshot(png);
        byte[] bytes = Files.readAllBytes(png);
        assertTrue(bytes.length > 20_000, "a real picture, " + bytes.length + " bytes");
        assertEquals((byte) 0x89, bytes[0]);
        assertEquals('P', bytes[1]);

        page.evaluate("document.querySelector('#claim-result details summary').click(); true");
        shown = seen();
        assertTrue(shown.contains("逐表说明") && shown.contains("Table by table"), shown);
        // why the other rows did not decide: a failed condition of a nearest row, in both languages
        TableTrace.Failed miss = Adjudicator.of(server.rulebook()).explain(ClaimCodec.create().readClaim(claim)).tables()
                .stream().flatMap(t -> t.nearest().stream()).flatMap(n -> n.failed().stream()).findFirst().orElseThrow();
        assertTrue(shown.contains("requires " + miss.fact() + " " + miss.condition() + "; the claim has "), miss + " in\n" + shown);
        assertTrue(shown.contains("要求 " + miss.fact() + " " + miss.condition() + "，实际为 "), miss + " in\n" + shown);
        assertFalse(shown.contains("INVALID_JSON"), "the earlier error is gone");
    }

    @Test
    void uploadedWorkbooksShowTheirFindingsByCellAndMarkupAsText() throws Exception {
        ensureToken();
        byte[] warranty = RulebookCheck.defaultWorkbooks().get("warranty.xlsx");
        Path words = write("words", edit(warranty, null, "3 years"));
        String shown = upload(words);
        assertTrue(shown.contains("warranty.xlsx!Terms 保修期限!C9"), shown);
        assertTrue(shown.contains("\"3 years\""), shown);
        assertTrue(shown.contains("错误 Error"), shown);
        // the finding as claims check words it (README), in both languages, with how to fix it
        assertTrue(shown.contains("\"3 years\" is not a whole number of months"), shown);
        assertTrue(shown.contains("write a whole number such as 36"), shown);
        assertTrue(shown.contains("\"3 years\" 不是整数月数") && shown.contains("请填写整数，例如 36"), shown);
        assertTrue(shown.contains("1 个错误，0 个警告 1 error, 0 warnings"), shown);

        Path markup = write("markup", edit(warranty, SHEET_XSS, CELL_XSS));
        String literal = upload(markup);
        assertTrue(literal.contains("warranty.xlsx!" + SHEET_XSS + "!"), literal);
        assertTrue(literal.contains(CELL_XSS), literal);
        assertEquals(0, page.evaluate("document.querySelectorAll('img').length").asInt(), "no element was created");
        assertTrue(page.evaluate("typeof window.pwned === 'undefined'").asBoolean(), "no script ran");
        page.screenshot(Path.of("target", "claims-page-check.png"));

        // the shipped assistance workbook alone (the smallest) has nothing to find
        Path shipped = Files.write(Files.createDirectories(dir.resolve("shipped")).resolve("assistance.xlsx"),
                RulebookCheck.defaultWorkbooks().get("assistance.xlsx"));
        String clean = upload(shipped);
        assertTrue(clean.contains("没有发现问题") && clean.contains("No findings: the workbooks pass."), clean);
        assertFalse(clean.contains(CELL_XSS), "the earlier findings are gone");
    }

    private static void ensureToken() throws Exception {
        open();
        page.evaluate("sessionStorage.setItem('autoclaims.token', '" + TOKEN + "'); true");
        String shown = open();
        assertTrue(shown.contains(server.rulebook().fingerprint()), shown);
    }

    private static String english(String name) {
        String s = name.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** warranty.xlsx with {@code Terms 保修期限!C9} (a number of months) holding text, the sheet renamed if asked. */
    private static byte[] edit(byte[] workbook, String sheetName, String c9) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            int sheet = wb.getSheetIndex("Terms 保修期限");
            wb.getSheetAt(sheet).getRow(8).getCell(2).setCellValue(c9);
            if (sheetName != null) {
                wb.setSheetName(sheet, sheetName);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static Path write(String folder, byte[] bytes) throws IOException {
        return Files.write(Files.createDirectories(dir.resolve(folder)).resolve("warranty.xlsx"), bytes);
    }

    /** A DevTools protocol connection to one page target: commands answered by id, events ignored. */
    static final class DevTools implements WebSocket.Listener, AutoCloseable {
        private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
        private final AtomicInteger ids = new AtomicInteger();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        static DevTools openPage(int port) throws Exception {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            String url = null;
            for (JsonNode target : JSON.readTree(list.body())) {
                if ("page".equals(target.path("type").asString())) {
                    url = target.get("webSocketDebuggerUrl").asString();
                    break;
                }
            }
            assertTrue(url != null, "no page target: " + list.body());
            DevTools tools = new DevTools();
            tools.socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(URI.create(url), tools)
                    .get(10, TimeUnit.SECONDS);
            return tools;
        }

        JsonNode call(String method, Map<String, ?> params) throws Exception {
            int id = ids.incrementAndGet();
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            pending.put(id, answer);
            ObjectNode message = JSON.createObjectNode();
            message.put("id", id);
            message.put("method", method);
            message.set("params", JSON.valueToTree(params));
            socket.sendText(JSON.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
            JsonNode reply = answer.get(20, TimeUnit.SECONDS);
            if (reply.has("error")) {
                throw new AssertionError(method + " failed: " + reply.get("error"));
            }
            return reply.get("result");
        }

        /** The value of a JavaScript expression; a thrown exception fails the test. */
        JsonNode evaluate(String expression) throws Exception {
            JsonNode result = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
            if (result.has("exceptionDetails")) {
                throw new AssertionError(expression + " threw: " + result.get("exceptionDetails"));
            }
            return result.path("result").path("value");
        }

        /** The remote object id of what an expression gives (an element, for DOM.setFileInputFiles). */
        String evaluateToObject(String expression) throws Exception {
            JsonNode result = call("Runtime.evaluate", Map.of("expression", expression));
            return result.get("result").get("objectId").asString();
        }

        /** The whole page, beyond the window, as PNG. */
        void screenshot(Path png) throws Exception {
            JsonNode size = call("Page.getLayoutMetrics", Map.of()).get("cssContentSize");
            Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", size.get("width").asDouble(),
                    "height", Math.min(size.get("height").asDouble(), 8000), "scale", 1);
            JsonNode shot = call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
            Files.createDirectories(png.getParent());
            Files.write(png, Base64.getDecoder().decode(shot.get("data").asString()));
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonNode message = JSON.readTree(partial.toString());
                partial.setLength(0);
                if (message.has("id")) {
                    CompletableFuture<JsonNode> answer = pending.remove(message.get("id").asInt());
                    if (answer != null) {
                        answer.complete(message);
                    }
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            pending.values().forEach(f -> f.completeExceptionally(error));
        }

        @Override
        public void close() {
            if (socket != null) {
                socket.abort();
            }
        }
    }
}
