import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * ONE-OFF FORMATTING HELPER, NOT A GENERATOR. The shipped workbooks are the source and analysts edit
 * them in a spreadsheet program; this program was run once to give them readable column widths,
 * wrapped text with row heights that show it (LibreOffice does not grow rows on opening an .xlsx),
 * TRUE/FALSE display of boolean cells in LibreOffice, and a print setup of one page wide (fit to
 * width, landscape when the table is wider than a portrait page, A4, header rows repeated, a footer
 * with the sheet name and page). It changes formatting only: no cell value, sheet, drop-down or
 * comment; the rulebook fingerprint is the same before and after. ShippedWorkbookLayoutTest holds the
 * result in place. Run it again only when an analyst asks for the layout to be redone:
 *
 * <pre>
 * mvn -B -o -q -pl claims-rules dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp "$(cat /tmp/cp.txt)" scripts/ShippedWorkbookLayout.java claims-rules/src/main/resources/io/autoclaims/rules/default/*.xlsx
 * </pre>
 */
public class ShippedWorkbookLayout {

    /** Printable width of A4 with 0.4 in margins, in column-width units (the default font's digit width). */
    private static final double PORTRAIT_UNITS = 104;

    private final XSSFWorkbook wb;
    private final Map<String, XSSFCellStyle> styles = new HashMap<>();

    private ShippedWorkbookLayout(XSSFWorkbook wb) {
        this.wb = wb;
    }

    public static void main(String[] args) throws Exception {
        for (String arg : args) {
            Path path = Path.of(arg);
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(path)))) {
                ShippedWorkbookLayout layout = new ShippedWorkbookLayout(wb);
                for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                    layout.sheet(wb.getSheetAt(i));
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                wb.write(out);
                Files.write(path, out.toByteArray());
            }
            System.out.println("laid out " + path);
        }
    }

    private void sheet(XSSFSheet sheet) {
        boolean table = "Table 表".equals(text(sheet, 1, 0));
        boolean about = sheet.getSheetName().startsWith("About");
        PaneInformation pane = sheet.getPaneInformation();
        int frozen = pane != null && pane.isFreezePane() ? pane.getHorizontalSplitPosition() : 0;
        // rows from here on wrap: every row of a table or of About below its title; a reference sheet's
        // header and rows (its title and note run on across the empty cells to their right)
        int firstWrapped = table || about ? 1 : Math.max(frozen - 1, 1);
        int columns = 0;
        for (Row row : sheet) {
            columns = Math.max(columns, row.getLastCellNum());
        }

        double[] widths = new double[columns];
        double total = 0;
        for (int c = 0; c < columns; c++) {
            widths[c] = table ? tableWidth(sheet, c) : referenceWidth(sheet, c, firstWrapped, about);
            total += widths[c];
        }
        // the title and note run on to the right of A1 and A2; LibreOffice prints them whole, so a
        // table narrower than them would print small with the right half of the page empty: widen it
        double runOn = 0;
        for (int r = 0; r < firstWrapped; r++) {
            Cell a = sheet.getRow(r) == null ? null : sheet.getRow(r).getCell(0);
            runOn = Math.max(runOn, a == null ? 0 : units(display(a), font(a)) * 1.1);
        }
        double stretch = !table && runOn > total ? Math.min(runOn / total, 1.6) : 1;
        total = 0;
        for (int c = 0; c < columns; c++) {
            widths[c] *= stretch;
            sheet.setColumnWidth(c, (int) Math.round(widths[c] * 256));
            total += widths[c];
        }
        for (Row row : sheet) {
            if (row.getRowNum() < firstWrapped) {
                continue;
            }
            double height = 0;
            for (Cell cell : row) {
                cell.setCellStyle(wrapped(cell));
                height = Math.max(height, height(cell, sheet.getColumnWidth(cell.getColumnIndex()) / 256.0));
            }
            if (height > 15.5) {
                row.setHeightInPoints((float) Math.ceil(height));
            } else {
                row.setHeight((short) -1); // default height: no customHeight
            }
        }

        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(total > PORTRAIT_UNITS);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0); // as many pages tall as the rows need
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        sheet.setMargin(PageMargin.LEFT, 0.4);
        sheet.setMargin(PageMargin.RIGHT, 0.4);
        sheet.setMargin(PageMargin.TOP, 0.5);
        sheet.setMargin(PageMargin.BOTTOM, 0.6);
        sheet.setMargin(PageMargin.HEADER, 0.3);
        sheet.setMargin(PageMargin.FOOTER, 0.3);
        if (frozen > 0) {
            sheet.setRepeatingRows(new CellRangeAddress(0, frozen - 1, -1, -1));
        }
        sheet.getFooter().setCenter("&A   &P / &N"); // sheet name, page, pages
        System.out.printf("  %-40s %3d columns, %5.0f units wide, %s%n", sheet.getSheetName(), columns, total,
                total > PORTRAIT_UNITS ? "landscape" : "portrait");
    }

    /** A table column's width by its type (row 4), at least its longest word (rows 2 to the end). */
    private static double tableWidth(XSSFSheet sheet, int c) {
        String binding = text(sheet, 2, c);
        String type = text(sheet, 3, c);
        if (binding.isEmpty()) {
            // right of the table: only the properties row (Claim type, Step, Gate) reaches here
            Cell props = sheet.getRow(1) == null ? null : sheet.getRow(1).getCell(c);
            return Math.max(6, props == null ? 0 : units(display(props), font(props)) * 1.1 + 1.5);
        }
        double width;
        if (binding.equals("NOTE") || binding.equals("TEXT en")) {
            width = 34;
        } else if (binding.equals("TEXT zh")) {
            width = 28;
        } else if (type.equals("rule id")) {
            width = 9;
        } else if (type.startsWith("enum set")) {
            width = 20;
        } else if (type.equals("text")) {
            width = 30;
        } else if (type.equals("boolean")) {
            width = 11;
        } else if (type.endsWith("range")) {
            width = 13;
        } else {
            width = 12;
        }
        return Math.min(44, Math.max(width, longestWord(sheet, c, 1) * 1.1 + 2));
    }

    /** A reference or About column: wide enough for its words, wider for long text, never huge. */
    private static double referenceWidth(XSSFSheet sheet, int c, int first, boolean about) {
        double longest = 0;
        double longestText = 0;
        for (Row row : sheet) {
            Cell cell = row.getRowNum() < first ? null : row.getCell(c);
            if (cell != null) {
                longest = Math.max(longest, longestWord(cell));
                longestText = Math.max(longestText, units(display(cell), font(cell)));
            }
        }
        double width = Math.min(longestText * 1.1 + 2, about && c == 1 ? 44 : 48);
        return Math.max(Math.max(width, longest * 1.1 + 2), 9);
    }

    private static double longestWord(XSSFSheet sheet, int c, int first) {
        double longest = 0;
        for (Row row : sheet) {
            Cell cell = row.getRowNum() < first ? null : row.getCell(c);
            if (cell != null) {
                longest = Math.max(longest, longestWord(cell));
            }
        }
        return longest;
    }

    private static double longestWord(Cell cell) {
        double longest = 0;
        for (String word : display(cell).split("\\s+")) {
            // Chinese text breaks between any two characters: only its Latin runs are words
            for (String run : word.split("[\\p{IsHan}\\u3000-\\u303f\\uff00-\\uffef]+")) {
                longest = Math.max(longest, units(run, font(cell)));
            }
        }
        return longest;
    }

    /** Points of height the cell's text needs at this column width, wrapped at spaces and between Han characters. */
    private static double height(Cell cell, double width) {
        String text = display(cell);
        if (text.isEmpty()) {
            return 0;
        }
        XSSFFont font = font(cell);
        // estimates sized for the widest fallback font (DejaVu Sans where Calibri is missing), so that
        // the text fits wherever the workbook is opened
        double room = width - 1;
        int lines = 1;
        double used = 0;
        for (String token : tokens(text)) {
            double w = units(token, font) * 1.1;
            if (token.isBlank()) {
                used += w;
                continue;
            }
            if (used + w > room && used > 0) {
                lines++;
                used = 0;
            }
            while (w > room) { // a word longer than the column breaks inside
                lines++;
                w -= room;
            }
            used += w;
        }
        boolean han = text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
        double line = font.getFontHeightInPoints() * (han ? 1.45 : 1.3);
        return lines * line + 2;
    }

    /** Words with their following space, and single Han characters. */
    private static java.util.List<String> tokens(String text) {
        java.util.List<String> out = new java.util.ArrayList<>();
        StringBuilder word = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (isWide(cp)) {
                if (word.length() > 0) {
                    out.add(word.toString());
                    word.setLength(0);
                }
                out.add(new String(Character.toChars(cp)));
            } else if (cp == ' ') {
                out.add(word.append(' ').toString());
                word.setLength(0);
            } else {
                word.appendCodePoint(cp);
            }
        });
        if (word.length() > 0) {
            out.add(word.toString());
        }
        return out;
    }

    /**
     * Width in column units (the digit width of the default font) of the text in this font: Calibri's
     * proportions, and Han characters as wide as Excel draws them (LibreOffice draws them narrower).
     */
    private static double units(String text, XSSFFont font) {
        double digits = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isWide(cp)) {
                digits += 2.0;
            } else if (" iljI.,:;'|!".indexOf(cp) >= 0) {
                digits += 0.5;
            } else if ("tfr-()/[]{}".indexOf(cp) >= 0) {
                digits += 0.72;
            } else if (cp == 'm' || cp == 'w' || cp == 'M' || cp == 'W' || cp == '%') {
                digits += 1.6;
            } else if (Character.isUpperCase(cp) || cp == '_' || cp == '#') {
                digits += 1.22;
            } else {
                digits += 1.0;
            }
        }
        return digits * font.getFontHeightInPoints() / 11.0 * (font.getBold() ? 1.06 : 1.0);
    }

    private static boolean isWide(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN || (cp >= 0x3000 && cp <= 0x303f)
                || (cp >= 0xff00 && cp <= 0xffef);
    }

    /** The cell's style with wrapping on (and top alignment for rule rows), booleans shown as TRUE/FALSE. */
    private XSSFCellStyle wrapped(Cell cell) {
        XSSFCellStyle old = (XSSFCellStyle) cell.getCellStyle();
        boolean bool = cell.getCellType() == CellType.BOOLEAN;
        String key = old.getIndex() + (bool ? "b" : "");
        return styles.computeIfAbsent(key, k -> {
            XSSFCellStyle s = wb.createCellStyle();
            s.cloneStyleFrom(old);
            s.setWrapText(true);
            if (old.getVerticalAlignment() != VerticalAlignment.CENTER) {
                s.setVerticalAlignment(VerticalAlignment.TOP);
            }
            if (bool) {
                // LibreOffice shows a boolean under a General format as 1 or 0; Excel ignores the format
                s.setDataFormat(wb.createDataFormat().getFormat("\"TRUE\";\"TRUE\";\"FALSE\""));
            }
            return s;
        });
    }

    private static XSSFFont font(Cell cell) {
        return ((XSSFCellStyle) cell.getCellStyle()).getFont();
    }

    private static String display(Cell cell) {
        return switch (cell.getCellType()) {
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            case NUMERIC -> new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(cell);
            default -> "";
        };
    }

    private static String text(XSSFSheet sheet, int r, int c) {
        Row row = sheet.getRow(r);
        Cell cell = row == null ? null : row.getCell(c);
        return cell == null || cell.getCellType() != CellType.STRING ? "" : cell.getStringCellValue().strip();
    }
}
