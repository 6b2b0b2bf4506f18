package io.autoclaims.rules.internal.table;

import io.autoclaims.rules.CellRef;

/** One column of a table: its role, the fact it reads or sets, and its bilingual header. */
public record ColumnModel(int index, Role role, FactDef fact, String header, CellRef bindingCell) {

    /** The column as row 3 names it: {@code IF line.cause}, {@code CODE}, {@code TEXT zh}. */
    public String label() {
        return switch (role) {
            case IF -> "IF " + fact.name();
            case THEN -> "THEN " + fact.name();
            case TEXT_ZH -> "TEXT zh";
            case TEXT_EN -> "TEXT en";
            default -> role.name();
        };
    }

    /** What a column holds. */
    public enum Role { ID, IF, THEN, EFFECT, CODE, TEXT_ZH, TEXT_EN, NOTE }
}
