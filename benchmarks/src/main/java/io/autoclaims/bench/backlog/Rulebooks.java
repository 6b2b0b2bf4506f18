package io.autoclaims.bench.backlog;

import io.autoclaims.rules.Rulebook;
import io.autoclaims.rules.RulebookScenarios;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The default rulebook, and a copy of it with one changed cell, for the swap benchmark. */
final class Rulebooks {
    private static final String FOLDER = "io/autoclaims/rules/default/";

    private Rulebooks() {
    }

    /** The shipped workbooks' bytes by file name, read from the claims-rules jar as Rulebook.loadDefault does. */
    static Map<String, byte[]> defaultWorkbooks() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        String index = new String(resource(FOLDER + "index.txt"), StandardCharsets.UTF_8);
        for (String line : index.lines().map(String::strip).toList()) {
            if (!line.isEmpty() && !line.startsWith("#")) {
                files.put(line, resource(FOLDER + line));
            }
        }
        return files;
    }

    /**
     * The default rulebook with one cell changed: the traction battery's warranty term (row T-01 of
     * the Terms sheet of warranty.xlsx) from 96 to 120 months.
     */
    static Rulebook withTractionBatteryTerm(int months) {
        Map<String, byte[]> files = defaultWorkbooks();
        files.put("warranty.xlsx", changeTerm(files.get("warranty.xlsx"), "T-01", months));
        // the shipped scenarios' claim files: the checked swap runs them before the copy goes live
        return Rulebook.fromWorkbooks(files, RulebookScenarios.defaultFiles());
    }

    /**
     * The default rulebook in force from {@code from}: warranty.xlsx states it on its About sheet
     * ({@code In force from 施行日期}, row 5), with {@code version} in its version cell. Nothing else changes.
     */
    static Rulebook dated(String version, java.time.LocalDate from) {
        return dated(version, from, defaultWorkbooks());
    }

    /**
     * {@link #dated(String, java.time.LocalDate)} with the traction battery's term (row T-01 of the
     * Terms sheet, a THEN value) at {@code months}: a version whose rows differ, its rules' text not.
     */
    static Rulebook dated(String version, java.time.LocalDate from, int months) {
        Map<String, byte[]> files = defaultWorkbooks();
        files.put("warranty.xlsx", changeTerm(files.get("warranty.xlsx"), "T-01", months));
        return dated(version, from, files);
    }

    private static Rulebook dated(String version, java.time.LocalDate from, Map<String, byte[]> files) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(files.get("warranty.xlsx")));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet about = wb.getSheet("About 说明");
            about.getRow(1).getCell(1).setCellValue(version);
            Row row = about.getRow(4) == null ? about.createRow(4) : about.getRow(4);
            row.createCell(0).setCellValue("In force from 施行日期");
            Cell date = row.createCell(1);
            date.setCellValue(from);
            date.setCellStyle(about.getRow(2).getCell(1).getCellStyle()); // the Effective date's date format
            wb.write(out);
            files.put("warranty.xlsx", out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Rulebook.fromWorkbooks(files);
    }

    private static byte[] changeTerm(byte[] workbook, String ruleId, int months) {
        DataFormatter text = new DataFormatter();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet terms = null;
            for (Sheet s : wb) {
                if (s.getSheetName().startsWith("Terms")) {
                    terms = s;
                }
            }
            if (terms == null) {
                throw new IllegalStateException("warranty.xlsx has no Terms sheet");
            }
            int column = -1;
            for (Cell c : terms.getRow(2)) {
                if (text.formatCellValue(c).strip().equals("THEN line.termMonths")) {
                    column = c.getColumnIndex();
                }
            }
            for (Row r : terms) {
                if (r.getRowNum() >= 5 && text.formatCellValue(r.getCell(0)).strip().equals(ruleId) && column >= 0) {
                    r.getCell(column).setCellValue(months);
                    wb.write(out);
                    return out.toByteArray();
                }
            }
            throw new IllegalStateException("no row " + ruleId + " with a THEN line.termMonths column in the Terms sheet");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = Rulebooks.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " (claims-rules on the class path?)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
