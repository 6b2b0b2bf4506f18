package io.autoclaims.examples;

import io.autoclaims.batch.ImpactRun;
import io.autoclaims.batch.ImpactSummary;
import io.autoclaims.rules.Rulebook;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * The impact example (issue #6, item 7): what extending the traction-battery and drive-motor warranty
 * from 96 to 120 months (rule row T-01 of {@code Terms 保修期限}, column C) does to a backlog of EV
 * warranty claims. Writes {@code examples/impact/warranty-battery-120.xlsx} (the shipped warranty
 * workbook with that one cell changed) and the report in {@code examples/impact-sample/}; the command
 * line gives the same report:
 *
 * <pre>
 * ./claims impact --old claims-rules/src/main/resources/io/autoclaims/rules/default/warranty.xlsx \
 *     --new examples/impact/warranty-battery-120.xlsx --in examples/impact/ev-backlog.jsonl \
 *     --report examples/impact-sample
 * </pre>
 *
 * Run with {@code mvn -q -pl examples exec:java -Dexec.mainClass=io.autoclaims.examples.ImpactExample}
 * (after {@code mvn -q install -DskipTests}); {@code ImpactSampleTest} checks that the files checked in
 * are what this program writes.
 */
public final class ImpactExample {
    /** The changed workbook's file name. */
    public static final String WORKBOOK = "warranty-battery-120.xlsx";
    /** The shipped warranty workbook, where the old term is. */
    public static final String SHIPPED_WARRANTY = "io/autoclaims/rules/default/warranty.xlsx";

    private ImpactExample() {
    }

    public static void main(String[] args) throws IOException {
        Path examples = Files.isDirectory(Path.of("impact")) ? Path.of(".") : Path.of("examples");
        Files.write(examples.resolve("impact").resolve(WORKBOOK), batteryTerm(120));
        ImpactSummary s = report(examples.resolve("impact").resolve(WORKBOOK),
                examples.resolve("impact").resolve("ev-backlog.jsonl"), examples.resolve("impact-sample"));
        System.out.println(s.describe());
    }

    /** The shipped warranty workbook's bytes. */
    public static byte[] shippedWarranty() throws IOException {
        try (InputStream in = ImpactExample.class.getClassLoader().getResourceAsStream(SHIPPED_WARRANTY)) {
            if (in == null) {
                throw new IllegalStateException(SHIPPED_WARRANTY + " is not on the class path");
            }
            return in.readAllBytes();
        }
    }

    /** The shipped warranty workbook with the traction-battery / drive-motor term (T-01, months) set to {@code months}. */
    public static byte[] batteryTerm(int months) throws IOException {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(shippedWarranty()));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet terms = wb.getSheet("Terms 保修期限");
            Cell term = null;
            for (Row row : terms) {
                Cell id = row.getCell(0);
                if (id != null && "T-01".equals(id.getStringCellValue())) {
                    term = row.getCell(2);
                }
            }
            if (term == null || term.getNumericCellValue() != 96) {
                throw new IllegalStateException("the shipped T-01 row no longer holds the 96-month term in column C");
            }
            term.setCellValue(months);
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** The report of the shipped warranty workbook against {@code changedWorkbook} on {@code backlog}, into {@code dir}. */
    public static ImpactSummary report(Path changedWorkbook, Path backlog, Path dir) throws IOException {
        return ImpactRun.builder()
                .oldRulebook(Rulebook.fromWorkbooks(Map.of("warranty.xlsx", shippedWarranty())))
                .newRulebook(Rulebook.load(changedWorkbook))
                // file names, not paths: the checked-in report must not depend on where it was made
                .sources(SHIPPED_WARRANTY, "examples/impact/" + changedWorkbook.getFileName())
                .input(backlog)
                .reportDir(dir)
                .threads(1)
                .build()
                .run();
    }
}
