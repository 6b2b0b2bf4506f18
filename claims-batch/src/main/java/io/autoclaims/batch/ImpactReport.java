package io.autoclaims.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * The three files of an impact report, written from an {@link ImpactSummary} and the changed lines
 * in input order (which is how {@link ImpactRun} writes them, and how a partitioned job that merged
 * {@link ImpactAccumulator}s writes the same bytes):
 * <ul>
 *   <li>{@value #CSV}: one row per changed line, for analysts (Excel, WPS, LibreOffice): UTF-8 with a
 *       byte order mark, RFC 4180, a bilingual header ({@code claim_id 理赔单号}), text cells neutralised
 *       against formula injection with a leading {@code '}, money and line numbers as plain numbers;</li>
 *   <li>{@value #HTML}: one self-contained page (inline CSS and SVG, nothing fetched) with the totals,
 *       the decision transition matrix, money change by claim type, changes by rule row and the largest
 *       changes, in Chinese and English;</li>
 *   <li>{@value #JSON}: the summary for machines, keys in a fixed order, money as exact decimals.</li>
 * </ul>
 * The same input gives the same bytes: no clock, locale or thread count enters the files.
 */
public final class ImpactReport {
    /** The name of the changed lines' file, one row each. */
    public static final String CSV = "impact.csv";
    /** The name of the report page. */
    public static final String HTML = "impact.html";
    /** The name of the summary for machines. */
    public static final String JSON = "impact.json";

    private ImpactReport() {
    }

    /**
     * Writes the three files into {@code dir} (created if missing), replacing earlier ones; each is
     * written beside its target and renamed, so a reader never sees half a file.
     *
     * @param dir         the report's directory
     * @param summary     the totals
     * @param changedRows one row per changed line, in input order
     * @throws IOException when a file cannot be written
     */
    public static void write(Path dir, ImpactSummary summary, Stream<ImpactRow> changedRows) throws IOException {
        Files.createDirectories(dir);
        Path csv = dir.resolve(CSV + ".tmp");
        try (OutputStream out = Files.newOutputStream(csv)) {
            writeCsv(changedRows, out);
        }
        finish(dir, summary, csv);
    }

    /**
     * Writes {@value #CSV}: the header, then one row per changed line in the order given.
     *
     * @param rows the changed lines
     * @param out  where the bytes go; flushed, not closed
     * @throws IOException when writing fails
     */
    public static void writeCsv(Stream<ImpactRow> rows, OutputStream out) throws IOException {
        ImpactCsv csv = new ImpactCsv(out);
        for (Iterator<ImpactRow> it = rows.iterator(); it.hasNext(); ) {
            csv.write(it.next());
        }
        csv.flush();
    }

    /**
     * Writes {@value #HTML}.
     *
     * @param summary the totals
     * @param out     where the page goes; flushed, not closed
     * @throws IOException when writing fails
     */
    public static void writeHtml(ImpactSummary summary, OutputStream out) throws IOException {
        out.write(ImpactHtml.render(summary).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /**
     * Writes {@value #JSON}.
     *
     * @param summary the totals
     * @param out     where the JSON goes; flushed, not closed
     * @throws IOException when writing fails
     */
    public static void writeJson(ImpactSummary summary, OutputStream out) throws IOException {
        ImpactJson.write(summary, out);
        out.flush();
    }

    /** Writes the page and the JSON, then puts the finished CSV in place. */
    static void finish(Path dir, ImpactSummary summary, Path csvTmp) throws IOException {
        replace(dir.resolve(HTML), out -> writeHtml(summary, out));
        replace(dir.resolve(JSON), out -> writeJson(summary, out));
        Files.move(csvTmp, dir.resolve(CSV), StandardCopyOption.REPLACE_EXISTING);
    }

    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    /** Writes beside the target, then renames: a reader never sees half a file. */
    private static void replace(Path target, Body body) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            body.write(out);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
