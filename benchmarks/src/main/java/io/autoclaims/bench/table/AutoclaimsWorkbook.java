package io.autoclaims.bench.table;

import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The comparison table in this library's workbook format ({@code docs/workbook-format.md}): three
 * LINE tables of a WARRANTY rulebook.
 *
 * <ol>
 *   <li>{@code Causes} (step 10, FIRST): a cause other than QUALITY_DEFECT or BREAKDOWN is
 *       {@code EXCLUDED_CAUSE} and the line is not covered, which ends the claim there (the cause is
 *       checked first); otherwise the line stays covered for the next steps.</li>
 *   <li>{@code Terms} (step 20, FIRST): one row per model x system setting {@code line.termMonths} and
 *       {@code line.termKm}.</li>
 *   <li>{@code Expiry} (step 30, FIRST): {@code line.monthsOverTerm > 0} or {@code line.kmOverTerm > 0}
 *       is {@code EXPIRED}; else {@code COVERED}.</li>
 * </ol>
 *
 * <p><b>The vehicle model.</b> The fact catalog has no vehicle model (nor any other free code of the
 * vehicle), so the model is mapped to the closest fact that can tell 500 values apart by equality:
 * {@code period.start}, the delivery date. Model {@code m} is the cohort delivered on
 * {@link #deliveredOn(int) 2015-01-01 + m days}; its claims carry that {@code deliveredOn}. Months in
 * service are {@code period.monthsSinceStart} (the incident falls exactly {@code months} months after
 * delivery) and km are {@code vehicle.odometerKm}.
 */
public final class AutoclaimsWorkbook {
    public static final String FILE = "terms.xlsx";
    private static final LocalDate FIRST_COHORT = LocalDate.of(2015, 1, 1);

    private AutoclaimsWorkbook() {
    }

    /** The delivery date standing for vehicle model {@code model}. */
    public static LocalDate deliveredOn(int model) {
        return FIRST_COHORT.plusDays(model);
    }

    public static byte[] write(TermsTable table) {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet about = wb.createSheet("About 说明");
        Xlsx.row(about, 0, 0, "Rulebook 规则集", "benchmark terms " + table.rows().size() + " rows");
        Xlsx.row(about, 1, 0, "Version 版本", "1");

        Sheet causes = table(wb, "Causes 原因", "Causes", 10,
                new String[] {"ID", "IF line.cause", "THEN line.covered", "CODE", "TEXT zh", "TEXT en"},
                new String[] {"rule id", "enum set Cause", "boolean", "code", "text", "text"},
                new String[] {"Rule id 规则编号", "Cause 原因", "Covered? 保修", "Reason code 原因代码",
                        "Reason (Chinese) 原因（中文）", "Reason (English) 原因（英文）"});
        Xlsx.row(causes, 5, 0, "C-01", "NOT QUALITY_DEFECT, BREAKDOWN", false, "EXCLUDED_CAUSE",
                "{line.id} 不在保修范围：损坏原因为{line.cause}",
                "{line.id} not covered: damage caused by {line.cause}");
        Xlsx.row(causes, 6, 0, "C-02", null, true);

        Sheet terms = table(wb, "Terms 保修期限", "Terms", 20,
                new String[] {"ID", "IF period.start", "IF line.system", "THEN line.termMonths", "THEN line.termKm"},
                new String[] {"rule id", "date range", "enum set PartSystem", "integer", "integer"},
                new String[] {"Rule id 规则编号", "Model (delivery cohort) 车型（交车批次）", "System 系统",
                        "Term, months 保修期（月）", "Term, km 保修里程（公里）"});
        int r = 5;
        for (TermsTable.Row row : table.rows()) {
            Xlsx.row(terms, r++, 0, String.format("T-%05d", r - 5), deliveredOn(row.model()).toString(),
                    row.system().name(), row.termMonths(), row.termKm());
        }

        Sheet expiry = table(wb, "Expiry 保修到期", "Expiry", 30,
                new String[] {"ID", "IF line.monthsOverTerm", "IF line.kmOverTerm", "THEN line.covered",
                        "THEN line.remedy", "CODE", "TEXT zh", "TEXT en"},
                new String[] {"rule id", "integer range", "integer range", "boolean", "enum LineRemedy", "code",
                        "text", "text"},
                new String[] {"Rule id 规则编号", "Months over term 超出保修期（月）", "Km over term 超出保修里程（公里）",
                        "Covered? 保修", "Line remedy 项目处理方式", "Reason code 原因代码",
                        "Reason (Chinese) 原因（中文）", "Reason (English) 原因（英文）"});
        Xlsx.row(expiry, 5, 0, "E-01", "> 0", null, false, "NONE", "EXPIRED",
                "保修期已过：交车后第 {period.monthsSinceStart} 个月，保修期 {line.termMonths} 个月",
                "Warranty expired: {period.monthsSinceStart} months after delivery, term is {line.termMonths} months");
        Xlsx.row(expiry, 6, 0, "E-02", null, "> 0", false, "NONE", "EXPIRED",
                "保修里程已超：行驶 {vehicle.odometerKm} 公里，保修里程 {line.termKm} 公里",
                "Warranty expired by distance: {vehicle.odometerKm} km driven, term is {line.termKm} km");
        Xlsx.row(expiry, 7, 0, "E-03", null, null, true, "REPAIR", "COVERED",
                "{line.id} 保修：保修期 {line.termMonths} 个月 / {line.termKm} 公里内",
                "{line.id} covered: within the term of {line.termMonths} months / {line.termKm} km");
        return Xlsx.bytes(wb);
    }

    private static Sheet table(XSSFWorkbook wb, String sheetName, String key, int step, String[] bindings,
            String[] types, String[] headers) {
        Sheet s = wb.createSheet(sheetName);
        Xlsx.set(s, 0, 0, sheetName + " — benchmark table");
        Xlsx.row(s, 1, 0, "Table 表", key, "Hit 命中", "FIRST", "Per 每", "LINE", "Claim type 索赔类型", "WARRANTY",
                "Step 步骤", step, "Gate 生效条件");
        Xlsx.row(s, 2, 0, (Object[]) bindings);
        Xlsx.row(s, 3, 0, (Object[]) types);
        Xlsx.row(s, 4, 0, (Object[]) headers);
        return s;
    }
}
