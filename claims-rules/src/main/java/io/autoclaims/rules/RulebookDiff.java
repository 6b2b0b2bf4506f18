package io.autoclaims.rules;

import io.autoclaims.model.RulebookInfo;
import io.autoclaims.rules.internal.RowModel;
import io.autoclaims.rules.internal.RulebookCompiler;
import io.autoclaims.rules.internal.TableModel;
import io.autoclaims.rules.internal.WorkbookModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What changed between two versions of a rulebook: rule rows added, removed and changed, cell by
 * cell, followed by their stable rule ids (spreadsheet rows move when a row is inserted; ids do not).
 */
public record RulebookDiff(RulebookInfo oldInfo, RulebookInfo newInfo, List<Change> changes) {

    /** What happened to one rule row. */
    public enum Kind { ADDED, REMOVED, CHANGED }

    /** One changed cell: the column (as row 3 names it), the old and the new text. */
    public record CellChange(String column, String oldValue, String newValue) {
    }

    /**
     * One rule row that changed: its id, table and spreadsheet row on each side (0 where absent),
     * its reason code, and the cells that differ (all of them for an added or removed row).
     */
    public record Change(Kind kind, String ruleId, String table, int oldRow, int newRow, String code,
            List<CellChange> cells) {
        public Change {
            cells = List.copyOf(cells);
        }
    }

    public RulebookDiff {
        changes = List.copyOf(changes);
    }

    /** The differences from {@code older} to {@code newer}, workbooks given as bytes by file name. */
    public static RulebookDiff between(Map<String, byte[]> older, Map<String, byte[]> newer) {
        List<WorkbookIssue> issues = new ArrayList<>();
        List<WorkbookModel> a = RulebookCompiler.read(older, issues);
        List<WorkbookModel> b = RulebookCompiler.read(newer, issues);
        if (issues.stream().anyMatch(WorkbookIssue::isError)) {
            throw new RulebookException(issues);
        }
        Map<String, Located> before = rows(a);
        Map<String, Located> after = rows(b);
        List<Change> changes = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>(before.keySet());
        ids.addAll(after.keySet());
        for (String id : ids) {
            Located o = before.get(id);
            Located n = after.get(id);
            if (o == null) {
                changes.add(new Change(Kind.ADDED, id, n.table, 0, n.row.row(), n.row.code(),
                        cells(Map.of(), n.row.cells())));
            } else if (n == null) {
                changes.add(new Change(Kind.REMOVED, id, o.table, o.row.row(), 0, o.row.code(),
                        cells(o.row.cells(), Map.of())));
            } else {
                List<CellChange> cells = cells(o.row.cells(), n.row.cells());
                if (!o.table.equals(n.table)) {
                    cells.add(0, new CellChange("table", o.table, n.table));
                }
                if (!cells.isEmpty()) {
                    changes.add(new Change(Kind.CHANGED, id, n.table, o.row.row(), n.row.row(), n.row.code(), cells));
                }
            }
        }
        return new RulebookDiff(RulebookCompiler.infoOf(a), RulebookCompiler.infoOf(b), changes);
    }

    private record Located(String table, RowModel row) {
    }

    private static Map<String, Located> rows(List<WorkbookModel> workbooks) {
        Map<String, Located> rows = new LinkedHashMap<>();
        for (WorkbookModel w : workbooks) {
            for (TableModel t : w.tables()) {
                for (RowModel r : t.rows()) {
                    rows.put(r.ruleId(), new Located(t.displayName(), r));
                }
            }
        }
        return rows;
    }

    private static List<CellChange> cells(Map<String, String> before, Map<String, String> after) {
        Set<String> columns = new LinkedHashSet<>(before.keySet());
        columns.addAll(after.keySet());
        List<CellChange> changes = new ArrayList<>();
        for (String c : columns) {
            if (c.equals("ID")) {
                continue;
            }
            String o = before.getOrDefault(c, "");
            String n = after.getOrDefault(c, "");
            if (!Objects.equals(o, n)) {
                changes.add(new CellChange(c, o, n));
            }
        }
        return changes;
    }
}
