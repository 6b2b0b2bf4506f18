package io.autoclaims.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.rules.internal.workbook.WorkbookGuard;
import io.autoclaims.rules.testing.RawXlsx;
import io.autoclaims.rules.testing.RawXlsx.Shared;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any workbook the guard admits loads or is refused cleanly in a 256 MB heap: a child JVM at
 * {@code -Xmx256m} loads the largest admitted workbook of each shape that costs memory, and must
 * answer with a verdict or a {@link RulebookException}, never an {@link OutOfMemoryError}.
 */
class BoundedMemoryTest {
    /** The heap the library documents as enough for any workbook the guard admits. */
    static final String HEAP = "-Xmx256m";

    @TempDir
    Path dir;

    /**
     * The largest workbook of a shape the guard admits: generated for the guard's unpacked limit,
     * then smaller by 3% steps until the file and every part are within the guard's limits.
     */
    static byte[] largest(java.util.function.LongFunction<byte[]> shape) {
        return fit(shape, WorkbookGuard.MAX_UNCOMPRESSED_BYTES);
    }

    /** The largest of a shape only POI's usermodel reads (its own, lower limit). */
    static byte[] largestFull(java.util.function.LongFunction<byte[]> shape) {
        return fit(shape, WorkbookGuard.MAX_FULL_READER_BYTES);
    }

    private static byte[] fit(java.util.function.LongFunction<byte[]> shape, long limit) {
        for (long budget = limit; ; ) {
            byte[] bytes = shape.apply(budget);
            long unpacked = RawXlsx.unzip(bytes).values().stream().mapToLong(b -> b.length).sum();
            if (unpacked <= limit && bytes.length <= WorkbookGuard.MAX_FILE_BYTES) {
                return bytes;
            }
            // the next try scaled to what this one overshot, and a little under
            budget = Math.min(budget * 97 / 100, (long) (budget * 0.995 * Math.min((double) limit / unpacked,
                    (double) WorkbookGuard.MAX_FILE_BYTES / bytes.length)));
        }
    }

    @Test
    void theLargestAdmittedWorkbooksLoadOrAreRefusedCleanlyIn256Mb() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("benchmark.xlsx", benchmarkLike(10_000));
        files.put("table-max.xlsx", tableOf(WorkbookGuard.MAX_RULE_ROWS));
        files.put("rows.xlsx", largest(BoundedMemoryTest::ruleRows));
        files.put("shared.xlsx", largest(BoundedMemoryTest::longSharedStrings));
        files.put("numbers.xlsx", largest(b -> numbers(b, false)));
        files.put("inline.xlsx", largest(BoundedMemoryTest::inlineStrings));
        files.put("giant-cell.xlsx", largest(BoundedMemoryTest::giantCell));
        files.put("sheets.xlsx", largest(BoundedMemoryTest::manySheets));
        files.put("styles.xlsx", largest(BoundedMemoryTest::styles));
        files.put("poi.xlsx", largestFull(b -> numbers(b, true)));
        files.put("old.xls", largestXls());
        List<String> args = new ArrayList<>();
        // -Dautoclaims.memtest.keep=DIR keeps the files, to measure them at other heaps by hand
        Path into = System.getProperty("autoclaims.memtest.keep") == null ? dir
                : Files.createDirectories(Path.of(System.getProperty("autoclaims.memtest.keep")));
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path p = into.resolve(f.getKey());
            Files.write(p, f.getValue());
            args.add(p.toString());
            System.out.printf("%s: %.1f MB file, %.1f MB unpacked%n", f.getKey(), f.getValue().length / 1048576.0,
                    f.getKey().endsWith(".xls") ? f.getValue().length / 1048576.0
                            : RawXlsx.unzip(f.getValue()).values().stream().mapToLong(b -> b.length).sum() / 1048576.0);
        }
        List<String> lines = probe(args);
        assertEquals(files.size(), lines.size(), String.join("\n", lines));
        for (String line : lines) {
            assertTrue(line.startsWith("LOADED ") || line.startsWith("REFUSED "), line);
        }
        // the comparison table of the benchmarks, and the largest table the limits admit, do load
        assertTrue(lines.get(0).startsWith("LOADED benchmark.xlsx"), lines.get(0));
        assertTrue(lines.get(1).startsWith("LOADED table-max.xlsx"), lines.get(1));
    }

    /** Runs {@link LoadProbe} in a child JVM with the documented heap; its output lines. */
    static List<String> probe(List<String> files) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP, "-cp", System.getProperty("java.class.path"), LoadProbe.class.getName()));
        cmd.addAll(files);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        System.out.println(out);
        return out.lines().filter(l -> l.matches("(LOADED|REFUSED|OOM|FAILED) .*")).toList();
    }

    // ---- shapes ---------------------------------------------------------------------------------

    private static final String[] BINDINGS = {"ID", "IF period.start", "IF line.system", "THEN line.termMonths",
            "THEN line.termKm", "NOTE"};
    private static final String[] TYPES = {"rule id", "date range", "enum set PartSystem", "integer", "integer", "text"};

    /** About and the header rows of a Terms table; rule rows follow from row 6. */
    private static StringBuilder termsHeader() {
        StringBuilder sb = new StringBuilder();
        sb.append(RawXlsx.row(1, "Terms — generated"));
        sb.append(RawXlsx.row(2, "Table 表", "Terms", "Hit 命中", "FIRST", "Per 每", "LINE", "Claim type 索赔类型",
                "WARRANTY", "Step 步骤", 20, "Gate 生效条件"));
        sb.append(RawXlsx.row(3, (Object[]) BINDINGS));
        sb.append(RawXlsx.row(4, (Object[]) TYPES));
        sb.append(RawXlsx.row(5, "Rule id", "Model", "System", "Months", "Km", "Note"));
        return sb;
    }

    private static RawXlsx withAbout() {
        return new RawXlsx().sheet("About 说明", null,
                RawXlsx.row(1, "Rulebook 规则集", "generated") + RawXlsx.row(2, "Version 版本", "1"));
    }

    private static String date(int n) {
        return java.time.LocalDate.of(2015, 1, 1).plusDays(n % 3000).toString();
    }

    /** A rule table of as many rows as fit: the rows all go to Drools. */
    static byte[] ruleRows(long budget) {
        StringBuilder sb = termsHeader();
        for (int r = 6; sb.length() < budget; r++) {
            sb.append(RawXlsx.row(r, "T-" + r, date(r), "ENGINE", r % 120 + 1, 100000));
        }
        return withAbout().sheet("Terms", null, sb.toString()).build();
    }

    /** A valid table of exactly {@code rows} rule rows. */
    static byte[] tableOf(int rows) {
        StringBuilder sb = termsHeader();
        for (int r = 6; r < 6 + rows; r++) {
            sb.append(RawXlsx.row(r, "T-" + r, date(r), "ENGINE", r % 120 + 1, 100000));
        }
        return withAbout().sheet("Terms", null, sb.toString()).build();
    }

    /** As the benchmarks' comparison workbook: written by POI's usermodel, shared strings, {@code rows} rows. */
    static byte[] benchmarkLike(int rows) throws IOException {
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet about = wb.createSheet("About 说明");
            about.createRow(0).createCell(0).setCellValue("Rulebook 规则集");
            about.getRow(0).createCell(1).setCellValue("benchmark");
            about.createRow(1).createCell(0).setCellValue("Version 版本");
            about.getRow(1).createCell(1).setCellValue("1");
            Sheet terms = wb.createSheet("Terms 保修期限");
            Object[][] header = {{"Terms"}, {"Table 表", "Terms", "Hit 命中", "FIRST", "Per 每", "LINE",
                    "Claim type 索赔类型", "WARRANTY", "Step 步骤", 20, "Gate 生效条件"}, BINDINGS, TYPES,
                    {"Rule id", "Model", "System", "Months", "Km", "Note"}};
            for (int r = 0; r < header.length; r++) {
                Row row = terms.createRow(r);
                for (int c = 0; c < header[r].length; c++) {
                    if (header[r][c] instanceof Integer i) {
                        row.createCell(c).setCellValue(i);
                    } else {
                        row.createCell(c).setCellValue((String) header[r][c]);
                    }
                }
            }
            String[] systems = {"ENGINE", "TRANSMISSION", "STEERING", "BRAKE"};
            for (int r = 5; r < 5 + rows; r++) {
                Row row = terms.createRow(r);
                row.createCell(0).setCellValue(String.format("T-%05d", r - 4));
                row.createCell(1).setCellValue(date(r));
                row.createCell(2).setCellValue(systems[r % systems.length]);
                row.createCell(3).setCellValue(r % 120 + 1);
                row.createCell(4).setCellValue(100_000);
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** Words a long note is made of: text that compresses like prose, not like a run of one letter. */
    private static final String[] WORDS = ("engine gearbox warranty claim covered excluded repair replace "
            + "dealer mileage months battery inverter brake cooling steering chassis paint glass sensor cable "
            + "module pump valve seal hose belt filter coolant oil fuel lamp switch relay fuse harness "
            + "保修 发动机 变速箱 电池 里程 维修 更换 经销商").split(" ");

    private static String prose(Random random, int chars) {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < chars) {
            sb.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        return sb.toString();
    }

    /** Rule rows, each with a long note that is a distinct shared string. */
    static byte[] longSharedStrings(long budget) {
        Random random = new Random(1);
        RawXlsx x = withAbout();
        StringBuilder sb = termsHeader();
        long sst = 0;
        for (int r = 6; sb.length() + sst < budget; r++) {
            String note = r + " " + prose(random, 400);
            sst += note.getBytes(StandardCharsets.UTF_8).length + 16;
            sb.append(RawXlsx.row(r, new Shared(x.shared("T-" + r)), new Shared(x.shared(date(r))),
                    new Shared(x.shared("ENGINE")), r % 120 + 1, 100000, new Shared(x.shared(note))));
        }
        return x.sheet("Terms", null, sb.toString()).build();
    }

    /** A small valid table and a data sheet of numbers filling the rest (with a formula: read by POI). */
    static byte[] numbers(long budget, boolean formula) {
        StringBuilder terms = termsHeader().append(RawXlsx.row(6, "T-1", date(1), "ENGINE", 36, 100000));
        StringBuilder data = new StringBuilder();
        if (formula) {
            data.append("<row r=\"1\"><c r=\"A1\"><f>1+1</f><v>2</v></c></row>");
        }
        Random random = new Random(2);
        for (int r = 2; data.length() < budget; r++) {
            data.append(RawXlsx.row(r, random.nextInt(1000), r, random.nextInt(100000), r * 3, 7, r % 10, 1,
                    random.nextInt(50), r, 2));
        }
        return withAbout().sheet("Terms", null, terms.toString()).sheet("Data", null, data.toString()).build();
    }

    /** A notes sheet of cells at Excel's longest text, 32,767 characters each. */
    static byte[] inlineStrings(long budget) {
        Random random = new Random(3);
        StringBuilder notes = new StringBuilder();
        for (int r = 1; notes.length() < budget; r++) {
            notes.append(RawXlsx.row(r, prose(random, 32_767).substring(0, 32_767)));
        }
        StringBuilder terms = termsHeader().append(RawXlsx.row(6, "T-1", date(1), "ENGINE", 36, 100000));
        return withAbout().sheet("Terms", null, terms.toString()).sheet("Notes", null, notes.toString()).build();
    }

    /** One inline string filling the whole budget. */
    static byte[] giantCell(long budget) {
        Random random = new Random(4);
        String text = prose(random, (int) budget - 200);
        StringBuilder terms = termsHeader().append(RawXlsx.row(6, "T-1", date(1), "ENGINE", 36, 100000, text));
        return withAbout().sheet("Terms", null, terms.toString()).build();
    }

    /** As many small sheets as the file limit lets in. */
    static byte[] manySheets(long budget) {
        RawXlsx x = withAbout();
        StringBuilder terms = termsHeader().append(RawXlsx.row(6, "T-1", date(1), "ENGINE", 36, 100000));
        x.sheet("Terms", null, terms.toString());
        // a zip entry costs ~200 bytes packed and ~600 unpacked over its four mentions
        long n = Math.min(WorkbookGuard.MAX_SHEETS + 1, Math.min(WorkbookGuard.MAX_FILE_BYTES / 260, budget / 620));
        for (int i = 0; i < n; i++) {
            x.sheet("S" + i, null, RawXlsx.row(1, "sheet " + i, i));
        }
        return x.build();
    }

    /** A styles part of many number formats and cell formats. */
    static byte[] styles(long budget) {
        Random random = new Random(5);
        StringBuilder s = new StringBuilder("<numFmts>");
        int formats = 0;
        while (s.length() < budget / 2) {
            s.append("<numFmt numFmtId=\"").append(164 + formats++).append("\" formatCode=\"yyyy-mm-dd &quot;")
                    .append(prose(random, 200)).append("&quot;\"/>");
        }
        s.append("</numFmts><cellXfs>");
        for (int i = 0; s.length() < budget; i++) {
            s.append("<xf numFmtId=\"").append(164 + i % formats).append("\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/>");
        }
        s.append("</cellXfs>");
        StringBuilder terms = termsHeader().append(RawXlsx.row(6, "T-1", date(1), "ENGINE", 36, 100000))
                .append("<row r=\"7\"><c r=\"A7\" s=\"100\"><v>45000</v></c></row>");
        return withAbout().styles(s.toString()).sheet("Terms", null, terms.toString()).build();
    }

    /** The largest Excel 97 workbook of numbers the full reader's limit lets in: read by POI's HSSF. */
    static byte[] largestXls() throws IOException {
        // a number record is 18 bytes
        for (long cells = WorkbookGuard.MAX_FULL_READER_BYTES / 20; ; cells = cells * 97 / 100) {
            byte[] bytes = oldXls(cells);
            if (bytes.length <= WorkbookGuard.MAX_FULL_READER_BYTES) {
                return bytes;
            }
        }
    }

    static byte[] oldXls(long cells) throws IOException {
        try (HSSFWorkbook wb = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet about = wb.createSheet("About 说明");
            about.createRow(0).createCell(0).setCellValue("Rulebook 规则集");
            int perSheet = 65_536 * 10;
            for (int s = 0; s * (long) perSheet < cells; s++) {
                Sheet data = wb.createSheet("Data" + s);
                for (int r = 0; r < 65_536 && s * (long) perSheet + r * 10L < cells; r++) {
                    Row row = data.createRow(r);
                    for (int c = 0; c < 10; c++) {
                        row.createCell(c).setCellValue(r * 10 + c);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
