package io.autoclaims.bench.table;

import io.autoclaims.model.Cause;
import io.autoclaims.model.Fact;
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
        int r = coveredCause(s, 0);

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
        termRows(s, r + 3, table);
        return Xlsx.bytes(wb);
    }

    /**
     * The explained variant (issue #16): the same decision written by an OpenL user to return what this
     * library's verdict explains, {@link ExplainedAnswer} (rule id, table, row, code, zh/en text with
     * the values, the facts). The cause names come from two lookup tables; the terms table returns the
     * row's term; the expiry is a {@code Rules} table of three rows (first match) whose return cells
     * build the explanation.
     *
     * <ul>
     *   <li>{@code Rules boolean coveredCause(String cause)}, {@code Rules String causeZh(String cause)},
     *       {@code Rules String causeEn(String cause)}: 22 rows each;</li>
     *   <li>{@code Rules int[] terms(String model, String system)}: one row per model x system;</li>
     *   <li>{@code Rules ExplainedAnswer expiry(...)}: months over, km over, else covered;</li>
     *   <li>{@code Method ExplainedAnswer decide(...)}: the cause first, then the terms and the expiry.</li>
     * </ul>
     */
    public static byte[] writeExplained(TermsTable table) {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet s = wb.createSheet("Rules");
        Xlsx.set(s, 0, 0, "Environment");
        Xlsx.row(s, 1, 0, "import", ExplainedAnswer.class.getPackageName());
        Xlsx.row(s, 2, 0, "import", Fact.class.getPackageName());
        int r = coveredCause(s, 4);
        r = causeNames(s, r, "causeZh", true);
        r = causeNames(s, r, "causeEn", false);

        Xlsx.set(s, r, 0, "Method ExplainedAnswer decide(String cause, String model, String system, int months, int km)");
        Xlsx.set(s, r + 1, 0, "if (!coveredCause(cause)) {"
                + " return ExplainedAnswer.of(\"EXCLUDED_CAUSE\", \"C-01\", \"Causes 原因\", 6,"
                + " \"L1 不在保修范围：损坏原因为\" + causeZh(cause), \"L1 not covered: damage caused by \" + causeEn(cause),"
                + " new Fact[] {new Fact(\"line.cause\", cause), new Fact(\"line.id\", \"L1\")}); }");
        Xlsx.set(s, r + 2, 0, "int[] term = terms(model, system);");
        Xlsx.set(s, r + 3, 0, "return expiry(months - term[0], km - term[1], months, km, term[0], term[1]);");
        r += 5;

        Xlsx.set(s, r, 0, "Rules int[] terms(String model, String system)");
        s.addMergedRegion(new CellRangeAddress(r, r, 0, 3));
        Xlsx.row(s, r + 1, 0, "C1", "C2", "RET1");
        s.addMergedRegion(new CellRangeAddress(r + 1, r + 1, 2, 3));
        Xlsx.row(s, r + 2, 0, "model", "system", "new int[] {maxMonths, maxKm}");
        s.addMergedRegion(new CellRangeAddress(r + 2, r + 2, 2, 3));
        r = termRows(s, r + 3, table) + 1;

        Xlsx.set(s, r, 0, "Rules ExplainedAnswer expiry(int monthsOver, int kmOver, int months, int km, int termMonths,"
                + " int termKm)");
        s.addMergedRegion(new CellRangeAddress(r, r, 0, 2));
        Xlsx.row(s, r + 1, 0, "C1", "C2", "RET1");
        Xlsx.row(s, r + 2, 0, "monthsOver > over", "kmOver > over", "answer");
        Xlsx.row(s, r + 3, 0, "int over", "int over", "ExplainedAnswer answer");
        Xlsx.row(s, r + 4, 0, "Months over term", "Km over term", "Explanation");
        Xlsx.row(s, r + 5, 0, 0, null, "= ExplainedAnswer.of(\"EXPIRED\", \"E-01\", \"Expiry 保修到期\", 6,"
                + " \"保修期已过：交车后第 \" + months + \" 个月，保修期 \" + termMonths + \" 个月\","
                + " \"Warranty expired: \" + months + \" months after delivery, term is \" + termMonths + \" months\","
                + " new Fact[] {new Fact(\"line.monthsOverTerm\", monthsOver), new Fact(\"period.monthsSinceStart\", months),"
                + " new Fact(\"line.termMonths\", termMonths)})");
        Xlsx.row(s, r + 6, 0, null, 0, "= ExplainedAnswer.of(\"EXPIRED\", \"E-02\", \"Expiry 保修到期\", 7,"
                + " \"保修里程已超：行驶 \" + km + \" 公里，保修里程 \" + termKm + \" 公里\","
                + " \"Warranty expired by distance: \" + km + \" km driven, term is \" + termKm + \" km\","
                + " new Fact[] {new Fact(\"line.kmOverTerm\", kmOver), new Fact(\"vehicle.odometerKm\", km),"
                + " new Fact(\"line.termKm\", termKm)})");
        Xlsx.row(s, r + 7, 0, null, null, "= ExplainedAnswer.of(\"COVERED\", \"E-03\", \"Expiry 保修到期\", 8,"
                + " \"L1 保修：保修期 \" + termMonths + \" 个月 / \" + termKm + \" 公里内\","
                + " \"L1 covered: within the term of \" + termMonths + \" months / \" + termKm + \" km\","
                + " new Fact[] {new Fact(\"line.id\", \"L1\"), new Fact(\"line.termMonths\", termMonths),"
                + " new Fact(\"line.termKm\", termKm)})");
        return Xlsx.bytes(wb);
    }

    /** {@code Rules boolean coveredCause(String cause)} from row {@code r}; returns the next free row. */
    private static int coveredCause(Sheet s, int r) {
        Xlsx.set(s, r, 0, "Rules boolean coveredCause(String cause)");
        s.addMergedRegion(new CellRangeAddress(r, r, 0, 1));
        Xlsx.row(s, r + 1, 0, "C1", "RET1");
        Xlsx.row(s, r + 2, 0, "cause", "covered");
        Xlsx.row(s, r + 3, 0, null, "boolean covered");
        Xlsx.row(s, r + 4, 0, "Cause", "Covered");
        r += 5;
        for (Cause c : Cause.values()) {
            Xlsx.row(s, r++, 0, c.name(), TermsTable.COVERED_CAUSES.contains(c));
        }
        return r + 1;
    }

    /** A lookup of the causes' names in reasons, Chinese or English. */
    private static int causeNames(Sheet s, int r, String name, boolean zh) {
        Xlsx.set(s, r, 0, "Rules String " + name + "(String cause)");
        s.addMergedRegion(new CellRangeAddress(r, r, 0, 1));
        Xlsx.row(s, r + 1, 0, "C1", "RET1");
        Xlsx.row(s, r + 2, 0, "cause", "label");
        Xlsx.row(s, r + 3, 0, null, "String label");
        Xlsx.row(s, r + 4, 0, "Cause", zh ? "原因" : "Cause name");
        r += 5;
        for (Cause c : Cause.values()) {
            Xlsx.row(s, r++, 0, c.name(), zh ? c.zh() : CauseLabels.en(c));
        }
        return r + 1;
    }

    /** The term parameters' declaration, titles and one row per model x system from {@code r}. */
    private static int termRows(Sheet s, int r, TermsTable table) {
        Xlsx.row(s, r, 0, null, null, "int maxMonths", "int maxKm");
        Xlsx.row(s, r + 1, 0, "Model", "System", "Term months", "Term km");
        r += 2;
        for (TermsTable.Row row : table.rows()) {
            Xlsx.row(s, r++, 0, TermsTable.modelName(row.model()), row.system().name(), row.termMonths(), row.termKm());
        }
        return r;
    }
}
