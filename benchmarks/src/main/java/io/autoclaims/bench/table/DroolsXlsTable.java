package io.autoclaims.bench.table;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The comparison table as a Drools spreadsheet decision table (Drools' own XLS path), in the layout
 * of the Drools documentation: a {@code RuleSet}, an {@code Import} of {@link DtClaim}, then two
 * {@code RuleTable}s on the first sheet.
 *
 * <ul>
 *   <li>{@code RuleTable Cause}: one rule, {@code cause != "QUALITY_DEFECT" && cause != "BREAKDOWN"}
 *       sets {@code EXCLUDED_CAUSE}.</li>
 *   <li>{@code RuleTable Terms}: one rule per model x system, conditions
 *       {@code cause == "QUALITY_DEFECT" || cause == "BREAKDOWN"}, {@code model == "M00042"},
 *       {@code system == "ENGINE"}, action {@code $c.term(36, 100000)} (expired when months or km
 *       exceed the term, else covered).</li>
 * </ul>
 *
 * The rules are mutually exclusive, so no salience or activation group is needed and a batch of facts
 * can share one {@code fireAllRules}. Drools names them {@code Terms_<row>}.
 */
public final class DroolsXlsTable {
    /** The KieFileSystem path: only {@code .drl.xlsx} is read as a decision table (drools-probe.md). */
    public static final String PATH = "src/main/resources/io/autoclaims/bench/rules/terms.drl.xlsx";

    private DroolsXlsTable() {
    }

    public static byte[] write(TermsTable table) {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet s = wb.createSheet("Terms");
        int b = 1;
        Xlsx.row(s, 1, b, "RuleSet", "io.autoclaims.bench.rules");
        Xlsx.row(s, 2, b, "Import", DtClaim.class.getName());
        Xlsx.row(s, 3, b, "Notes", "Warranty terms by vehicle model x part system, " + table.rows().size() + " rows");

        Xlsx.set(s, 5, b, "RuleTable Cause");
        Xlsx.row(s, 6, b, "CONDITION", "ACTION");
        Xlsx.row(s, 7, b, "$c : DtClaim");
        Xlsx.row(s, 8, b, "forall(&&){cause != \"$\"}", "$c.setResult(\"$param\");");
        Xlsx.row(s, 9, b, "Cause not covered", "Result");
        Xlsx.row(s, 10, b, "QUALITY_DEFECT, BREAKDOWN", "EXCLUDED_CAUSE");

        termsTable(s, b, table, "DtClaim", "$c.term($1, $2);");
        return Xlsx.bytes(wb);
    }

    /**
     * {@code RuleTable Terms} from row 12: one rule per model x system on the fact type, the action given
     * the row's term months and km as {@code $1, $2}; returns the next free row.
     */
    private static int termsTable(Sheet s, int b, TermsTable table, String factType, String action) {
        Xlsx.set(s, 12, b, "RuleTable Terms");
        Xlsx.row(s, 13, b, "CONDITION", "CONDITION", "CONDITION", "ACTION");
        // the object type is merged over the three conditions: one pattern with three constraints; Drools'
        // parser visits existing cells only, so the covered cells must exist (blank) too
        Xlsx.row(s, 14, b, "$c : " + factType, "", "");
        s.addMergedRegion(new CellRangeAddress(14, 14, b, b + 2));
        Xlsx.row(s, 15, b, "forall(||){cause == \"$\"}", "model == \"$param\"", "system == \"$param\"", action);
        Xlsx.row(s, 16, b, "Covered causes", "Model", "System", "Term months, km");
        int r = 17;
        for (TermsTable.Row row : table.rows()) {
            Xlsx.row(s, r++, b, "QUALITY_DEFECT, BREAKDOWN", TermsTable.modelName(row.model()), row.system().name(),
                    row.termMonths() + ", " + row.termKm());
        }
        return r;
    }

    /**
     * The explained variant (issue #16): the same decision written by a Drools user to return what this
     * library's verdict explains ({@link ExplainedAnswer}). Three tables: {@code Cause} (one rule),
     * {@code Terms} (one rule per model x system, {@code modify} setting the term) and {@code Expiry} (three
     * mutually exclusive rules on the term). The explaining rows carry their reason code, rule id, row, zh/en
     * text templates ({@code {fact}} placeholders, as in this library's workbook) and the facts they name
     * as data; the action columns hand them to {@link DtExplainedClaim}, which fills in the values (Drools
     * escapes quotes in a cell, so code stays in the templates). Rules of one batch share one
     * {@code fireAllRules}.
     */
    public static byte[] writeExplained(TermsTable table) {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet s = wb.createSheet("Terms");
        int b = 1;
        Xlsx.row(s, 1, b, "RuleSet", "io.autoclaims.bench.rules");
        Xlsx.row(s, 2, b, "Import", DtExplainedClaim.class.getName());
        Xlsx.row(s, 3, b, "Notes", "Warranty terms by vehicle model x part system, explained, " + table.rows().size()
                + " rows");

        explainingTable(s, 5, b, "Cause", "forall(&&){cause != \"$\"}", "Causes 原因", new Object[][] {
                {"QUALITY_DEFECT, BREAKDOWN", "EXCLUDED_CAUSE", "C-01", 6, "{line.id} 不在保修范围：损坏原因为{line.cause}",
                        "{line.id} not covered: damage caused by {line.cause}", "line.cause, line.id"}});

        int r = termsTable(s, b, table, "DtExplainedClaim", "modify($c) { setTermMonths($1), setTermKm($2) };");

        explainingTable(s, r + 1, b, "Expiry", "termMonths > 0, $param", "Expiry 保修到期", new Object[][] {
                {"months > termMonths", "EXPIRED", "E-01", 6, "保修期已过：交车后第 {period.monthsSinceStart} 个月，保修期 {line.termMonths} 个月",
                        "Warranty expired: {period.monthsSinceStart} months after delivery, term is {line.termMonths} months",
                        "line.monthsOverTerm, period.monthsSinceStart, line.termMonths"},
                {"months <= termMonths, km > termKm", "EXPIRED", "E-02", 7,
                        "保修里程已超：行驶 {vehicle.odometerKm} 公里，保修里程 {line.termKm} 公里",
                        "Warranty expired by distance: {vehicle.odometerKm} km driven, term is {line.termKm} km",
                        "line.kmOverTerm, vehicle.odometerKm, line.termKm"},
                {"months <= termMonths, km <= termKm", "COVERED", "E-03", 8,
                        "{line.id} 保修：保修期 {line.termMonths} 个月 / {line.termKm} 公里内",
                        "{line.id} covered: within the term of {line.termMonths} months / {line.termKm} km",
                        "line.id, line.termMonths, line.termKm"}});
        return Xlsx.bytes(wb);
    }

    /** A table of one condition whose rows explain: code, rule id, row, zh/en templates, named facts. */
    private static void explainingTable(Sheet s, int r, int b, String name, String condition, String tableName,
            Object[][] rows) {
        Xlsx.set(s, r, b, "RuleTable " + name);
        Xlsx.row(s, r + 1, b, "CONDITION", "ACTION", "ACTION", "ACTION", "ACTION", "ACTION", "ACTION");
        Xlsx.row(s, r + 2, b, "$c : DtExplainedClaim");
        Xlsx.row(s, r + 3, b, condition, "$c.setCode(\"$param\");", "$c.setRuleId(\"$param\");", "$c.setRow($param);",
                "$c.setZh(\"$param\");", "$c.setEn(\"$param\");", "$c.explain(\"" + tableName + "\", \"$param\");");
        Xlsx.row(s, r + 4, b, "Condition", "Reason code", "Rule id", "Row", "Text zh", "Text en", "Facts");
        for (int i = 0; i < rows.length; i++) {
            Xlsx.row(s, r + 5 + i, b, rows[i]);
        }
    }
}
