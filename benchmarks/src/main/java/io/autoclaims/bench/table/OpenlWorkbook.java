package io.autoclaims.bench.table;

import io.autoclaims.model.Cause;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The comparison table as an OpenL Tablets workbook: three tables on one sheet.
 *
 * <ul>
 *   <li>{@code Rules boolean coveredCause(String cause)}: the 22 causes, 2 of them TRUE.</li>
 * </ul>
 *
 * Conditions use OpenL's simplified declaration (code {@code cause}, parameter cell blank: an equality
 * test against the cell), the form OpenL's decision-table optimizer indexes.
 *
 * <ul>
 *   <li>{@code Rules String terms(String model, String system, int months, int km)}: one row per model
 *       x system; the return column holds the row's months and km and returns
 *       {@code EXPIRED} when months or km exceed them, else {@code COVERED}.</li>
 *   <li>{@code Method String decide(...)}: the cause first, then the terms.</li>
 * </ul>
 */
public final class OpenlWorkbook {
    public static final String FILE = "terms-openl.xlsx";

    private OpenlWorkbook() {
    }

    public static byte[] write(TermsTable table) {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet s = wb.createSheet("Rules");

        Xlsx.set(s, 0, 0, "Rules boolean coveredCause(String cause)");
        s.addMergedRegion(new CellRangeAddress(0, 0, 0, 1));
        Xlsx.row(s, 1, 0, "C1", "RET1");
        Xlsx.row(s, 2, 0, "cause", "covered");
        Xlsx.row(s, 3, 0, null, "boolean covered");
        Xlsx.row(s, 4, 0, "Cause", "Covered");
        int r = 5;
        for (Cause c : Cause.values()) {
            Xlsx.row(s, r++, 0, c.name(), TermsTable.COVERED_CAUSES.contains(c));
        }
        r++;

        Xlsx.set(s, r, 0, "Method String decide(String cause, String model, String system, int months, int km)");
        Xlsx.set(s, r + 1, 0, "return coveredCause(cause) ? terms(model, system, months, km) : \"EXCLUDED_CAUSE\";");
        r += 3;

        Xlsx.set(s, r, 0, "Rules String terms(String model, String system, int months, int km)");
        s.addMergedRegion(new CellRangeAddress(r, r, 0, 3));
        Xlsx.row(s, r + 1, 0, "C1", "C2", "RET1");
        s.addMergedRegion(new CellRangeAddress(r + 1, r + 1, 2, 3));
        Xlsx.row(s, r + 2, 0, "model", "system",
                "months <= maxMonths && km <= maxKm ? \"COVERED\" : \"EXPIRED\"");
        s.addMergedRegion(new CellRangeAddress(r + 2, r + 2, 2, 3));
        Xlsx.row(s, r + 3, 0, null, null, "int maxMonths", "int maxKm");
        Xlsx.row(s, r + 4, 0, "Model", "System", "Term months", "Term km");
        r += 5;
        for (TermsTable.Row row : table.rows()) {
            Xlsx.row(s, r++, 0, TermsTable.modelName(row.model()), row.system().name(), row.termMonths(), row.termKm());
        }
        return Xlsx.bytes(wb);
    }
}
