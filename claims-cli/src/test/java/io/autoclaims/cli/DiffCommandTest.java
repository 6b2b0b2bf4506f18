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
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code claims diff}: a copy with one changed term and one inserted row, followed by rule ids. */
class DiffCommandTest {
    @TempDir
    Path dir;

    @Test
    void aChangedTermAndAnInsertedRowAreReportedByRuleId() throws IOException {
        Path old = dir.resolve("old.xlsx");
        Path changed = dir.resolve("new.xlsx");
        byte[] original;
        try (InputStream in = DiffCommandTest.class.getResourceAsStream("/io/autoclaims/rules/default/warranty.xlsx")) {
            original = in.readAllBytes();
        }
        Files.write(old, original);
        try (Workbook wb = WorkbookFactory.create(new java.io.ByteArrayInputStream(original));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet terms = wb.getSheet("Terms 保修期限");
            for (Row row : terms) {
                if (row.getCell(0) != null && "T-01".equals(row.getCell(0).getStringCellValue())) {
                    row.getCell(2).setCellValue(120);
                }
            }
            // a new first row: every later row moves down one, their ids do not
            terms.shiftRows(5, terms.getLastRowNum(), 1);
            Row added = terms.createRow(5);
            added.createCell(0).setCellValue("T-00");
            added.createCell(1).setCellValue("GLASS");
            added.createCell(2).setCellValue(60);
            added.createCell(3).setCellValue(100000);
            wb.write(out);
            Files.write(changed, out.toByteArray());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = ClaimsCli.run(new PrintWriter(out, true), new PrintWriter(err, true), "diff", old.toString(),
                changed.toString());
        String text = out.toString();
        assertEquals(0, status, err.toString());
        assertTrue(text.contains("ADDED T-00 (Terms 保修期限, row 6)"), text);
        assertTrue(text.contains("CHANGED T-01 (Terms 保修期限, row 6 -> 7)"), text);
        assertTrue(text.contains("THEN line.termMonths: \"96\" -> \"120\""), text);
        assertTrue(!text.contains("T-02"), "rows that only moved are not changes: " + text);
        assertTrue(text.contains("2 rule row(s) changed"), text);
        assertTrue(text.startsWith("old: autoclaims default rulebook 2026.1 ("), text);
        assertTrue(text.contains(") from " + old + ": old.xlsx\n"), text);
    }

    @Test
    void aFolderAgainstOneEditedFileSaysWhatItComparesAndListsOnlyTheEdit() throws IOException {
        Path folder = dir.resolve("rules");
        Files.createDirectories(folder);
        for (String name : new String[] {"warranty.xlsx", "insurance.xlsx", "assistance.xlsx"}) {
            try (InputStream in = DiffCommandTest.class.getResourceAsStream("/io/autoclaims/rules/default/" + name)) {
                Files.write(folder.resolve(name), in.readAllBytes());
            }
        }
        Path edited = dir.resolve("warranty-edited.xlsx");
        try (Workbook wb = WorkbookFactory.create(new java.io.ByteArrayInputStream(Files.readAllBytes(folder.resolve("warranty.xlsx"))));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Row row : wb.getSheet("Terms 保修期限")) {
                if (row.getCell(0) != null && "T-01".equals(row.getCell(0).getStringCellValue())) {
                    row.getCell(2).setCellValue(120);
                }
            }
            wb.write(out);
            Files.write(edited, out.toByteArray());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = ClaimsCli.run(new PrintWriter(out, true), new PrintWriter(err, true), "diff", folder.toString(),
                edited.toString());
        String text = out.toString();
        assertEquals(0, status, err.toString());
        assertTrue(text.contains("from " + folder + ": assistance.xlsx, insurance.xlsx, warranty.xlsx"), text);
        assertTrue(text.contains("from " + edited + ": warranty-edited.xlsx"), text);
        // the workbooks the file does not hold are named once, not as hundreds of removed rows
        assertTrue(text.contains("only in old, not compared: assistance.xlsx ("), text);
        assertTrue(text.contains("只在旧版中，未比较：assistance.xlsx（"), text);
        assertTrue(!text.contains("REMOVED"), text);
        assertTrue(text.contains("CHANGED T-01 (Terms 保修期限, row 6"), text);
        assertTrue(text.contains("1 rule row(s) changed\n"), text);
        assertTrue(text.contains("compared: the ") && text.contains("比较范围：双方都有的 "), text);
    }

    @Test
    void aNoteWithLineBreaksIsOneLineOfTheDiff() throws IOException {
        Path old = dir.resolve("old.xlsx");
        Path changed = dir.resolve("new.xlsx");
        byte[] original;
        try (InputStream in = DiffCommandTest.class.getResourceAsStream("/io/autoclaims/rules/default/warranty.xlsx")) {
            original = in.readAllBytes();
        }
        Files.write(old, original);
        boolean edited = false;
        try (Workbook wb = WorkbookFactory.create(new java.io.ByteArrayInputStream(original));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Sheet sheet : wb) {
                int note = -1;
                for (Row row : sheet) {
                    if (note >= 0 && row.getCell(0) != null && row.getCell(0).toString().matches("[A-Z]+-\\d+")) {
                        row.createCell(note).setCellValue("checked\nREMOVED X-99 (Forged, row 1)\n0 rule row(s) changed");
                        edited = true;
                        break;
                    }
                    for (var c : row) {
                        if (c.toString().startsWith("Note ")) {
                            note = c.getColumnIndex();
                        }
                    }
                }
                if (edited) {
                    break;
                }
            }
            wb.write(out);
            Files.write(changed, out.toByteArray());
        }
        assertTrue(edited, "no NOTE column found");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = ClaimsCli.run(new PrintWriter(out, true), new PrintWriter(err, true), "diff", old.toString(),
                changed.toString());
        String text = out.toString();
        assertEquals(0, status, err.toString());
        for (String line : text.split("\n")) {
            assertTrue(!line.startsWith("REMOVED") && !line.startsWith("0 rule row"), "a forged line: " + line + "\n" + text);
        }
        assertTrue(text.contains("checked\\u000AREMOVED X-99 (Forged, row 1)\\u000A0 rule row(s) changed\""), text);
        assertTrue(text.contains("\n1 rule row(s) changed"), text);

        // the impact run's console summary lists the same edit on one line
        io.autoclaims.batch.ImpactEdits edits = io.autoclaims.batch.ImpactEdits.between(
                io.autoclaims.rules.Rulebook.load(old), io.autoclaims.rules.Rulebook.load(changed), "old.xlsx", "new.xlsx");
        assertEquals(1, edits.edits().size(), edits.edits().toString());
        String line = io.autoclaims.batch.ImpactEdits.describe(edits.edits().get(0));
        assertTrue(!line.contains("\n") && line.contains("checked\\u000AREMOVED X-99"), line);
    }
}
