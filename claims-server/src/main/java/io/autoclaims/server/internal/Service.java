package io.autoclaims.server.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import io.autoclaims.batch.ReportJson;
import io.autoclaims.model.Claim;
import io.autoclaims.model.ClaimType;
import io.autoclaims.model.ErrorRecord;
import io.autoclaims.model.json.ClaimCodec;
import io.autoclaims.model.json.ReadResult;
import io.autoclaims.rules.Adjudication;
import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.AsOf;
import io.autoclaims.rules.CellRef;
import io.autoclaims.rules.Explanation;
import io.autoclaims.rules.RuleRef;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.rules.RulebookCheck;
import io.autoclaims.rules.RulebookException;
import io.autoclaims.rules.RulebookHistory;
import io.autoclaims.rules.RulebookWatcher;
import io.autoclaims.rules.UnsupportedClaimException;
import io.autoclaims.rules.WorkbookIssue;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.UploadedFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes of the service and what they do. Every verdict goes through the library's own calls
 * ({@link Adjudicator#adjudicateJsonLines}, {@link ClaimCodec#writeVerdict}, {@link ReportJson}), so the
 * bytes are those of the command line.
 */
public final class Service {
    /** The header naming the rulebook that made the verdicts of a response. */
    public static final String FINGERPRINT = "X-Rulebook-Fingerprint";
    /** The header naming the history a server of a history adjudicated with ({@link #historyFingerprint}). */
    public static final String HISTORY = "X-Rulebook-History";
    static final String NDJSON = "application/x-ndjson";
    static final String JSON = "application/json";
    private static final Logger LOG = LoggerFactory.getLogger("io.autoclaims.server");
    private static final Logger ACCESS = LoggerFactory.getLogger("io.autoclaims.server.access");

    private final List<Path> rules;
    private final Rulebook initial;
    private final boolean watch;
    private final String host;
    private final int port;
    private final byte[] token;
    private final long maxBodyBytes;
    /** The most of a refused body read (and dropped) so that its 413 reaches the client. */
    private static final long SWALLOW_BYTES = 4L << 20;
    private final long maxLinesPerBatch;
    private final Duration idleTimeout;
    private final Duration stopTimeout;
    private final Consumer<String> accessLog;
    private final ClaimCodec codec;
    private final Semaphore permits;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Metrics metrics = new Metrics();
    private volatile Adjudicator adjudicator;
    private volatile RulebookWatcher watcher;
    private Javalin app;
    /** A server of a rulebook history: its folder (null when given loaded only), the loaded one, the as-of setting. */
    private Path historyFolder;
    private RulebookHistory initialHistory;
    private AsOf asOf;
    /** One history reload at a time: each reads the live history and publishes the one it checked. */
    private final Object historyReloads = new Object();
    /** The last history named by {@link #historyFingerprint}. */
    private volatile Named named;

    /**
     * The service with its settings; nothing runs before {@link #start()}.
     *
     * @param rules                 workbooks or folders; empty for the shipped rulebook
     * @param initial               the rulebook to serve from the start (nothing loaded then), or null
     * @param watch                 reload when the one rules folder changes
     * @param host                  the address to bind
     * @param port                  the port, 0 for any
     * @param token                 the bearer token, or null
     * @param maxBodyBytes          the largest body
     * @param maxLineBytes          the longest claim line
     * @param maxLinesPerBatch      the most lines of a batch
     * @param maxConcurrentRequests the most {@code /v1} requests at once
     * @param idleTimeout           a connection's longest silence
     * @param stopTimeout           how long a stop waits for requests in flight
     * @param accessLog             where access lines go, or null for SLF4J
     */
    public Service(List<Path> rules, Rulebook initial, boolean watch, String host, int port, String token, long maxBodyBytes,
            int maxLineBytes, long maxLinesPerBatch, int maxConcurrentRequests, Duration idleTimeout,
            Duration stopTimeout, Consumer<String> accessLog) {
        this.rules = List.copyOf(rules);
        this.initial = initial;
        this.watch = watch;
        this.host = host;
        this.port = port;
        this.token = token == null ? null : token.getBytes(StandardCharsets.US_ASCII);
        this.maxBodyBytes = maxBodyBytes;
        this.maxLinesPerBatch = maxLinesPerBatch;
        this.idleTimeout = idleTimeout;
        this.stopTimeout = stopTimeout;
        this.accessLog = accessLog != null ? accessLog : line -> ACCESS.info(line);
        this.codec = ClaimCodec.create().withMaxLineBytes(maxLineBytes);
        this.permits = new Semaphore(maxConcurrentRequests);
    }

    /** Binds, loads the rulebook, makes it live; see {@code ClaimsServer.start()}. */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("already started");
        }
        // the rulebook or history (seconds of workbook reading and rule compiling) loads on a second core
        // while Javalin and Jetty start on this one; the port answers /health/live as soon as it is bound
        FutureTask<Adjudicator> loading = new FutureTask<>(asOf != null ? this::loadHistory : this::loadRulebook);
        if (initial != null || initialHistory != null) {
            loading.run();
        } else {
            Thread loader = new Thread(loading, "claims-server-rulebook-load");
            loader.setDaemon(true); // a failed bind does not wait for it
            loader.start();
        }
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = host;
            config.jetty.port = port;
            config.jetty.modifyServer(server -> server.setStopTimeout(stopTimeout.toMillis()));
            config.http.maxRequestSize = maxBodyBytes;
            config.requestLogger.http(this::logAccess);
            config.routes.get("/health/live", ctx -> text(ctx, 200, JSON, "{\"status\":\"UP\"}"));
            config.routes.get("/health/ready", this::ready);
            for (Page.Asset a : Page.ASSETS) {
                config.routes.get(a.path(), ctx -> Page.serve(ctx, a)); // the analysts' page: no data, no token
            }
            config.routes.get("/openapi.yaml", guarded(false, this::openapi));
            config.routes.get("/metrics", guarded(false, ctx -> text(ctx, 200, Metrics.CONTENT_TYPE,
                    metrics.scrape(liveRulebooks(), inFlight.get()))));
            boolean dated = asOf != null; // a history: its own rulebook view and reload
            config.routes.get("/v1/rulebook", guarded(true, dated ? this::historyInfo : this::rulebookInfo));
            config.routes.post("/v1/verdicts", guarded(true, this::verdict));
            config.routes.post("/v1/verdicts/batch", guarded(true, this::batch));
            config.routes.post("/v1/explanations", guarded(true, this::explanation));
            config.routes.post("/v1/rulebook/check", guarded(false, this::check));
            config.routes.post("/v1/rulebook/reload", guarded(true, dated ? this::historyReload : this::reload));
            config.routes.error(404, ctx -> problem(ctx, 404, "NOT_FOUND",
                    "no such endpoint: " + ctx.method() + " " + ctx.path() + " (see /openapi.yaml)",
                    "没有这个接口：" + ctx.method() + " " + ctx.path() + "（见 /openapi.yaml）"));
            config.routes.exception(Exception.class, (e, ctx) -> {
                // never a stack trace in a response: the log has it
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                problem(ctx, 500, "INTERNAL_ERROR", "the request failed inside the server; its log says why",
                        "服务器内部处理失败，原因见服务器日志");
            });
        });
        try {
            app.start();
            for (org.eclipse.jetty.server.Connector c : app.jettyServer().server().getConnectors()) {
                if (c instanceof ServerConnector sc) {
                    sc.setIdleTimeout(idleTimeout.toMillis());
                }
            }
        } catch (RuntimeException e) {
            loading.cancel(true);
            stopped.countDown();
            throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        try {
            adjudicator = loaded(loading);
        } catch (RuntimeException e) {
            loading.cancel(true);
            stop();
            throw e;
        }
        Optional<RulebookHistory> history = adjudicator.history();
        if (history.isPresent()) {
            LOG.info("ready on http://{}:{} with the history {} as of {}", host, port(), history.get(), asOf);
        } else {
            Rulebook r = adjudicator.rulebook();
            LOG.info("ready on http://{}:{} with {} {} ({})", host, port(), r.name(), r.version(), r.fingerprint());
        }
        if (watch) {
            watcher = RulebookWatcher.watch(adjudicator, rules.get(0), Duration.ofSeconds(2), reload -> {
                metrics.reload(reload.outcome().name());
                LOG.info("{} / {}", reload, reload.toStringZh());
            });
        }
    }

    /** The single rulebook's adjudicator, its warnings logged. */
    private Adjudicator loadRulebook() {
        Rulebook rulebook = initial != null ? initial : rules.isEmpty() ? Rulebook.loadDefault() : Rulebook.load(rules);
        rulebook.warnings().forEach(w -> LOG.warn("rulebook warning: {} / {}", w, w.toStringZh()));
        return Adjudicator.of(rulebook);
    }

    /** The loaded adjudicator, or what its load threw, as it threw it. */
    private static Adjudicator loaded(FutureTask<Adjudicator> loading) {
        try {
            return loading.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the rulebook loaded", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The bound port. */
    public int port() {
        if (app == null) {
            throw new IllegalStateException("not started");
        }
        return app.port();
    }

    /** The live rulebook. */
    public Rulebook rulebook() {
        Adjudicator a = adjudicator;
        if (a == null) {
            throw new IllegalStateException("no rulebook is live yet");
        }
        return a.rulebook();
    }

    /** Waits for {@link #stop()}. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Graceful stop; see {@code ClaimsServer.stop()}. */
    public void stop() {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        try {
            RulebookWatcher w = watcher;
            if (w != null) {
                w.close();
            }
            long deadline = System.nanoTime() + stopTimeout.toNanos();
            synchronized (inFlight) {
                while (inFlight.get() > 0 && System.nanoTime() < deadline) {
                    try {
                        inFlight.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
            if (app != null) {
                app.stop();
            }
        } finally {
            stopped.countDown();
        }
    }

    /**
     * A /v1 (or other non-health) handler behind the token, the stop, the readiness and, for
     * {@code limited} ones, the concurrency limit.
     */
    private Handler guarded(boolean limited, Handler handler) {
        return ctx -> {
            if (token != null && !authorised(ctx)) {
                ctx.header("WWW-Authenticate", "Bearer");
                problem(ctx, 401, "UNAUTHORIZED", "send Authorization: Bearer <token> (the server was started with"
                        + " --token-file)", "请在请求头中提供 Authorization: Bearer <令牌>（服务以 --token-file 启动）");
                return;
            }
            if (draining.get()) {
                ctx.header("Retry-After", "1");
                problem(ctx, 503, "STOPPING", "the server is stopping", "服务正在停止");
                return;
            }
            if (adjudicator == null) {
                ctx.header("Retry-After", "1");
                problem(ctx, 503, "NOT_READY", "no rulebook is live yet", "规则手册尚未加载完成");
                return;
            }
            if (limited && !permits.tryAcquire()) {
                ctx.header("Retry-After", "1");
                metrics.rejected();
                problem(ctx, 503, "TOO_MANY_REQUESTS", "too many requests at once; retry after a second",
                        "同时处理的请求过多，请一秒后重试");
                return;
            }
            inFlight.incrementAndGet();
            try {
                handler.handle(ctx);
            } finally {
                if (limited) {
                    permits.release();
                }
                if (inFlight.decrementAndGet() == 0) {
                    synchronized (inFlight) {
                        inFlight.notifyAll();
                    }
                }
            }
        };
    }

    private boolean authorised(Context ctx) {
        String h = ctx.header("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        // constant time: the comparison says nothing about how much of a guess was right
        return MessageDigest.isEqual(token, h.substring(7).strip().getBytes(StandardCharsets.US_ASCII));
    }

    private void ready(Context ctx) {
        Adjudicator a = adjudicator;
        if (a == null || draining.get()) {
            ctx.header("Retry-After", "1");
            problem(ctx, 503, a == null ? "NOT_READY" : "STOPPING", a == null ? "no rulebook is live yet"
                    : "the server is stopping", a == null ? "规则手册尚未加载完成" : "服务正在停止");
            return;
        }
        Rulebook r = a.rulebook();
        text(ctx, 200, JSON, Json.object(g -> {
            g.writeStringField("status", "UP");
            g.writeStringField("fingerprint", r.fingerprint());
        }));
    }

    private void openapi(Context ctx) throws IOException {
        try (InputStream in = Service.class.getResourceAsStream("/io/autoclaims/server/openapi.yaml")) {
            text(ctx, 200, "application/yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private void rulebookInfo(Context ctx) {
        Rulebook r = adjudicator.rulebook();
        ctx.header(FINGERPRINT, r.fingerprint());
        text(ctx, 200, JSON, Json.object(g -> details(g, r)));
    }

    /** The fields of GET /v1/rulebook for one rulebook: name, version, fingerprint, workbooks, tables, claim types. */
    private static void details(JsonGenerator g, Rulebook r) throws IOException {
        Map<String, List<RuleRef>> tables = new LinkedHashMap<>();
        for (RuleRef rule : r.rules()) {
            tables.computeIfAbsent(rule.table(), t -> new ArrayList<>()).add(rule);
        }
        g.writeStringField("name", r.name());
        g.writeStringField("version", r.version());
        g.writeStringField("fingerprint", r.fingerprint());
        g.writeArrayFieldStart("workbooks");
        for (String w : r.workbooks().keySet()) {
            g.writeString(w);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("tables");
        for (Map.Entry<String, List<RuleRef>> t : tables.entrySet()) {
            g.writeStartObject();
            g.writeStringField("table", t.getKey());
            g.writeNumberField("rows", t.getValue().size());
            // each rule row's id cell, so that a reason's table and row lead an analyst to the cell
            Optional<CellRef> first = r.ruleCell(t.getKey(), t.getValue().get(0).row());
            g.writeStringField("workbook", first.map(CellRef::workbook).orElse(null));
            g.writeArrayFieldStart("rules");
            for (RuleRef rule : t.getValue()) {
                g.writeStartObject();
                g.writeStringField("ruleId", rule.ruleId());
                g.writeNumberField("row", rule.row());
                g.writeStringField("where", r.ruleCell(rule.table(), rule.row()).map(CellRef::toString).orElse(null));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("claimTypes");
        for (ClaimType t : ClaimType.values()) {
            if (r.supports(t)) {
                g.writeString(t.name());
            }
        }
        g.writeEndArray();
    }

    /** One claim, as one line of {@code claims adjudicate}: the verdict (200) or its error record. */
    private void verdict(Context ctx) throws IOException {
        if (!contentType(ctx, JSON)) {
            return;
        }
        byte[] body = body(ctx);
        if (body == null) {
            return;
        }
        // one read of what is live: a claim that fails before any rule ran is answered with its fingerprint
        Adjudicator live = adjudicator;
        Rulebook readWith = single(live); // a swap later does not rename it
        historyHeader(ctx, live);
        long started = System.nanoTime();
        byte[] line = OneClaim.asLine(body);
        ReadResult read = codec.readLine(line, 0, line.length, 1);
        if (read instanceof ReadResult.Failed f) {
            fingerprintHeader(ctx, live, readWith, null);
            bytes(ctx, statusOf(f.error()), out -> codec.writeError(f.error(), out));
            metrics.decided((ClaimType) null, null);
            metrics.latency(System.nanoTime() - started);
            return;
        }
        Claim claim = ((ReadResult.Ok) read).claim();
        Adjudication a = live.adjudicateAll(List.of(claim)).get(0);
        metrics.decided(claim.type(), a.verdict() == null ? null : a.verdict().decision());
        metrics.latency(System.nanoTime() - started);
        if (a.verdict() != null) {
            // the verdict's own rulebook: a swap between the read above and the adjudication does not
            // make the header name another one than the body
            ctx.header(FINGERPRINT, a.verdict().rulebook().fingerprint());
            bytes(ctx, 200, out -> codec.writeVerdict(a.verdict(), out));
        } else {
            fingerprintHeader(ctx, live, readWith, claim);
            bytes(ctx, 422, out -> codec.writeError(a.error(), out));
        }
    }

    /** On a server of a history, {@link #HISTORY} names the history {@code live} holds. */
    private void historyHeader(Context ctx, Adjudicator live) {
        live.history().ifPresent(h -> ctx.header(HISTORY, historyFingerprint(h)));
    }

    /** The rulebook of an adjudicator of one rulebook, read now; null on a history. */
    private static Rulebook single(Adjudicator a) {
        return a.history().isEmpty() ? a.rulebook() : null;
    }

    /**
     * {@link #FINGERPRINT} for a record that is not a verdict: {@code single}, the rulebook read when the
     * request began (null on a history); on a history, the version
     * in force on the claim's as-of date, and none when no version is (or the claim did not read).
     */
    private static void fingerprintHeader(Context ctx, Adjudicator live, Rulebook single, Claim claim) {
        if (single != null) {
            ctx.header(FINGERPRINT, single.fingerprint());
        } else if (claim != null) {
            versionOf(live, claim).ifPresent(v -> ctx.header(FINGERPRINT, v.fingerprint()));
        }
    }

    /**
     * JSON Lines in, JSON Lines out, streamed batch by batch through {@link Adjudicator#adjudicateJsonLines}
     * (what {@code claims adjudicate} runs). Past a limit while streaming the connection is aborted:
     * the missing final chunk tells the client the batch did not complete.
     */
    private void batch(Context ctx) throws IOException {
        if (!contentType(ctx, NDJSON)) {
            return;
        }
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBodyBytes) {
            tooLarge(ctx);
            return;
        }
        // one rulebook (or history) from the first line to the last, whatever is swapped meanwhile; the
        // header of a history's batch names the history, each verdict its version
        Adjudicator pinned = adjudicator.pinned();
        ctx.status(200);
        ctx.contentType(NDJSON + "; charset=utf-8");
        if (pinned.history().isPresent()) {
            historyHeader(ctx, pinned);
        } else {
            ctx.header(FINGERPRINT, pinned.rulebook().fingerprint());
        }
        LimitedInput in = new LimitedInput(ctx.req().getInputStream(), maxBodyBytes, maxLinesPerBatch);
        long started = System.nanoTime();
        try {
            OutputStream out = new CountedRecords(ctx.res().getOutputStream(), metrics);
            long lines = pinned.adjudicateJsonLines(in, out, codec.maxLineBytes());
            out.flush();
            metrics.batch(lines, System.nanoTime() - started);
        } catch (UncheckedIOException | io.autoclaims.rules.OutputFailedException e) {
            String why = in.exceeded() != null ? in.exceeded() : e.getMessage();
            if (in.exceeded() != null && !ctx.res().isCommitted()) {
                // no record has left yet: the limit can still be said with a status
                ctx.res().reset();
                problem(ctx, 413, "BATCH_TOO_LARGE", why + "; no record was sent", "批量请求超出限制（" + why
                        + "），未返回任何记录");
                return;
            }
            // records are out: close the connection without the final chunk, so that no client takes the
            // records it has for the whole batch
            LOG.info("batch cut off after its first records: {}", why);
            ServletContextRequest.getServletContextRequest(ctx.req()).getConnectionMetaData().getConnection()
                    .getEndPoint().close();
        }
    }

    private void explanation(Context ctx) throws IOException {
        if (!contentType(ctx, JSON)) {
            return;
        }
        byte[] body = body(ctx);
        if (body == null) {
            return;
        }
        Adjudicator pinned = adjudicator.pinned();
        historyHeader(ctx, pinned);
        byte[] line = OneClaim.asLine(body);
        ReadResult read = codec.readLine(line, 0, line.length, 1);
        if (read instanceof ReadResult.Failed f) {
            fingerprintHeader(ctx, pinned, single(pinned), null);
            text(ctx, statusOf(f.error()), JSON, codec.writeError(f.error()));
            return;
        }
        Claim claim = ((ReadResult.Ok) read).claim();
        fingerprintHeader(ctx, pinned, single(pinned), claim);
        Explanation e;
        try {
            e = pinned.explain(claim);
        } catch (UnsupportedClaimException ex) {
            text(ctx, 422, JSON, codec.writeError(new ErrorRecord(claim.claimId(), 1, ex.error())));
            return;
        }
        text(ctx, 200, JSON, ReportJson.explanation(e, codec));
    }

    /** Uploaded workbooks checked as {@code claims check --format json} checks them; nothing is swapped. */
    private void check(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("multipart/form-data")) {
            unsupportedType(ctx, "multipart/form-data");
            return;
        }
        Map<String, byte[]> workbooks = new LinkedHashMap<>();
        for (UploadedFile f : ctx.uploadedFiles()) {
            String name = f.filename() == null ? "" : Path.of(f.filename()).getFileName().toString();
            if (!name.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
                problem(ctx, 400, "NOT_A_WORKBOOK", "every uploaded file must be an .xlsx workbook, got \"" + name + "\"",
                        "上传的文件必须是 .xlsx 工作簿，实为 \"" + name + "\"");
                return;
            }
            try (InputStream in = f.content()) {
                workbooks.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (workbooks.isEmpty()) {
            problem(ctx, 400, "NO_WORKBOOK", "upload one or more .xlsx workbooks as multipart/form-data file parts",
                    "请以 multipart/form-data 文件字段上传一个或多个 .xlsx 工作簿");
            return;
        }
        List<WorkbookIssue> issues;
        try {
            issues = RulebookCheck.of(workbooks).issues();
        } catch (RulebookException e) {
            issues = e.issues();
        }
        text(ctx, 200, JSON, ReportJson.findings(issues));
    }

    /** The checked swap from the rules folder; only with a token. */
    private void reload(Context ctx) {
        if (token == null) {
            problem(ctx, 403, "RELOAD_NEEDS_TOKEN", "reload is refused: start the server with --token-file to allow it",
                    "拒绝重新加载：请以 --token-file 启动服务后再试");
            return;
        }
        if (rules.isEmpty()) {
            problem(ctx, 409, "NO_RULES_FOLDER", "the server runs the shipped rulebook: there is no --rules to reload",
                    "服务使用内置规则手册，没有可重新加载的 --rules");
            return;
        }
        Rulebook before = adjudicator.rulebook();
        Rulebook live;
        String outcome;
        try {
            Rulebook candidate = Rulebook.load(rules);
            if (candidate.fingerprint().equals(before.fingerprint())) {
                live = before;
                outcome = "UNCHANGED";
            } else {
                adjudicator.swap(candidate);
                live = adjudicator.rulebook();
                outcome = "SWAPPED";
            }
        } catch (RulebookException e) {
            metrics.reload("REFUSED");
            text(ctx, 409, JSON, Json.object(g -> {
                g.writeStringField("outcome", "REFUSED");
                Json.rulebook(g, "live", before);
                g.writeFieldName("issues");
                g.writeRawValue(ReportJson.findings(e.issues()));
            }));
            return;
        }
        metrics.reload(outcome);
        ctx.header(FINGERPRINT, live.fingerprint());
        Rulebook replaced = outcome.equals("SWAPPED") ? before : null;
        text(ctx, 200, JSON, Json.object(g -> {
            g.writeStringField("outcome", outcome);
            Json.rulebook(g, "live", live);
            if (replaced != null) {
                Json.rulebook(g, "replaced", replaced);
            }
        }));
    }

    /** The 400/413/422 of an error record: not JSON (or not text) is 400, too long is 413, the rest 422. */
    private static int statusOf(ErrorRecord error) {
        return switch (error.error().code()) {
            case "INVALID_JSON", "INVALID_ENCODING" -> 400;
            case "LINE_TOO_LONG" -> 413;
            default -> 422;
        };
    }

    /** The body, at most maxBodyBytes; null after answering 413. */
    private byte[] body(Context ctx) throws IOException {
        if (ctx.req().getContentLengthLong() > maxBodyBytes) {
            tooLarge(ctx);
            return null;
        }
        byte[] body = ctx.req().getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        if (body.length > maxBodyBytes) {
            tooLarge(ctx);
            return null;
        }
        return body;
    }

    private void tooLarge(Context ctx) {
        // a client that announced Expect: 100-continue has sent no body yet and waits for the continue,
        // which the first read would grant: it gets its 413 at once and never sends the body
        boolean unsent = "100-continue".equalsIgnoreCase(String.valueOf(ctx.header("Expect")).strip())
                && ctx.req().getContentLengthLong() > maxBodyBytes;
        if (!unsent) {
            drain(ctx);
        }
        ctx.header("Connection", "close");
        problem(ctx, 413, "BODY_TOO_LARGE", "the body is larger than " + maxBodyBytes + " bytes",
                "请求体超过 " + maxBodyBytes + " 字节");
    }

    /**
     * Reads and drops the rest of a body being sent, up to a bound: closing on an unread body resets
     * the connection, and the client never reads its 413 (Tomcat's maxSwallowSize does the same).
     */
    private static void drain(Context ctx) {
        try {
            InputStream rest = ctx.req().getInputStream();
            byte[] buffer = new byte[64 * 1024];
            for (long left = SWALLOW_BYTES; left > 0; ) {
                int n = rest.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    break;
                }
                left -= n;
            }
        } catch (IOException e) {
            // the client stopped sending: the answer may still reach it
        }
    }

    /** True when the request says it sends {@code wanted}; else answers 415. */
    private static boolean contentType(Context ctx, String wanted) {
        String type = ctx.contentType();
        String bare = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (bare.equals(wanted)) {
            return true;
        }
        unsupportedType(ctx, wanted);
        return false;
    }

    private static void unsupportedType(Context ctx, String wanted) {
        String got = ctx.contentType() == null ? "none" : ctx.contentType();
        problem(ctx, 415, "UNSUPPORTED_MEDIA_TYPE", "send Content-Type: " + wanted + " (got " + got + ")",
                "请使用 Content-Type: " + wanted + "（实为 " + got + "）");
    }

    /** A service error (not a claim's error record): {@code {"error":{"code","message","messageZh"}}}. */
    static void problem(Context ctx, int status, String code, String message, String messageZh) {
        text(ctx, status, JSON, Json.object(g -> {
            g.writeObjectFieldStart("error");
            g.writeStringField("code", code);
            g.writeStringField("message", message);
            g.writeStringField("messageZh", messageZh);
            g.writeEndObject();
        }));
    }

    /** What writes a JSON body as UTF-8 bytes. */
    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    /**
     * A JSON body written straight as UTF-8 bytes (no String, no second encoding): the verdict path's
     * answer, whose Chinese texts made the String's encoding a visible share of a request.
     */
    private static void bytes(Context ctx, int status, Body body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        body.write(out);
        ctx.status(status);
        ctx.contentType(JSON + "; charset=utf-8");
        ctx.result(out.toByteArray());
    }

    private static void text(Context ctx, int status, String contentType, String body) {
        ctx.status(status);
        ctx.contentType(contentType + "; charset=utf-8");
        ctx.result(body.getBytes(StandardCharsets.UTF_8));
    }

    private void logAccess(Context ctx, Float ms) {
        accessLog.accept(Json.object(g -> {
            g.writeStringField("method", ctx.method().name());
            g.writeStringField("path", ctx.path());
            g.writeNumberField("status", ctx.status().getCode());
            g.writeNumberField("ms", Math.round(ms * 100) / 100.0);
            g.writeStringField("remote", ctx.req().getRemoteAddr());
            String fingerprint = ctx.res().getHeader(FINGERPRINT);
            g.writeStringField("fingerprint", fingerprint);
        }));
    }

    // ---- a rulebook history: versions in force by date (its own handlers; the single rulebook's stay as they were) ----

    /**
     * Makes this a server of a rulebook history, before {@link #start()}: {@code folder} is what start
     * loads (unless {@code loaded} is given) and what reload reads; {@code asOf} picks each claim's version.
     */
    public void history(Path folder, RulebookHistory loaded, AsOf asOf) {
        if (started.get()) {
            throw new IllegalStateException("already started");
        }
        this.historyFolder = folder;
        this.initialHistory = loaded;
        this.asOf = Objects.requireNonNull(asOf, "asOf");
    }

    /** The live history; empty for a server of one rulebook. */
    public Optional<RulebookHistory> history() {
        Adjudicator a = adjudicator;
        if (a == null) {
            throw new IllegalStateException("no rulebook is live yet");
        }
        return a.history();
    }

    /** The live rulebook, or every live version of a history; empty before one is live. */
    private List<Rulebook> liveRulebooks() {
        Adjudicator a = adjudicator;
        if (a == null) {
            return List.of();
        }
        return a.history().map(RulebookHistory::versions).orElse(List.of(a.rulebook()));
    }

    /** The history's adjudicator, every version's warnings logged. */
    private Adjudicator loadHistory() {
        RulebookHistory h = initialHistory != null ? initialHistory : RulebookHistory.load(historyFolder);
        for (Rulebook v : h.versions()) {
            v.warnings().forEach(w -> LOG.warn("rulebook warning: {}: {} / {}", v.version(), w, w.toStringZh()));
        }
        return Adjudicator.of(h, asOf);
    }

    /**
     * What names a history in {@link #HISTORY} and GET /v1/rulebook: the SHA-256 of one line per version,
     * earliest first, {@code inForceFrom fingerprint}: the same versions in force from the same dates,
     * the same name.
     */
    String historyFingerprint(RulebookHistory h) {
        Named last = named;
        if (last != null && last.history() == h) {
            return last.fingerprint();
        }
        String fingerprint = nameOf(h);
        named = new Named(h, fingerprint);
        return fingerprint;
    }

    /** A history and its name: the live history changes only on a reload, so every request need not hash it. */
    private record Named(RulebookHistory history, String fingerprint) {
    }

    private static String nameOf(RulebookHistory h) {
        StringBuilder lines = new StringBuilder();
        for (Rulebook v : h.versions()) {
            lines.append(v.inForceFrom().orElseThrow()).append(' ').append(v.fingerprint()).append('\n');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(lines.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
    }

    /**
     * A version dated before the latest live one would change what claims already adjudicated by the
     * versions after it got: a reload adds versions after the history's end, as it promises.
     */
    private void backdated(RulebookHistory live, List<Rulebook> added, List<WorkbookIssue> problems) {
        Rulebook latest = live.versions().get(live.versions().size() - 1);
        LocalDate end = latest.inForceFrom().orElseThrow();
        for (Rulebook v : added) {
            LocalDate from = v.inForceFrom().orElseThrow();
            if (from.isBefore(end)) {
                problems.add(WorkbookIssue.error("VERSION_BACKDATED", CellRef.workbook(historyFolder.toString()),
                        "the new version " + v.version() + " is in force from " + from + ", before the live version "
                                + latest.version() + " (from " + end + "): a reload adds versions after the history's end,"
                                + " it does not change what the live versions decided",
                        "give the new version a date on or after " + end + ", or restart the server to change the past")
                        .withZh("新版本 " + v.version() + " 自 " + from + " 起施行，早于当前最新版本 " + latest.version() + "（自 "
                                        + end + " 起施行）：重新加载只在历史末尾之后添加版本，不改变已生效版本的裁定",
                                "请将新版本的施行日期定为 " + end + " 或之后；如需改变过去的裁定，请重启服务"));
            }
        }
    }

    /** The version in force on the server's date; before the first version's date, the first. */
    private static Rulebook inForceToday(RulebookHistory h) {
        return h.versionOn(LocalDate.now()).orElse(h.versions().get(0));
    }

    /** The version a read claim gets: the one in force on its as-of date; empty before the first. */
    private static Optional<Rulebook> versionOf(Adjudicator pinned, Claim claim) {
        return pinned.history().orElseThrow().versionOn(pinned.asOf().orElseThrow().dateOf(claim));
    }

    /**
     * GET /v1/rulebook on a history: the details of the version in force today (the first before its
     * date), as for one rulebook, and {@code history}: every version with its in-force dates.
     */
    private void historyInfo(Context ctx) {
        RulebookHistory h = adjudicator.history().orElseThrow(); // one read: a reload replaces the adjudicator
        Rulebook shown = inForceToday(h);
        ctx.header(FINGERPRINT, shown.fingerprint());
        ctx.header(HISTORY, historyFingerprint(h));
        text(ctx, 200, JSON, Json.object(g -> {
            details(g, shown);
            historyField(g, h);
        }));
    }

    /** {@code "history":{"fingerprint","asOf","today","versions":[{...,"inForceFrom","inForceUntil","inForceToday"}]}}. */
    private void historyField(JsonGenerator g, RulebookHistory h) throws IOException {
        LocalDate today = LocalDate.now();
        Optional<Rulebook> current = h.versionOn(today);
        List<Rulebook> versions = h.versions();
        g.writeObjectFieldStart("history");
        g.writeStringField("fingerprint", historyFingerprint(h));
        g.writeStringField("asOf", asOf.toString());
        g.writeStringField("today", today.toString());
        g.writeArrayFieldStart("versions");
        for (int i = 0; i < versions.size(); i++) {
            Rulebook v = versions.get(i);
            g.writeStartObject();
            g.writeStringField("name", v.name());
            g.writeStringField("version", v.version());
            g.writeStringField("fingerprint", v.fingerprint());
            g.writeStringField("inForceFrom", v.inForceFrom().orElseThrow().toString());
            g.writeStringField("inForceUntil", i + 1 < versions.size()
                    ? versions.get(i + 1).inForceFrom().orElseThrow().minusDays(1).toString() : null);
            g.writeBooleanField("inForceToday", current.isPresent() && current.get() == v);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /**
     * Reads the history folder again and deploys the versions added to it, checked as
     * {@link Adjudicator#deploy} checks a version (its table analysis, its scenarios, its own date, no
     * claim type dropped against the version before it). All or nothing: the new versions are deployed
     * onto a copy of the live history and the copy is made live in one write once every one passed; one
     * that fails, a version folder that does not load, and a live version gone from the folder or
     * changed in it (a reload adds; changing the past needs a restart) refuse the whole reload, and the
     * live history stays. Versions whose workbooks are byte for byte a live version's are not compiled again.
     */
    private void historyReload(Context ctx) {
        if (token == null) {
            problem(ctx, 403, "RELOAD_NEEDS_TOKEN", "reload is refused: start the server with --token-file to allow it",
                    "拒绝重新加载：请以 --token-file 启动服务后再试");
            return;
        }
        if (historyFolder == null) {
            problem(ctx, 409, "NO_RULES_FOLDER", "the server serves a history given in Java: there is no --history folder"
                    + " to reload", "服务使用宿主程序加载的规则集历史，没有可重新加载的 --history 文件夹");
            return;
        }
        synchronized (historyReloads) {
            Adjudicator live = adjudicator;
            RulebookHistory before = live.history().orElseThrow();
            List<WorkbookIssue> problems = new ArrayList<>();
            List<Rulebook> added = new ArrayList<>();
            readAdded(before, problems, added);
            backdated(before, added, problems);
            Adjudicator next = live.pinned();
            if (problems.isEmpty()) {
                added.sort(Comparator.comparing(r -> r.inForceFrom().orElseThrow()));
                for (Rulebook v : added) {
                    try {
                        next.deploy(v);
                    } catch (RulebookException e) {
                        problems.addAll(e.issues());
                    }
                }
            }
            if (!problems.isEmpty()) {
                metrics.reload("REFUSED");
                Rulebook today = inForceToday(before);
                text(ctx, 409, JSON, Json.object(g -> {
                    g.writeStringField("outcome", "REFUSED");
                    g.writeFieldName("live");
                    version(g, today);
                    g.writeFieldName("issues");
                    g.writeRawValue(ReportJson.findings(problems));
                    historyField(g, before);
                }));
                return;
            }
            String outcome = added.isEmpty() ? "UNCHANGED" : "DEPLOYED";
            if (!added.isEmpty()) {
                adjudicator = next; // every new version checked: all of them live in one write
                LOG.info("deployed {}: the history is now {}", added.stream().map(Rulebook::version).toList(),
                        next.history().orElseThrow());
            }
            metrics.reload(outcome);
            RulebookHistory now = next.history().orElseThrow();
            Rulebook today = inForceToday(now);
            ctx.header(FINGERPRINT, today.fingerprint());
            ctx.header(HISTORY, historyFingerprint(now));
            text(ctx, 200, JSON, Json.object(g -> {
                g.writeStringField("outcome", outcome);
                g.writeFieldName("live");
                version(g, today);
                g.writeArrayFieldStart("deployed");
                for (Rulebook v : added) {
                    version(g, v);
                }
                g.writeEndArray();
                historyField(g, now);
            }));
        }
    }

    /** {@code {"name","version","fingerprint","inForceFrom"}} of a version. */
    private static void version(JsonGenerator g, Rulebook v) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", v.name());
        g.writeStringField("version", v.version());
        g.writeStringField("fingerprint", v.fingerprint());
        g.writeStringField("inForceFrom", v.inForceFrom().orElseThrow().toString());
        g.writeEndObject();
    }

    /**
     * The version folders of the history folder against the live history: a folder whose workbooks are
     * byte for byte a live version's is that version; any other is loaded ({@code added}, or its issues
     * at cells named inside its folder); a live version found in no folder is a problem, and so are two
     * versions of one date ({@link RulebookHistory#of}'s check).
     */
    private void readAdded(RulebookHistory live, List<WorkbookIssue> problems, List<Rulebook> added) {
        List<Path> folders;
        try (Stream<Path> s = Files.list(historyFolder)) {
            folders = s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            problems.add(WorkbookIssue.error("UNREADABLE_FILE", CellRef.workbook(historyFolder.toString()),
                    "the history folder cannot be read: " + e.getMessage(), "check that it exists and can be read")
                    .withZh("无法读取规则集历史文件夹：" + e.getMessage(), "请检查该文件夹是否存在且可读"));
            return;
        }
        List<Rulebook> found = new ArrayList<>();
        for (Path folder : folders) {
            String name = folder.getFileName().toString();
            Optional<Rulebook> same = live.versions().stream().filter(v -> sameWorkbooks(folder, v)).findFirst();
            if (same.isPresent()) {
                found.add(same.get());
                continue;
            }
            try {
                Rulebook loaded = Rulebook.load(folder);
                found.add(loaded);
                if (live.versions().stream().noneMatch(v -> v.fingerprint().equals(loaded.fingerprint()))) {
                    added.add(loaded);
                }
            } catch (RulebookException e) {
                for (WorkbookIssue i : e.issues()) {
                    CellRef w = i.where();
                    CellRef at = w.workbook().startsWith(folder.toString()) ? w
                            : new CellRef(name + "/" + w.workbook(), w.sheet(), w.cell());
                    problems.add(new WorkbookIssue(i.severity(), i.code(), at, i.message(), i.hint(), i.messageZh(), i.hintZh()));
                }
            }
        }
        for (Rulebook v : live.versions()) {
            if (found.stream().noneMatch(f -> f.fingerprint().equals(v.fingerprint()))) {
                problems.add(WorkbookIssue.error("VERSION_GONE", CellRef.workbook(historyFolder.toString()),
                        "the live version " + v.version() + " (in force from " + v.inForceFrom().orElseThrow() + ", "
                                + v.fingerprint().substring(0, 12) + ") is no longer in the history folder, or was changed"
                                + " there: a reload adds versions, it does not change or remove one",
                        "put the version back as it was; to change or remove a version that is live, restart the server"
                                + " (or add a corrected version with a later date)")
                        .withZh("当前生效的版本 " + v.version() + "（自 " + v.inForceFrom().orElseThrow() + " 起施行，"
                                        + v.fingerprint().substring(0, 12) + "）已不在规则集历史文件夹中，或已被改动：重新加载只添加版本，不修改或删除版本",
                                "请恢复该版本原样；如需修改或删除生效中的版本，请重启服务（或以更晚的施行日期添加修正版本）"));
            }
        }
        if (problems.isEmpty() && !found.isEmpty()) {
            try {
                RulebookHistory.of(found);
            } catch (RulebookException e) {
                problems.addAll(e.issues());
            }
        }
        if (folders.isEmpty()) {
            problems.add(WorkbookIssue.error("NO_VERSIONS", CellRef.workbook(historyFolder.toString()),
                    "the history folder holds no version folder", "put each version in a folder of its own, e.g. 2026.1/")
                    .withZh("规则集历史文件夹中没有版本文件夹", "请把每个版本放在单独的文件夹中，例如 2026.1/"));
        }
    }

    /** True when the folder's workbooks (as a folder load takes them) are byte for byte the version's. */
    private static boolean sameWorkbooks(Path folder, Rulebook version) {
        Map<String, byte[]> bytes = version.workbooks();
        try (Stream<Path> s = Files.list(folder)) {
            List<Path> files = s.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString();
                return n.toLowerCase(Locale.ROOT).matches(".*\\.xls[xmb]?") && !n.startsWith("~$") && !n.startsWith(".");
            }).toList();
            if (files.size() != bytes.size()) {
                return false;
            }
            for (Path f : files) {
                byte[] b = bytes.get(f.getFileName().toString());
                if (b == null || !Arrays.equals(b, Files.readAllBytes(f))) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false; // loaded then, and its problem reported with its cell
        }
    }
}
