package io.autoclaims.rules.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Changes a few cells of a copy of a workbook, as an analyst would in a spreadsheet program, and keeps
 * everything else of the file (styles, drop-downs, comments, frozen panes, print setup):
 *
 * <pre>{@code
 * byte[] variant = WorkbookPatch.of(ShippedWorkbooks.warranty())
 *         .set("Terms", "C9", 24)                                  // sheet by name or name prefix, A1 address
 *         .setRule("Terms", "T-04", "THEN line.termKm", 50000)     // the cell of rule row T-04 under that binding
 *         .bytes();
 * }</pre>
 *
 * <p>Values: numbers, text, booleans, {@code LocalDate}s (a date cell), and {@code null} for a blank cell. A changed cell keeps its style.
 * Row numbers are 1-based, as the spreadsheet shows them. Test scope only: nothing generates the shipped
 * workbooks.
 */
public final class WorkbookPatch {

    /** Row 3 of a table sheet holds the bindings; rule rows start at row 6 (docs/workbook-format.md). */
    private static final int BINDINGS_ROW = 2;
    private static final int FIRST_RULE_ROW = 5;

    private final XSSFWorkbook wb;

    private WorkbookPatch(XSSFWorkbook wb) {
        this.wb = wb;
    }

    public static WorkbookPatch of(byte[] xlsx) {
        try {
            return new WorkbookPatch(new XSSFWorkbook(new ByteArrayInputStream(xlsx)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets the cell at an A1 address ({@code "C7"}) of the sheet named, or whose name starts with, {@code sheet}. */
    public WorkbookPatch set(String sheet, String address, Object value) {
        CellReference ref = new CellReference(address);
        if (ref.getSheetName() != null) {
            throw new IllegalArgumentException("give the sheet separately, not in the address: " + address);
        }
        Sheet s = sheet(sheet);
        Row row = s.getRow(ref.getRow());
        if (row == null) {
            row = s.createRow(ref.getRow());
        }
        Cell cell = row.getCell(ref.getCol());
        if (cell == null) {
            cell = row.createCell(ref.getCol());
        }
        write(cell, value);
        return this;
    }

    /** Sets the cells of row {@code rowNumber} from column A on, one value per column. */
    public WorkbookPatch setRow(String sheet, int rowNumber, Object... values) {
        for (int c = 0; c < values.length; c++) {
            set(sheet, new CellReference(rowNumber - 1, c).formatAsString(false), values[c]);
        }
        return this;
    }

    /** Sets the cell of rule row {@code ruleId} in the column whose binding (row 3) is {@code binding}. */
    public WorkbookPatch setRule(String sheet, String ruleId, String binding, Object value) {
        return set(sheet, address(sheet, ruleId, binding), value);
    }

    /** The A1 address of rule row {@code ruleId}'s cell under {@code binding}, e.g. {@code "C9"}. */
    public String address(String sheet, String ruleId, String binding) {
        Sheet s = sheet(sheet);
        int id = column(s, "ID");
        int col = column(s, binding);
        List<Integer> rows = new ArrayList<>();
        for (int r = FIRST_RULE_ROW; r <= s.getLastRowNum(); r++) {
            Row row = s.getRow(r);
            Cell c = row == null ? null : row.getCell(id);
            if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().strip().equals(ruleId)) {
                rows.add(r);
            }
        }
        if (rows.size() != 1) {
            throw new IllegalArgumentException(rows.size() + " rows with id " + ruleId + " in " + s.getSheetName());
        }
        return new CellReference(rows.get(0), col).formatAsString(false);
    }

    /**
     * Inserts an empty row at {@code rowNumber}, moving that row and those below it down one; the new row's
     * cells take the styles of the row above it, so it looks like its neighbours.
     */
    public WorkbookPatch insertRow(String sheet, int rowNumber) {
        Sheet s = sheet(sheet);
        int index = rowNumber - 1;
        if (index <= s.getLastRowNum()) {
            s.shiftRows(index, s.getLastRowNum(), 1);
        }
        Row row = s.createRow(index);
        Row above = index > 0 ? s.getRow(index - 1) : null;
        if (above != null) {
            row.setHeight(above.getHeight());
            for (Cell c : above) {
                row.createCell(c.getColumnIndex()).setCellStyle(c.getCellStyle());
            }
        }
        return this;
    }

    /** Removes row {@code rowNumber}, moving the rows below it up one. */
    public WorkbookPatch removeRow(String sheet, int rowNumber) {
        Sheet s = sheet(sheet);
        int index = rowNumber - 1;
        Row row = s.getRow(index);
        if (row != null) {
            s.removeRow(row);
        }
        if (index < s.getLastRowNum()) {
            s.shiftRows(index + 1, s.getLastRowNum(), -1);
        }
        return this;
    }

    /** Removes every row from {@code rowNumber} to the end of the sheet. */
    public WorkbookPatch removeRowsFrom(String sheet, int rowNumber) {
        Sheet s = sheet(sheet);
        for (int r = s.getLastRowNum(); r >= rowNumber - 1; r--) {
            Row row = s.getRow(r);
            if (row != null) {
                s.removeRow(row);
            }
        }
        return this;
    }

    /** The patched workbook as .xlsx bytes. */
    public byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(Cell cell, Object value) {
        if (value instanceof java.time.LocalDate date) {
            // a date cell as a spreadsheet program writes one: the day number with a date format
            org.apache.poi.ss.usermodel.CellStyle style = wb.createCellStyle();
            style.cloneStyleFrom(cell.getCellStyle());
            style.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            cell.setCellStyle(style);
            cell.setCellValue(date);
        } else if (value == null) {
            cell.setBlank();
        } else if (value instanceof Boolean b) {
            cell.setCellValue(b);
        } else if (value instanceof BigDecimal d) {
            cell.setCellValue(d.doubleValue());
        } else if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else if (value instanceof CharSequence text) {
            cell.setCellValue(text.toString());
        } else {
            throw new IllegalArgumentException("a cell holds a number, text, a boolean, a date or nothing, not "
                    + value.getClass().getName());
        }
    }

    /** The sheet with this exact name, else the only sheet whose name starts with it. */
    private Sheet sheet(String name) {
        Sheet exact = wb.getSheet(name);
        if (exact != null) {
            return exact;
        }
        List<Sheet> found = new ArrayList<>();
        for (Sheet s : wb) {
            if (s.getSheetName().startsWith(name)) {
                found.add(s);
            }
        }
        if (found.size() != 1) {
            throw new IllegalArgumentException(found.size() + " sheets named or starting with \"" + name + "\"");
        }
        return found.get(0);
    }

    private static int column(Sheet s, String binding) {
        Row bindings = s.getRow(BINDINGS_ROW);
        if (bindings != null) {
            for (Cell c : bindings) {
                if (c.getCellType() == CellType.STRING && c.getStringCellValue().strip().equals(binding)) {
                    return c.getColumnIndex();
                }
            }
        }
        throw new IllegalArgumentException("no column " + binding + " in row 3 of " + s.getSheetName());
    }
}
