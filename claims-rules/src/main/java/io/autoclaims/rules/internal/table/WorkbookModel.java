package io.autoclaims.rules.internal.table;

import io.autoclaims.rules.CellRef;
import io.autoclaims.rules.internal.condition.Range;
import java.time.LocalDate;
import java.util.List;

/**
 * One workbook as read: its About cells, its tables, and the canonical text of its cells from which
 * the rulebook fingerprint is computed (values only, so re-saving or re-formatting changes nothing).
 */
public record WorkbookModel(String file, String name, String version, List<TableModel> tables, String canonical,
        List<ScenarioModel> scenarios, List<LawBound> laws, List<TableModel> allTables, LocalDate inForceFrom,
        CellRef inForceCell) {
    /**
     * @param tables    the tables without errors: what is compiled
     * @param allTables every table whose columns could be read, those with errors too (their rows in
     *                  error included, bad cells left out), in sheet order: checked across tables so
     *                  that {@code claims check} lists every problem at once, never compiled
     * @param inForceFrom the About sheet's {@code In force from} date, or null when it states none
     * @param inForceCell the cell of that date, or null
     */
    public WorkbookModel {
        tables = List.copyOf(tables);
        allTables = List.copyOf(allTables);
        scenarios = List.copyOf(scenarios);
        laws = List.copyOf(laws);
    }

    /** A workbook read without errors: every table is compiled. */
    public WorkbookModel(String file, String name, String version, List<TableModel> tables, String canonical,
            List<ScenarioModel> scenarios, List<LawBound> laws) {
        this(file, name, version, tables, canonical, scenarios, laws, tables, null, null);
    }

    /**
     * A floor the law sets under one rule row's condition (the Law sheet): the row must accept at
     * least {@code range} of {@code fact}, e.g. S1-01 must cover {@code period.daysSinceStart <= 7}.
     */
    public record LawBound(String ruleId, FactDef fact, Range range, String article,
            io.autoclaims.rules.CellRef cell) {
    }
}
