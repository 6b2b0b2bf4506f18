package io.autoclaims.rules.internal;

import io.autoclaims.rules.CellRef;

/** One column of a table: its role, the fact it reads or sets, and its bilingual header. */
public record ColumnModel(int index, Role role, FactDef fact, String header, CellRef bindingCell) {

    /** What a column holds. */
    public enum Role { ID, IF, THEN, EFFECT, CODE, TEXT_ZH, TEXT_EN, NOTE }
}
