package io.autoclaims.rules;

/**
 * One rule row of a loaded rulebook: its stable id, the table (sheet) and the spreadsheet row as the
 * analyst sees it, and, when it fired for one line, that line's id (null otherwise).
 */
public record RuleRef(String ruleId, String table, int row, String lineId) {
    /** Rejects a null id or table; {@code lineId} may be null. */
    public RuleRef {
        java.util.Objects.requireNonNull(ruleId, "ruleId");
        java.util.Objects.requireNonNull(table, "table");
    }
}
