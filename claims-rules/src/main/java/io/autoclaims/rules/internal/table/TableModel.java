package io.autoclaims.rules.internal.table;

import io.autoclaims.model.ClaimType;
import io.autoclaims.rules.CellRef;
import java.util.List;
import java.util.Set;

/**
 * One decision table as read and typed from its sheet.
 *
 * @param step    the analyst's step number; tables run in ascending step order
 * @param gate    the boolean claim fact that must be TRUE for the table's outputs and reasons, or null
 */
public record TableModel(
        String workbook,
        String sheet,
        String key,
        String title,
        HitPolicy hit,
        Scope scope,
        Set<ClaimType> claimTypes,
        int step,
        FactDef gate,
        List<ColumnModel> columns,
        List<RowModel> rows,
        CellRef keyCell) {

    public TableModel {
        claimTypes = Set.copyOf(claimTypes);
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** True when the table runs for claims of that type. */
    public boolean serves(ClaimType type) {
        return claimTypes.contains(type);
    }

    /** True when a row of the table can deny the claim: such tables still run after a denial. */
    public boolean canDeny() {
        return rows.stream().anyMatch(r -> r.effect() == Effect.DENY);
    }

    /** {@code Coverage 保修范围} as the reason's {@code table} field shows it. */
    public String displayName() {
        return sheet;
    }
}
