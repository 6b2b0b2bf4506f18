package io.autoclaims.rules.internal.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The SAX reader gives exactly the grid POI's usermodel gives (types, values, dates, display texts,
 * merged regions, sheet order), and declines what it does not read itself.
 */
class FastXlsxTest {

    @Test
    void readsWhatPoiReads() throws IOException {
        byte[] bytes = write(new XSSFWorkbook(), wb -> {
            Sheet about = wb.createSheet("About 说明");
            about.createRow(0).createCell(0).setCellValue("Rulebook 规则集");
            about.getRow(0).createCell(1).setCellValue("  padded 文本  ");
            Row dates = about.createRow(3);
            dates.createCell(0).setCellValue(LocalDate.of(2026, 1, 1));
            dates.getCell(0).setCellStyle(style(wb, "yyyy-mm-dd"));
            dates.createCell(1).setCellValue(LocalDate.of(1900, 2, 28));
            dates.getCell(1).setCellStyle(style(wb, "yyyy/mm/dd"));
            dates.createCell(2).setCellValue(45000.75);
            dates.getCell(2).setCellStyle(style(wb, "d-mmm-yy h:mm"));
            dates.createCell(3).setCellValue(45000);
            dates.getCell(3).setCellStyle(style(wb, "m/d/yy"));
            dates.createCell(4).setCellValue(12.5);
            dates.getCell(4).setCellStyle(style(wb, "0.00%"));
            dates.createCell(5).setCellValue(-3);
            dates.getCell(5).setCellStyle(style(wb, "yyyy-mm-dd")); // not a valid date: a number
            Sheet t = wb.createSheet("Terms");
            Row r = t.createRow(5);
            r.createCell(0).setCellValue(true);
            r.createCell(1).setCellValue(false);
            r.createCell(2).setCellValue(0.1 + 0.2);
            r.createCell(3).setCellValue(1e20);
            r.createCell(4); // blank
            r.createCell(6).setCellValue("");
            r.createCell(7).setCellErrorValue(FormulaError.NA.getCode());
            XSSFRichTextString rich = new XSSFRichTextString("rich text");
            rich.applyFont(0, 4, wb.createFont());
            r.createCell(8).setCellValue(rich);
            r.createCell(9).setCellValue("line_x000D_break and tab\t");
            r.createCell(27).setCellValue("AB");
            t.createRow(9); // an empty row
            t.addMergedRegion(CellRangeAddress.valueOf("A7:B8"));
            t.addMergedRegion(CellRangeAddress.valueOf("D1:F1"));
            wb.createSheet("Empty");
        });
        Grid fast = FastXlsx.read(bytes);
        assertNotNull(fast);
        assertEquals(poi(bytes), fast);
        assertEquals(LocalDate.of(2026, 1, 1), fast.sheets.get(0).cell(3, 0).value());
        assertEquals("2026-01-01", fast.sheets.get(0).cell(3, 0).display());
        assertEquals(CellType.BOOLEAN, fast.sheets.get(1).cell(5, 0).type());
    }

    @Test
    void inlineStringsAndTheDate1904System() throws IOException {
        // the streaming writer writes inline strings (its zip needs repacking for java.util.zip)
        byte[] inline = repack(write(new SXSSFWorkbook(), wb -> {
            Sheet s = wb.createSheet("Inline");
            Row r = s.createRow(0);
            r.createCell(0).setCellValue("inline 字符串");
            r.createCell(1).setCellValue(42);
        }));
        assertEquals(poi(inline), FastXlsx.read(inline));

        XSSFWorkbook w1904 = new XSSFWorkbook();
        w1904.getCTWorkbook().getWorkbookPr().setDate1904(true);
        byte[] bytes = write(w1904, wb -> {
            Row r = wb.createSheet("D").createRow(0);
            r.createCell(0).setCellValue(40000);
            r.getCell(0).setCellStyle(style(wb, "yyyy-mm-dd"));
        });
        Grid fast = FastXlsx.read(bytes);
        assertEquals(poi(bytes), fast);
        assertEquals(LocalDate.of(2013, 7, 7), fast.sheets.get(0).cell(0, 0).value());
    }

    @Test
    void readsTheDataDescriptorZipsOfPoisStreamingWriter() throws IOException {
        // the shipped warranty workbook written by SXSSF: every entry with a data descriptor, which
        // java.util.zip's ZipInputStream cannot read; before, FastXlsx declined it, and POI's usermodel
        // (capped at WorkbookGuard.MAX_FULL_READER_BYTES unpacked) had to read it
        byte[] shipped = WorkbookGuardTest.resource("/io/autoclaims/rules/default/warranty.xlsx");
        byte[] streamed;
        try (SXSSFWorkbook wb = new SXSSFWorkbook(new XSSFWorkbook(new ByteArrayInputStream(shipped)));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("Streamed 流式").createRow(0).createCell(0).setCellValue("streamed 流式");
            wb.write(out);
            streamed = out.toByteArray();
        }
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> {
            try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(streamed))) {
                while (in.getNextEntry() != null) {
                    in.readAllBytes();
                }
            }
        });
        assertTrue(e.getMessage().startsWith("invalid entry size"), e.getMessage());
        Grid fast = FastXlsx.read(streamed);
        assertNotNull(fast, "a data-descriptor zip is read by the fast reader, not declined");
        assertEquals(poi(streamed), fast);
        assertEquals(FastXlsx.read(shipped).sheets, fast.sheets.subList(0, fast.sheets.size() - 1));
        assertEquals("streamed 流式", fast.sheets.get(fast.sheets.size() - 1).cell(0, 0).value());
    }

    @Test
    void declinesFormulasAndNonXlsx() throws IOException {
        byte[] formula = write(new XSSFWorkbook(), wb -> {
            Row r = wb.createSheet("F").createRow(0);
            r.createCell(0).setCellValue(2);
            r.createCell(1).setCellFormula("A1*2");
        });
        assertNull(FastXlsx.read(formula));
        assertNull(FastXlsx.read("not a workbook".getBytes()));
    }

    @Test
    void booleanConstantFormulasReadAsTheBooleansTheyAre() throws IOException {
        // LibreOffice saves every boolean as <c t="b"><f>TRUE()</f><v>1</v></c>; TRUE and =FALSE are the same value
        byte[] bytes = write(new XSSFWorkbook(), wb -> {
            Row r = wb.createSheet("B").createRow(0);
            r.createCell(0).setCellFormula("TRUE()");
            r.createCell(1).setCellFormula("FALSE()");
            r.createCell(2).setCellFormula("TRUE");
            r.createCell(3).setCellFormula("false");
            r.createCell(4).setCellValue(true);
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll(); // the cached values programs write
        });
        Grid fast = FastXlsx.read(bytes);
        assertNotNull(fast, "a boolean constant is not a formula the fast reader declines");
        assertEquals(poi(bytes), fast);
        Grid.Sheet b = fast.sheets.get(0);
        assertEquals(java.util.List.of(true, false, true, false, true),
                java.util.stream.IntStream.range(0, 5).mapToObj(c -> b.cell(0, c).value()).toList());
        for (int c = 0; c < 5; c++) {
            assertEquals(CellType.BOOLEAN, b.cell(0, c).type());
            assertEquals(c % 2 == 1 || c == 3 ? "FALSE" : "TRUE", b.cell(0, c).display());
        }
    }

    @Test
    void formulasThatComputeStayFormulas() throws IOException {
        // a value computed from anything, even from TRUE(), is a formula: POI reads it and the reader refuses it
        for (String formula : new String[] {"NOT(FALSE())", "TRUE()=TRUE()", "IF(A2,TRUE(),FALSE())", "A2",
            "TRUE()+0", "\"TRUE\""}) {
            byte[] bytes = write(new XSSFWorkbook(), wb -> {
                Sheet s = wb.createSheet("F");
                s.createRow(0).createCell(0).setCellFormula(formula);
                s.createRow(1).createCell(0).setCellValue(true);
                wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            });
            assertNull(FastXlsx.read(bytes), formula);
            Grid.Cell cell = poi(bytes).sheets.get(0).cell(0, 0);
            assertEquals(CellType.FORMULA, cell.type(), formula);
            assertTrue(cell.isFormula(), formula);
            assertNull(cell.value(), formula);
        }
        assertNull(Grid.constantBoolean("NOT(FALSE())"));
        assertNull(Grid.constantBoolean("TRUE()*1"));
        assertNull(Grid.constantBoolean(""));
        assertEquals(Boolean.TRUE, Grid.constantBoolean(" =true() "));
    }

    @Test
    void arrayAndSharedBooleanConstantsStayFormulasOnBothReaders() throws IOException {
        // before, FastXlsx took B1's cached value while POI read it as part of A1's array formula
        byte[] bytes = new io.autoclaims.rules.testing.RawXlsx().sheet("F", null,
                "<row r=\"1\"><c r=\"A1\" t=\"b\"><f t=\"array\" ref=\"A1:B1\">TRUE()</f><v>1</v></c>"
                        + "<c r=\"B1\" t=\"b\"><v>1</v></c></row>"
                        + "<row r=\"2\"><c r=\"A2\" t=\"b\"><f t=\"shared\" ref=\"A2:B2\" si=\"0\">FALSE()</f>"
                        + "<v>0</v></c><c r=\"B2\" t=\"b\"><f t=\"shared\" si=\"0\"/><v>0</v></c></row>"
                        + "<row r=\"3\"><c r=\"A3\" t=\"b\"><f t=\"normal\">TRUE()</f><v>1</v></c></row>").build();
        assertNull(FastXlsx.read(bytes), "an array or shared formula is POI's to read");
        Grid.Sheet f = poi(bytes).sheets.get(0);
        for (String ref : new String[] {"A1", "B1", "A2", "B2"}) {
            org.apache.poi.ss.util.CellReference r = new org.apache.poi.ss.util.CellReference(ref);
            assertEquals(CellType.FORMULA, f.cell(r.getRow(), r.getCol()).type(), ref);
        }
        assertEquals(CellType.BOOLEAN, f.cell(2, 0).type(), "a plain TRUE() with t=\"normal\" is the boolean");
        // the plain constant alone is read by the fast reader, the same as by POI
        byte[] plain = new io.autoclaims.rules.testing.RawXlsx().sheet("F", null,
                "<row r=\"3\"><c r=\"A3\" t=\"b\"><f t=\"normal\">TRUE()</f><v>1</v></c></row>").build();
        assertNotNull(FastXlsx.read(plain));
        assertEquals(poi(plain), FastXlsx.read(plain));
    }

    private static CellStyle style(Workbook wb, String format) {
        CellStyle s = wb.createCellStyle();
        s.setDataFormat(wb.createDataFormat().getFormat(format));
        return s;
    }

    private static byte[] write(Workbook wb, Consumer<Workbook> fill) throws IOException {
        try (wb) {
            fill.accept(wb);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] repack(byte[] zip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipArchiveInputStream in = new ZipArchiveInputStream(new ByteArrayInputStream(zip));
                ZipOutputStream z = new ZipOutputStream(out)) {
            ZipArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                z.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(z);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static Grid poi(byte[] bytes) throws IOException {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            return Grid.of(wb);
        }
    }
}
