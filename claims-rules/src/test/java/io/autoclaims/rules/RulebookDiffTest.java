package io.autoclaims.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;

/** {@link RulebookDiff} compares like with like and names each changed cell. */
class RulebookDiffTest {

    private static byte[] warranty() {
        return Rulebook.defaultWorkbooks().get("warranty.xlsx");
    }

    /** The shipped warranty workbook with T-01's months set to 120. */
    private static byte[] t01At120() {
        return WorkbookErrorsTest.edit(warranty(), wb -> {
            for (Row row : wb.getSheet("Terms 保修期限")) {
                if (row.getCell(0) != null && "T-01".equals(row.getCell(0).toString())) {
                    row.getCell(2).setCellValue(120);
                }
            }
        });
    }

    @Test
    void aChangedCellIsNamedByWorkbookSheetAndCell() {
        RulebookDiff diff = RulebookDiff.between(Map.of("warranty.xlsx", warranty()), Map.of("warranty.xlsx", t01At120()));
        assertEquals(1, diff.changes().size(), diff.changes().toString());
        RulebookDiff.CellChange cell = diff.cellChanges().get(0);
        assertEquals("THEN line.termMonths", cell.column());
        assertEquals("96", cell.oldValue());
        assertEquals("120", cell.newValue());
        assertEquals("warranty.xlsx!Terms 保修期限!C6", cell.where().toString());
        assertTrue(diff.tables().isEmpty() && diff.workbooks().isEmpty());
    }

    @Test
    void aFolderAgainstOneOfItsFilesComparesOnlyTheTablesBothHave() {
        Map<String, byte[]> folder = Rulebook.defaultWorkbooks();
        RulebookDiff diff = RulebookDiff.between(folder, Map.of("edited.xlsx", t01At120()));
        // the two other workbooks are absent once each, not hundreds of removed rows
        assertEquals(List.of("assistance.xlsx", "insurance.xlsx"),
                diff.workbooks().stream().map(RulebookDiff.WorkbookChange::workbook).sorted().toList());
        assertTrue(diff.workbooks().stream().allMatch(w -> w.kind() == RulebookDiff.Kind.REMOVED && w.rules() > 0));
        assertEquals(List.of("T-01"), diff.changes().stream().map(RulebookDiff.Change::ruleId).toList());
        assertTrue(diff.tables().isEmpty(), diff.tables().toString());
        assertEquals(List.of("edited.xlsx"), diff.newFiles());
        assertEquals(3, diff.oldFiles().size());
        assertEquals(diff.comparedTables(), RulebookDiff.between(Map.of("w.xlsx", warranty()),
                Map.of("w.xlsx", warranty())).comparedTables());
    }

    @Test
    void aTableOnlyOneSideHasIsOneChangeNotEachRow() {
        byte[] withoutTerms = WorkbookErrorsTest.edit(warranty(), wb -> {
            Sheet terms = wb.getSheet("Terms 保修期限");
            wb.removeSheetAt(wb.getSheetIndex(terms));
        });
        RulebookDiff diff = RulebookDiff.between(Map.of("warranty.xlsx", warranty()),
                Map.of("warranty.xlsx", withoutTerms));
        assertEquals(1, diff.tables().size(), diff.tables().toString());
        RulebookDiff.TableChange t = diff.tables().get(0);
        assertEquals(RulebookDiff.Kind.REMOVED, t.kind());
        assertEquals("Terms", t.key());
        assertEquals("warranty.xlsx", t.workbook());
        assertTrue(t.rules() > 0);
        assertTrue(diff.changes().isEmpty(), "no row of the absent table is listed: " + diff.changes());
    }
}
