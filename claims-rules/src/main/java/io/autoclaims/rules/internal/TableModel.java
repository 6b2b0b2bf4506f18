package io.autoclaims.rules.internal;

import io.autoclaims.model.ClaimType;
import io.autoclaims.rules.CellRef;
import java.util.List;

/**
 * One decision table as read and typed from its sheet.
 *
 * @param step    the analyst's step number; tables of a claim type run in ascending step order
 * @param gate    the boolean claim fact that must be TRUE for the table's outputs and reasons, or null
 */
public record TableModel(
        String workbook,
        String sheet,
        String key,
        String title,
        HitPolicy hit,
        Scope scope,
        ClaimType claimType,
        int step,
        FactDef gate,
        List<ColumnModel> columns,
        List<RowModel> rows,
        CellRef keyCell) {

    public TableModel {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** {@code Coverage 保修范围} as the reason's {@code table} field shows it. */
    public String displayName() {
        return sheet;
    }
}
