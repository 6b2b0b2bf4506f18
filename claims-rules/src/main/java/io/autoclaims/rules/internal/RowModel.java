package io.autoclaims.rules.internal;

import io.autoclaims.rules.CellRef;
import java.util.List;

/**
 * One rule row, typed: its stable id, spreadsheet row, conditions, outputs, effect and reason.
 *
 * @param row   the spreadsheet row number as the analyst sees it (1-based)
 * @param code  the reason code, or null when the row reports nothing
 */
public record RowModel(
        String ruleId,
        int row,
        List<Condition> conditions,
        List<Output> outputs,
        Effect effect,
        String code,
        Template zh,
        Template en,
        CellRef idCell) {

    public RowModel {
        conditions = List.copyOf(conditions);
        outputs = List.copyOf(outputs);
    }

    /** A typed condition cell. */
    public record Condition(FactDef fact, Predicate predicate, CellRef cell) {
    }

    /** A typed output cell. */
    public record Output(FactDef fact, Object value, CellRef cell) {
    }
}
