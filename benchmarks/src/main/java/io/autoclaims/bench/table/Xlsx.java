package io.autoclaims.bench.table;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The few POI calls the table writers need: typed cells by 0-based row and column. */
final class Xlsx {
    private Xlsx() {
    }

    /** Sets a cell: a String, an Integer/Long, a Boolean, or null (left blank). */
    static void set(Sheet sheet, int row, int column, Object value) {
        if (value == null) {
            return;
        }
        Row r = sheet.getRow(row);
        if (r == null) {
            r = sheet.createRow(row);
        }
        Cell c = r.createCell(column);
        if (value instanceof String s) {
            c.setCellValue(s);
        } else if (value instanceof Integer || value instanceof Long) {
            c.setCellValue(((Number) value).doubleValue());
        } else if (value instanceof Boolean b) {
            c.setCellValue(b);
        } else {
            throw new IllegalArgumentException("unsupported cell value " + value.getClass());
        }
    }

    /** Sets a row of cells from {@code column} on. */
    static void row(Sheet sheet, int row, int column, Object... values) {
        for (int i = 0; i < values.length; i++) {
            set(sheet, row, column + i, values[i]);
        }
    }

    static byte[] bytes(XSSFWorkbook wb) {
        try (wb; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
