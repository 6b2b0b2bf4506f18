package io.autoclaims.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code claims test}: the shipped scenarios pass with full row coverage; an edited copy fails by row. */
class TestCommandTest {
    private static final String DEFAULT = "/io/autoclaims/rules/default/";

    @TempDir
    Path dir;

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = ClaimsCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new String[] {String.valueOf(status), out.toString(), err.toString()};
    }

    @Test
    void theShippedScenariosPassAndReachEveryRuleRow() {
        String[] r = run("test");
        assertEquals("0", r[0], r[1] + r[2]);
        assertTrue(r[1].contains("95 scenario(s): 95 passed, 0 failed"), r[1]);
        assertTrue(r[1].contains("row coverage: 84 of 84 rule rows (100.0%)"), r[1]);
    }

    @Test
    void aLongerWholeVehicleKmTermBreaksTheScenariosThatExpectedExpiry() throws IOException {
        Files.createDirectories(dir.resolve("scenarios"));
        Files.write(dir.resolve("scenarios/warranty.jsonl"), resource("scenarios/warranty.jsonl"));
        try (Workbook wb = WorkbookFactory.create(new java.io.ByteArrayInputStream(resource("warranty.xlsx")));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Row row : wb.getSheet("Terms 保修期限")) {
                if (row.getCell(0) != null && "T-04".equals(row.getCell(0).getStringCellValue())) {
                    row.getCell(3).setCellValue(200000);
                }
            }
            wb.write(out);
            Files.write(dir.resolve("warranty.xlsx"), out.toByteArray());
        }
        String[] r = run("test", "--rules", dir.toString());
        assertEquals("1", r[0], r[1] + r[2]);
        assertTrue(r[1].contains("FAIL SC-W-"), r[1]);
        assertTrue(r[1].contains("(warranty.xlsx!Scenarios 测试场景!A"), r[1]);
        assertTrue(r[1].contains("decision: expected DENIED, got "), r[1]);
        assertTrue(r[1].contains("35 scenario(s): 34 passed, 1 failed"), r[1]);
    }

    @Test
    void aWorkbookCopiedWithoutItsScenarioFileSaysTheFileIsMissing() throws IOException {
        Files.write(dir.resolve("warranty.xlsx"), resource("warranty.xlsx"));
        String[] r = run("test", "--rules", dir.resolve("warranty.xlsx").toString());
        assertEquals("1", r[0], r[1] + r[2]);
        // once, at the cell naming it, in both languages, with how to fix it; no per-scenario failure
        assertTrue(r[1].contains("error: warranty.xlsx!Scenarios 测试场景!B"), r[1]);
        assertTrue(r[1].contains("场景文件 scenarios/warranty.jsonl 不存在"), r[1]);
        assertTrue(r[1].contains(": the scenario file scenarios/warranty.jsonl is missing from "), r[1]);
        assertTrue(r[1].contains("scenario files travel with the workbook"), r[1]);
        assertEquals(1, r[1].split("is missing from", -1).length - 1, r[1]);
        assertTrue(!r[1].contains("FAIL ") && !r[1].contains("cannot be adjudicated"), r[1]);
        assertTrue(r[1].contains("35 scenario(s): 0 passed, 0 failed, 35 not run (their claim file cannot be read, above)"),
                r[1]);
    }

    @Test
    void aDescriptionOrClaimCellWithLineBreaksStaysOnOneLine() throws IOException {
        Files.createDirectories(dir.resolve("scenarios"));
        Files.write(dir.resolve("scenarios/warranty.jsonl"), resource("scenarios/warranty.jsonl"));
        try (Workbook wb = WorkbookFactory.create(new java.io.ByteArrayInputStream(resource("warranty.xlsx")));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            int claim = -1;
            int description = -1;
            for (Row row : wb.getSheet("Scenarios 测试场景")) {
                if (claim >= 0 && row.getCell(claim) != null && row.getCell(claim).toString().contains("#")) {
                    String ref = row.getCell(claim).getStringCellValue();
                    row.getCell(claim).setCellValue(ref + "\nREMOVED X (forged)\u2028REMOVED Y");
                    row.createCell(description).setCellValue("a note\nREMOVED Z (forged)\r0 rule row(s) changed");
                    break;
                }
                if (row.getCell(0) != null && row.getCell(0).toString().trim().toLowerCase().startsWith("id")) {
                    for (var c : row) {
                        String h = c.toString().toLowerCase();
                        if (h.startsWith("claim")) {
                            claim = c.getColumnIndex();
                        } else if (h.startsWith("description")) {
                            description = c.getColumnIndex();
                        }
                    }
                }
            }
            assertTrue(claim >= 0 && description >= 0, "the scenario columns were not found");
            wb.write(out);
            Files.write(dir.resolve("warranty.xlsx"), out.toByteArray());
        }
        String[] r = run("test", "--rules", dir.toString());
        assertEquals("1", r[0], r[1] + r[2]);
        for (String line : r[1].split("\n")) {
            assertTrue(!line.startsWith("REMOVED") && !line.startsWith("0 rule row") && !line.contains("\r")
                    && !line.contains("\u2028"), "a forged line: " + line + "\n" + r[1]);
        }
        assertTrue(r[1].contains("a note\\u000AREMOVED Z (forged)\\u000D0 rule row(s) changed"), r[1]);
        assertTrue(r[1].contains("\\u000AREMOVED X (forged)\\u2028REMOVED Y"), r[1]);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = TestCommandTest.class.getResourceAsStream(DEFAULT + name)) {
            return in.readAllBytes();
        }
    }
}
