package io.autoclaims.batch;

import io.autoclaims.model.RulebookInfo;
import io.autoclaims.rules.OneLineText;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.rules.RulebookDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The edit behind an impact report: the workbook cells that differ between the two rulebooks
 * ({@link RulebookDiff}), and where each side came from, so that the report opens with the cause of
 * the changes it counts and tells two sides of the same version apart.
 *
 * @param oldSource where the old rulebook was loaded from (paths as given), or "" when not known
 * @param newSource where the new rulebook was loaded from, or ""
 * @param edits     every cell that differs, rule row by rule row; then tables and workbooks only one
 *                  side has, once each
 */
public record ImpactEdits(String oldSource, String newSource, List<Edit> edits) {

    /** No edit known (a summary built without the rulebooks, e.g. merged from partitions). */
    public static final ImpactEdits NONE = new ImpactEdits("", "", List.of());

    /**
     * One difference: a cell ({@code kind} CHANGED, or ADDED/REMOVED for a cell of a row only one
     * side has), or a table or workbook only one side has ({@code column} is then "table" or
     * "workbook" and the values give its rule rows).
     *
     * @param kind     whether the cell, table or workbook was changed, added or removed
     * @param where    {@code warranty.xlsx!Terms 保修期限!C6}: the new side's cell, the old side's if removed
     * @param ruleId   the row's stable id, "" for a table or workbook
     * @param column   the column as row 3 names it ({@code THEN line.termMonths})
     * @param oldValue the old text, "" where the old side has none
     * @param newValue the new text, "" where the new side has none
     */
    public record Edit(RulebookDiff.Kind kind, String where, String ruleId, String column, String oldValue,
            String newValue) {
    }

    /**
     * The edits, copied.
     *
     * @param oldSource where the old rulebook was loaded from, or "", not null
     * @param newSource where the new rulebook was loaded from, or "", not null
     * @param edits     every difference, not null
     * @throws NullPointerException when an argument is null
     */
    public ImpactEdits {
        Objects.requireNonNull(oldSource, "oldSource");
        Objects.requireNonNull(newSource, "newSource");
        edits = List.copyOf(edits);
    }

    /**
     * The cells that differ from {@code older} to {@code newer}, compared cell by cell in the workbooks
     * each was built from.
     *
     * @param older     the old rulebook
     * @param newer     the new rulebook
     * @param oldSource where the old one was loaded from ({@link #source}), or ""
     * @param newSource where the new one was loaded from, or ""
     * @return the edits, in workbook, table and row order
     */
    public static ImpactEdits between(Rulebook older, Rulebook newer, String oldSource, String newSource) {
        RulebookDiff diff = RulebookDiff.between(older.workbooks(), newer.workbooks());
        List<Edit> edits = new ArrayList<>();
        for (RulebookDiff.Change c : diff.changes()) {
            for (RulebookDiff.CellChange cell : c.cells()) {
                String where = cell.where() == null ? c.table() : cell.where().toString();
                edits.add(new Edit(c.kind(), where, c.ruleId(), cell.column(), cell.oldValue(), cell.newValue()));
            }
        }
        for (RulebookDiff.TableChange t : diff.tables()) {
            String rows = t.rules() + " rule row(s)";
            boolean added = t.kind() == RulebookDiff.Kind.ADDED;
            edits.add(new Edit(t.kind(), t.workbook() + "!" + t.table(), "", "table", added ? "" : rows, added ? rows : ""));
        }
        for (RulebookDiff.WorkbookChange w : diff.workbooks()) {
            String rows = w.tables() + " table(s), " + w.rules() + " rule row(s)";
            boolean added = w.kind() == RulebookDiff.Kind.ADDED;
            edits.add(new Edit(w.kind(), w.workbook(), "", "workbook", added ? "" : rows, added ? rows : ""));
        }
        return new ImpactEdits(oldSource, newSource, edits);
    }

    /**
     * The paths of one side as the user gave them: what tells two sides of one version apart.
     *
     * @param paths the workbooks or folders one side was loaded from
     * @return the paths joined by {@code ", "}
     */
    public static String source(java.util.List<java.nio.file.Path> paths) {
        return String.join(", ", paths.stream().map(java.nio.file.Path::toString).toList());
    }

    /**
     * A side as the report names it: version, fingerprint prefix and source, e.g.
     * {@code 2026.1 · b0b24fcd8475 · rules/warranty.xlsx}, so two sides of one version differ.
     *
     * @param info   the side's rulebook
     * @param source where it was loaded from, or ""
     * @return the label
     */
    public static String label(RulebookInfo info, String source) {
        String fp = info.fingerprint().length() > 12 ? info.fingerprint().substring(0, 12) : info.fingerprint();
        return info.version() + " · " + fp + (source.isEmpty() ? "" : " · " + source);
    }

    /**
     * One edit as a line: {@code warranty.xlsx!Terms 保修期限!C6 T-01 THEN line.termMonths: "96" -> "120"}.
     *
     * @param e the edit
     * @return one line: line breaks inside cell texts are escaped as {@code \\uXXXX}
     */
    public static String describe(Edit e) {
        // a TEXT or NOTE cell may hold line breaks: shown as \\uXXXX, so that an edit stays one line
        return OneLineText.escape(e.where() + (e.ruleId().isEmpty() ? "" : " " + e.ruleId()) + " " + e.column() + ": \""
                + e.oldValue() + "\" -> \"" + e.newValue() + "\"");
    }
}
