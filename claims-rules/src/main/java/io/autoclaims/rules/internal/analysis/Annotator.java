package io.autoclaims.rules.internal.analysis;

import io.autoclaims.rules.WorkbookIssue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Writes a copy of each workbook with every finding on its cell: a comment with the message in
 * Chinese and English, and a fill colour (red for errors, yellow for warnings). The copies open in
 * Excel, WPS and LibreOffice; the originals are untouched.
 */
public final class Annotator {
    private Annotator() {
    }

    /** Annotated copies of the workbooks that have findings, by file name. */
    public static Map<String, byte[]> annotate(Map<String, byte[]> workbooks, List<WorkbookIssue> issues) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> f : workbooks.entrySet()) {
            List<WorkbookIssue> mine = issues.stream()
                    .filter(i -> i.where().workbook().equals(f.getKey()) && i.where().sheet() != null
                            && i.where().cell() != null)
                    .toList();
            if (!mine.isEmpty()) {
                out.put(f.getKey(), annotate(f.getValue(), mine));
            }
        }
        return out;
    }

    private static byte[] annotate(byte[] bytes, List<WorkbookIssue> issues) {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(bytes));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Map<String, CellStyle> styles = new HashMap<>();
            Map<String, StringBuilder> notes = new LinkedHashMap<>();
            Map<String, WorkbookIssue> worst = new HashMap<>();
            for (WorkbookIssue i : issues) {
                Sheet sheet = wb.getSheet(i.where().sheet());
                if (sheet == null) {
                    continue;
                }
                CellRangeAddress range = CellRangeAddress.valueOf(i.where().cell());
                String key = sheet.getSheetName() + "!" + range.getFirstRow() + ":" + range.getFirstColumn();
                notes.computeIfAbsent(key, k -> new StringBuilder()).append(notes.get(key).isEmpty() ? "" : "\n\n")
                        .append(i.isError() ? "错误 Error: " : "提示 Warning: ")
                        .append(i.messageZh() != null ? i.messageZh() + "\n" : "").append(i.message())
                        .append(i.hint() == null ? "" : "\n→ " + (i.hintZh() != null ? i.hintZh() + " / " : "") + i.hint());
                worst.merge(key, i, (a, b) -> a.isError() ? a : b);
            }
            for (Map.Entry<String, StringBuilder> n : notes.entrySet()) {
                String[] parts = n.getKey().split("!(?=[^!]*$)");
                Sheet sheet = wb.getSheet(parts[0]);
                String[] rc = parts[1].split(":");
                int r = Integer.parseInt(rc[0]);
                int c = Integer.parseInt(rc[1]);
                Row row = sheet.getRow(r) != null ? sheet.getRow(r) : sheet.createRow(r);
                Cell cell = row.getCell(c) != null ? row.getCell(c) : row.createCell(c);
                boolean error = worst.get(n.getKey()).isError();
                cell.setCellStyle(styles.computeIfAbsent(cell.getCellStyle().getIndex() + (error ? "E" : "W"), k -> {
                    CellStyle s = wb.createCellStyle();
                    s.cloneStyleFrom(cell.getCellStyle());
                    s.setFillForegroundColor((error ? IndexedColors.ROSE : IndexedColors.LIGHT_YELLOW).getIndex());
                    s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                    return s;
                }));
                comment(wb, sheet, cell, n.getValue().toString());
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void comment(Workbook wb, Sheet sheet, Cell cell, String text) {
        cell.removeCellComment();
        CreationHelper helper = wb.getCreationHelper();
        Drawing<?> drawing = sheet.createDrawingPatriarch();
        ClientAnchor anchor = helper.createClientAnchor();
        anchor.setCol1(cell.getColumnIndex() + 1);
        anchor.setCol2(cell.getColumnIndex() + 6);
        anchor.setRow1(cell.getRowIndex());
        anchor.setRow2(cell.getRowIndex() + 8);
        Comment comment = drawing.createCellComment(anchor);
        comment.setString(helper.createRichTextString(text));
        comment.setAuthor("claims check");
        cell.setCellComment(comment);
    }
}
