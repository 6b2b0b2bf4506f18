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

        Xlsx.set(s, 12, b, "RuleTable Terms");
        Xlsx.row(s, 13, b, "CONDITION", "CONDITION", "CONDITION", "ACTION");
        // the object type is merged over the three conditions: one pattern with three constraints; Drools'
        // parser visits existing cells only, so the covered cells must exist (blank) too
        Xlsx.row(s, 14, b, "$c : DtClaim", "", "");
        s.addMergedRegion(new CellRangeAddress(14, 14, b, b + 2));
        Xlsx.row(s, 15, b, "forall(||){cause == \"$\"}", "model == \"$param\"", "system == \"$param\"",
                "$c.term($1, $2);");
        Xlsx.row(s, 16, b, "Covered causes", "Model", "System", "Term months, km");
        int r = 17;
        for (TermsTable.Row row : table.rows()) {
            Xlsx.row(s, r++, b, "QUALITY_DEFECT, BREAKDOWN", TermsTable.modelName(row.model()), row.system().name(),
                    row.termMonths() + ", " + row.termKm());
        }
        return Xlsx.bytes(wb);
    }
}
