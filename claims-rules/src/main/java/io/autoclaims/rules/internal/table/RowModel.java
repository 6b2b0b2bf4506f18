package io.autoclaims.rules.internal.table;

import io.autoclaims.rules.CellRef;
import io.autoclaims.rules.internal.condition.Predicate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One rule row, typed: its stable id, spreadsheet row, conditions, outputs, effect and reason.
 *
 * @param row   the spreadsheet row number as the analyst sees it (1-based)
 * @param code  the reason code, or null when the row reports nothing
 * @param cells every cell of the row as the analyst sees it, by column label (for diffs)
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
        CellRef idCell,
        Map<String, String> cells) {

    public RowModel {
        conditions = List.copyOf(conditions);
        outputs = List.copyOf(outputs);
        cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
    }

    /** A typed condition cell. */
    public record Condition(FactDef fact, Predicate predicate, CellRef cell) {
    }

    /** A typed output cell. */
    public record Output(FactDef fact, Object value, CellRef cell) {
    }
}
