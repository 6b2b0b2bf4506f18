package io.autoclaims.rules;

import io.autoclaims.model.RulebookInfo;
import io.autoclaims.rules.internal.table.ColumnModel;
import io.autoclaims.rules.internal.table.RowModel;
import io.autoclaims.rules.internal.compile.RulebookCompiler;
import io.autoclaims.rules.internal.table.TableModel;
import io.autoclaims.rules.internal.table.WorkbookModel;
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
 *
 * <p>Like is compared with like: tables are matched by their key, and rows are compared only in the
 * tables both sides have. A table only one side has is one {@link TableChange}, not each of its rows
 * as added or removed; a workbook none of whose tables the other side has (a folder compared with
 * one of its files) is one {@link WorkbookChange}.
 *
 * @param oldInfo        the old side's name, version and fingerprint
 * @param newInfo        the new side's name, version and fingerprint
 * @param changes        the rule rows added, removed or changed, in the tables both sides have
 * @param tables         the tables only one side has, in a workbook both have
 * @param workbooks      the workbooks only one side has
 * @param oldFiles       the workbook file names of the old side, in the order read
 * @param newFiles       the workbook file names of the new side
 * @param comparedTables how many tables both sides have: the rows compared are theirs
 */
public record RulebookDiff(RulebookInfo oldInfo, RulebookInfo newInfo, List<Change> changes,
        List<TableChange> tables, List<WorkbookChange> workbooks, List<String> oldFiles, List<String> newFiles,
        int comparedTables) {

    /** What happened to one rule row, table or workbook. */
    public enum Kind {
        /** Only the new side has it. */
        ADDED,
        /** Only the old side has it. */
        REMOVED,
        /** Both sides have it, with cells that differ. */
        CHANGED
    }

    /**
     * One changed cell: the column (as row 3 names it), the old and the new text, and where it is
     * (the new side's cell; the old side's for a removed row).
     *
     * @param column   the column as row 3 names it, e.g. {@code THEN line.termMonths}
     * @param oldValue the old text, "" where the old side has none
     * @param newValue the new text, "" where the new side has none
     * @param where    the cell, or null for a change not tied to one cell
     */
    public record CellChange(String column, String oldValue, String newValue, CellRef where) {
        /**
         * A change; only the column is required.
         *
         * @param column   the column as row 3 names it
         * @param oldValue the old text
         * @param newValue the new text
         * @param where    the cell, or null for a change not tied to one cell
         * @throws NullPointerException when {@code column} is null
         */
        public CellChange {
            Objects.requireNonNull(column, "column");
        }

        /**
         * A change not tied to one cell (a row moved to another table).
         *
         * @param column   what changed
         * @param oldValue the old text
         * @param newValue the new text
         */
        public CellChange(String column, String oldValue, String newValue) {
            this(column, oldValue, newValue, null);
        }
    }

    /**
     * One rule row that changed: its id, table and spreadsheet row on each side (0 where absent),
     * its reason code, and the cells that differ (all of them for an added or removed row).
     *
     * @param kind   added, removed or changed
     * @param ruleId the row's stable id
     * @param table  its table (sheet)
     * @param oldRow its spreadsheet row on the old side, 0 where absent
     * @param newRow its spreadsheet row on the new side, 0 where absent
     * @param code   its reason code
     * @param cells  the cells that differ
     */
    public record Change(Kind kind, String ruleId, String table, int oldRow, int newRow, String code,
            List<CellChange> cells) {
        /**
         * A changed row; the cells are copied.
         *
         * @param kind   added, removed or changed
         * @param ruleId the row's stable id
         * @param table  its table (sheet)
         * @param oldRow its old spreadsheet row, 0 where absent
         * @param newRow its new spreadsheet row, 0 where absent
         * @param code   its reason code
         * @param cells  the cells that differ, not null
         */
        public Change {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(ruleId, "ruleId");
            Objects.requireNonNull(table, "table");
            cells = List.copyOf(Objects.requireNonNull(cells, "cells"));
        }
    }

    /**
     * A table only one side has ({@code ADDED}: only the new side; {@code REMOVED}: only the old), in a
     * workbook the other side has: its key, sheet, workbook and number of rule rows.
     *
     * @param kind     added or removed
     * @param key      the table's key
     * @param table    its sheet
     * @param workbook its workbook's file name
     * @param rules    its rule rows
     */
    public record TableChange(Kind kind, String key, String table, String workbook, int rules) {
        /**
         * Rejects nulls.
         *
         * @param kind     added or removed
         * @param key      the table's key
         * @param table    its sheet
         * @param workbook its workbook
         * @param rules    its number of rule rows
         */
        public TableChange {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(workbook, "workbook");
        }
    }

    /**
     * A workbook none of whose tables the other side has: {@code ADDED} (only the new side has it) or
     * {@code REMOVED} (only the old), with its number of tables and rule rows; nothing of it is compared.
     *
     * @param kind     added or removed
     * @param workbook its file name
     * @param tables   its tables
     * @param rules    its rule rows
     */
    public record WorkbookChange(Kind kind, String workbook, int tables, int rules) {
        /**
         * Rejects nulls.
         *
         * @param kind     added or removed
         * @param workbook the workbook's file name
         * @param tables   its number of tables
         * @param rules    its number of rule rows
         */
        public WorkbookChange {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(workbook, "workbook");
        }
    }

    /**
     * A difference; the lists are copied.
     *
     * @param oldInfo        the old side's identity
     * @param newInfo        the new side's identity
     * @param changes        the rule rows that changed
     * @param tables         the tables only one side has
     * @param workbooks      the workbooks only one side has
     * @param oldFiles       the old side's workbook file names
     * @param newFiles       the new side's workbook file names
     * @param comparedTables how many tables both sides have
     * @throws NullPointerException when a list is null
     */
    public RulebookDiff {
        Objects.requireNonNull(oldInfo, "oldInfo");
        Objects.requireNonNull(newInfo, "newInfo");
        changes = List.copyOf(Objects.requireNonNull(changes, "changes"));
        tables = List.copyOf(Objects.requireNonNull(tables, "tables"));
        workbooks = List.copyOf(Objects.requireNonNull(workbooks, "workbooks"));
        oldFiles = List.copyOf(Objects.requireNonNull(oldFiles, "oldFiles"));
        newFiles = List.copyOf(Objects.requireNonNull(newFiles, "newFiles"));
    }

    /**
     * Whether nothing changed.
     *
     * @return true when the two sides hold the same tables and rule rows, cell for cell
     */
    public boolean unchanged() {
        return changes.isEmpty() && tables.isEmpty() && workbooks.isEmpty();
    }

    /**
     * Every cell that changed, e.g. {@code warranty.xlsx!Terms 保修期限!C6 "96" -> "120"}.
     *
     * @return the cells, in the order of {@link #changes()}
     */
    public List<CellChange> cellChanges() {
        return changes.stream().flatMap(c -> c.cells().stream()).toList();
    }

    /**
     * The differences from {@code older} to {@code newer}; neither side is compiled.
     *
     * @param older the old side's workbooks, bytes by file name
     * @param newer the new side's workbooks, bytes by file name
     * @return the difference
     * @throws RulebookException when a workbook cannot be read as a rule workbook
     */
    public static RulebookDiff between(Map<String, byte[]> older, Map<String, byte[]> newer) {
        Objects.requireNonNull(older, "older");
        Objects.requireNonNull(newer, "newer");
        List<WorkbookIssue> issues = new ArrayList<>();
        List<WorkbookModel> a = RulebookCompiler.read(older, issues);
        List<WorkbookModel> b = RulebookCompiler.read(newer, issues);
        if (issues.stream().anyMatch(WorkbookIssue::isError)) {
            throw new RulebookException(issues);
        }
        Map<String, TableModel> oldTables = tables(a);
        Map<String, TableModel> newTables = tables(b);
        List<TableChange> tableChanges = new ArrayList<>();
        List<WorkbookChange> workbookChanges = new ArrayList<>();
        absent(a, newTables.keySet(), Kind.REMOVED, tableChanges, workbookChanges);
        absent(b, oldTables.keySet(), Kind.ADDED, tableChanges, workbookChanges);
        Map<String, Located> before = rows(a, newTables.keySet());
        Map<String, Located> after = rows(b, oldTables.keySet());
        List<Change> changes = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>(before.keySet());
        ids.addAll(after.keySet());
        for (String id : ids) {
            Located o = before.get(id);
            Located n = after.get(id);
            if (o == null) {
                changes.add(new Change(Kind.ADDED, id, n.table.displayName(), 0, n.row.row(), n.row.code(),
                        cells(null, n)));
            } else if (n == null) {
                changes.add(new Change(Kind.REMOVED, id, o.table.displayName(), o.row.row(), 0, o.row.code(),
                        cells(o, null)));
            } else {
                List<CellChange> cells = cells(o, n);
                if (!o.table.displayName().equals(n.table.displayName())) {
                    cells.add(0, new CellChange("table", o.table.displayName(), n.table.displayName()));
                }
                if (!cells.isEmpty()) {
                    changes.add(new Change(Kind.CHANGED, id, n.table.displayName(), o.row.row(), n.row.row(),
                            n.row.code(), cells));
                }
            }
        }
        return new RulebookDiff(RulebookCompiler.infoOf(a), RulebookCompiler.infoOf(b), changes, tableChanges,
                workbookChanges, a.stream().map(WorkbookModel::file).toList(),
                b.stream().map(WorkbookModel::file).toList(),
                (int) oldTables.keySet().stream().filter(newTables::containsKey).count());
    }

    private record Located(TableModel table, RowModel row) {
    }

    /** The tables of one side by key (keys are unique in a rulebook that loads). */
    private static Map<String, TableModel> tables(List<WorkbookModel> workbooks) {
        Map<String, TableModel> tables = new LinkedHashMap<>();
        workbooks.forEach(w -> w.tables().forEach(t -> tables.putIfAbsent(t.key(), t)));
        return tables;
    }

    /** What one side has and the other does not: whole workbooks once, else single tables once. */
    private static void absent(List<WorkbookModel> side, Set<String> otherKeys, Kind kind, List<TableChange> tables,
            List<WorkbookChange> workbooks) {
        for (WorkbookModel w : side) {
            List<TableModel> missing = w.tables().stream().filter(t -> !otherKeys.contains(t.key())).toList();
            if (missing.isEmpty()) {
                continue;
            }
            if (missing.size() == w.tables().size()) {
                workbooks.add(new WorkbookChange(kind, w.file(), missing.size(),
                        missing.stream().mapToInt(t -> t.rows().size()).sum()));
            } else {
                missing.forEach(t -> tables.add(new TableChange(kind, t.key(), t.displayName(), w.file(),
                        t.rows().size())));
            }
        }
    }

    /** The rule rows of the tables the other side has too, by rule id. */
    private static Map<String, Located> rows(List<WorkbookModel> workbooks, Set<String> sharedKeys) {
        Map<String, Located> rows = new LinkedHashMap<>();
        for (WorkbookModel w : workbooks) {
            for (TableModel t : w.tables()) {
                if (!sharedKeys.contains(t.key())) {
                    continue;
                }
                for (RowModel r : t.rows()) {
                    rows.put(r.ruleId(), new Located(t, r));
                }
            }
        }
        return rows;
    }

    private static List<CellChange> cells(Located before, Located after) {
        Map<String, String> o = before == null ? Map.of() : before.row.cells();
        Map<String, String> n = after == null ? Map.of() : after.row.cells();
        Set<String> columns = new LinkedHashSet<>(o.keySet());
        columns.addAll(n.keySet());
        List<CellChange> changes = new ArrayList<>();
        for (String c : columns) {
            if (c.equals("ID")) {
                continue;
            }
            String ov = o.getOrDefault(c, "");
            String nv = n.getOrDefault(c, "");
            if (!Objects.equals(ov, nv)) {
                Located at = after != null && n.containsKey(c) ? after : before;
                changes.add(new CellChange(c, ov, nv, cell(at, c)));
            }
        }
        return changes;
    }

    /** Where a row's cell of the column labelled {@code column} is. */
    private static CellRef cell(Located at, String column) {
        for (ColumnModel c : at.table.columns()) {
            if (c.label().equals(column)) {
                return CellRef.of(at.table.workbook(), at.table.sheet(), at.row.row() - 1, c.index());
            }
        }
        return CellRef.sheet(at.table.workbook(), at.table.sheet());
    }
}
