package io.autoclaims.testkit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Faults under load against a running {@code claims serve} (issue #17): clients sending single claims
 * and batches while others disconnect mid-batch, send malformed and oversized bodies, and a reload
 * runs every second from a rules folder whose candidate is rewritten before each reload, every third
 * one broken (a text in a number cell). Everything is counted; a {@link Report} lists every response
 * other than the declared one for its request kind, every lost, duplicated or misplaced record of a
 * completed batch, and every verdict whose rulebook fingerprint (header or body) was never live.
 * Bounded: {@link #run()} returns after the duration and the last requests. Loopback only in the
 * project's own tests and benchmarks; it sends to whatever base address it is given.
 *
 * <pre>{@code
 * ServiceFaults.Report r = ServiceFaults.against(URI.create("http://127.0.0.1:" + port)).token(token)
 *         .rulesFolder(folder).limits(maxBodyBytes, maxLineBytes).duration(Duration.ofSeconds(10)).run();
 * assertEquals(List.of(), r.violations());
 * }</pre>
 */
public final class ServiceFaults {
    private static final Pattern CLAIM_ID = Pattern.compile("\"claimId\":\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern LINE = Pattern.compile("^\\{(?:\"claimId\":\"(?:[^\"\\\\]|\\\\.)*\",)?\"line\":(\\d+),");
    private static final Pattern FINGERPRINT = Pattern.compile("\"fingerprint\":\"([0-9a-f]{64})\"");
    private static final Pattern OUTCOME = Pattern.compile("^\\{\"outcome\":\"([A-Z]+)\",\"live\":\\{[^}]*\"fingerprint\":\"([0-9a-f]{64})\"");

    private final URI base;
    private String token;
    private Path rulesFolder;
    private int clients = 8;
    private Duration duration = Duration.ofSeconds(10);
    private Duration reloadEvery = Duration.ofSeconds(1);
    private long maxBodyBytes = 64L << 20;
    private int maxLineBytes = 1 << 20;
    private int batchLines = 100;
    private Duration pause = Duration.ZERO;
    private int minReloads = 3;
    private ResponseCheck check = (method, path, status, contentType, header, body) -> List.of();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> claims;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final Set<String> live = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean running = new AtomicBoolean(true);
    /** The live rulebook's fingerprint, as the reloads left it. */
    private String current;

    /** What else a response must satisfy, e.g. an OpenAPI validator; the problems, empty when none. */
    @FunctionalInterface
    public interface ResponseCheck {
        /**
         * What is wrong with one response.
         *
         * @param method      the request's method
         * @param path        the request's path
         * @param status      the status
         * @param contentType the Content-Type, or null
         * @param header      a header's value by name, null when absent
         * @param body        the body
         * @return what is wrong, empty when nothing
         */
        List<String> problems(String method, String path, int status, String contentType,
                Function<String, String> header, byte[] body);
    }

    /**
     * What a run did and what went wrong.
     *
     * @param counts       requests by kind and outcome, e.g. {@code single 200}, {@code reload SWAPPED}
     * @param violations   every answer other than the declared one, every lost, duplicated or misplaced
     *                     record, every verdict naming a rulebook that was not live (at most 200 kept)
     * @param live         the fingerprints that were live: the first one and every swapped candidate's
     * @param fingerprints the fingerprints the verdicts named
     */
    public record Report(Map<String, Long> counts, List<String> violations, Set<String> live, Set<String> fingerprints) {
        /**
         * Copies.
         *
         * @param counts       requests by kind and outcome
         * @param violations   what went wrong
         * @param live         the fingerprints that were live
         * @param fingerprints the fingerprints the verdicts named
         */
        public Report {
            counts = Collections.unmodifiableMap(new TreeMap<>(counts));
            violations = List.copyOf(violations);
            live = Set.copyOf(live);
            fingerprints = Set.copyOf(fingerprints);
        }

        /**
         * A count, 0 when none.
         *
         * @param key e.g. {@code reload SWAPPED}
         * @return how many
         */
        public long count(String key) {
            return counts.getOrDefault(key, 0L);
        }
    }

    private ServiceFaults(URI base) {
        this.base = Objects.requireNonNull(base, "base");
        this.claims = SyntheticBacklog.lines(2_000, 2026).toList();
    }

    /**
     * A run against the server at {@code base}, e.g. {@code http://127.0.0.1:8080}.
     *
     * @param base the server's address
     * @return the run's settings, to complete
     */
    public static ServiceFaults against(URI base) {
        return new ServiceFaults(base);
    }

    /**
     * The bearer token the server was started with ({@code --token-file}); every request sends it.
     *
     * @param token the token
     * @return this
     */
    public ServiceFaults token(String token) {
        this.token = Objects.requireNonNull(token, "token");
        return this;
    }

    /**
     * The server's one {@code --rules} folder, holding the shipped workbooks (and {@code scenarios/}):
     * its {@code warranty.xlsx} is rewritten before each reload.
     *
     * @param folder the folder
     * @return this
     */
    public ServiceFaults rulesFolder(Path folder) {
        this.rulesFolder = Objects.requireNonNull(folder, "folder");
        return this;
    }

    /**
     * How many clients send claims and batches (8 by default); one more sends the faults.
     *
     * @param clients 1 or more
     * @return this
     */
    public ServiceFaults clients(int clients) {
        if (clients < 1) {
            throw new IllegalArgumentException("clients must be 1 or more");
        }
        this.clients = clients;
        return this;
    }

    /**
     * How long the clients send (10 s by default), or longer until {@link #minReloads(int)} reloads
     * were made; the requests under way then finish.
     *
     * @param duration positive
     * @return this
     */
    public ServiceFaults duration(Duration duration) {
        this.duration = Objects.requireNonNull(duration, "duration");
        return this;
    }

    /**
     * The server's body and line limits, so that the oversized requests pass them (64 MiB and 1 MiB
     * by default, as the server's). An oversized body is the limit plus a little: the server reads and
     * drops up to 4 MiB of a refused body, so keep the body limit below that for a clean 413.
     *
     * @param maxBodyBytes the server's largest body
     * @param maxLineBytes the server's longest claim line
     * @return this
     */
    public ServiceFaults limits(long maxBodyBytes, int maxLineBytes) {
        this.maxBodyBytes = maxBodyBytes;
        this.maxLineBytes = maxLineBytes;
        return this;
    }

    /**
     * Lines per batch of the clients (100 by default).
     *
     * @param lines 1 or more
     * @return this
     */
    public ServiceFaults batchLines(int lines) {
        this.batchLines = lines;
        return this;
    }

    /**
     * The fewest reloads a run makes (3 by default: good, good, broken): when the duration has passed
     * with fewer (a reload takes seconds of a busy machine), the run goes on until they are made, for
     * at most two minutes more.
     *
     * @param reloads 0 or more
     * @return this
     */
    public ServiceFaults minReloads(int reloads) {
        this.minReloads = reloads;
        return this;
    }

    /**
     * How long each client waits between its requests (none by default). Clients that never wait
     * take every core there is, and a reload (a compile and the release checks) then gets a tenth of
     * one: a pause leaves it room to run every second.
     *
     * @param pause zero or more
     * @return this
     */
    public ServiceFaults pause(Duration pause) {
        this.pause = Objects.requireNonNull(pause, "pause");
        return this;
    }

    /**
     * A check every complete response must pass too, e.g. an OpenAPI validator.
     *
     * @param check the check
     * @return this
     */
    public ServiceFaults check(ResponseCheck check) {
        this.check = Objects.requireNonNull(check, "check");
        return this;
    }

    /**
     * Runs: the clients, the faults and the reloads, for the duration; then waits for them.
     *
     * @return what happened
     * @throws InterruptedException when interrupted while waiting for the clients
     */
    public Report run() throws InterruptedException {
        Objects.requireNonNull(rulesFolder, "rulesFolder");
        Objects.requireNonNull(token, "token");
        current = fingerprintOfReady();
        live.add(current);
        byte[] template;
        try {
            template = withMarker(Files.readAllBytes(rulesFolder.resolve("warranty.xlsx")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            int client = t;
            threads.add(new Thread(() -> client(client), "faults-client-" + t));
        }
        threads.add(new Thread(this::faults, "faults-faulty"));
        threads.forEach(Thread::start);
        long end = System.nanoTime() + duration.toNanos();
        try {
            reloads(end, template);
        } finally {
            running.set(false);
            for (Thread t : threads) {
                t.join(60_000);
                if (t.isAlive()) {
                    violation(t.getName() + " did not finish within 60 s of the end");
                }
            }
        }
        for (String f : seen) {
            if (!live.contains(f)) {
                violation("a verdict named rulebook " + f + ", which was never live");
            }
        }
        Map<String, Long> c = new TreeMap<>();
        counts.forEach((k, v) -> c.put(k, v.sum()));
        return new Report(c, violations, live, seen);
    }

    // ---- the clients ----

    private void client(int client) {
        for (int i = client * 97; running.get(); i++) {
            int at = i;
            guard(() -> clientRequest(client, at));
            guard(() -> Thread.sleep(pause.toMillis()));
        }
    }

    private void clientRequest(int client, int i) throws Exception {
        if (i % 4 == 3) {
            List<String> lines = new ArrayList<>(batchLines);
            for (int n = 0; n < batchLines; n++) {
                lines.add(claims.get((i * 31 + n) % claims.size()));
            }
            batch("batch", lines);
        } else {
            String claim = claims.get(i % claims.size());
            HttpResponse<byte[]> r = send("/v1/verdicts", "application/json", claim.getBytes(StandardCharsets.UTF_8));
            expect("single", r, 200, 400, 422);
            if (r.statusCode() == 200 || r.statusCode() == 422) {
                fingerprints("single", r, text(r));
            }
        }
    }

    /** A batch through HttpClient: 200, one record per line in order, the fingerprint of a live rulebook. */
    private void batch(String kind, List<String> lines) throws Exception {
        StringBuilder body = new StringBuilder();
        lines.forEach(l -> body.append(l).append('\n'));
        HttpResponse<byte[]> r = send("/v1/verdicts/batch", "application/x-ndjson", body.toString().getBytes(StandardCharsets.UTF_8));
        if (!expect(kind, r, 200)) {
            return;
        }
        String header = fingerprints(kind, r, null);
        String[] records = text(r).split("\n", -1);
        if (records.length != lines.size() + 1 || !records[lines.size()].isEmpty()) {
            violation(kind + ": " + lines.size() + " lines got " + (records.length - 1) + " records"
                    + (records[records.length - 1].isEmpty() ? "" : " and an unended last one"));
            return;
        }
        for (int n = 0; n < lines.size(); n++) {
            String record = records[n];
            Matcher line = LINE.matcher(record);
            if (line.find()) {
                if (Integer.parseInt(line.group(1)) != n + 1) {
                    violation(kind + ": record " + (n + 1) + " is the error record of line " + line.group(1));
                }
                continue;
            }
            Matcher in = CLAIM_ID.matcher(lines.get(n));
            Matcher out = CLAIM_ID.matcher(record);
            if (!out.find() || !in.find() || !in.group(1).equals(out.group(1))) {
                violation(kind + ": record " + (n + 1) + " is not the verdict of line " + (n + 1) + ": "
                        + abbreviate(record));
            }
            Matcher f = FINGERPRINT.matcher(record);
            if (!f.find() || !f.group(1).equals(header)) {
                violation(kind + ": record " + (n + 1) + " names another rulebook than the header " + header);
            }
        }
    }

    /** The faults, one after the other, until the end. */
    private void faults() {
        for (int i = 0; running.get(); i++) {
            int at = i;
            guard(() -> fault(at));
        }
    }

    private void fault(int i) throws Exception {
        String claim = claims.get(0);
        switch (i % 9) {
            case 0 -> halfABatchThenGone();
            case 1 -> partOfTheAnswerThenGone();
            case 2 -> expect("not JSON", send("/v1/verdicts", "application/json", bytes("{\"claimId\": not json")), 400);
            case 3 -> {
                byte[] bad = bytes(claim);
                bad[bad.length / 2] = (byte) 0xC3; // a lead byte followed by ASCII: not UTF-8
                bad[bad.length / 2 + 1] = '(';
                HttpResponse<byte[]> r = send("/v1/verdicts", "application/json", bad);
                if (expect("invalid UTF-8", r, 400) && !text(r).contains("\"INVALID_ENCODING\"")) {
                    violation("invalid UTF-8: not an INVALID_ENCODING record: " + abbreviate(text(r)));
                }
            }
            case 4 -> expect("wrong content type", send("/v1/verdicts", "text/plain", bytes(claim)), 415);
            case 5 -> expect("oversized body", send("/v1/verdicts", "application/json",
                    new byte[(int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1024)]), 413);
            case 6 -> {
                HttpResponse<byte[]> r = send("/v1/verdicts", "application/json", bytes(longLine()));
                if (expect("oversized line", r, 413) && !text(r).contains("\"LINE_TOO_LONG\"")) {
                    violation("oversized line: not a LINE_TOO_LONG record: " + abbreviate(text(r)));
                }
            }
            case 7 -> {
                // a batch with one line too long: its record says so, the others are verdicts as usual
                List<String> lines = new ArrayList<>(claims.subList(0, 20));
                lines.set(10, longLine());
                batch("batch with an oversized line", lines);
            }
            default -> expect("oversized batch", send("/v1/verdicts/batch", "application/x-ndjson",
                    new byte[(int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1024)]), 413);
        }
    }

    private String longLine() {
        return claims.get(0).replace("\"claimId\":\"", "\"claimId\":\"" + "x".repeat(maxLineBytes));
    }

    /** Declares a whole batch, sends half of it, closes. */
    private void halfABatchThenGone() throws IOException {
        byte[] body = batchBody(200);
        try (Socket s = socket()) {
            OutputStream out = s.getOutputStream();
            out.write(head("/v1/verdicts/batch", "Content-Length: " + body.length));
            out.write(body, 0, body.length / 2);
            out.flush();
        }
        count("half a batch, then gone");
    }

    /**
     * Sends a whole batch, reads the first bytes of its answer, closes with the rest unread. The body
     * is sent from another thread: the server answers while it reads, and a client that only wrote
     * would wait on the server's answer filling its socket.
     */
    private void partOfTheAnswerThenGone() throws Exception {
        byte[] body = batchBody(1_500); // more than the server's 1,000 lines: it answers while reading
        try (Socket s = socket()) {
            Thread sender = new Thread(() -> {
                try {
                    OutputStream out = s.getOutputStream();
                    out.write(head("/v1/verdicts/batch", "Content-Length: " + body.length));
                    out.write(body);
                    out.flush();
                } catch (IOException e) {
                    // closed by the reader below before the whole body was out: what this fault does
                }
            }, "faults-sender");
            sender.start();
            byte[] got = s.getInputStream().readNBytes(4096);
            String start = new String(got, StandardCharsets.ISO_8859_1);
            if (!start.startsWith("HTTP/1.1 200")) {
                violation("part of the answer, then gone: " + abbreviate(start));
            }
            s.close();
            sender.join(30_000);
        }
        count("part of the answer, then gone");
    }

    private Socket socket() throws IOException {
        Socket s = new Socket(base.getHost(), base.getPort());
        s.setSoTimeout(30_000);
        return s;
    }

    private byte[] head(String path, String length) {
        return ("POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/x-ndjson\r\n" + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] batchBody(int lines) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int n = 0; n < lines; n++) {
            b.writeBytes(bytes(claims.get(n % claims.size()) + "\n"));
        }
        return b.toByteArray();
    }

    // ---- the reloads ----

    /** Every reloadEvery until the end: rewrite the candidate (every third broken), reload, check the outcome. */
    private void reloads(long end, byte[] template) throws InterruptedException {
        long cap = end + Duration.ofMinutes(2).toNanos();
        for (int k = 1; System.nanoTime() < end || k <= minReloads; k++) {
            if (System.nanoTime() > cap) {
                violation("only " + (k - 1) + " reloads were made in the duration and two minutes more");
                return;
            }
            long started = System.nanoTime();
            int candidate = k;
            guard(() -> reload(candidate, template));
            long wait = started + reloadEvery.toNanos() - System.nanoTime();
            if (wait > 0 && (System.nanoTime() + wait < end || k < minReloads)) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
    }

    private void reload(int k, byte[] template) throws Exception {
        boolean broken = k % 3 == 0;
        Path next = rulesFolder.resolve(".warranty.xlsx.next");
        Files.write(next, candidate(template, broken ? null : 120 + k));
        // renamed into place: a reload never reads half a workbook (a dot-file is not loaded)
        Files.move(next, rulesFolder.resolve("warranty.xlsx"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        String before = current;
        // a reload compiles a rulebook: seconds on a quiet machine, past 30 s on one loaded twenty times over
        // (its answer is what says the new fingerprint was live; without it a verdict of it looks foreign)
        HttpResponse<byte[]> r = http.send(request("/v1/rulebook/reload").timeout(Duration.ofSeconds(180))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        checked("reload", r);
        Matcher m = OUTCOME.matcher(text(r));
        String outcome = m.find() ? m.group(1) : "none";
        count("reload " + r.statusCode() + " " + outcome);
        if (broken) {
            if (r.statusCode() != 409 || !outcome.equals("REFUSED")) {
                violation("reload of broken candidate " + k + ": " + r.statusCode() + " " + abbreviate(text(r)));
            } else if (!m.group(2).equals(before)) {
                violation("reload of broken candidate " + k + ": the live rulebook changed to " + m.group(2));
            }
        } else if (r.statusCode() != 200 || !outcome.equals("SWAPPED")) {
            violation("reload of good candidate " + k + ": " + r.statusCode() + " " + abbreviate(text(r)));
        } else if (!live.add(m.group(2))) {
            violation("good candidate " + k + " has the fingerprint of an earlier rulebook: " + m.group(2));
        } else {
            current = m.group(2);
            r.headers().firstValue("X-Rulebook-Fingerprint").filter(h -> !h.equals(m.group(2)))
                    .ifPresent(h -> violation("reload: header " + h + ", body " + m.group(2)));
        }
    }

    /** A number no workbook holds, put in the cell each candidate changes, so that the cell is found in its XML. */
    private static final String MARKER = "987654";
    /** The marked cell as POI writes it, e.g. {@code <c r="E6" t="n" s="3"><v>987654.0</v></c>}. */
    private static final Pattern MARKED_CELL = Pattern.compile("<c r=\"([A-Z]+[0-9]+)\"([^>]*)><v>" + MARKER
            + "(?:\\.0)?</v></c>");

    /**
     * The shipped warranty workbook with the traction battery's term (row T-01 of the Terms sheet) set
     * to {@link #MARKER}: written once by POI, before the load starts (a POI write takes seconds of a
     * busy core); each candidate then changes that one cell in the sheet's XML, in milliseconds.
     */
    private static byte[] withMarker(byte[] workbook) {
        DataFormatter text = new DataFormatter();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Sheet s : wb) {
                if (!s.getSheetName().startsWith("Terms")) {
                    continue;
                }
                int column = -1;
                for (Cell c : s.getRow(2)) {
                    if (text.formatCellValue(c).strip().equals("THEN line.termMonths")) {
                        column = c.getColumnIndex();
                    }
                }
                for (Row r : s) {
                    if (column >= 0 && r.getRowNum() >= 5 && text.formatCellValue(r.getCell(0)).strip().equals("T-01")) {
                        r.getCell(column).setCellValue(Double.parseDouble(MARKER));
                        wb.write(out);
                        return out.toByteArray();
                    }
                }
            }
            throw new IllegalStateException("warranty.xlsx has no row T-01 with a THEN line.termMonths column in its Terms sheet");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The template with the marked cell set to {@code months}, or, when null, to the text "ten years":
     * a text in a number cell, which the checks refuse.
     */
    private static byte[] candidate(byte[] template, Integer months) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(template.length + 1024);
        int marked = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(template));
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (e.getName().startsWith("xl/worksheets/")) {
                    Matcher m = MARKED_CELL.matcher(new String(content, StandardCharsets.UTF_8));
                    if (m.find()) {
                        marked++;
                        String cell = months != null
                                ? "<c r=\"" + m.group(1) + "\"" + m.group(2) + "><v>" + months + "</v></c>"
                                : "<c r=\"" + m.group(1) + "\"" + m.group(2).replaceAll(" t=\"[a-zA-Z]+\"", "")
                                        + " t=\"inlineStr\"><is><t>ten years</t></is></c>";
                        content = m.replaceFirst(Matcher.quoteReplacement(cell)).getBytes(StandardCharsets.UTF_8);
                    }
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(content);
                out.closeEntry();
            }
        }
        if (marked != 1) {
            throw new IllegalStateException("the marked cell was found in " + marked + " sheets, not 1");
        }
        return bytes.toByteArray();
    }

    // ---- requests and checks ----

    private String fingerprintOfReady() {
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(base.resolve("/health/ready")).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            Matcher m = FINGERPRINT.matcher(text(r));
            if (r.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("the server is not ready: " + r.statusCode() + " " + text(r));
            }
            return m.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
    }

    private HttpResponse<byte[]> send(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        return http.send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Counts the answer; a violation unless its status is one of {@code declared} and it passes the check. */
    private boolean expect(String kind, HttpResponse<byte[]> r, int... declared) {
        count(kind + " " + r.statusCode());
        checked(kind, r);
        for (int d : declared) {
            if (r.statusCode() == d) {
                return true;
            }
        }
        violation(kind + ": status " + r.statusCode() + " is not declared for it: " + abbreviate(text(r)));
        return false;
    }

    private void checked(String kind, HttpResponse<byte[]> r) {
        for (String p : check.problems(r.request().method(), r.request().uri().getPath(), r.statusCode(),
                r.headers().firstValue("Content-Type").orElse(null), h -> r.headers().firstValue(h).orElse(null), r.body())) {
            violation(kind + ": " + p);
        }
    }

    /** The header's fingerprint, noted as seen; with a body, the body's must be the same. */
    private String fingerprints(String kind, HttpResponse<byte[]> r, String body) {
        String header = r.headers().firstValue("X-Rulebook-Fingerprint").orElse(null);
        if (header == null) {
            violation(kind + ": no X-Rulebook-Fingerprint");
            return null;
        }
        seen.add(header);
        if (body != null && r.statusCode() == 200) {
            Matcher m = FINGERPRINT.matcher(body);
            if (!m.find() || !m.group(1).equals(header)) {
                violation(kind + ": the verdict names another rulebook than its header " + header);
            }
        }
        return header;
    }

    private void count(String key) {
        counts.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    private void violation(String what) {
        if (violations.size() < 200) {
            violations.add(what);
        }
    }

    /** One request (or exchange): whatever it throws is a violation (a request that failed is one). */
    private void guard(Task task) {
        try {
            task.run();
        } catch (Exception | AssertionError e) {
            violation(Thread.currentThread().getName() + " failed: " + e);
        }
    }

    private interface Task {
        void run() throws Exception;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "...";
    }
}
