package io.autoclaims.rules.internal.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.rules.WorkbookIssue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Workbooks Excel wrote (Apache POI's test data, see corpus/README.md) read cell for cell as POI's
 * usermodel reads them: the fast reader where it reads them itself, POI where it declines (formulas),
 * checked here against POI's cells directly, not through {@link Grid#of}.
 */
class ExcelCorpusTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        // file, which reader reads it, and what it exercises
        "Booleans.xlsx,            fast, booleans typed in Excel",
        "InlineStrings.xlsx,       poi,  inline strings (and formulas)",
        "SampleSS.xlsx,            poi,  shared strings and numbers over three sheets, a SUM formula",
        "DateFormatTests.xlsx,     poi,  dates in many number formats (Mac Excel; TEXT formulas)",
        "NumberFormatTests.xlsx,   poi,  number formats (Mac Excel; formulas)",
        "shared_formulas.xlsx,     poi,  shared formulas",
        "TwoSheetsOneHidden.xlsx,  fast, a hidden sheet",
        "WithVariousData.xlsx,     fast, comments, strings, numbers",
        "unicodeSheetName.xlsx,    fast, a sheet named in Unicode",
        "noSharedStringTable.xlsx, fast, no shared strings part"})
    void readsAsPoiReadsIt(String file, String reader, String what) throws IOException {
        byte[] bytes = ExcelCorpusTest.class.getResourceAsStream("/corpus/poi/" + file).readAllBytes();
        List<WorkbookIssue> issues = new ArrayList<>();
        assertTrue(WorkbookGuard.check(file, bytes, issues), issues.toString());
        Grid fast = FastXlsx.read(bytes);
        if (reader.equals("fast")) {
            assertNotNull(fast, file + " is read by the fast reader");
        } else {
            assertNull(fast, file + " has formulas: the fast reader leaves it to POI");
        }
        Grid grid = WorkbookReader.grid(bytes); // with the cross-check on: FastXlsx and POI agree
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            assertSameAsPoi(wb, grid);
        }
    }

    /** Every sheet, row and cell of the grid is POI's, read through the usermodel here. */
    private static void assertSameAsPoi(Workbook wb, Grid grid) {
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        assertEquals(wb.getNumberOfSheets(), grid.sheets.size());
        int cells = 0;
        for (int s = 0; s < wb.getNumberOfSheets(); s++) {
            Sheet sheet = wb.getSheetAt(s);
            Grid.Sheet g = grid.sheets.get(s);
            assertEquals(sheet.getSheetName(), g.name);
            assertEquals(sheet.getLastRowNum(), g.lastRowNum(), sheet.getSheetName());
            Map<Integer, Integer> rowCells = new TreeMap<>();
            for (Row row : sheet) {
                rowCells.put(row.getRowNum(), (int) row.getPhysicalNumberOfCells());
                Grid.Row gr = g.row(row.getRowNum());
                assertNotNull(gr, "row " + (row.getRowNum() + 1));
                assertEquals(Math.max(-1, row.getLastCellNum()), gr.lastCellNum(), "row " + (row.getRowNum() + 1));
                for (Cell c : row) {
                    cells++;
                    String where = sheet.getSheetName() + "!" + c.getAddress();
                    Grid.Cell gc = gr.cell(c.getColumnIndex());
                    assertNotNull(gc, where);
                    CellType type = c.getCellType();
                    if (type == CellType.FORMULA && Grid.constantBoolean(c.getCellFormula()) != null) {
                        assertEquals(CellType.BOOLEAN, gc.type(), where);
                        assertEquals(Grid.constantBoolean(c.getCellFormula()), gc.bool(), where);
                        continue;
                    }
                    assertEquals(type, gc.type(), where);
                    switch (type) {
                        case STRING -> {
                            assertEquals(c.getStringCellValue(), gc.string(), where);
                            assertEquals(c.getStringCellValue().trim().isEmpty() ? null : c.getStringCellValue().trim(),
                                    gc.value(), where);
                        }
                        case NUMERIC -> {
                            assertEquals(c.getNumericCellValue(), gc.number(), where);
                            if (DateUtil.isCellDateFormatted(c)) {
                                assertEquals(c.getLocalDateTimeCellValue().toLocalDate(), gc.value(), where);
                                assertEquals(formatter.formatCellValue(c), gc.display(), where);
                            } else {
                                assertEquals(new java.math.BigDecimal(Double.toString(c.getNumericCellValue()))
                                        .compareTo((java.math.BigDecimal) gc.value()), 0, where);
                            }
                        }
                        case BOOLEAN -> {
                            assertEquals(c.getBooleanCellValue(), gc.value(), where);
                            assertEquals(c.getBooleanCellValue() ? "TRUE" : "FALSE", gc.display(), where);
                        }
                        case FORMULA -> {
                            // read, never evaluated: the reader refuses it where a rule value belongs
                            assertEquals(c.getCellFormula(), gc.formula(), where);
                            assertTrue(gc.isFormula(), where);
                            assertNull(gc.value(), where);
                        }
                        default -> assertNull(gc.value(), where);
                    }
                }
            }
            for (Grid.Row gr : g) {
                assertEquals(rowCells.get(gr.rowNum), count(gr), "no cell POI does not have, row " + (gr.rowNum + 1));
            }
        }
        assertTrue(cells > 0);
    }

    private static int count(Grid.Row row) {
        int n = 0;
        for (Grid.Cell ignored : row) {
            n++;
        }
        return n;
    }
}
