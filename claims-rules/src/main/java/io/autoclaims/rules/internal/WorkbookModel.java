package io.autoclaims.rules.internal;

import java.util.List;

/**
 * One workbook as read: its About cells, its tables, and the canonical text of its cells from which
 * the rulebook fingerprint is computed (values only, so re-saving or re-formatting changes nothing).
 */
public record WorkbookModel(String file, String name, String version, List<TableModel> tables, String canonical,
        List<ScenarioModel> scenarios) {
    public WorkbookModel {
        tables = List.copyOf(tables);
        scenarios = List.copyOf(scenarios);
    }
}
