package io.autoclaims.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.model.ClaimType;
import io.autoclaims.model.Decision;
import io.autoclaims.model.DocumentCode;
import io.autoclaims.model.Labelled;
import io.autoclaims.model.LineRemedy;
import io.autoclaims.model.Payer;
import io.autoclaims.model.Remedy;
import io.autoclaims.rules.RuleRef;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The analysts' page over plain HTTP (what a browser makes of it is {@code ClaimsPageChromium}):
 * its three files, their types, CSP and caching, served without the token the {@code /v1} calls
 * need; every response checked against openapi.yaml.
 */
@Timeout(60)
class PageTest {
    private static final String TOKEN = "page-token";
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path dir;
    static ClaimsServer server;

    @BeforeAll
    static void start() throws IOException {
        Path token = dir.resolve("token");
        Files.writeString(token, TOKEN);
        server = ClaimsServer.builder().port(0).tokenFile(token).accessLog(line -> { }).build().start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static HttpResponse<byte[]> get(String path, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(30)).GET();
        headers.forEach(b::header);
        HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        OpenApiContract.assertConforms("GET", r);
        return r;
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static String header(HttpResponse<byte[]> r, String name) {
        return r.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " header"));
    }

    @Test
    void thePageAndItsFilesHaveTheirTypesAndTheStrictPolicyWithoutAToken() throws Exception {
        Map<String, String> types = Map.of("/", "text/html; charset=utf-8", "/page.css", "text/css; charset=utf-8",
                "/page.js", "text/javascript; charset=utf-8");
        for (Map.Entry<String, String> t : types.entrySet()) {
            HttpResponse<byte[]> r = get(t.getKey(), Map.of());
            assertEquals(200, r.statusCode(), t.getKey());
            assertEquals(t.getValue(), header(r, "Content-Type").replace(";charset", "; charset"), t.getKey());
            assertEquals(CSP, header(r, "Content-Security-Policy"), t.getKey());
            assertEquals("nosniff", header(r, "X-Content-Type-Options"), t.getKey());
            assertEquals("no-cache", header(r, "Cache-Control"), t.getKey());
            assertTrue(r.body().length > 500, t.getKey() + " is the file, " + r.body().length + " bytes");
        }
        // the data behind the page still needs the token
        HttpRequest rulebook = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/rulebook")).GET().build();
        assertEquals(401, HTTP.send(rulebook, HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    @Test
    void aBrowsersCurrentCopyIsRevalidatedWith304() throws Exception {
        for (String path : List.of("/", "/page.css", "/page.js")) {
            HttpResponse<byte[]> first = get(path, Map.of());
            String etag = header(first, "ETag");
            HttpResponse<byte[]> again = get(path, Map.of("If-None-Match", etag));
            assertEquals(304, again.statusCode(), path);
            assertEquals(0, again.body().length, path);
            assertEquals(etag, header(again, "ETag"), path);
            assertEquals(200, get(path, Map.of("If-None-Match", "\"" + "0".repeat(32) + "\"")).statusCode(), path);
        }
        assertFalse(header(get("/", Map.of()), "ETag").equals(header(get("/page.js", Map.of()), "ETag")));
    }

    @Test
    void theHtmlHasNoInlineScriptStyleOrHandlerAndIsBilingual() throws Exception {
        String html = text(get("/", Map.of()));
        Matcher scripts = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(html);
        int count = 0;
        while (scripts.find()) {
            count++;
            assertTrue(scripts.group(1).contains("src=\"/page.js\""), scripts.group());
            assertEquals("", scripts.group(2), "no inline script");
        }
        assertEquals(1, count, "one script");
        assertFalse(html.contains("<style"), "no inline style block");
        assertFalse(Pattern.compile("\\sstyle=").matcher(html).find(), "no style attribute");
        assertFalse(Pattern.compile("\\son[a-z]+=", Pattern.CASE_INSENSITIVE).matcher(html).find(), "no inline handler");
        for (String label : List.of("在用规则手册", "Live rulebook", "解释一笔索赔", "Explain one claim", "检查工作簿",
                "Check workbooks", "访问令牌", "Access token")) {
            assertTrue(html.contains(label), label);
        }
    }

    @Test
    void theScriptNeverParsesMarkup() throws Exception {
        String js = text(get("/page.js", Map.of()));
        // comments may name what the script avoids; the code may not use it
        String code = js.lines().filter(l -> !l.strip().startsWith("//")).collect(Collectors.joining("\n"));
        for (String sink : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                "new Function", "DOMParser", "createContextualFragment", "setAttribute(\"on", "javascript:")) {
            assertFalse(code.contains(sink), sink);
        }
        assertTrue(code.contains("textContent") && code.contains("createTextNode"), "renders as text");
        assertTrue(code.contains("sessionStorage") && !code.contains("localStorage"), "the token stays in the tab's session");
    }

    @Test
    void theScriptsChineseNamesAreTheModels() throws Exception {
        String js = text(get("/page.js", Map.of()));
        for (Class<? extends Labelled> type : List.of(Decision.class, Remedy.class, LineRemedy.class, Payer.class,
                ClaimType.class, DocumentCode.class)) {
            for (Labelled value : type.getEnumConstants()) {
                assertTrue(js.contains(value.name() + ": \"" + value.zh() + "\""), type.getSimpleName() + "." + value.name());
            }
        }
    }

    @Test
    void theRulebookNamesEachRuleRowsCell() throws Exception {
        HttpResponse<byte[]> r = get("/v1/rulebook", Map.of("Authorization", "Bearer " + TOKEN));
        assertEquals(200, r.statusCode());
        JsonNode tables = JsonMapper.builder().build().readTree(r.body()).get("tables");
        int rows = 0;
        for (JsonNode t : tables) {
            assertEquals(t.get("rows").asInt(), t.get("rules").size(), t.toString());
            rows += t.get("rows").asInt();
            for (JsonNode rule : t.get("rules")) {
                assertEquals(t.get("workbook").asString() + "!" + t.get("table").asString() + "!A" + rule.get("row").asInt(),
                        rule.get("where").asString(), "the default rulebook keeps rule ids in column A");
            }
        }
        List<RuleRef> rules = server.rulebook().rules();
        assertEquals(rules.size(), rows);
        assertTrue(text(r).contains("{\"table\":\"Coverage 保修范围\",\"rows\":" + rules.stream()
                .filter(x -> x.table().equals("Coverage 保修范围")).count() + ",\"workbook\":\"warranty.xlsx\",\"rules\":["), text(r));
        assertTrue(text(r).contains("{\"ruleId\":\"W5-02\",\"row\":10,\"where\":\"warranty.xlsx!Coverage 保修范围!A10\"}"), text(r));
    }
}
