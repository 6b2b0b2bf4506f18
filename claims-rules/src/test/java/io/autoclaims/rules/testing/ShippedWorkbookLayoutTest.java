package io.autoclaims.rules.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped workbooks are laid out to be read: on screen in Excel and LibreOffice (long text wraps
 * in columns wide enough for it, rows tall enough to show it, since LibreOffice does not grow rows
 * when it opens an .xlsx) and on paper (each sheet one A4 page wide, header rows on every page).
 * An analyst's save that loses this (or a new column left at the default width) fails here.
 */
class ShippedWorkbookLayoutTest {

    /** Excel's default column width, in characters. */
    private static final int DEFAULT_WIDTH = 8;
    /** Cell text longer than this (in characters, Han counting two) is "long content". */
    private static final int LONG = 30;

    static Stream<String> workbooks() {
        return ShippedWorkbooks.all().keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("workbooks")
    void longTextWrapsInAWideColumnOnARowTallEnoughForIt(String file) throws IOException {
        try (XSSFWorkbook wb = ShippedWorkbooks.open(file)) {
            int longCells = 0;
            for (XSSFSheet sheet : sheets(wb)) {
                int first = firstContentRow(sheet);
                for (Row row : sheet) {
                    if (row.getRowNum() < first) {
                        continue;
                    }
                    int neededLines = 1;
                    for (Cell cell : row) {
                        int length = width(text(cell));
                        if (length <= LONG) {
                            continue;
                        }
                        longCells++;
                        String where = file + "!" + sheet.getSheetName() + "!" + cell.getAddress();
                        assertTrue(cell.getCellStyle().getWrapText(), where + " wraps");
                        double columnChars = sheet.getColumnWidth(cell.getColumnIndex()) / 256.0;
                        assertTrue(columnChars > DEFAULT_WIDTH, where + ": a column of long text is set wider than "
                                + "the default, not " + columnChars);
                        // the fewest lines the text can take at that width
                        neededLines = Math.max(neededLines, (int) Math.ceil(length / (columnChars * 1.3)));
                    }
                    if (neededLines > 1) {
                        // a set height (LibreOffice keeps rows at the default height otherwise) of at least
                        // that many lines
                        String where = file + "!" + sheet.getSheetName() + " row " + (row.getRowNum() + 1);
                        assertTrue(row.getHeight() >= 0 && ((org.apache.poi.xssf.usermodel.XSSFRow) row).getCTRow()
                                .getCustomHeight(), where + " has a set height");
                        assertTrue(row.getHeightInPoints() >= neededLines * 11,
                                where + " shows " + neededLines + " lines: " + row.getHeightInPoints() + " pt");
                    }
                }
            }
            assertTrue(longCells > 20, file + " has long texts to check: " + longCells);
        }
    }

    @ParameterizedTest
    @MethodSource("workbooks")
    void everyColumnOfATableHasAWidthSetForItsContent(String file) throws IOException {
        try (XSSFWorkbook wb = ShippedWorkbooks.open(file)) {
            for (XSSFSheet sheet : sheets(wb)) {
                if (!ShippedWorkbookChecks.isTable(sheet)) {
                    continue;
                }
                Row bindings = sheet.getRow(2);
                for (int c = 0; c < bindings.getLastCellNum(); c++) {
                    String binding = ShippedWorkbookChecks.s(bindings, c);
                    String type = ShippedWorkbookChecks.s(sheet.getRow(3), c);
                    double width = sheet.getColumnWidth(c) / 256.0;
                    String where = file + "!" + sheet.getSheetName() + " " + binding;
                    assertTrue(width > DEFAULT_WIDTH, where + " width " + width);
                    if (List.of("TEXT zh", "TEXT en", "NOTE").contains(binding) || type.startsWith("enum set")) {
                        // reasons, notes and cause lists are the long texts: wide, wrapped columns
                        assertTrue(width >= 20, where + " width " + width);
                        for (int r = 5; r <= sheet.getLastRowNum(); r++) {
                            Cell cell = sheet.getRow(r) == null ? null : sheet.getRow(r).getCell(c);
                            if (cell != null && !text(cell).isEmpty()) {
                                assertTrue(cell.getCellStyle().getWrapText(), where + " " + cell.getAddress() + " wraps");
                            }
                        }
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("workbooks")
    void eachSheetPrintsOneA4PageWideWithItsHeaderOnEveryPage(String file) throws IOException {
        try (XSSFWorkbook wb = ShippedWorkbooks.open(file)) {
            for (XSSFSheet sheet : sheets(wb)) {
                String where = file + "!" + sheet.getSheetName();
                PrintSetup print = sheet.getPrintSetup();
                assertTrue(sheet.getFitToPage(), where + " fits to page");
                assertEquals(1, print.getFitWidth(), where + " one page wide");
                assertEquals(0, print.getFitHeight(), where + " as many pages tall as it needs");
                assertEquals(PrintSetup.A4_PAPERSIZE, print.getPaperSize(), where + " A4");
                double width = 0;
                for (int c = 0; c < lastColumn(sheet); c++) {
                    width += sheet.getColumnWidth(c) / 256.0;
                }
                // a table wider than a portrait page prints across the paper, not shrunk to a strip
                if (width > 120) {
                    assertTrue(print.getLandscape(), where + " is " + width + " characters wide: landscape");
                }
                PaneInformation pane = sheet.getPaneInformation();
                if (pane != null && pane.isFreezePane()) {
                    CellRangeAddress repeated = sheet.getRepeatingRows();
                    assertNotNull(repeated, where + " repeats its header rows");
                    assertEquals(0, repeated.getFirstRow(), where);
                    assertEquals(pane.getHorizontalSplitPosition() - 1, repeated.getLastRow(),
                            where + " repeats the rows frozen on screen");
                }
                assertFalse(sheet.getFooter().getCenter().isEmpty(), where + " footer names the sheet and page");
            }
        }
    }

    /** LibreOffice shows a boolean cell under the General format as 1 or 0; the shipped cells say TRUE/FALSE. */
    @ParameterizedTest
    @MethodSource("workbooks")
    void booleansReadTrueAndFalseInLibreOfficeToo(String file) throws IOException {
        try (XSSFWorkbook wb = ShippedWorkbooks.open(file)) {
            int booleans = 0;
            for (XSSFSheet sheet : sheets(wb)) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.BOOLEAN) {
                            booleans++;
                            assertEquals("\"TRUE\";\"TRUE\";\"FALSE\"", cell.getCellStyle().getDataFormatString(),
                                    file + "!" + sheet.getSheetName() + "!" + cell.getAddress());
                        }
                    }
                }
            }
            assertTrue(booleans > 0, file);
        }
    }

    private static List<XSSFSheet> sheets(XSSFWorkbook wb) {
        List<XSSFSheet> out = new ArrayList<>();
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            if (!wb.isSheetHidden(i) && !wb.isSheetVeryHidden(i)) {
                out.add(wb.getSheetAt(i));
            }
        }
        return out;
    }

    /**
     * The first row whose cells wrap: a table's properties (row 2) on; a reference sheet's header row on
     * (its title and note run on across the empty cells beside them); About below its title.
     */
    private static int firstContentRow(XSSFSheet sheet) {
        PaneInformation pane = sheet.getPaneInformation();
        if (ShippedWorkbookChecks.isTable(sheet) || pane == null || !pane.isFreezePane()) {
            return 1;
        }
        return pane.getHorizontalSplitPosition() - 1;
    }

    private static int lastColumn(XSSFSheet sheet) {
        int last = 0;
        for (Row row : sheet) {
            last = Math.max(last, row.getLastCellNum());
        }
        return last;
    }

    private static String text(Cell cell) {
        return cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : "";
    }

    /** Characters as a column width counts them: a Han or full-width character takes two. */
    private static int width(String text) {
        return text.codePoints().map(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                || (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff00 && cp <= 0xffef) ? 2 : 1).sum();
    }
}
