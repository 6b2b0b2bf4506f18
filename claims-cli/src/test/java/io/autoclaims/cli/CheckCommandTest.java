package io.autoclaims.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code claims check} on the shipped workbooks and on a broken copy, with an annotated copy. */
class CheckCommandTest {
    @TempDir
    Path dir;

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = ClaimsCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new String[] {String.valueOf(status), out.toString(), err.toString()};
    }

    @Test
    void theShippedRulebookPasses() {
        String[] r = run("check");
        assertEquals("0", r[0], r[1] + r[2]);
        assertTrue(r[1].contains("3 workbook(s): 0 error(s), 0 warning(s)"), r[1]);
    }

    @Test
    void aBrokenCopyFailsWithCellsInBothLanguagesAndAnAnnotatedCopy() throws IOException {
        Path broken = dir.resolve("warranty.xlsx");
        Files.write(broken, brokenCopy());
        Path annotated = dir.resolve("annotated.xlsx");
        String[] r = run("check", "--rules", broken.toString(), "--annotate", annotated.toString());
        assertEquals("1", r[0], r[1] + r[2]);
        assertTrue(r[1].contains("warranty.xlsx!Terms 保修期限!C9: \"3 years\" is not a whole number of months"), r[1]);
        assertTrue(r[1].contains("warranty.xlsx!Coverage 保修范围!B2: 表 Coverage 没有规则覆盖"), r[1]);
        assertTrue(r[1].contains("no row of Coverage covers a claim with line.cause = QUALITY_DEFECT"), r[1]);
        try (Workbook wb = WorkbookFactory.create(annotated.toFile())) {
            Cell c9 = wb.getSheet("Terms 保修期限").getRow(8).getCell(2);
            assertNotNull(c9.getCellComment());
            assertTrue(c9.getCellComment().getString().getString().contains("3 years"));
            assertEquals(FillPatternType.SOLID_FOREGROUND, c9.getCellStyle().getFillPattern());
        }
        String[] json = run("check", "--rules", broken.toString(), "--format", "json");
        assertTrue(json[1].startsWith("[{\"severity\":\"ERROR\""), json[1]);
    }

    /** The warranty workbook with a text term and the QUALITY_DEFECT repair rows removed. */
    private static byte[] brokenCopy() throws IOException {
        try (InputStream in = CheckCommandTest.class.getResourceAsStream("/io/autoclaims/rules/default/warranty.xlsx");
                Workbook wb = WorkbookFactory.create(in);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Row row : wb.getSheet("Terms 保修期限")) {
                if (row.getCell(0) != null && "T-04".equals(row.getCell(0).getStringCellValue())) {
                    row.getCell(2).setCellValue("3 years");
                }
            }
            for (Row row : wb.getSheet("Coverage 保修范围")) {
                Cell id = row.getCell(0);
                if (id != null && id.getStringCellValue().startsWith("W7-")) {
                    row.getCell(1).setCellValue("BREAKDOWN");
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
